// Bad input never gets a 500, every error is problem+json with a stable type, and the auth rules hold
// (keys, roles, CSRF, other people's animations). An API-only server: nothing here renders.
import test from 'ava';
import { findAnimationSummary, listAnimations } from '../../src/platform/domain/queries/animations.ts';
import { call } from './helpers/http.ts';
import { ACCEPT_TEST_LICENSES, issueLicense, putLicense } from './helpers/license.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer, type TestServer } from './helpers/server.ts';

let pg: TestPostgres;
let server: TestServer;
let admin: string;
const GENERATE = '/api/v1/animations/generate';
const ok = { description: 'Demonstrate bubble sort on 5 3 8 1', quality: '720p', duration: 2 };

test.before(async () => {
  pg = await startTestPostgres();
  server = await startTestServer({ databaseUrl: pg.url, overrides: { server: { role: 'api' }, ...ACCEPT_TEST_LICENSES } });
  admin = await server.key('admin');
  // Some requests here carry custom branding, which needs an Enterprise license (app/test/licensing covers the tiers).
  const installed = await putLicense(server.url, admin, await issueLicense({ tier: 'enterprise' }));
  if (installed.status !== 200) throw new Error(`installing the test license: ${installed.text}`);
});

test.after.always(async () => {
  await server?.stop();
  await pg?.destroy();
});

function problemType(reply: { json: { type?: string } }): string | undefined {
  return reply.json?.type?.replace('urn:devforge:problem:', '');
}

test('malformed JSON is a 400 malformed-json problem', async (t) => {
  const r = await call(server.url, 'POST', GENERATE, { key: admin, raw: '{"description": "x",', headers: { 'content-type': 'application/json' } });
  t.is(r.status, 400);
  t.is(r.headers.get('content-type'), 'application/problem+json');
  t.is(problemType(r), 'malformed-json');
});

test('wrong types and unknown fields are 422 with the field named', async (t) => {
  const wrong = await call(server.url, 'POST', GENERATE, { key: admin, body: { description: 5, duration: 'long' } });
  t.is(wrong.status, 422);
  t.is(problemType(wrong), 'validation-failed');
  t.deepEqual(wrong.json.errors.map((e: { field: string }) => e.field).sort(), ['body.description', 'body.duration']);
  const unknown = await call(server.url, 'POST', GENERATE, { key: admin, body: { ...ok, colour: 'red' } });
  t.is(unknown.status, 422);
  t.regex(unknown.json.errors[0].field, /body\.colour/);
  t.regex(unknown.json.errors[0].message, /unknown field/);
});

test('a 10 MB body is refused with 413 and the limit stated', async (t) => {
  const big = JSON.stringify({ description: 'x'.repeat(10 * 1024 * 1024) });
  const r = await call(server.url, 'POST', GENERATE, { key: admin, raw: big, headers: { 'content-type': 'application/json' } });
  t.is(r.status, 413);
  t.is(problemType(r), 'payload-too-large');
  t.is(r.json.limit_bytes, 1_048_576);
  t.regex(r.json.detail, /1048576 bytes/);
});

