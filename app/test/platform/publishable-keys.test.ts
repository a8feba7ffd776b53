// Publishable API keys (the widget's, docs/widget.md) against a real server and Postgres: made with their
// allowed origins (validated, normalised), held to them on every request (403 saying which origin and how to
// add it), CORS headers and preflights only for those origins, and only what a widget does (no admin
// routes, no key management, no account).
import test from 'ava';
import { call, type Reply } from './helpers/http.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

const SITE = 'https://intranet.example.com';
const DEV = 'http://localhost:8080';
const OTHER = 'https://evil.example.net';

let pg: TestPostgres;
let server: TestServer;
let adminKey: string;
let pub: { id: string; key: string };

test.before(async () => {
  pg = await startTestPostgres();
  server = await startTestServer({ databaseUrl: pg.url });
  adminKey = await server.key('admin');
  const made = await call(server.url, 'POST', '/api/v1/api-keys', { key: adminKey, body: { name: 'intranet widget', kind: 'publishable', allowed_origins: ['HTTPS://Intranet.Example.com:443', 'http://localhost:8080/', DEV] } });
  if (made.status !== 201) throw new Error(`creating the publishable key: ${made.text}`);
  pub = { id: made.json.id, key: made.json.key };
});

test.after.always(async () => {
  await server?.stop();
  await pg?.destroy();
});

const withKey = (method: string, path: string, origin: string | undefined, body?: unknown): Promise<Reply> =>
  call(server.url, method, `/api/v1${path}`, { key: pub.key, ...(body !== undefined ? { body } : {}), headers: origin ? { origin } : {} });

test('a publishable key is dfp_, with its origins normalised and no admin scope', async (t) => {
  t.regex(pub.key, /^dfp_/);
  const list = await call(server.url, 'GET', '/api/v1/api-keys', { key: adminKey });
  const listed = (list.json.api_keys as { id: string; kind: string; allowed_origins: string[]; scopes: string[]; prefix: string }[]).find((k) => k.id === pub.id)!;
  t.is(listed.kind, 'publishable');
  t.deepEqual(listed.allowed_origins, [SITE, DEV], 'lower case, default port and trailing slash dropped, repeats once');
  t.deepEqual(listed.scopes, ['animations:read', 'animations:write'], "an admin's publishable key still never gets the admin scope");
  t.regex(listed.prefix, /^dfp_/);
  const secret = await call(server.url, 'POST', '/api/v1/api-keys', { key: adminKey, body: { name: 'server key' } });
  t.is(secret.status, 201);
  t.regex(secret.json.key, /^dfk_/, 'secret keys keep their prefix');
  t.is(secret.json.kind, 'secret');
  t.deepEqual(secret.json.allowed_origins, []);
});

