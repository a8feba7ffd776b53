// @devforge/sdk against a real running appliance (API + worker, real Chromium and ffmpeg, real Postgres):
// generate → waitFor (Server-Sent Events) → download the MP4 (ffprobe'd) and the poster; waitFor through
// a proxy that drops the first event stream (the SDK opens it again and still sees the end); a batch;
// analyze and templates; problem+json errors as DevForgeError; verifyWebhook on a webhook the server signed.
import test from 'ava';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevForge, DevForgeError, verifyWebhook, type ProgressEvent } from '../../../sdk/src/index.ts';
import { call } from '../platform/helpers/http.ts';
import { ACCEPT_TEST_LICENSES, issueLicense, putLicense } from '../platform/helpers/license.ts';
import { probe } from '../platform/helpers/media.ts';
import { startTestPostgres, type TestPostgres } from '../platform/helpers/postgres.ts';
import { startReceiver } from '../platform/helpers/receiver.ts';
import { startTestServer, type TestServer } from '../platform/helpers/server.ts';

let pg: TestPostgres;
let server: TestServer;
let client: DevForge;
let key: string;
let dir: string;

test.before(async () => {
  pg = await startTestPostgres();
  server = await startTestServer({ databaseUrl: pg.url, overrides: ACCEPT_TEST_LICENSES });
  // Batches are an Enterprise feature.
  const installed = await putLicense(server.url, await server.key('admin'), await issueLicense({ tier: 'enterprise' }));
  if (installed.status !== 200) throw new Error(`installing the test license: ${installed.text}`);
  key = await server.key('editor');
  client = new DevForge({ baseUrl: server.url, apiKey: key });
  dir = await mkdtemp(join(tmpdir(), 'devforge-sdk-'));
});