test('a body without a length (chunked) over the limit is refused too', async (t) => {
  const chunk = Buffer.alloc(256 * 1024, 'a');
  const stream = new ReadableStream({
    start(controller) {
      controller.enqueue(Buffer.from('{"description":"'));
      for (let i = 0; i < 8; i++) controller.enqueue(chunk);
      controller.enqueue(Buffer.from('"}'));
      controller.close();
    },
  });
  const res = await fetch(server.url + GENERATE, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
  t.is(res.status, 413);
});

test('a 100 KB description is a 422 description-too-long that says the limit', async (t) => {
  const r = await call(server.url, 'POST', GENERATE, { key: admin, body: { ...ok, description: 'bubble sort '.repeat(8600) } });
  t.is(r.status, 422);
  t.is(problemType(r), 'description-too-long');
  t.regex(r.json.detail, /limit is 2000/);
});

test('an unknown quality, style or template is 422', async (t) => {
  const quality = await call(server.url, 'POST', GENERATE, { key: admin, body: { ...ok, quality: '8k' } });
  t.is(quality.status, 422);
  t.is(quality.json.errors[0].field, 'body.quality');
  const style = await call(server.url, 'POST', GENERATE, { key: admin, body: { ...ok, style: 'baroque' } });
  t.is(style.status, 422);
  const template = await call(server.url, 'POST', GENERATE, { key: admin, body: { ...ok, template: 'sort.nonexistent' } });
  t.is(template.status, 422);
  t.is(problemType(template), 'unknown-template');
  const params = await call(server.url, 'POST', GENERATE, { key: admin, body: { ...ok, template: 'sort.bubble', params: { values: 'many' } } });
  t.is(params.status, 422);
  t.is(problemType(params), 'invalid-params');
  const tooLong = await call(server.url, 'POST', GENERATE, { key: admin, body: { ...ok, duration: 601 } });
  t.is(tooLong.status, 422);
});

test('webhooks to metadata and link-local addresses are refused', async (t) => {
  for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://[::ffff:169.254.169.254]/', 'http://metadata.google.internal/computeMetadata/v1/', 'http://[fe80::1]/hook', 'file:///etc/passwd', 'not a url']) {
    const r = await call(server.url, 'POST', GENERATE, { key: admin, body: { ...ok, webhook_url: url } });
    t.is(r.status, 422, url);
    t.is(problemType(r), 'webhook-url-not-allowed', url);
  }
  const batch = await call(server.url, 'POST', '/api/v1/animations/batch', { key: admin, body: { animations: [ok], callback_url: 'http://169.254.170.2/creds' } });
  t.is(batch.status, 422);
});