test('bad origin values are refused with a clear error naming the field', async (t) => {
  const cases: [unknown, RegExp][] = [
    [['*'], /wildcards are not allowed/],
    [['https://*.example.com'], /wildcards are not allowed/],
    [['https://example.com/widget'], /no path, query or fragment; write only https:\/\/example\.com/],
    [['https://example.com?x=1'], /no path, query or fragment/],
    [['ftp://example.com'], /http:\/\/ or https:\/\//],
    [['intranet.example.com'], /is not an origin: write scheme:\/\/host\[:port\]/],
    [['https://user:secret@example.com'], /no user name or password/],
    [[], /at least one allowed origin/],
  ];
  for (const [origins, message] of cases) {
    const r = await call(server.url, 'POST', '/api/v1/api-keys', { key: adminKey, body: { name: 'bad', kind: 'publishable', allowed_origins: origins } });
    t.is(r.status, 422, JSON.stringify(origins));
    t.is(r.headers.get('content-type'), 'application/problem+json');
    t.regex(r.json.detail, message, JSON.stringify(origins));
    t.regex(r.json.errors[0].field, /^body\.allowed_origins/);
  }
  const noOrigins = await call(server.url, 'POST', '/api/v1/api-keys', { key: adminKey, body: { name: 'bad', kind: 'publishable' } });
  t.is(noOrigins.status, 422);
  t.regex(noOrigins.json.detail, /needs allowed_origins/);
  const secretWithOrigins = await call(server.url, 'POST', '/api/v1/api-keys', { key: adminKey, body: { name: 'bad', allowed_origins: [SITE] } });
  t.is(secretWithOrigins.status, 422);
  t.regex(secretWithOrigins.json.detail, /only publishable keys have allowed origins/);
  const adminScope = await call(server.url, 'POST', '/api/v1/api-keys', { key: adminKey, body: { name: 'bad', kind: 'publishable', allowed_origins: [SITE], scopes: ['admin'] } });
  t.is(adminScope.status, 422);
  t.regex(adminScope.json.detail, /cannot have the admin scope/);
});

test('every request must come from an allowed origin; CORS headers only then', async (t) => {
  const ok = await withKey('GET', '/templates', SITE);
  t.is(ok.status, 200);
  t.is(ok.headers.get('access-control-allow-origin'), SITE, 'the exact origin, never *');
  t.regex(ok.headers.get('vary') ?? '', /origin/i);
  t.is(ok.headers.get('access-control-allow-credentials'), null, 'cookies never travel cross-origin');
  const dev = await withKey('POST', '/analyze', DEV, { description: 'bubble sort 5 3 8 1' });
  t.is(dev.status, 200);
  t.is(dev.headers.get('access-control-allow-origin'), DEV);

  const foreign = await withKey('GET', '/templates', OTHER);
  t.is(foreign.status, 403);
  t.is(foreign.json.type, 'urn:devforge:problem:origin-not-allowed');
  t.regex(foreign.json.detail, new RegExp(`may not be used from ${OTHER.replace(/\./g, '\\.')}: add it to the key's allowed origins \\(PUT /api/v1/api-keys/${pub.id}/allowed-origins`));
  t.is(foreign.json.origin, OTHER);
  t.is(foreign.headers.get('access-control-allow-origin'), null);

  const none = await withKey('GET', '/templates', undefined);
  t.is(none.status, 403);
  t.regex(none.json.detail, /no Origin header/);

  // A secret key from a browser page: it works (a server may send an Origin) but no page may read the answer.
  const secret = await call(server.url, 'GET', '/api/v1/templates', { key: adminKey, headers: { origin: SITE } });
  t.is(secret.status, 200);
  t.is(secret.headers.get('access-control-allow-origin'), null, 'no CORS for secret keys');
  const anon = await call(server.url, 'GET', '/api/v1/branding/public', { headers: { origin: SITE } });
  t.is(anon.headers.get('access-control-allow-origin'), null, 'no CORS without a publishable key');
});

test('preflights are answered only for origins a publishable key allows', async (t) => {
  const ask = (origin: string) =>
    call(server.url, 'OPTIONS', '/api/v1/animations/generate', { headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key' } });
  const ok = await ask(SITE);
  t.is(ok.status, 204);
  t.is(ok.headers.get('access-control-allow-origin'), SITE);
  t.regex(ok.headers.get('access-control-allow-headers') ?? '', /authorization/);
  t.regex(ok.headers.get('access-control-allow-headers') ?? '', /idempotency-key/);
  t.regex(ok.headers.get('access-control-allow-methods') ?? '', /POST/);
  t.regex(ok.headers.get('vary') ?? '', /origin/i);
  const refused = await ask(OTHER);
  t.is(refused.status, 403);
  t.is(refused.headers.get('access-control-allow-origin'), null);
  t.regex(refused.json.detail, /no publishable key allows https:\/\/evil\.example\.net/);
  // Not a preflight (no Access-Control-Request-Method): the router's usual answer, without CORS.
  const plain = await call(server.url, 'OPTIONS', '/api/v1/templates', { headers: { origin: SITE } });
  t.is(plain.headers.get('access-control-allow-origin'), null);
});

test('a publishable key does only what the widget does: no admin routes, no key management, no account', async (t) => {
  const refused: [string, string, unknown?][] = [
    ['GET', '/api-keys'],
    ['POST', '/api-keys', { name: 'minted' }],
    ['POST', '/api-keys', { name: 'minted', kind: 'publishable', allowed_origins: [SITE] }],
    ['PUT', `/api-keys/${pub.id}/allowed-origins`, { allowed_origins: [SITE, OTHER] }],
    ['DELETE', `/api-keys/${pub.id}`],
    ['GET', '/users'],
    ['GET', '/audit'],
    ['GET', '/system'],
    ['PUT', '/license', 'x'],
    ['GET', '/me'],
    ['GET', '/me/sessions'],
    ['GET', '/animations'],
    ['GET', '/webhooks/signing-secret'],
    ['GET', '/usage'],
    ['PUT', '/branding', {}],
  ];
  for (const [method, path, body] of refused) {
    const r = await withKey(method, path, SITE, body);
    t.is(r.status, 403, `${method} ${path}`);
    t.regex(r.json.detail, /a publishable key may only analyse, list templates, generate and read its animations/, `${method} ${path}`);
    t.false(r.text.includes('dfk_'), 'no secret key in the answer');
  }
  const allowed = await withKey('POST', '/analyze', SITE, { description: 'bubble sort 5 3 8 1' });
  t.is(allowed.status, 200);
  // Generating is allowed, but not with a webhook (the appliance would POST wherever the page says) or at high priority.
  const hook = await withKey('POST', '/animations/generate', SITE, { description: 'bubble sort 5 3 8 1', webhook_url: 'http://127.0.0.1:9/hook' });
  t.is(hook.status, 403);
  t.regex(hook.json.detail, /^body\.webhook_url: a publishable key may only/);
  const high = await withKey('POST', '/animations/generate', SITE, { description: 'bubble sort 5 3 8 1', priority: 'high' });
  t.is(high.status, 403);
  t.regex(high.json.detail, /^body\.priority: priority "high" is for administrators/);
});

test("the key's origins can be replaced: the old one is refused at once, the new one works", async (t) => {
  const extra = await call(server.url, 'POST', '/api/v1/api-keys', { key: adminKey, body: { name: 'moving widget', kind: 'publishable', allowed_origins: [SITE] } });
  const before = await call(server.url, 'GET', '/api/v1/templates', { key: extra.json.key, headers: { origin: SITE } });
  t.is(before.status, 200);
  const moved = await call(server.url, 'PUT', `/api/v1/api-keys/${extra.json.id}/allowed-origins`, { key: adminKey, body: { allowed_origins: ['https://Portal.Example.com'] } });
  t.is(moved.status, 200);
  t.deepEqual(moved.json.allowed_origins, ['https://portal.example.com']);
  t.is((await call(server.url, 'GET', '/api/v1/templates', { key: extra.json.key, headers: { origin: SITE } })).status, 403);
  const after = await call(server.url, 'GET', '/api/v1/templates', { key: extra.json.key, headers: { origin: 'https://portal.example.com' } });
  t.is(after.status, 200);
  t.is(after.headers.get('access-control-allow-origin'), 'https://portal.example.com');

  const bad = await call(server.url, 'PUT', `/api/v1/api-keys/${extra.json.id}/allowed-origins`, { key: adminKey, body: { allowed_origins: ['https://portal.example.com/page'] } });
  t.is(bad.status, 422);
  t.is(bad.json.errors[0].field, 'body.allowed_origins[0]');
  const secret = await call(server.url, 'POST', '/api/v1/api-keys', { key: adminKey, body: { name: 'a secret one' } });
  const notPublishable = await call(server.url, 'PUT', `/api/v1/api-keys/${secret.json.id}/allowed-origins`, { key: adminKey, body: { allowed_origins: [SITE] } });
  t.is(notPublishable.status, 409);
  t.regex(notPublishable.json.detail, /only publishable keys/);
  const audit = await call(server.url, 'GET', `/api/v1/audit?action=apikey.origins&target_id=${extra.json.id}`, { key: adminKey });
  t.is(audit.json.entries.length, 1, 'the change is in the audit log');
});

test("a publishable key's calls are metered as an API key's; calls refused for their origin are not", async (t) => {
  const made = await call(server.url, 'POST', '/api/v1/api-keys', { key: adminKey, body: { name: 'metered widget', kind: 'publishable', allowed_origins: [SITE] } });
  const meter = server.platform.services.apiCalls!;
  await meter.flush();
  for (let i = 0; i < 3; i++) t.is((await call(server.url, 'GET', '/api/v1/templates', { key: made.json.key, headers: { origin: SITE } })).status, 200);
  t.is((await call(server.url, 'GET', '/api/v1/templates', { key: made.json.key, headers: { origin: OTHER } })).status, 403);
  await meter.flush();
  const rows: { channel: string; calls: number }[] = await server.platform.db.query('SELECT channel, sum(calls)::int AS calls FROM api_calls_hourly WHERE api_key_id = $1 GROUP BY channel', [made.json.id]);
  t.deepEqual(rows, [{ channel: 'api-key', calls: 3 }], 'counted against api_calls_per_month like any API key');
});
