// The whole path on a real server (API + worker, real Chromium and ffmpeg, real Postgres): sign in,
// make an API key, generate, follow the SSE stream to the end, download, ffprobe; a signed webhook;
// a batch of three with one callback; a re-render that counts usage again.
import test from 'ava';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifySignature } from '../../src/platform/webhooks/sign.ts';
import { call, callUntil, followEvents, type SseEvent } from './helpers/http.ts';
import { ACCEPT_TEST_LICENSES, issueLicense, putLicense } from './helpers/license.ts';
import { probe } from './helpers/media.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { startReceiver } from './helpers/receiver.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer, type TestServer } from './helpers/server.ts';

let pg: TestPostgres;
let server: TestServer;
let dir: string;

test.before(async () => {
  pg = await startTestPostgres();
  server = await startTestServer({ databaseUrl: pg.url, overrides: ACCEPT_TEST_LICENSES });
  // The first render carries custom branding (colours), which needs an Enterprise license.
  const installed = await putLicense(server.url, await server.key('admin'), await issueLicense({ tier: 'enterprise' }));
  if (installed.status !== 200) throw new Error(`installing the test license: ${installed.text}`);
  dir = await mkdtemp(join(tmpdir(), 'devforge-flow-'));
});

test.after.always(async () => {
  await server?.stop();
  await pg?.destroy();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test.serial('sign in, make a key, generate, follow SSE to the end, download, ffprobe, signed webhook', async (t) => {
  const hooks = await startReceiver();
  t.teardown(() => hooks.close());
  const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrf_token } = (await login.json()) as { csrf_token: string };
  const made = await call(server.url, 'POST', '/api/v1/api-keys', { headers: { cookie, 'x-csrf-token': csrf_token }, body: { name: 'e2e', role: 'editor' } });
  t.is(made.status, 201);
  const key = made.json.key as string;

  const generated = await call(server.url, 'POST', '/api/v1/animations/generate', {
    key,
    body: { description: 'Demonstrate bubble sort on 5 3 8 1', quality: '720p', duration: 2, webhook_url: hooks.url, custom_branding: { watermark: 'ACME internal', colors: { primary: '#0f766e' } } },
  });
  t.is(generated.status, 202, generated.text);
  const id = generated.json.id as string;
  const events: SseEvent[] = await followEvents(server.url, id, key);
  const last = events.at(-1)!;
  t.is(last.event, 'status');
  t.is(last.data.status, 'completed', JSON.stringify(last.data));
  t.is(events[0]!.event, 'status');
  t.true(
    events.some((e) => e.data.status === 'processing'),
    'the stream showed the render running',
  );
  const progress = events.filter((e) => e.event === 'progress').map((e) => e.data.progress as number);
  t.deepEqual(
    progress,
    [...progress].sort((a, b) => a - b),
    'progress only grows',
  );
  t.is(last.data.outputs.width, 1280);
  // Structured logs (JSON lines): the render's lines carry its animation and job ids, the request's its id.
  const lines = server.logs.flatMap((l) => {
    try {
      return [JSON.parse(l) as Record<string, unknown>];
    } catch {
      return []; // the first-start password notice is printed text, not a log line
    }
  });
  const started = lines.find((l) => l.animation_id === id && /attempt 1$/.test(String(l.msg)));
  t.is(started?.level, 'info');
  t.is(typeof started?.job_id, 'string', 'the render log line names its job');
  t.true(lines.some((l) => l.msg === 'request' && l.request_id === generated.headers.get('x-request-id') && l.path === '/api/v1/animations/generate' && l.status === 202));

  const video = await fetch(`${server.url}/api/v1/animations/${id}/video?download=1`, { headers: { authorization: `Bearer ${key}` } });
  t.is(video.status, 200);
  // Saved under the description's words (a folder of downloads says what each shows), not an opaque id.
  t.is(video.headers.get('content-disposition'), `attachment; filename="demonstrate-bubble-sort-on-5-3-8-1-${id.slice(0, 8)}.mp4"`);
  const file = join(dir, 'single.mp4');
  await writeFile(file, Buffer.from(await video.arrayBuffer()));
  const info = await probe(file);
  t.is(info.codec, 'h264');
  t.is(info.width, 1280);
  t.is(info.height, 720);
  // 2 s is too short to read bubble sort's narration: the animation is made as long as reading needs, and says so.
  const stored = await call(server.url, 'GET', `/api/v1/animations/${id}`, { key });
  const seconds = stored.json.duration as number;
  t.true(seconds > 2, `lengthened to the reading floor, got ${seconds} s`);
  t.true(
    (stored.json.warnings as string[]).some((w) => /needs at least \d+ s to be read; made it \d+ s instead of 2 s/.test(w)),
    JSON.stringify(stored.json.warnings),
  );
  t.is(info.frames, Math.round(seconds * 30));
  t.true(Math.abs(info.duration - seconds) < 0.1, `duration ${info.duration}`);

  const part = await fetch(`${server.url}/api/v1/animations/${id}/video`, { headers: { authorization: `Bearer ${key}`, range: 'bytes=100-199' } });
  t.is(part.status, 206);
  t.is((await part.arrayBuffer()).byteLength, 100);
  t.regex(part.headers.get('content-range')!, /^bytes 100-199\/\d+$/);
  t.is((await fetch(`${server.url}/api/v1/animations/${id}/video`, { headers: { authorization: `Bearer ${key}`, range: 'bytes=99999999-' } })).status, 416);
  const poster = Buffer.from(await (await fetch(`${server.url}/api/v1/animations/${id}/poster`, { headers: { authorization: `Bearer ${key}` } })).arrayBuffer());
  t.deepEqual([...poster.subarray(1, 4)], [...Buffer.from('PNG')]);
  const captions = await (await fetch(`${server.url}/api/v1/animations/${id}/captions.vtt`, { headers: { authorization: `Bearer ${key}` } })).text();
  t.true(captions.startsWith('WEBVTT'));

  // Renamed in the library: the title names the downloads and is found by search; what was asked stays.
  const renamed = await call(server.url, 'PUT', `/api/v1/animations/${id}/title`, { key, body: { title: '  Week 3: sorting  ' } });
  t.is(renamed.status, 200);
  t.is(renamed.json.title, 'Week 3: sorting');
  t.is(renamed.json.description, 'Demonstrate bubble sort on 5 3 8 1');
  const titled = await fetch(`${server.url}/api/v1/animations/${id}/video?download=1`, { headers: { authorization: `Bearer ${key}` } });
  await titled.arrayBuffer();
  t.is(titled.headers.get('content-disposition'), `attachment; filename="week-3-sorting-${id.slice(0, 8)}.mp4"`);
  const found = await call(server.url, 'GET', '/api/v1/animations?q=week%203', { key });
  t.deepEqual(
    (found.json.animations as { id: string }[]).map((a) => a.id),
    [id],
  );
  const empty = await call(server.url, 'PUT', `/api/v1/animations/${id}/title`, { key, body: { title: '   ' } });
  t.is(empty.status, 422);
  t.regex(JSON.stringify(empty.json), /the title is empty; send null to make the animation untitled/);
  const untitled = await call(server.url, 'PUT', `/api/v1/animations/${id}/title`, { key, body: { title: null } });
  t.is(untitled.json.title, null);

  const [hook] = await hooks.waitFor(1);
  const secret = (await call(server.url, 'GET', '/api/v1/webhooks/signing-secret', { key: made.json.key })).json.secret;
  t.true(verifySignature(secret, hook!.body, String(hook!.headers['devforge-signature'])), 'the signature checks out');
  t.false(verifySignature('wrong secret', hook!.body, String(hook!.headers['devforge-signature'])));
  t.is(hook!.headers['devforge-event'], 'animation.completed');
  t.is(hook!.json.animation.id, id);
  t.is(hook!.json.animation.status, 'completed');
  const log = await callUntil(server.url, 'GET', `/api/v1/webhooks/deliveries?animation_id=${id}`, { key }, (r) => r.json.deliveries?.[0]?.status === 'delivered');
  t.is(log.json.deliveries.length, 1);
  t.is(log.json.deliveries[0].status, 'delivered');
  t.is(log.json.deliveries[0].attempt_log[0].status_code, 200);

  const usage = await server.platform.db.query('SELECT generation FROM usage_events WHERE animation_id = $1', [id]);
  t.deepEqual(usage, [{ generation: 1 }]);
});

test.serial("a batch of three: one callback, with each item's outcome, retried after a failed delivery", async (t) => {
  const callback = await startReceiver([503]);
  t.teardown(() => callback.close());
  const key = await server.key('editor');
  const descriptions = ['Demonstrate bubble sort on 4 2 3 1', 'Demonstrate bubble sort on 9 7 8', 'Demonstrate bubble sort on 1 2 3'];
  const batch = await call(server.url, 'POST', '/api/v1/animations/batch', {
    key,
    body: { animations: descriptions.map((description, i) => ({ id: `item-${i}`, description, quality: '720p', duration: 1, fps: 24 })), callback_url: callback.url },
  });
  t.is(batch.status, 202, batch.text);
  t.is(batch.json.status, 'processing');
  t.deepEqual(
    batch.json.animations.map((a: { client_id: string; status: string }) => [a.client_id, a.status]),
    [
      ['item-0', 'queued'],
      ['item-1', 'queued'],
      ['item-2', 'queued'],
    ],
  );

  const [first, second] = await callback.waitFor(2);
  t.is(first!.json.event, 'batch.completed');
  t.is(second!.body.length > 0, true);
  t.is(second!.json.batch_id, batch.json.batch_id);
  t.deepEqual(
    second!.json.animations.map((a: { client_id: string; status: string }) => [a.client_id, a.status]),
    [
      ['item-0', 'completed'],
      ['item-1', 'completed'],
      ['item-2', 'completed'],
    ],
  );
  t.is(second!.headers['devforge-attempt'], '2');
  const state = await call(server.url, 'GET', `/api/v1/batches/${batch.json.batch_id}`, { key });
  t.is(state.json.status, 'completed');
  t.deepEqual(state.json.counts, { completed: 3 });
  // The attempt is logged once the receiver has answered: the test may ask a moment before that.
  const log = await callUntil(server.url, 'GET', `/api/v1/webhooks/deliveries?batch_id=${batch.json.batch_id}`, { key }, (r) => r.json.deliveries?.[0]?.status === 'delivered');
  t.is(log.json.deliveries.length, 1, 'one delivery, however many items');
  t.deepEqual(
    log.json.deliveries[0].attempt_log.map((a: { status_code: number }) => a.status_code),
    [503, 200],
  );
  t.is(callback.received.length, 2);
  // Every queued item was taken up and finished. How soon the worker takes the next item once it is free is a
  // figure for the bench (`render_batch_handoff` in app/bench/api.ts), not an assert here.
  const items: { started_at: Date | null; completed_at: Date | null }[] = await server.platform.db.query('SELECT started_at, completed_at FROM animations WHERE batch_id = $1 ORDER BY started_at', [batch.json.batch_id]);
  t.is(items.length, 3);
  for (const item of items) t.true(item.started_at !== null && item.completed_at !== null && item.started_at <= item.completed_at, 'each item started, then completed');
});

test.serial('a re-render is a new generation: same keys, a second usage event, the same shape of frame', async (t) => {
  const key = await server.key('editor');
  const odd = await call(server.url, 'POST', '/api/v1/animations/generate', { key, body: { description: 'Demonstrate bubble sort on 3 1 2', aspect: '2:1' } });
  t.is(odd.status, 422);
  t.regex(odd.text, /aspect/);
  // Portrait, for phones: 720p names the short side.
  const made = await call(server.url, 'POST', '/api/v1/animations/generate', { key, body: { description: 'Demonstrate bubble sort on 3 1 2', quality: '720p', duration: 2, aspect: '9:16' } });
  t.is(made.status, 202, made.text);
  const first = (await followEvents(server.url, made.json.id, key)).at(-1)!.data;
  t.is(first.status, 'completed');
  t.deepEqual([first.outputs.width, first.outputs.height], [720, 1280]);
  const again = await call(server.url, 'POST', `/api/v1/animations/${made.json.id}/rerender`, { key });
  t.is(again.status, 202);
  const final = (await followEvents(server.url, made.json.id, key)).at(-1)!.data;
  t.is(final.status, 'completed');
  t.is(final.generation, 2);
  const portrait = join(dir, 'portrait.mp4');
  const video = await fetch(`${server.url}/api/v1/animations/${made.json.id}/video`, { headers: { authorization: `Bearer ${key}` } });
  await writeFile(portrait, Buffer.from(await video.arrayBuffer()));
  const info = await probe(portrait);
  t.deepEqual([info.width, info.height], [720, 1280], 'the re-render keeps the portrait frame');
  const usage = await server.platform.db.query('SELECT generation, worker, gpu, render_s FROM usage_events WHERE animation_id = $1 ORDER BY generation', [made.json.id]);
  t.deepEqual(
    usage.map((u: { generation: number }) => u.generation),
    [1, 2],
  );
  // Metered with the worker that rendered it (no worker.name set: host:pid) and the GPU that encoded it, cpu for libx264.
  const [{ encoder }] = await server.platform.db.query(`SELECT outputs->>'encoder' AS encoder FROM animations WHERE id = $1`, [made.json.id]);
  for (const u of usage as { worker: string; gpu: string; render_s: number }[]) {
    t.is(u.worker, `${hostname()}:${process.pid}`);
    t.is(u.gpu === 'cpu', encoder !== 'h264_nvenc', `gpu ${u.gpu} for encoder ${encoder}`);
    t.true(u.render_s > 0);
  }
  // Accepted once however often it was rendered; both renders in the usage report, under this worker.
  t.deepEqual(await server.platform.db.query('SELECT count(*)::int AS n FROM usage_accepted WHERE animation_id = $1', [made.json.id]), [{ n: 1 }]);
  const report = (await call(server.url, 'GET', '/api/v1/usage', { key })).json;
  t.true(report.workers.find((w: { worker: string }) => w.worker === `${hostname()}:${process.pid}`)?.renders >= 2);
});