test('junk of every shape never gets a 500', async (t) => {
  const bodies: unknown[] = [
    null,
    [],
    'text',
    42,
    true,
    {},
    { description: null },
    { description: ['a'] },
    { description: {} },
    { ...ok, templates: 'x' },
    { ...ok, params: [] },
    { ...ok, custom_branding: { logo: 'javascript:alert(1)' } },
    { ...ok, fps: 25 },
    { ...ok, duration: -1 },
    { ...ok, priority: 'urgent' },
    { description: '\u0000\u0001' },
    { description: '' },
  ];
  for (const body of bodies) {
    const r = await call(server.url, 'POST', GENERATE, { key: admin, raw: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    t.true(r.status >= 400 && r.status < 500, `${JSON.stringify(body)} → ${r.status} ${r.text}`);
    t.is(r.headers.get('content-type'), 'application/problem+json');
  }
  // A number too large for a double (JSON.parse reads it as Infinity). It must go as raw text: as a value in
  // the list above, it would be Infinity, which JSON.stringify sends as null.
  const overflow = await call(server.url, 'POST', GENERATE, { key: admin, raw: JSON.stringify(ok).replace('"duration":2', '"duration":1e309'), headers: { 'content-type': 'application/json' } });
  t.true(overflow.status >= 400 && overflow.status < 500, `duration 1e309 → ${overflow.status} ${overflow.text}`);
  t.is(overflow.headers.get('content-type'), 'application/problem+json');
  const text = await call(server.url, 'POST', GENERATE, { key: admin, raw: 'description=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  t.is(text.status, 415);
  for (const path of ['/api/v1/animations/not-an-id', '/api/v1/animations?limit=0', '/api/v1/animations?status=done', '/api/v1/animations?cursor=zzz', '/api/v1/batches/123']) {
    const r = await call(server.url, 'GET', path, { key: admin });
    t.is(r.status, 422, path);
  }
  t.is((await call(server.url, 'GET', '/api/v1/nothing-here', { key: admin })).status, 404);
  t.is((await call(server.url, 'PUT', '/api/v1/animations/generate', { key: admin })).status, 405);
});

test('without credentials, with wrong, revoked or expired keys: 401', async (t) => {
  t.is((await call(server.url, 'GET', '/api/v1/animations')).status, 401);
  t.is((await call(server.url, 'GET', '/api/v1/animations', { key: 'dfk_notakey' })).status, 401);
  t.is((await call(server.url, 'GET', '/api/v1/animations', { headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } })).status, 401);

  const created = await call(server.url, 'POST', '/api/v1/api-keys', { key: admin, body: { name: 'to revoke', role: 'editor' } });
  t.is(created.status, 201);
  const key = created.json.key as string;
  t.true(key.startsWith('dfk_'));
  t.is((await call(server.url, 'GET', '/api/v1/animations', { key })).status, 200);
  const listed = await call(server.url, 'GET', '/api/v1/api-keys', { key: admin });
  const entry = listed.json.api_keys.find((k: { id: string }) => k.id === created.json.id);
  t.falsy(entry.key, 'the key itself is never listed');
  t.truthy(entry.last_used_at, 'last use is recorded');
  t.is((await call(server.url, 'DELETE', `/api/v1/api-keys/${created.json.id}`, { key: admin })).status, 204);
  const revoked = await call(server.url, 'GET', '/api/v1/animations', { key });
  t.is(revoked.status, 401);
  t.regex(revoked.json.detail, /revoked/);

  const expiring = await call(server.url, 'POST', '/api/v1/api-keys', { key: admin, body: { name: 'short', expires_in_days: 1 } });
  await server.platform.db.query(`UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`, [expiring.json.id]);
  const expired = await call(server.url, 'GET', '/api/v1/animations', { key: expiring.json.key });
  t.is(expired.status, 401);
  t.regex(expired.json.detail, /expired/);
});

test('roles: viewers read, editors create, only admins manage accounts', async (t) => {
  const viewer = await server.key('viewer');
  t.is((await call(server.url, 'GET', '/api/v1/templates', { key: viewer })).status, 200);
  const denied = await call(server.url, 'POST', GENERATE, { key: viewer, body: ok });
  t.is(denied.status, 403);
  t.is(problemType(denied), 'forbidden');
  const editor = await server.key('editor');
  t.is((await call(server.url, 'GET', '/api/v1/users', { key: editor })).status, 403);
  const made = await call(server.url, 'POST', '/api/v1/users', { key: admin, body: { email: 'eve@example.com', role: 'editor', password: 'long enough password' } });
  t.is(made.status, 201);
  t.is(made.json.password_hash, undefined);
  t.is((await call(server.url, 'POST', '/api/v1/users', { key: admin, body: { email: 'EVE@example.com', role: 'viewer', password: 'long enough password' } })).status, 409);
  t.is((await call(server.url, 'POST', '/api/v1/users', { key: admin, body: { email: 'x@example.com', role: 'viewer', password: 'short' } })).status, 422);
});

test("another user's animation is 404, not 403", async (t) => {
  const mine = await call(server.url, 'POST', GENERATE, { key: admin, body: ok });
  t.is(mine.status, 202);
  t.is(mine.json.status, 'queued');
  t.truthy(Date.parse(mine.json.estimated_completion));
  t.regex(mine.json.links.self, new RegExp(`^${server.url}/api/v1/animations/${mine.json.id}$`));
  await call(server.url, 'POST', '/api/v1/users', { key: admin, body: { email: 'mallory@example.com', role: 'editor', password: 'another long password' } });
  const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'mallory@example.com', password: 'another long password' }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const stranger = (await login.json()) as { csrf_token: string };
  const headers = { cookie, 'x-csrf-token': stranger.csrf_token };
  for (const [method, path] of [
    ['GET', ''],
    ['GET', '/video'],
    ['GET', '/scene'],
    ['GET', '/events'],
    ['POST', '/cancel'],
    ['DELETE', ''],
  ] as const) {
    const r = await call(server.url, method, `/api/v1/animations/${mine.json.id}${path}`, { headers });
    t.is(r.status, 404, `${method} ${path}`);
  }
  const list = await call(server.url, 'GET', '/api/v1/animations', { headers });
  t.deepEqual(list.json.animations, []);
  t.is((await call(server.url, 'GET', `/api/v1/animations/${mine.json.id}`, { key: admin })).status, 200);
});

test('the browser session: HttpOnly SameSite cookie, CSRF token required on writes', async (t) => {
  const wrong = await call(server.url, 'POST', '/api/v1/auth/login', { body: { email: ADMIN_EMAIL, password: 'nope' } });
  t.is(wrong.status, 401);
  t.is(problemType(wrong), 'invalid-credentials');
  const res = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'ADMIN@local', password: ADMIN_PASSWORD }) });
  t.is(res.status, 200);
  const setCookie = res.headers.get('set-cookie')!;
  t.regex(setCookie, /devforge_session=/);
  t.regex(setCookie, /httponly/i);
  t.regex(setCookie, /samesite=lax/i);
  const { csrf_token } = (await res.json()) as { csrf_token: string };
  const cookie = setCookie.split(';')[0]!;
  t.is((await call(server.url, 'GET', '/api/v1/me', { headers: { cookie } })).json.via, 'session');
  const noToken = await call(server.url, 'POST', GENERATE, { headers: { cookie }, body: ok });
  t.is(noToken.status, 403);
  t.is(problemType(noToken), 'csrf-failed');
  const badToken = await call(server.url, 'POST', GENERATE, { headers: { cookie, 'x-csrf-token': 'x'.repeat(43) }, body: ok });
  t.is(badToken.status, 403);
  const good = await call(server.url, 'POST', GENERATE, { headers: { cookie, 'x-csrf-token': csrf_token }, body: ok });
  t.is(good.status, 202);
  t.is((await call(server.url, 'POST', '/api/v1/auth/logout', { headers: { cookie, 'x-csrf-token': csrf_token } })).status, 204);
  t.is((await call(server.url, 'GET', '/api/v1/me', { headers: { cookie } })).status, 401);
});

