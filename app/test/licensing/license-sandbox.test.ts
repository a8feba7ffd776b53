// Sandbox keys end to end (real server with its worker, real Chromium and ffmpeg, a license issued by the
// vendor's real tool): a sandbox key's render carries "SANDBOX" in its frames, drawn by the renderer whatever
// the request says; above 720p or longer than 15 s it is refused with sandbox-limit saying so; and it moves
// none of the license's counts (animations and API calls per month), while the usage report shows it apart.
import test from 'ava';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { changedFraction, frameAt } from '../helpers/video.ts';
import { call, followEvents, type Reply } from '../platform/helpers/http.ts';
import { ACCEPT_TEST_LICENSES, issueLicense, putLicense } from '../platform/helpers/license.ts';
import { startTestPostgres, type TestPostgres } from '../platform/helpers/postgres.ts';
import { startTestServer, type TestServer } from '../platform/helpers/server.ts';

let pg: TestPostgres;
let server: TestServer;
let admin: string;
let sandbox: string;
let dir: string;

const WIDTH = 1280;
const HEIGHT = 720;
// The cheapest render: the smallest preset, one second at 24 fps, no captions in the frame.
const body = { description: 'Demonstrate bubble sort on 2 1', quality: '720p', duration: 1, fps: 24, captions: 'sidecar' };
const problem = (r: Reply) => String(r.json?.type ?? '').replace('urn:devforge:problem:', '');

test.before(async () => {
  pg = await startTestPostgres();
  server = await startTestServer({ databaseUrl: pg.url, overrides: ACCEPT_TEST_LICENSES });
  admin = await server.key('admin');
  dir = await mkdtemp(join(tmpdir(), 'devforge-sandbox-'));
  // Enterprise: no watermark of its own, so the sandbox's is the one difference in the frame.
  const installed = await putLicense(server.url, admin, await issueLicense({ tier: 'enterprise', sequence: 1, set: ['animations_per_month=50', 'api_calls_per_month=500'] }));
  if (installed.status !== 200) throw new Error(`license: ${installed.status} ${installed.text}`);
  const made = await call(server.url, 'POST', '/api/v1/api-keys', { key: admin, body: { name: 'sandbox', role: 'editor', sandbox: true } });
  if (made.status !== 201 || made.json.sandbox !== true) throw new Error(`sandbox key: ${made.status} ${made.text}`);
  sandbox = made.json.key;
});

test.after.always(async () => {
  await server?.stop();
  await pg?.destroy();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function render(key: string, name: string, extra: Record<string, unknown> = {}): Promise<{ id: string; file: string }> {
  const made = await call(server.url, 'POST', '/api/v1/animations/generate', { key, body: { ...body, ...extra } });
  if (made.status !== 202) throw new Error(`generate: ${made.status} ${made.text}`);
  const events = await followEvents(server.url, made.json.id, key);
  const last = events.at(-1)!;
  if (last.data.status !== 'completed') throw new Error(`render: ${JSON.stringify(last.data)}`);
  const video = await fetch(`${server.url}/api/v1/animations/${made.json.id}/video`, { headers: { authorization: `Bearer ${key}` } });
  const file = join(dir, `${name}.mp4`);
  await writeFile(file, Buffer.from(await video.arrayBuffer()));
  return { id: made.json.id, file };
}

function crop(frame: Buffer, x0: number, y0: number, w: number, h: number): Buffer {
  const out = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++) frame.copy(out, y * w * 3, ((y0 + y) * WIDTH + x0) * 3, ((y0 + y) * WIDTH + x0 + w) * 3);
  return out;
}

function without(frame: Buffer, x0: number, y0: number, w: number, h: number): Buffer {
  const out = Buffer.from(frame);
  for (let y = y0; y < y0 + h; y++) out.fill(0, (y * WIDTH + x0) * 3, (y * WIDTH + x0 + w) * 3);
  return out;
}

/** The license's counts, as flushed: animations and API calls this month. */
async function counts(): Promise<{ animations: number; calls: number }> {
  await server.platform.services.apiCalls!.flush();
  const usage = (await call(server.url, 'GET', '/api/v1/license', { key: admin })).json.usage as { entitlement: string; used: number }[];
  return { animations: usage.find((u) => u.entitlement === 'animations_per_month')!.used, calls: usage.find((u) => u.entitlement === 'api_calls_per_month')!.used };
}

test.serial('a sandbox key above 720p or 15 s is refused with sandbox-limit saying so', async (t) => {
  const hd = await call(server.url, 'POST', '/api/v1/animations/generate', { key: sandbox, body: { ...body, quality: '1080p' } });
  t.is(hd.status, 403);
  t.is(problem(hd), 'sandbox-limit');
  t.regex(hd.json.detail, /a sandbox key renders at most 720p, and 1080p was asked/);
  t.is(hd.json.lift, 'use a standard (non-sandbox) API key');
  const long = await call(server.url, 'POST', '/api/v1/animations/generate', { key: sandbox, body: { ...body, duration: 40 } });
  t.is(long.status, 403);
  t.is(problem(long), 'sandbox-limit');
  t.regex(long.json.detail, /at most 15 s, and this animation lasts \d+(\.\d)? s: ask for duration 15 or less/);
  t.is(long.json.limit, 15);
});

test.serial('a sandbox render says SANDBOX in its frames (the request cannot remove it) and moves none of the license counts', async (t) => {
  const standard = await render(admin, 'standard');
  const before = await counts();
  // The request's own watermark text does not replace the sandbox's.
  const tried = await render(sandbox, 'sandbox', { custom_branding: { watermark: 'x' } });
  const after = await counts();
  t.deepEqual(after, before, 'neither animations_per_month nor api_calls_per_month moved');

  const a = await frameAt(tried.file, 0.5, WIDTH, HEIGHT);
  const b = await frameAt(standard.file, 0.5, WIDTH, HEIGHT);
  // The watermark's corner, as in the Free watermark's test.
  const corner = { x: WIDTH - 260, y: HEIGHT - 80, w: 250, h: 70 };
  const inCorner = changedFraction(crop(a, corner.x, corner.y, corner.w, corner.h), crop(b, corner.x, corner.y, corner.w, corner.h));
  t.true(inCorner > 0.05, `the sandbox video differs in the watermark's corner (${(inCorner * 100).toFixed(1)} % of its pixels)`);
  const elsewhere = changedFraction(without(a, corner.x, corner.y, corner.w, corner.h), without(b, corner.x, corner.y, corner.w, corner.h));
  t.true(elsewhere < 0.001, `and nowhere else (${(elsewhere * 100).toFixed(3)} %)`);

  const report = (await call(server.url, 'GET', '/api/v1/usage', { key: admin })).json;
  t.is(report.totals.sandbox_animations, 1);
  t.true(report.totals.sandbox_calls >= 1);
  t.is(report.totals.animations_accepted, 1, 'only the standard render is an accepted animation');
});