test.after.always(async () => {
  await server?.stop();
  await pg?.destroy();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test.serial('generate → waitFor → download an MP4 and its poster', async (t) => {
  const queued = await client.generate({ description: 'Demonstrate bubble sort on 5 3 8 1', quality: '720p', duration: 2 });
  t.is(queued.status, 'queued');
  const progress: ProgressEvent[] = [];
  const statuses: string[] = [];
  const done = await client.waitFor(queued.id, { onProgress: (p) => progress.push(p), onStatus: (a) => statuses.push(a.status) });
  t.is(done.status, 'completed', done.error ?? '');
  t.is(statuses.at(-1), 'completed');
  t.true(statuses.includes('processing') || progress.length > 0, 'the render was seen running');
  t.is(done.outputs?.width, 1280);

  const video = await client.download(queued.id);
  t.is(video.byteLength, done.outputs!.video_bytes);
  await writeFile(join(dir, 'bubble.mp4'), video);
  const media = await probe(join(dir, 'bubble.mp4'));
  t.is(media.codec, 'h264');
  t.is(media.width, 1280);
  t.is(media.height, 720);
  // The template may need longer than asked for to show every step: the file is as long as the animation says.
  t.true(Math.abs(media.duration - done.duration) < 0.2, `file ${media.duration} s, animation ${done.duration} s`);
  const poster = await client.download(queued.id, 'poster');
  t.deepEqual([...poster.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  t.deepEqual(await client.get(queued.id), { ...done, updated_at: (await client.get(queued.id)).updated_at });
});

test.serial('waitFor opens a dropped event stream again and still sees the end', async (t) => {
  // A proxy in front of the server that cuts the first event stream after its first event.
  let streams = 0;
  const proxy = createServer((req, res) => {
    const upstream = request(`${server.url}${req.url}`, { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      if (!req.url!.endsWith('/events')) return void up.pipe(res);
      const first = ++streams === 1;
      up.on('data', (chunk: Buffer) => {
        res.write(chunk);
        if (first) {
          up.destroy();
          res.destroy();
        }
      });
      up.on('end', () => res.end());
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => proxy.close(() => resolve())));
  const viaProxy = new DevForge({ baseUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, apiKey: key });

  const queued = await viaProxy.generate({ description: 'Projectile launched at 20 m/s at 45 degrees', quality: '720p', duration: 2 });
  const done = await viaProxy.waitFor(queued.id, { maxBackoffMs: 200 });
  t.is(done.status, 'completed', done.error ?? '');
  t.true(streams >= 2, `the stream was opened ${streams} time(s)`);
});

test.serial('batch: every item queued, each waited for, the batch completed', async (t) => {
  const batch = await client.batch({
    animations: [
      { id: 'sort', description: 'Demonstrate bubble sort on 5 3 8 1', quality: '720p', duration: 2 },
      { id: 'process', description: 'Our incident response process: detect, triage, contain, recover', quality: '720p', duration: 2 },
    ],
  });
  t.is(batch.animations.length, 2);
  t.deepEqual(
    batch.animations.map((a) => a.client_id),
    ['sort', 'process'],
  );
  for (const item of batch.animations) t.is((await client.waitFor(item.id)).status, 'completed');
  const settled = await client.getBatch(batch.batch_id);
  t.is(settled.status, 'completed');
  t.is(settled.counts.completed, 2);
});

test.serial('analyze and templates', async (t) => {
  const analysis = await client.analyze({ description: 'Demonstrate bubble sort on 5 3 8 1' });
  t.is(analysis.template, 'sort.bubble');
  t.true(analysis.understood);
  const templates = await client.templates();
  const bubble = templates.find((x) => x.id === 'sort.bubble');
  t.is(bubble?.example, 'Demonstrate bubble sort on 5 3 8 1');
  t.true(templates.length > 20);
});

test.serial('problem+json errors are DevForgeErrors with type, title and detail', async (t) => {
  const vague = await t.throwsAsync(client.generate({ description: 'something completely vague xyzzy' }), { instanceOf: DevForgeError });
  t.is(vague.type, 'urn:devforge:problem:not-understood');
  t.is(vague.code, 'not-understood');
  t.is(vague.status, 422);
  t.is(vague.title, 'The description was not understood: see the suggestions');
  t.truthy(vague.detail);
  t.true(Array.isArray(vague.problem.suggestions));

  const invalid = await t.throwsAsync(client.generate({ description: 'Demonstrate bubble sort on 5 3 8 1', quality: '8k' as '4k' }), { instanceOf: DevForgeError });
  t.is(invalid.code, 'validation-failed');
  t.true(invalid.errors.some((e) => e.field === 'body.quality'));

  const missing = await t.throwsAsync(client.get('00000000-0000-4000-8000-000000000000'), { instanceOf: DevForgeError });
  t.is(missing.code, 'not-found');
  t.is(missing.status, 404);

  const stranger = new DevForge({ baseUrl: server.url, apiKey: 'dfk_not-a-key' });
  const refused = await t.throwsAsync(stranger.templates(), { instanceOf: DevForgeError });
  t.is(refused.code, 'unauthorized');
  t.is(refused.status, 401);
});

test.serial('verifyWebhook: a webhook signed by the server verifies; a tampered body, a wrong secret or an old timestamp do not', async (t) => {
  const hooks = await startReceiver();
  t.teardown(() => hooks.close());
  const queued = await client.generate({ description: 'Demonstrate bubble sort on 5 3 8 1', quality: '720p', duration: 1, webhook_url: hooks.url });
  await client.waitFor(queued.id);
  const [hook] = await hooks.waitFor(1);
  const signature = String(hook!.headers['devforge-signature']);
  const { secret } = (await call(server.url, 'GET', '/api/v1/webhooks/signing-secret', { key })).json as { secret: string };
  t.true(await verifyWebhook(signature, hook!.body, secret));
  t.false(await verifyWebhook(signature, hook!.body.replace('completed', 'failed'), secret), 'a tampered body');
  t.false(await verifyWebhook(signature, hook!.body, `${secret}x`), 'another secret');
  const t0 = Number(/t=(\d+)/.exec(signature)![1]);
  t.false(await verifyWebhook(signature, hook!.body, secret, { now: t0 + 301 }), 'older than the tolerance');
  t.true(await verifyWebhook(signature, hook!.body, secret, { now: t0 + 299 }));
});
