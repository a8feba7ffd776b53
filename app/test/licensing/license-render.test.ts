// The Free watermark end to end (real server with its worker, real Chromium and ffmpeg): without a license
// the video's frames carry "DevForge" in the bottom-right corner; the same animation rendered under an
// Enterprise license has none there, and nothing else in the frame differs. After the license expires (past
// dates, no clock touched), every video made before is still listed and downloadable.
import test from 'ava';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { changedFraction, frameAt } from '../helpers/video.ts';
import { call, followEvents } from '../platform/helpers/http.ts';
import { ACCEPT_TEST_LICENSES, issueLicense, putLicense } from '../platform/helpers/license.ts';
import { startTestPostgres, type TestPostgres } from '../platform/helpers/postgres.ts';
import { startTestServer, type TestServer } from '../platform/helpers/server.ts';

let pg: TestPostgres;
let server: TestServer;
let admin: string;
let dir: string;

const WIDTH = 1280;
const HEIGHT = 720;
// The cheapest render: the smallest preset, one second at 24 fps, no captions in the frame.
const body = { description: 'Demonstrate bubble sort on 2 1', quality: '720p', duration: 1, fps: 24, captions: 'sidecar' };

test.before(async () => {
  pg = await startTestPostgres();
  server = await startTestServer({ databaseUrl: pg.url, overrides: ACCEPT_TEST_LICENSES });
  admin = await server.key('admin');
  dir = await mkdtemp(join(tmpdir(), 'devforge-watermark-'));
});

test.after.always(async () => {
  await server?.stop();
  await pg?.destroy();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function render(name: string, extra: Record<string, unknown> = {}): Promise<{ id: string; file: string }> {
  const made = await call(server.url, 'POST', '/api/v1/animations/generate', { key: admin, body: { ...body, ...extra } });
  if (made.status !== 202) throw new Error(`generate: ${made.status} ${made.text}`);
  const events = await followEvents(server.url, made.json.id, admin);
  const last = events.at(-1)!;
  if (last.data.status !== 'completed') throw new Error(`render: ${JSON.stringify(last.data)}`);
  const video = await fetch(`${server.url}/api/v1/animations/${made.json.id}/video`, { headers: { authorization: `Bearer ${admin}` } });
  const file = join(dir, `${name}.mp4`);
  await writeFile(file, Buffer.from(await video.arrayBuffer()));
  return { id: made.json.id, file };
}

/** The pixels of a rectangle of an RGB24 frame. */
function crop(frame: Buffer, x0: number, y0: number, w: number, h: number): Buffer {
  const out = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++) frame.copy(out, y * w * 3, ((y0 + y) * WIDTH + x0) * 3, ((y0 + y) * WIDTH + x0 + w) * 3);
  return out;
}

/** Everything but the rectangle, blanked in both frames. */
function without(frame: Buffer, x0: number, y0: number, w: number, h: number): Buffer {
  const out = Buffer.from(frame);
  for (let y = y0; y < y0 + h; y++) out.fill(0, (y * WIDTH + x0) * 3, (y * WIDTH + x0 + w) * 3);
  return out;
}

test.serial('no license: "DevForge" is in the video frames; under Enterprise it is not; after expiry every video is still there', async (t) => {
  // A request's own watermark text does not replace or remove the Free one.
  const free = await render('free', { custom_branding: { watermark: 'x' } });
  t.is((await putLicense(server.url, admin, await issueLicense({ tier: 'enterprise', sequence: 1 }))).status, 200);
  const enterprise = await render('enterprise');

  const a = await frameAt(free.file, 0.5, WIDTH, HEIGHT);
  const b = await frameAt(enterprise.file, 0.5, WIDTH, HEIGHT);
  t.is(a.length, WIDTH * HEIGHT * 3);
  // The watermark's corner: right-aligned 0.3 units (24 px at 720p) from the right edge, 0.55 units (44 px) above the bottom.
  const corner = { x: WIDTH - 260, y: HEIGHT - 80, w: 250, h: 70 };
  const inCorner = changedFraction(crop(a, corner.x, corner.y, corner.w, corner.h), crop(b, corner.x, corner.y, corner.w, corner.h));
  t.true(inCorner > 0.05, `the Free video differs in the watermark's corner (${(inCorner * 100).toFixed(1)} % of its pixels)`);
  const elsewhere = changedFraction(without(a, corner.x, corner.y, corner.w, corner.h), without(b, corner.x, corner.y, corner.w, corner.h));
  t.log(`changed pixels: ${(inCorner * 100).toFixed(1)} % in the corner, ${(elsewhere * 100).toFixed(4)} % elsewhere`);
  t.true(elsewhere < 0.001, `and nowhere else (${(elsewhere * 100).toFixed(3)} %)`);

  const expired = await putLicense(server.url, admin, await issueLicense({ tier: 'enterprise', notBefore: -400, expires: -30, graceDays: 7, sequence: 2 }));
  t.is(expired.json.state, 'expired');
  const listed = await call(server.url, 'GET', '/api/v1/animations?limit=10', { key: admin });
  t.deepEqual(listed.json.animations.map((x: { id: string }) => x.id).sort(), [free.id, enterprise.id].sort());
  for (const id of [free.id, enterprise.id]) {
    const video = await fetch(`${server.url}/api/v1/animations/${id}/video?download=1`, { headers: { authorization: `Bearer ${admin}` } });
    t.is(video.status, 200, 'still downloadable after expiry');
    t.true((await video.arrayBuffer()).byteLength > 1000);
  }
});