test('analysis, templates, list paging and filters', async (t) => {
  const analysis = await call(server.url, 'POST', '/api/v1/analyze', { key: admin, body: { description: 'Demonstrate bubble sort on 5 3 8 1' } });
  t.is(analysis.status, 200);
  t.is(analysis.json.template, 'sort.bubble');
  t.deepEqual(analysis.json.facts, { swaps: 4, comparisons: 6, sorted: [1, 3, 5, 8] });
  const templates = await call(server.url, 'GET', '/api/v1/templates', { key: admin });
  const bubble = templates.json.templates.find((x: { id: string }) => x.id === 'sort.bubble');
  t.truthy(bubble.params_schema.properties.values);
  t.truthy(bubble.example);
  for (let i = 0; i < 3; i++) await call(server.url, 'POST', GENERATE, { key: admin, body: { ...ok, description: `Demonstrate bubble sort on ${i} 9 4` } });
  const first = await call(server.url, 'GET', '/api/v1/animations?limit=2&q=bubble', { key: admin });
  t.is(first.json.animations.length, 2);
  t.truthy(first.json.next_cursor);
  const second = await call(server.url, 'GET', `/api/v1/animations?limit=2&q=bubble&cursor=${first.json.next_cursor}`, { key: admin });
  t.true(second.json.animations.length >= 1);
  const ids = new Set([...first.json.animations, ...second.json.animations].map((a: { id: string }) => a.id));
  t.is(ids.size, first.json.animations.length + second.json.animations.length, 'pages do not overlap');
  const queued = await call(server.url, 'GET', '/api/v1/animations?status=completed', { key: admin });
  t.deepEqual(queued.json.animations, []);
});

