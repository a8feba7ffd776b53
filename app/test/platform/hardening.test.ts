// The probe findings, each against a real server and real Postgres: webhooks may not reach private
// addresses by default and their log does not tell users why a connection failed; text with NUL or
// lone surrogates, crafted cursors and odd static paths are 4xx, not 500; links never come from a Host
// header nobody vouched for; secrets are not cached; HSTS and Permissions-Policy are sent.
import test from 'ava';
import { randomUUID } from 'node:crypto';
import type { JobWithMetadata } from 'pg-boss';
import { createLogger } from '../../src/platform/log.ts';
import { performWebhook } from '../../src/platform/queue/jobs/webhook.ts';
import { call } from './helpers/http.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { startReceiver } from './helpers/receiver.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

let pg: TestPostgres;
/** The shipped webhook policy: no private network opened. */
let strict: TestServer;
/** 127.0.0.1/32 opened, as the other tests run. */
let open: TestServer;

test.before(async () => {
  pg = await startTestPostgres();
  strict = await startTestServer({ databaseUrl: pg.url, overrides: { server: { role: 'api' }, webhooks: { allowNetworks: '' } } });
  open = await startTestServer({ databaseUrl: pg.url, overrides: { server: { role: 'api' } } });
});

test.after.always(async () => {
  await strict?.stop();
  await open?.stop();
  await pg?.destroy();
});

const GENERATE = '/api/v1/animations/generate';
const ok = { description: 'Demonstrate bubble sort on 5 3 8 1', quality: '720p', duration: 2 };
const problemType = (r: { json: { type?: string } }) => r.json?.type?.split(':').pop();

function fakeJob<T>(data: T, retryCount: number, retryLimit: number): JobWithMetadata<T> {
  return { id: randomUUID(), name: 'test', data, retryCount, retryLimit, signal: new AbortController().signal } as unknown as JobWithMetadata<T>;
}

async function delivery(server: TestServer, url: string): Promise<string> {
  const [admin] = await server.platform.db.query(`SELECT id FROM users WHERE email = 'admin@local'`);
  const [row] = await server.platform.db.query(`INSERT INTO webhook_deliveries (owner_id, event, url, payload, dedupe_key) VALUES ($1, 'animation.completed', $2, '{"event":"animation.completed"}', $3) RETURNING id`, [
    admin.id,
    url,
    randomUUID(),
  ]);
  return row.id;
}

test('webhook and callback URLs to loopback are refused by default, in every spelling', async (t) => {
  const receiver = await startReceiver();
  t.teardown(() => receiver.close());
  const port = new URL(receiver.url).port;
  const key = await strict.key('editor');
  for (const host of ['127.0.0.1', '[::1]', '[::ffff:127.0.0.1]', '2130706433', '127.1', 'localhost', '10.0.0.1']) {
    const url = `http://${host}:${port}/hook`;
    const r = await call(strict.url, 'POST', GENERATE, { key, body: { ...ok, webhook_url: url } });
    t.is(r.status, 422, url);
    t.is(problemType(r), 'webhook-url-not-allowed', url);
    t.regex(r.json.detail, /webhooks\.allowNetworks/, 'the answer says how an administrator opens a network');
    const batch = await call(strict.url, 'POST', '/api/v1/animations/batch', { key, body: { animations: [ok], callback_url: url } });
    t.is(batch.status, 422, url);
  }
  // A delivery queued before the policy tightened (or a name that now resolves to loopback) is refused at send time.
  const id = await delivery(strict, receiver.url);
  const result = await performWebhook({ db: strict.platform.db, policy: strict.platform.services.webhooks, timeoutMs: 3000, log: createLogger('error', () => {}) }, fakeJob({ deliveryId: id }, 0, 5));
  t.regex(String(result.failed), /network webhooks may not reach/);
  t.is(receiver.received.length, 0, 'nothing was sent');
});

test('the delivery log shows one generic text for a closed port and for a non-HTTP service; the reason goes to the server log', async (t) => {
  const lines: string[] = [];
  const deps = { db: open.platform.db, policy: open.platform.services.webhooks, timeoutMs: 3000, log: createLogger('info', (line) => lines.push(line)) };
  // A port nobody listens on: start a receiver, note its port, close it.
  const gone = await startReceiver();
  await gone.close();
  const postgresPort = new URL(pg.url).port;
  const closed = await delivery(open, gone.url);
  const postgres = await delivery(open, `http://127.0.0.1:${postgresPort}/hook`);
  for (const id of [closed, postgres]) await performWebhook(deps, fakeJob({ deliveryId: id }, 3, 3));
  const key = await open.key('admin');
  const shown = [];
  for (const id of [closed, postgres]) {
    const r = await call(open.url, 'GET', `/api/v1/webhooks/deliveries/${id}`, { key });
    t.is(r.json.status, 'failed');
    shown.push(r.json.last_error, r.json.attempt_log[0].error);
  }
  t.deepEqual(new Set(shown), new Set(['the receiver could not be reached (no HTTP answer within webhooks.timeoutMs; the server log says why)']), 'users cannot tell the two apart');
  t.true(
    lines.some((l) => l.includes(closed) && /ECONNREFUSED/.test(l)),
    'the server log has the reason',
  );
});
