// Postgres stops: /readyz says so with 503, the API answers 503 problem+json (never a hang or a 500).
// Postgres comes back: the same process serves again and the work queued before the outage completes.
import test from 'ava';
import { call, followEvents } from './helpers/http.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

let pg: TestPostgres;
let server: TestServer;

test.before(async () => {
  pg = await startTestPostgres();
  server = await startTestServer({ databaseUrl: pg.url });
});

test.after.always(async () => {
  await server?.stop();
  await pg?.destroy();
});

test('database outage: 503 while it is down, nothing lost when it returns', async (t) => {
  const key = await server.key('editor');
  const before = await call(server.url, 'POST', '/api/v1/animations/generate', { key, body: { description: 'Demonstrate bubble sort on 3 9 1 7', quality: '720p', duration: 2 } });
  t.is(before.status, 202);

  await pg.stop();
  const ready = await call(server.url, 'GET', '/readyz');
  t.is(ready.status, 503);
  t.is(ready.headers.get('content-type'), 'application/problem+json');
  t.is(ready.json.type, 'urn:devforge:problem:service-unavailable');
  t.false(ready.json.checks.database.ok);
  t.true(ready.json.checks.storage.ok);
  t.is((await call(server.url, 'GET', '/healthz')).status, 200, 'the process itself is alive');
  for (const [method, path, body] of [
    ['GET', '/api/v1/animations', undefined],
    ['GET', `/api/v1/animations/${before.json.id}`, undefined],
    ['POST', '/api/v1/animations/generate', { description: 'Demonstrate bubble sort on 2 1', quality: '720p', duration: 2 }],
  ] as const) {
    const r = await call(server.url, method, path, { key, ...(body ? { body } : {}) });
    t.is(r.status, 503, `${method} ${path}: ${r.text}`);
    t.is(r.json.type, 'urn:devforge:problem:service-unavailable');
    t.truthy(r.headers.get('retry-after'));
  }
  const fresh = await call(server.url, 'GET', '/api/v1/me', { key: 'dfk_' + 'x'.repeat(43) });
  t.is(fresh.status, 503, 'an unknown key cannot be checked either: 503, not 401');

  await pg.start();
  t.is((await call(server.url, 'GET', '/readyz')).status, 200);
  const after = await call(server.url, 'POST', '/api/v1/animations/generate', { key, body: { description: 'Demonstrate bubble sort on 8 6 7', quality: '720p', duration: 2 } });
  t.is(after.status, 202);
  for (const id of [before.json.id, after.json.id]) {
    const final = (await followEvents(server.url, id, key)).at(-1)!.data;
    t.is(final.status, 'completed', JSON.stringify(final));
  }
  const usage = await server.platform.db.query('SELECT count(*)::int AS n FROM usage_events');
  t.is(usage[0].n, 2);
});
