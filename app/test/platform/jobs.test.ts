// The queue jobs on their own, against the real database: webhook attempts (retried, logged, given up,
// refused at send time, credentials in the URL never retried), a render that exhausted its retries (dead letter), the retention clean-up.
import test from 'ava';
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JobWithMetadata } from 'pg-boss';
import { silentLogger } from '../../src/platform/log.ts';
import { performRenderDead } from '../../src/platform/queue/jobs/render-dead.ts';
import { performRetention } from '../../src/platform/queue/jobs/retention.ts';
import { performWebhook } from '../../src/platform/queue/jobs/webhook.ts';
import { outputKeys } from '../../src/platform/storage/create.ts';
import { call } from './helpers/http.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { startReceiver } from './helpers/receiver.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

let pg: TestPostgres;
let server: TestServer;
let key: string;

test.before(async () => {
  pg = await startTestPostgres();
  server = await startTestServer({ databaseUrl: pg.url, overrides: { server: { role: 'api' } } });
  key = await server.key('editor');
});

test.after.always(async () => {
  await server?.stop();
  await pg?.destroy();
});

function fakeJob<T>(data: T, retryCount: number, retryLimit: number, extra: Record<string, unknown> = {}): JobWithMetadata<T> {
  return { id: randomUUID(), name: 'test', data, retryCount, retryLimit, signal: new AbortController().signal, ...extra } as unknown as JobWithMetadata<T>;
}

async function delivery(url: string): Promise<string> {
  const [admin] = await server.platform.db.query(`SELECT id FROM users WHERE email = 'admin@local'`);
  const [row] = await server.platform.db.query(`INSERT INTO webhook_deliveries (owner_id, event, url, payload, dedupe_key) VALUES ($1, 'animation.completed', $2, '{"event":"animation.completed"}', $3) RETURNING id`, [
    admin.id,
    url,
    randomUUID(),
  ]);
  return row.id;
}

const deps = () => ({ db: server.platform.db, secrets: server.platform.services.secrets, policy: server.platform.services.webhooks, timeoutMs: 3000, log: silentLogger });

test('a webhook that keeps failing is retried, every attempt logged, then marked failed', async (t) => {
  const receiver = await startReceiver([500, 500]);
  t.teardown(() => receiver.close());
  const id = await delivery(receiver.url);
  await t.throwsAsync(performWebhook(deps(), fakeJob({ deliveryId: id }, 0, 1)), { message: /HTTP 500/ });
  t.is((await server.platform.db.query('SELECT status FROM webhook_deliveries WHERE id = $1', [id]))[0].status, 'pending');
  t.deepEqual(await performWebhook(deps(), fakeJob({ deliveryId: id }, 1, 1)), { failed: 'the receiver answered HTTP 500' });
  const log = await call(server.url, 'GET', `/api/v1/webhooks/deliveries/${id}`, { key: await server.key('admin') });
  t.is(log.json.status, 'failed');
  t.is(log.json.attempts, 2);
  t.deepEqual(
    log.json.attempt_log.map((a: { attempt: number; status_code: number }) => [a.attempt, a.status_code]),
    [
      [1, 500],
      [2, 500],
    ],
  );
  t.is(receiver.received.length, 2);
  t.is(receiver.received[1]!.headers['devforge-attempt'], '2');
});

test('a webhook whose host now points at a denied network is refused at send time, without retries', async (t) => {
  const id = await delivery('http://169.254.169.254/latest/meta-data/');
  const result = await performWebhook(deps(), fakeJob({ deliveryId: id }, 0, 5));
  t.regex(String(result.failed), /network webhooks may not reach/);
  const [row] = await server.platform.db.query('SELECT status, attempts FROM webhook_deliveries WHERE id = $1', [id]);
  t.deepEqual(row, { status: 'failed', attempts: 1 });
});

