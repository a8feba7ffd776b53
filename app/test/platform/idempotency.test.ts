// Idempotency-Key on generate and batch, on real API-only servers sharing one Postgres (a server in this
// process and `devforge serve --role api` as a process of its own): a retry gets the first answer from either
// process, parallel duplicates create one animation, another body with the same key is refused, and keys
// older than limits.idempotencyHours are purged.
import { randomUUID } from 'node:crypto';
import test from 'ava';
import { createApiKey } from '../../src/platform/domain/commands/api-keys.ts';
import { sql } from '../../src/platform/db/sql.ts';
import { spawnApi, type ApiProcess } from './helpers/api-process.ts';
import { call, type Reply } from './helpers/http.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

let pg: TestPostgres;
let a: TestServer;
let b: ApiProcess;
let admin: string;
const GENERATE = '/api/v1/animations/generate';
const BATCH = '/api/v1/animations/batch';
const ok = { description: 'Demonstrate bubble sort on 5 3 8 1', quality: '720p', duration: 2 };

test.before(async () => {
  pg = await startTestPostgres();
  a = await startTestServer({ databaseUrl: pg.url, overrides: { server: { role: 'api' } } });
  b = await spawnApi(pg.url, { DEVFORGE_RATE_LIMIT_API_PER_MINUTE: '100000', DEVFORGE_RATE_LIMIT_GENERATE_PER_MINUTE: '100000' });
  admin = await a.key('admin');
});

test.after.always(async () => {
  await a?.stop();
  await b?.stop();
  await pg?.destroy();
});

function problemType(reply: Reply): string | undefined {
  return reply.json?.type?.replace('urn:devforge:problem:', '');
}

/** A new editor with an API key of its own, so each test counts only its own animations. */
async function editorKey(email: string): Promise<string> {
  const made = await call(a.url, 'POST', '/api/v1/users', { key: admin, body: { email, role: 'editor', password: 'a long enough passphrase 1' } });
  if (made.status !== 201) throw new Error(`creating ${email}: ${made.status} ${made.text}`);
  return (await createApiKey(a.platform.db, { userId: made.json.id, role: 'editor', via: 'console' }, { name: email, role: 'editor' })).key;
}

async function count(key: string): Promise<number> {
  return (await call(a.url, 'GET', '/api/v1/animations', { key })).json.animations.length;
}

const withKey = (key: string, idem: string, body: unknown) => ({ key, body, headers: { 'idempotency-key': idem } });

test('a retry with the same key and body gets the first answer, from either API process, and creates nothing', async (t) => {
  const key = await editorKey('retry@example.com');
  const idem = randomUUID();
  const first = await call(a.url, 'POST', GENERATE, withKey(key, idem, ok));
  t.is(first.status, 202, first.text);
  t.is(first.headers.get('idempotent-replayed'), null);
  // The same body with its fields in another order, sent to the other process, in the Structured Fields form.
  const again = await call(b.url, 'POST', GENERATE, { key, body: { duration: 2, quality: '720p', description: ok.description }, headers: { 'idempotency-key': `"${idem}"` } });
  t.is(again.status, 202, again.text);
  t.is(again.headers.get('idempotent-replayed'), 'true');
  t.deepEqual(again.json, first.json);
  t.is(again.headers.get('location'), first.headers.get('location'));
  t.is(await count(key), 1);
  // Without a key, or with another one, the same body is a new animation.
  t.is((await call(a.url, 'POST', GENERATE, { key, body: ok })).status, 202);
  t.is((await call(a.url, 'POST', GENERATE, withKey(key, randomUUID(), ok))).status, 202);
  t.is(await count(key), 3);
});

test('the same key with a different body is 422 idempotency-key-reused', async (t) => {
  const key = await editorKey('reuse@example.com');
  const idem = randomUUID();
  t.is((await call(a.url, 'POST', GENERATE, withKey(key, idem, ok))).status, 202);
  const other = await call(a.url, 'POST', GENERATE, withKey(key, idem, { ...ok, duration: 3 }));
  t.is(other.status, 422, other.text);
  t.is(problemType(other), 'idempotency-key-reused');
  t.regex(other.json.detail, /different request/);
  // The same key on the batch route is another request too.
  t.is((await call(a.url, 'POST', BATCH, withKey(key, idem, { animations: [ok] }))).status, 422);
  t.is(await count(key), 1);
});

