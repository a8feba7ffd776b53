// Liveness (/healthz: the process answers) and readiness (/readyz: database, storage and queue all
// reachable; 503 problem+json naming what is not, so a load balancer stops sending traffic).
import type { Context } from 'koa';
import { Problem } from '../api/problems.ts';
import { sendProblem } from '../api/problem-middleware.ts';

export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

const CHECK_TIMEOUT_MS = 2_000;

export interface CheckResult {
  ok: boolean;
  error?: string;
  ms: number;
}

function withTimeout(p: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout;
  return Promise.race([p, new Promise<void>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}

export async function runChecks(checks: ReadinessCheck[]): Promise<Record<string, CheckResult>> {
  const results = await Promise.all(
    checks.map(async (c): Promise<[string, CheckResult]> => {
      const started = performance.now();
      try {
        await withTimeout(c.check(), CHECK_TIMEOUT_MS);
        return [c.name, { ok: true, ms: Math.round(performance.now() - started) }];
      } catch (err) {
        const e = err as Error & { code?: string; errors?: Error[] };
        const message = e.message || e.code || e.errors?.map((x) => x.message).join('; ') || String(err);
        return [c.name, { ok: false, error: message, ms: Math.round(performance.now() - started) }];
      }
    }),
  );
  return Object.fromEntries(results);
}

export function healthz(ctx: Context): void {
  ctx.set('cache-control', 'no-store');
  ctx.body = { status: 'ok' };
}

export async function readyz(ctx: Context, checks: ReadinessCheck[]): Promise<void> {
  ctx.set('cache-control', 'no-store');
  const results = await runChecks(checks);
  const failing = Object.entries(results).filter(([, r]) => !r.ok);
  if (!failing.length) {
    ctx.body = { status: 'ready', checks: results };
    return;
  }
  sendProblem(ctx, new Problem('service-unavailable', failing.map(([name, r]) => `${name}: ${r.error}`).join('; '), { checks: results }, { 'retry-after': '5' }));
}
