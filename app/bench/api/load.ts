// POST /analyze under load with autocannon: requests per second and exact latency percentiles (from
// every response time, not autocannon's fixed percentile list, which has no p95).
// @ts-expect-error autocannon ships no types
import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  requests: number;
  non_2xx: number;
  errors: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  connections: number;
  duration_s: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function loadAnalyze(url: string, key: string, opts: { connections: number; durationS: number; description: string }): Promise<LoadResult> {
  const times: number[] = [];
  const instance = autocannon({
    url: `${url}/api/v1/analyze`,
    method: 'POST',
    connections: opts.connections,
    duration: opts.durationS,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ description: opts.description }),
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
  const result = await new Promise<{ requests: { total: number; average: number }; non2xx: number; errors: number; duration: number }>((resolve, reject) => {
    instance.on('done', resolve);
    instance.on('error', reject);
  });
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    rps: Math.round(result.requests.total / result.duration),
    requests: result.requests.total,
    non_2xx: result.non2xx,
    errors: result.errors,
    p50_ms: round(percentile(times, 50)),
    p95_ms: round(percentile(times, 95)),
    p99_ms: round(percentile(times, 99)),
    connections: opts.connections,
    duration_s: result.duration,
  };
}
