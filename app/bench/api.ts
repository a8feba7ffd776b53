// API benchmark: `node app/bench/api.ts` prints one JSON report.
//   - POST /analyze under autocannon load: requests/s and p50/p95/p99 latency (target ≥ 2000 rps, p95 < 50 ms)
//   - render pick-up: generate → a worker has started it, p50 (target < 500 ms)
//   - batch hand-off: one batch item completed → the next one started, p50 (target < 500 ms)
//   - a 10 s 720p animation from generate to downloadable (target < 15 s)
//   - /healthz p50/p99 idle and while five molecule structures are composed (target: p99 < 50 ms)
// `--only healthz,analyze` runs just those parts (analyze, pickup, handoff, render, healthz).
// It starts its own server (`devforge serve`, embedded mode, fresh data dir) unless DEVFORGE_BENCH_URL
// and DEVFORGE_BENCH_KEY point at a running one. Knobs: DEVFORGE_BENCH_CONNECTIONS (default 32),
// DEVFORGE_BENCH_SECONDS (default 10), DEVFORGE_BENCH_PICKUPS (default 7).
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { healthzUnderCompose } from './api/healthz-under-compose.ts';
import { loadAnalyze } from './api/load.ts';
import { batchHandoff, generateToDownload, pickupLatency } from './api/renders.ts';
import { benchKey, startBenchServer, type BenchServer } from './api/server-process.ts';

const env = process.env;
const PARTS = ['analyze', 'pickup', 'handoff', 'render', 'healthz'] as const;
const { values } = parseArgs({ options: { only: { type: 'string' } } });
const only = values.only?.split(',') ?? [...PARTS];
const unknown = only.filter((p) => !(PARTS as readonly string[]).includes(p));
if (unknown.length) throw new Error(`--only: unknown part ${unknown.join(', ')}; the parts are ${PARTS.join(', ')}`);
const runs = (part: (typeof PARTS)[number]) => only.includes(part);
let server: BenchServer | undefined;
let url = env.DEVFORGE_BENCH_URL ?? '';
let key = env.DEVFORGE_BENCH_KEY ?? '';
if (!url || !key) {
  server = await startBenchServer();
  url = server.url;
  key = await benchKey(url);
}

try {
  const connections = Number(env.DEVFORGE_BENCH_CONNECTIONS ?? 32);
  const durationS = Number(env.DEVFORGE_BENCH_SECONDS ?? 10);
  const report: Record<string, unknown> = { machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', load_average_1m: Math.round(loadavg()[0]! * 100) / 100 } };
  const targets: Record<string, number> = {};
  const pass: Record<string, boolean> = {};
  if (runs('analyze')) {
    // Warm-up: JIT, the key cache, the analysis normaliser.
    await loadAnalyze(url, key, { connections, durationS: 2, description: 'Demonstrate bubble sort on 5 3 8 1' });
    const analyze = await loadAnalyze(url, key, { connections, durationS, description: 'Demonstrate bubble sort on 5 3 8 1' });
    report.analyze = analyze;
    Object.assign(targets, { analyze_rps_min: 2000, analyze_p95_ms_max: 50 });
    Object.assign(pass, { analyze_rps: analyze.rps >= 2000, analyze_p95: analyze.p95_ms < 50 });
  }
  if (runs('pickup')) {
    const pickup = await pickupLatency(url, key, Number(env.DEVFORGE_BENCH_PICKUPS ?? 7));
    report.render_pickup = pickup;
    targets.pickup_p50_ms_max = 500;
    pass.pickup_p50 = pickup.p50_ms < 500;
  }
  if (runs('handoff')) {
    const handoff = await batchHandoff(url, key, 4);
    report.render_batch_handoff = handoff;
    targets.batch_handoff_p50_ms_max = 500;
    pass.batch_handoff_p50 = handoff.p50_ms < 500;
  }
  if (runs('render')) {
    const render = await generateToDownload(url, key, 10);
    report.render_720p_10s_to_download = render;
    targets.render_720p_10s_s_max = 15;
    pass.render_720p_10s = render.seconds < 15;
  }
  if (runs('healthz')) {
    const healthz = await healthzUnderCompose(url, key);
    report.healthz_under_compose = healthz;
    targets.healthz_composing_p99_ms_max = 50;
    pass.healthz_composing_p99 = healthz.composing.p99_ms < 50 && healthz.composing.failed === 0;
  }
  report.targets = targets;
  report.pass = pass;
  console.log(JSON.stringify(report, null, 2));
} finally {
  await server?.stop();
}
