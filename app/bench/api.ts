// API benchmark: `node app/bench/api.ts` prints one JSON report.
//   - POST /analyze under autocannon load: requests/s and p50/p95/p99 latency (target ≥ 2000 rps, p95 < 50 ms)
//   - render pick-up: generate → a worker has started it, p50 (target < 500 ms)
//   - batch hand-off: one batch item completed → the next one started, p50 (target < 500 ms)
//   - a 10 s 720p animation from generate to downloadable (target < 15 s)
// It starts its own server (`devforge serve`, embedded mode, fresh data dir) unless DEVFORGE_BENCH_URL
// and DEVFORGE_BENCH_KEY point at a running one. Knobs: DEVFORGE_BENCH_CONNECTIONS (default 32),
// DEVFORGE_BENCH_SECONDS (default 10), DEVFORGE_BENCH_PICKUPS (default 7).
import { cpus, loadavg } from 'node:os';
import { loadAnalyze } from './api/load.ts';
import { batchHandoff, generateToDownload, pickupLatency } from './api/renders.ts';
import { benchKey, startBenchServer, type BenchServer } from './api/server-process.ts';

const env = process.env;
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
  // Warm-up: JIT, the key cache, the analysis normaliser.
  await loadAnalyze(url, key, { connections, durationS: 2, description: 'Demonstrate bubble sort on 5 3 8 1' });
  const analyze = await loadAnalyze(url, key, { connections, durationS, description: 'Demonstrate bubble sort on 5 3 8 1' });
  const pickup = await pickupLatency(url, key, Number(env.DEVFORGE_BENCH_PICKUPS ?? 7));
  const handoff = await batchHandoff(url, key, 4);
  const render = await generateToDownload(url, key, 10);
  const report = {
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', load_average_1m: Math.round(loadavg()[0]! * 100) / 100 },
    analyze,
    render_pickup: pickup,
    render_batch_handoff: handoff,
    render_720p_10s_to_download: render,
    targets: {
      analyze_rps_min: 2000,
      analyze_p95_ms_max: 50,
      pickup_p50_ms_max: 500,
      batch_handoff_p50_ms_max: 500,
      render_720p_10s_s_max: 15,
    },
    pass: {
      analyze_rps: analyze.rps >= 2000,
      analyze_p95: analyze.p95_ms < 50,
      pickup_p50: pickup.p50_ms < 500,
      batch_handoff_p50: handoff.p50_ms < 500,
      render_720p_10s: render.seconds < 15,
    },
  };
  console.log(JSON.stringify(report, null, 2));
} finally {
  await server?.stop();
}
