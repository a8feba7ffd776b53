// Render timings through the API: how soon a queued render is picked up after `generate` returns, how soon
// the worker takes the next item of a batch once it is free, and how long a 10 s 720p animation takes from
// `generate` to a downloadable MP4.
import { percentile } from './load.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are any on purpose, as in the tests (eslint.config.js)
async function json(url: string, key: string, method = 'GET', body?: unknown): Promise<any> {
  const res = await fetch(url, { method, headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
  if (!res.ok) throw new Error(`${method} ${url}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

/** Reads the animation's event stream until `until` says stop (or the stream ends). */
async function watch(url: string, id: string, key: string, until: (data: { status: string }) => boolean): Promise<{ status: string }> {
  const res = await fetch(`${url}/api/v1/animations/${id}/events`, { headers: { authorization: `Bearer ${key}` } });
  const decoder = new TextDecoder();
  let buffer = '';
  let last = { status: 'unknown' };
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
      const data = /^data: (.*)$/m.exec(buffer.slice(0, cut))?.[1];
      buffer = buffer.slice(cut + 2);
      if (!data) continue;
      last = JSON.parse(data);
      if (until(last)) {
        await res.body?.cancel().catch(() => {});
        return last;
      }
    }
  }
  return last;
}

/** Waits until no render runs (a cancelled one may still be winding down), so each sample starts idle. */
async function workerIdle(url: string, key: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const metrics = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${key}` } })).text();
    if (/^devforge_renders_active 0$/m.test(metrics)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the worker stayed busy for a minute');
}

export async function pickupLatency(url: string, key: string, samples: number): Promise<{ samples: number; p50_ms: number; max_ms: number; all_ms: number[] }> {
  const all: number[] = [];
  for (let i = 0; i < samples; i++) {
    await workerIdle(url, key);
    const made = await json(`${url}/api/v1/animations/generate`, key, 'POST', { description: `Demonstrate bubble sort on ${i + 2} 1 3`, quality: '720p', duration: 1 });
    const returned = Date.now();
    await watch(url, made.id, key, (d) => d.status !== 'queued');
    const animation = await json(`${url}/api/v1/animations/${made.id}`, key);
    all.push(Math.max(0, Date.parse(animation.started_at) - returned));
    // Stop it: only the pick-up is measured here.
    await fetch(`${url}/api/v1/animations/${made.id}/cancel`, { method: 'POST', headers: { authorization: `Bearer ${key}` } });
    await watch(url, made.id, key, (d) => d.status === 'cancelled' || d.status === 'completed' || d.status === 'failed');
  }
  const sorted = [...all].sort((a, b) => a - b);
  return { samples, p50_ms: percentile(sorted, 50), max_ms: sorted.at(-1)!, all_ms: all };
}

/** A batch of short renders queued at once: the gap between one item's completion and the next one's start. */
export async function batchHandoff(url: string, key: string, items: number): Promise<{ items: number; p50_ms: number; max_ms: number; all_ms: number[] }> {
  await workerIdle(url, key);
  const animations = Array.from({ length: items }, (_, i) => ({ description: `Demonstrate bubble sort on ${i + 3} 1 2`, quality: '720p', duration: 1, fps: 24 }));
  const batch = await json(`${url}/api/v1/animations/batch`, key, 'POST', { animations });
  for (const { id } of batch.animations as { id: string }[]) await watch(url, id, key, (d) => ['completed', 'failed', 'cancelled'].includes(d.status));
  const rows: { started_at: string; completed_at: string }[] = await Promise.all((batch.animations as { id: string }[]).map(({ id }) => json(`${url}/api/v1/animations/${id}`, key)));
  const runs = rows.map((r) => ({ started: Date.parse(r.started_at), completed: Date.parse(r.completed_at) })).sort((a, b) => a.started - b.started);
  const all = runs.slice(1).map((run, i) => Math.max(0, run.started - runs[i]!.completed));
  const sorted = [...all].sort((a, b) => a - b);
  return { items, p50_ms: percentile(sorted, 50), max_ms: sorted.at(-1)!, all_ms: all };
}

export async function generateToDownload(url: string, key: string, seconds: number): Promise<{ seconds: number; render_seconds: number; status: string }> {
  const started = performance.now();
  const made = await json(`${url}/api/v1/animations/generate`, key, 'POST', { description: 'Demonstrate bubble sort on 8 3 6 1 7 2 5 4', quality: '720p', duration: seconds });
  const final = await watch(url, made.id, key, (d) => ['completed', 'failed', 'cancelled'].includes(d.status));
  if (final.status !== 'completed') return { seconds: NaN, render_seconds: NaN, status: final.status };
  const res = await fetch(`${url}/api/v1/animations/${made.id}/video`, { headers: { authorization: `Bearer ${key}`, range: 'bytes=0-0' } });
  await res.arrayBuffer();
  const elapsed = (performance.now() - started) / 1000;
  const animation = await json(`${url}/api/v1/animations/${made.id}`, key);
  return { seconds: Math.round(elapsed * 100) / 100, render_seconds: animation.outputs.render_seconds, status: res.status === 206 ? 'downloadable' : `HTTP ${res.status}` };
}