test('the list and the event stream read summaries: no scene JSON, no logo data URL', async (t) => {
  const logo = 'data:image/png;base64,' + 'A'.repeat(4000);
  const made = await call(server.url, 'POST', GENERATE, { key: admin, body: { ...ok, description: 'Demonstrate bubble sort on 6 2 7', custom_branding: { logo, watermark: 'draft' } } });
  t.is(made.status, 202);
  const [owner] = await server.platform.db.query(`SELECT id FROM users WHERE email = $1`, [ADMIN_EMAIL]);
  const page = await listAnimations(server.platform.db, { userId: owner.id, role: 'admin', via: 'api-key' }, { owner: 'me', limit: 100, q: '6 2 7' });
  const listed = page.animations.find((a) => a.id === made.json.id)!;
  t.truthy(listed, 'the new animation is listed');
  for (const column of ['scene', 'branding', 'webhookUrl', 'renderJobId']) t.false(column in listed, `the list does not read ${column}`);
  const summary = (await findAnimationSummary(server.platform.db, made.json.id))!;
  t.is(summary.description, 'Demonstrate bubble sort on 6 2 7');
  t.false('scene' in summary || 'branding' in summary, "the event stream's re-read is a summary too");
  const http = await call(server.url, 'GET', `/api/v1/animations?q=${encodeURIComponent('6 2 7')}`, { key: admin });
  t.is(http.json.animations[0].id, made.json.id);
  t.is(http.json.animations[0].template, 'sort.bubble');
});

test('cancel, then re-render; outputs before completion are 409', async (t) => {
  const made = await call(server.url, 'POST', GENERATE, { key: admin, body: ok });
  t.is((await call(server.url, 'GET', `/api/v1/animations/${made.json.id}/video`, { key: admin })).status, 409);
  const scene = await call(server.url, 'GET', `/api/v1/animations/${made.json.id}/scene`, { key: admin });
  t.is(scene.json.meta.template, 'sort.bubble');
  const cancelled = await call(server.url, 'POST', `/api/v1/animations/${made.json.id}/cancel`, { key: admin });
  t.is(cancelled.json.status, 'cancelled');
  t.is((await call(server.url, 'POST', `/api/v1/animations/${made.json.id}/cancel`, { key: admin })).status, 409);
  const again = await call(server.url, 'POST', `/api/v1/animations/${made.json.id}/rerender`, { key: admin });
  t.is(again.status, 202);
  t.is(again.json.status, 'queued');
  t.is(again.json.generation, 2);
  t.is((await call(server.url, 'DELETE', `/api/v1/animations/${made.json.id}`, { key: admin })).status, 204);
  t.is((await call(server.url, 'GET', `/api/v1/animations/${made.json.id}`, { key: admin })).status, 404);
});

test('X-Request-Id: a sane one is echoed and logged, anything else is replaced by a fresh id', async (t) => {
  const given = await call(server.url, 'GET', '/api/v1/me', { key: admin, headers: { 'x-request-id': 'proxy-7f3a.42' } });
  t.is(given.headers.get('x-request-id'), 'proxy-7f3a.42');
  const line = server.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.request_id === 'proxy-7f3a.42');
  t.like(line, { level: 'info', msg: 'request', method: 'GET', path: '/api/v1/me', status: 200 });
  t.regex(String(line?.time), /^\d{4}-\d\d-\d\dT/);
  for (const bad of ['has spaces in it', 'x'.repeat(200), 'quote"d']) {
    const r = await call(server.url, 'GET', '/healthz', { headers: { 'x-request-id': bad } });
    t.regex(r.headers.get('x-request-id')!, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, bad);
  }
  t.not((await call(server.url, 'GET', '/healthz')).headers.get('x-request-id'), (await call(server.url, 'GET', '/healthz')).headers.get('x-request-id'));
});

