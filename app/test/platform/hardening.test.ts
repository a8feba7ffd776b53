// The probe findings, each against a real server and real Postgres: webhooks may not reach private
// addresses by default and their log does not tell users why a connection failed; text with NUL or
// lone surrogates, crafted cursors and odd static paths are 4xx, not 500; links never come from a Host
// header nobody vouched for; secrets are not cached; HSTS and Permissions-Policy are sent.
import test from 'ava';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
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
  const result = await performWebhook(
    { db: strict.platform.db, secrets: strict.platform.services.secrets, policy: strict.platform.services.webhooks, timeoutMs: 3000, log: createLogger('error', () => {}) },
    fakeJob({ deliveryId: id }, 0, 5),
  );
  t.regex(String(result.failed), /network webhooks may not reach/);
  t.is(receiver.received.length, 0, 'nothing was sent');
});

test('the delivery log shows one generic text for a closed port and for a non-HTTP service; the reason goes to the server log', async (t) => {
  const lines: string[] = [];
  const deps = { db: open.platform.db, secrets: open.platform.services.secrets, policy: open.platform.services.webhooks, timeoutMs: 3000, log: createLogger('info', (line) => lines.push(line)) };
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

const NUL = 'bubble\u0000sort';
const SURROGATE = 'bubble \ud83d sort';

test('a NUL byte or a lone surrogate in any text field is a 422 naming the field, never a 500', async (t) => {
  const key = await open.key('admin');
  const [admin] = await open.platform.db.query(`SELECT id FROM users WHERE email = 'admin@local'`);
  for (const bad of [NUL, SURROGATE]) {
    const cases: [string, string, unknown, string][] = [
      ['POST', GENERATE, { ...ok, description: `Demonstrate ${bad} on 5 3 8 1` }, 'body.description'],
      ['POST', GENERATE, { ...ok, custom_branding: { watermark: bad } }, 'body.custom_branding.watermark'],
      ['POST', GENERATE, { ...ok, template: 'sort.bubble', params: { values: [3, 1], label: bad } }, 'body.params.label'],
      ['POST', '/api/v1/analyze', { description: bad }, 'body.description'],
      ['POST', '/api/v1/api-keys', { name: bad, role: 'viewer' }, 'body.name'],
      ['POST', '/api/v1/users', { email: `u${randomUUID().slice(0, 8)}@local`, name: bad, role: 'viewer', password: 'a long enough password' }, 'body.name'],
      ['PATCH', `/api/v1/users/${admin.id}`, { name: bad }, 'body.name'],
      ['POST', '/api/v1/animations/batch', { animations: [{ ...ok, id: bad }] }, 'body.animations.0.id'],
    ];
    for (const [method, path, body, field] of cases) {
      const r = await call(open.url, method, path, { key, body });
      t.is(r.status, 422, `${method} ${path} ${field}: ${r.text}`);
      t.is(problemType(r), 'validation-failed', field);
      t.true(
        r.json.errors.some((e: { field: string }) => e.field === field),
        `${field} in ${r.text}`,
      );
    }
  }
  const q = await call(open.url, 'GET', `/api/v1/animations?q=bubble%00sort`, { key });
  t.is(q.status, 422, q.text);
  t.is(q.json.errors[0].field, 'query.q');
  // A URL cannot carry a lone surrogate (its UTF-8 form is invalid and decodes to U+FFFD): a plain search.
  t.is((await call(open.url, 'GET', `/api/v1/animations?q=%ED%A0%BD`, { key })).status, 200);
});

test('a crafted list cursor is a validation problem, not a 500', async (t) => {
  const key = await open.key('admin');
  const b64 = (text: string) => Buffer.from(text).toString('base64url');
  for (const cursor of [
    b64('2026-01-01T00:00:00.000Z|------------------------------------'),
    b64('-271821-04-20T00:00:00.000Z|00000000-0000-0000-0000-000000000000'),
    b64('+275760-09-13T00:00:00.000Z|00000000-0000-0000-0000-000000000000'),
    b64('2026-01-01|zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz'),
    b64('\u0000|\u0000'),
    '%%%',
    b64('x'.repeat(100)),
  ]) {
    const r = await call(open.url, 'GET', `/api/v1/animations?cursor=${encodeURIComponent(cursor)}`, { key });
    t.is(r.status, 422, `${cursor}: ${r.text}`);
    t.is(r.json.errors[0].field, 'query.cursor');
  }
});

test('static file routes answer 404 to NUL bytes and paths outside their folder', async (t) => {
  for (const path of ['/fonts/inter/400.css%00.css', '/fonts/inter/%00', '/fonts/inter/..%2f..%2fpackage.json', '/fonts/inter/400.css%2500.css', '/fonts/%00/400.css', '/fonts/inter/%E0%A4%A']) {
    const r = await call(open.url, 'GET', path);
    t.true(r.status === 404 || r.status === 400, `${path}: ${r.status}`);
    t.is(r.headers.get('content-type'), 'application/problem+json', path);
  }
  t.is((await call(open.url, 'GET', '/fonts/inter/400.css')).status, 200);
});

test('answers carrying secrets are not stored; HSTS on https behind a trusted proxy; Permissions-Policy on pages', async (t) => {
  const key = await open.key('admin');
  const created = await call(open.url, 'POST', '/api/v1/api-keys', { key, body: { name: 'ci', role: 'viewer' } });
  t.is(created.status, 201);
  const secret = await call(open.url, 'GET', '/api/v1/webhooks/secret', { key });
  const login = await call(open.url, 'POST', '/api/v1/auth/login', { body: { email: 'admin@local', password: 'correct horse battery' } });
  t.is(login.status, 200);
  const me = await call(open.url, 'GET', '/api/v1/auth/me', { headers: { cookie: login.headers.getSetCookie()[0]!.split(';')[0]! } });
  for (const [what, r] of [
    ['key creation', created],
    ['signing secret', secret],
    ['sign-in', login],
    ['me', me],
  ] as const)
    t.is(r.headers.get('cache-control'), 'no-store', what);
  t.is(created.headers.get('strict-transport-security'), null, 'no HSTS over plain http');

  const proxied = await startTestServer({ databaseUrl: pg.url, overrides: { server: { role: 'api', trustProxy: true } } });
  t.teardown(() => proxied.stop());
  const https = await call(proxied.url, 'GET', '/healthz', { headers: { 'x-forwarded-proto': 'https' } });
  t.regex(https.headers.get('strict-transport-security') ?? '', /^max-age=\d{7,}/);

  for (const path of ['/', '/api/v1/docs']) {
    const page = await call(open.url, 'GET', path);
    t.regex(page.headers.get('permissions-policy') ?? '', /camera=\(\)/, path);
  }
});

/** fetch may not set Host; node:http may. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function withHost(base: string, method: string, path: string, host: string, opts: { key?: string; body?: unknown } = {}): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const req = request(base + path, { method, headers: { host, ...(opts.key ? { authorization: `Bearer ${opts.key}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString() || 'null') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('without server.publicUrl a Host nobody listed is refused, so it never becomes a link; with it, links ignore the Host', async (t) => {
  const key = await open.key('editor');
  const port = new URL(open.url).port;
  const evil = await withHost(open.url, 'POST', GENERATE, `evil.example:${port}`, { key, body: ok });
  t.is(evil.status, 400, JSON.stringify(evil.json));
  t.regex(evil.json.detail, /server\.publicUrl[\s\S]*server\.allowedHosts/);
  t.is((await withHost(open.url, 'GET', '/healthz', '10.1.2.3')).status, 200, 'probes may use any address');
  const local = await withHost(open.url, 'POST', GENERATE, `localhost:${port}`, { key, body: ok });
  t.is(local.status, 202, JSON.stringify(local.json));
  t.true(local.json.links.self.startsWith(`http://localhost:${port}/`));

  const pinned = await startTestServer({ databaseUrl: pg.url, overrides: { server: { role: 'api', publicUrl: 'https://devforge.corp.example' } } });
  t.teardown(() => pinned.stop());
  const r = await withHost(pinned.url, 'POST', GENERATE, 'evil.example', { key: await pinned.key('editor'), body: ok });
  t.is(r.status, 202, JSON.stringify(r.json));
  t.true(Object.values(r.json.links as Record<string, string>).every((link) => link.startsWith('https://devforge.corp.example/')));
});