test('a webhook URL with credentials is failed at once, without retries, and nothing is sent', async (t) => {
  const receiver = await startReceiver();
  t.teardown(() => receiver.close());
  const url = new URL(receiver.url);
  url.username = 'user';
  url.password = 'secret';
  const id = await delivery(url.toString());
  const result = await performWebhook(deps(), fakeJob({ deliveryId: id }, 0, 5));
  t.regex(String(result.failed), /may not carry credentials/);
  const [row] = await server.platform.db.query('SELECT status, attempts FROM webhook_deliveries WHERE id = $1', [id]);
  t.deepEqual(row, { status: 'failed', attempts: 1 });
  t.is(receiver.received.length, 0);
});

test('a render that used up its retries is marked failed with the last error', async (t) => {
  const receiver = await startReceiver();
  t.teardown(() => receiver.close());
  const made = await call(server.url, 'POST', '/api/v1/animations/generate', { key, body: { description: 'Demonstrate bubble sort on 4 1 3', quality: '720p', duration: 2, webhook_url: receiver.url } });
  await server.platform.db.query(`UPDATE animations SET status = 'processing' WHERE id = $1`, [made.json.id]);
  const renderDeps = { db: server.platform.db, queue: server.platform.services.queue, publicUrl: server.url, log: silentLogger };
  await performRenderDead(renderDeps, fakeJob({ animationId: made.json.id, generation: 1 }, 0, 0, { sourceRetryCount: 2, sourceOutput: { message: 'heartbeat expired' } }));
  const final = await call(server.url, 'GET', `/api/v1/animations/${made.json.id}`, { key });
  t.is(final.json.status, 'failed');
  t.is(final.json.error, 'the render did not finish after 3 attempts: heartbeat expired');
  const [d] = await server.platform.db.query('SELECT event FROM webhook_deliveries WHERE animation_id = $1', [made.json.id]);
  t.is(d.event, 'animation.failed', 'the failure webhook is queued');
  // Running it twice changes nothing (the job may be delivered twice).
  await performRenderDead(renderDeps, fakeJob({ animationId: made.json.id, generation: 1 }, 0, 0, { sourceRetryCount: 2 }));
  t.is((await server.platform.db.query('SELECT count(*)::int AS n FROM webhook_deliveries WHERE animation_id = $1', [made.json.id]))[0].n, 1);
});

test('retention removes old finished animations and their files, and nothing else', async (t) => {
  const old = await call(server.url, 'POST', '/api/v1/animations/generate', { key, body: { description: 'Demonstrate bubble sort on 9 8', quality: '720p', duration: 2 } });
  const recent = await call(server.url, 'POST', '/api/v1/animations/generate', { key, body: { description: 'Demonstrate bubble sort on 7 6', quality: '720p', duration: 2 } });
  await server.platform.db.query(`UPDATE animations SET status = 'completed', created_at = now() - interval '40 days' WHERE id = $1`, [old.json.id]);
  await server.platform.db.query(`UPDATE animations SET status = 'completed' WHERE id = $1`, [recent.json.id]);
  const storage = server.platform.services.storage;
  const file = join(server.config.data.dir, 'x.mp4');
  await writeFile(file, 'video');
  for (const id of [old.json.id, recent.json.id]) await storage.putFile(outputKeys(id).video, file, 'video/mp4');
  const result = await performRetention({ db: server.platform.db, storage, retentionDays: 30, log: silentLogger });
  t.true(result.animations >= 1);
  t.is((await call(server.url, 'GET', `/api/v1/animations/${old.json.id}`, { key })).status, 404);
  t.is(await storage.stat(outputKeys(old.json.id).video), undefined);
  t.is((await call(server.url, 'GET', `/api/v1/animations/${recent.json.id}`, { key })).status, 200);
  t.truthy(await storage.stat(outputKeys(recent.json.id).video));
  t.deepEqual(await performRetention({ db: server.platform.db, storage, retentionDays: 0, log: silentLogger }), { animations: 0 }, 'retention.days = 0 keeps everything');
});