test('10 parallel duplicates across two processes create exactly one animation', async (t) => {
  const key = await editorKey('parallel@example.com');
  const idem = randomUUID();
  const replies = await Promise.all(Array.from({ length: 10 }, (_, i) => call(i % 2 ? b.url : a.url, 'POST', GENERATE, withKey(key, idem, ok))));
  const created = replies.filter((r) => r.status === 202 && r.headers.get('idempotent-replayed') === null);
  t.is(created.length, 1, replies.map((r) => `${r.status} ${r.text}`).join('\n'));
  for (const r of replies) {
    if (r.status === 202) t.is(r.json.id, created[0]!.json.id);
    else {
      t.is(r.status, 409, r.text);
      t.is(problemType(r), 'idempotency-key-in-use');
      t.is(r.headers.get('retry-after'), '1');
    }
  }
  t.is(await count(key), 1);
  const later = await call(a.url, 'POST', GENERATE, withKey(key, idem, ok));
  t.is(later.json.id, created[0]!.json.id);
});

test('a refused first request keeps nothing: the corrected retry with the same key goes through', async (t) => {
  const key = await editorKey('fix@example.com');
  const idem = randomUUID();
  const bad = await call(a.url, 'POST', GENERATE, withKey(key, idem, { ...ok, voice: 'klingon' }));
  t.is(bad.status, 422, bad.text);
  const fixed = await call(a.url, 'POST', GENERATE, withKey(key, idem, ok));
  t.is(fixed.status, 202, fixed.text);
  t.is(fixed.headers.get('idempotent-replayed'), null);
});

test('a batch retried with its key gets the same batch back', async (t) => {
  const key = await editorKey('batchretry@example.com');
  const idem = randomUUID();
  const body = { animations: [ok, { ...ok, id: 'second' }] };
  const first = await call(a.url, 'POST', BATCH, withKey(key, idem, body));
  t.is(first.status, 202, first.text);
  const again = await call(b.url, 'POST', BATCH, withKey(key, idem, body));
  t.is(again.status, 202);
  t.is(again.headers.get('idempotent-replayed'), 'true');
  t.is(again.json.batch_id, first.json.batch_id);
  t.is(await count(key), 2);
});

test("keys are each caller's own, malformed keys are 400, and keys older than limits.idempotencyHours are purged", async (t) => {
  const one = await editorKey('one@example.com');
  const two = await editorKey('two@example.com');
  const idem = randomUUID();
  const mine = await call(a.url, 'POST', GENERATE, withKey(one, idem, ok));
  const theirs = await call(a.url, 'POST', GENERATE, withKey(two, idem, ok));
  t.is(theirs.status, 202);
  t.is(theirs.headers.get('idempotent-replayed'), null);
  t.not(theirs.json.id, mine.json.id);

  const malformed = await call(a.url, 'POST', GENERATE, withKey(one, 'has spaces in it', ok));
  t.is(malformed.status, 400, malformed.text);
  t.regex(malformed.json.detail, /Idempotency-Key/);

  // A day and an hour later (the default is 24 hours), the key is forgotten: purged, and free for a new request.
  await sql(a.platform.db, `UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1`, [idem]);
  const fresh = await call(a.url, 'POST', GENERATE, withKey(one, randomUUID(), ok));
  t.is(fresh.status, 202);
  const left = await sql<{ n: number }>(a.platform.db, 'SELECT count(*)::int AS n FROM idempotency_keys WHERE key = $1', [idem]);
  t.is(left[0]!.n, 0);
  const reused = await call(a.url, 'POST', GENERATE, withKey(one, idem, ok));
  t.is(reused.status, 202);
  t.is(reused.headers.get('idempotent-replayed'), null);
  t.not(reused.json.id, mine.json.id);
});
