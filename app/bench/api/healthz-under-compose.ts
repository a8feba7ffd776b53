// /healthz latency idle and while five molecule structures not in the bundled table are composed
// (POST /scenes/preview: the same scene pool as generate, without queueing renders that would compete
// for the CPUs). Shows that slow compositions stay off the event loop: the figure under load should
// stay close to the idle one, where composing in-line would stall it for seconds.
import { percentile } from './load.ts';

/** Each takes openchemlib one to several seconds to build in 3D (cholesterol without stereo, a disaccharide, codeine, LSD, dodecylphenol). */
const UNBUNDLED = ['CC(C)CCCC(C)C1CCC2C1(CCC3C2CCC4C3(CCC(C4)O)C)C', 'OC1C(O)C(O)C(OC2C(O)C(O)C(O)C(CO)O2)OC1CO', 'CN1CCC23C4C1CC5=C2C(=C(C=C5)OC)OC3C(C=C4)O', 'CCN(CC)C(=O)C1CN(C)C2CC3=CNC4=CC=CC(=C34)C2=C1', 'CCCCCCCCCCCCc1ccc(O)cc1'];
/** Between polls, so the poller measures the server rather than competing with it for a core. */
const PAUSE_MS = 5;

export interface HealthzFigures {
  polls: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
}

export interface HealthzUnderCompose {
  idle: HealthzFigures;
  composing: HealthzFigures & { compositions: number; compose_wall_s: number; failed: number };
}

async function pollOnce(url: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${url}/healthz`);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`/healthz answered ${res.status}`);
  return performance.now() - started;
}

function figures(times: number[]): HealthzFigures {
  const sorted = [...times].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return { polls: sorted.length, p50_ms: round(percentile(sorted, 50)), p99_ms: round(percentile(sorted, 99)), max_ms: round(sorted.at(-1) ?? NaN) };
}

export async function healthzUnderCompose(url: string, key: string, idlePolls = 300): Promise<HealthzUnderCompose> {
  const idle: number[] = [];
  for (let i = 0; i < idlePolls; i++) {
    idle.push(await pollOnce(url));
    await new Promise((r) => setTimeout(r, PAUSE_MS));
  }
  const started = performance.now();
  let pending = UNBUNDLED.length;
  let failed = 0;
  const compositions = UNBUNDLED.map((smiles) =>
    fetch(`${url}/api/v1/scenes/preview`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ description: `Show the molecule ${smiles}` }) })
      .then(async (res) => {
        await res.arrayBuffer();
        if (!res.ok) failed++;
      })
      .finally(() => pending--),
  );
  const busy: number[] = [];
  while (pending > 0) {
    busy.push(await pollOnce(url));
    await new Promise((r) => setTimeout(r, PAUSE_MS));
  }
  await Promise.all(compositions);
  const wall = (performance.now() - started) / 1000;
  return { idle: figures(idle), composing: { ...figures(busy), compositions: UNBUNDLED.length, compose_wall_s: Math.round(wall * 100) / 100, failed } };
}