test('health, readiness, metrics, OpenAPI and the reference page', async (t) => {
  t.deepEqual((await call(server.url, 'GET', '/healthz')).json, { status: 'ok' });
  const ready = await call(server.url, 'GET', '/readyz');
  t.is(ready.status, 200);
  t.deepEqual(Object.keys(ready.json.checks).sort(), ['database', 'queue', 'storage']);
  t.is((await call(server.url, 'GET', '/metrics')).status, 401);
  t.is((await call(server.url, 'POST', GENERATE, { key: admin, body: ok })).status, 202);
  const metrics = await call(server.url, 'GET', '/metrics', { key: admin });
  t.is(metrics.status, 200);
  t.regex(metrics.headers.get('content-type')!, /text\/plain; version=0\.0\.4/);
  t.regex(metrics.text, /^devforge_http_requests_total\{method="POST",route="\/api\/v1\/animations\/generate",status="202"\} \d+$/m);
  // Label order within the braces is not significant to Prometheus (prom-client writes `le` first).
  t.regex(metrics.text, /^devforge_http_request_duration_seconds_bucket\{[^}]*le="\+Inf"[^}]*\} \d+$/m);
  t.regex(metrics.text, /^devforge_queue_jobs\{queue="render",state="queued"\} \d+$/m);
  t.regex(metrics.text, /^devforge_animations\{status="queued"\} \d+$/m);
  // Node's default metrics: event-loop lag now and the p99 of monitorEventLoopDelay since the last scrape.
  t.regex(metrics.text, /^nodejs_eventloop_lag_seconds [\d.e-]+$/m);
  t.regex(metrics.text, /^nodejs_eventloop_lag_p99_seconds [\d.e-]+$/m);
  const doc = await call(server.url, 'GET', '/api/v1/openapi.json');
  t.is(doc.json.openapi, '3.1.0');
  const op = doc.json.paths['/api/v1/animations/generate'].post;
  t.deepEqual(op.requestBody.content['application/json'].schema.properties.quality.enum, ['720p', '1080p', '4k']);
  t.false(op.requestBody.content['application/json'].schema.additionalProperties);
  t.truthy(doc.json.paths['/api/v1/enterprise/animations/generate'].post);
  t.truthy(doc.json.paths['/api/v1/animations/{id}/video'].get.responses['206']);
  const docs = await call(server.url, 'GET', '/api/v1/docs');
  t.is(docs.status, 200);
  t.regex(docs.headers.get('content-security-policy')!, /default-src 'self'/);
  t.regex(docs.text, /POST<\/span> <code>\/api\/v1\/animations\/generate<\/code>/);
  t.notRegex(docs.text, /https?:\/\/(?!localhost)[a-z]/i, 'the reference loads nothing from elsewhere');
});

test('a description not understood, or without its data, is a 422 with suggestions; analyze says so with a 200', async (t) => {
  const vague = await call(server.url, 'POST', GENERATE, { key: admin, body: { ...ok, description: 'Sorting algorithms compared' } });
  t.is(vague.status, 422);
  t.is(problemType(vague), 'not-understood');
  t.regex(vague.json.detail, /was not understood well enough to animate/);
  t.true(vague.json.suggestions.length > 0);
  for (const s of vague.json.suggestions) t.truthy(s.template && s.example);
  const topic = await call(server.url, 'POST', GENERATE, { key: admin, body: { ...ok, description: 'American Revolution timeline' } });
  t.is(topic.status, 422);
  t.is(problemType(topic), 'description-needs-data');
  t.deepEqual(topic.json.needs.data, ['events']);
  t.regex(topic.json.detail, /1765 Stamp Act, 1775 Lexington, 1776 Declaration/);
  const analysis = await call(server.url, 'POST', '/api/v1/analyze', { key: admin, body: { description: 'American Revolution timeline' } });
  t.is(analysis.status, 200);
  t.false(analysis.json.understood);
  t.deepEqual(analysis.json.needs.data, ['events']);
  const given = await call(server.url, 'POST', GENERATE, { key: admin, body: { ...ok, description: 'American Revolution timeline: 1765 Stamp Act, 1775 Lexington, 1776 Declaration' } });
  t.is(given.status, 202);
});
