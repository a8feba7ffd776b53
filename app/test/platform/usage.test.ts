// Metering against a real server (api role: nothing renders by itself) and real Postgres: animations
// counted once when accepted (a finished render retried, a redelivered ledger write, a crashed
// transaction and a re-render change nothing), API calls per key and hour after a flush, render
// seconds per worker and GPU, storage as the sum of output bytes, the UTC month boundary, the CSV, who
// sees whose use, and bad months.
import test from 'ava';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { licenseEntitlements } from '../../src/platform/domain/license/admission.ts';
import { insertAnimation, prepareAnimation } from '../../src/platform/domain/commands/animations/create.ts';
import { markCompleted } from '../../src/platform/domain/commands/animations/finish.ts';
import { createApiKey } from '../../src/platform/domain/commands/api-keys.ts';
import { recordAccepted } from '../../src/platform/domain/commands/usage/record-accepted.ts';
import { insertUser } from '../../src/platform/domain/commands/users.ts';
import { animationsAccepted, apiCalls, monthOf } from '../../src/platform/domain/queries/usage.ts';
import { outputKeys } from '../../src/platform/storage/create.ts';
import { USAGE_CSV_COLUMNS } from '../../src/platform/api/presenters/usage.ts';
import { call, type Reply } from './helpers/http.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

let pg: TestPostgres;
let server: TestServer;
let admin: string;
let files: string;
const GENERATE = { description: 'Demonstrate bubble sort on 5 3 8 1', quality: '720p', duration: 2 };
const PASSWORD = 'plum orbit cactus 42';

interface Person {
  id: string;
  email: string;
  key: string;
  keyId: string;
}

interface Figures {
  animations_accepted: number;
  api_calls: number;
  session_calls: number;
  sandbox_animations: number;
  sandbox_calls: number;
  renders: number;
  render_seconds: number;
  storage_bytes: number;
}

test.before(async () => {
  pg = await startTestPostgres();
  // A flush interval no test reaches: API calls reach the database only when a test flushes them.
  server = await startTestServer({ databaseUrl: pg.url, overrides: { server: { role: 'api' } }, env: { DEVFORGE_USAGE_FLUSH_INTERVAL_MS: '60000' } });
  admin = await server.key('admin');
  // And no timer: the tests flush when they mean to (stop() flushes and ends the timer; counting goes on).
  await server.platform.services.apiCalls!.stop();
  files = await mkdtemp(join(tmpdir(), 'devforge-usage-'));
});

test.after.always(async () => {
  await server?.stop();
  await pg?.destroy();
  if (files) await rm(files, { recursive: true, force: true });
});

const db = () => server.platform.db;
const thisMonth = () => monthOf(new Date());

async function person(name: string, role: 'editor' | 'viewer' = 'editor', keyName = `${name} key`): Promise<Person> {
  const user = await insertUser(db(), { email: `${name}.${randomUUID().slice(0, 6)}@example.test`, role, password: PASSWORD });
  const { key, apiKey } = await createApiKey(db(), { userId: user.id, role, via: 'console' }, { name: keyName });
  return { id: user.id, email: user.email, key, keyId: apiKey.id };
}

function ok(r: Reply, status: number): Reply {
  if (r.status !== status) throw new Error(`expected HTTP ${status}, got ${r.status}: ${r.text}`);
  return r;
}

async function generate(who: Person): Promise<string> {
  return ok(await call(server.url, 'POST', '/api/v1/animations/generate', { key: who.key, body: GENERATE }), 202).json.id as string;
}

async function usage(key: string, month = thisMonth()) {
  return ok(await call(server.url, 'GET', `/api/v1/usage?month=${month}`, { key }), 200).json as {
    month: string;
    scope: string;
    totals: Figures;
    users: (Figures & { user_id: string; email: string | null })[];
    keys: (Omit<Figures, 'session_calls'> & { key_id: string; name: string | null; user_id: string | null })[];
    workers: { worker: string; renders: number; render_seconds: number }[];
    gpus: { gpu: string; renders: number; render_seconds: number }[];
  };
}

/** Finishes a render the way the worker does: real files in storage, their sizes in the outputs. */
async function finishRender(id: string, ownerId: string, sizes: [number, number, number], render: { renderS: number; worker: string; gpu: string }, generation = 1) {
  const s = server.platform.services;
  const keys = outputKeys(id);
  const stored = [];
  for (const [i, [key, type]] of (
    [
      [keys.video, 'video/mp4'],
      [keys.poster, 'image/png'],
      [keys.captions, 'text/vtt'],
    ] as const
  ).entries()) {
    const file = join(files, `${id}-${i}`);
    await writeFile(file, Buffer.alloc(sizes[i]!, 1));
    stored.push(await s.storage.putFile(key, file, type));
  }
  const outputs = {
    video: { key: keys.video, bytes: stored[0]!.size },
    poster: { key: keys.poster, bytes: stored[1]!.size },
    captions: { key: keys.captions, bytes: stored[2]!.size },
    frames: 48,
    duration_s: 2,
    width: 1280,
    height: 720,
    fps: 24,
    encoder: render.gpu === 'cpu' ? 'libx264' : 'h264_nvenc',
    render_s: render.renderS,
  };
  return markCompleted(s, { id, ownerId, generation }, outputs, { quality: '720p', frames: 48, durationS: 2, renderS: render.renderS, worker: render.worker, gpu: render.gpu });
}

test.serial('an animation is counted once when accepted: a retried render, a redelivery, a crash and a re-render never count again', async (t) => {
  const alice = await person('alice');
  const bob = await person('bob');
  const [a1] = [await generate(alice), await generate(alice), await generate(bob)];
  t.is(await animationsAccepted(db(), thisMonth(), alice.id), 2);
  t.is(await animationsAccepted(db(), thisMonth(), bob.id), 1);

  // The render job retried after its first attempt had already completed: the second completion is a no-op.
  t.truthy(await finishRender(a1!, alice.id, [10, 10, 10], { renderS: 1, worker: 'w', gpu: 'cpu' }));
  t.is(await finishRender(a1!, alice.id, [10, 10, 10], { renderS: 1, worker: 'w', gpu: 'cpu' }), undefined);
  const events = await db().query('SELECT count(*)::int AS n FROM usage_events WHERE animation_id = $1', [a1]);
  t.is(events[0].n, 1);

  // The ledger write delivered again (another transaction, the same animation).
  await db().transaction((tx) => recordAccepted(tx, { animationId: a1!, ownerId: alice.id, apiKeyId: alice.keyId, quality: '720p' }));
  // A crash after the animation was inserted: the transaction rolls back, nothing is counted.
  const services = server.platform.services;
  const prepared = await prepareAnimation(services, { description: GENERATE.description, quality: '720p', duration: 2, priority: 'normal' }, await licenseEntitlements(services));
  let crashedId = '';
  await t.throwsAsync(
    db().transaction(async (tx) => {
      crashedId = (await insertAnimation(tx, server.platform.services, { userId: alice.id, apiKeyId: alice.keyId }, prepared, { aheadS: 0 })).id;
      throw new Error('the process died here');
    }),
    { message: 'the process died here' },
  );
  t.truthy(crashedId);
  t.deepEqual(await db().query('SELECT 1 FROM usage_accepted WHERE animation_id = $1', [crashedId]), []);
  // A re-render is the same animation, not a new one.
  ok(await call(server.url, 'POST', `/api/v1/animations/${a1}/rerender`, { key: alice.key }), 202);
  t.is(await animationsAccepted(db(), thisMonth(), alice.id), 2);

  const report = await usage(admin);
  t.is(report.users.find((u) => u.user_id === alice.id)?.animations_accepted, 2);
  t.is(report.users.find((u) => u.user_id === bob.id)?.animations_accepted, 1);
  t.is(report.keys.find((k) => k.key_id === alice.keyId)?.animations_accepted, 2);
  t.is(report.keys.find((k) => k.key_id === alice.keyId)?.name, 'alice key');
  t.is(report.totals.animations_accepted, await animationsAccepted(db(), thisMonth()));
});

test.serial('API calls are counted per key and per hour, written by the flush, not by each call', async (t) => {
  const carol = await person('carol');
  const { key: second, apiKey } = await createApiKey(db(), { userId: carol.id, role: 'editor', via: 'console' }, { name: 'carol second key' });
  const meter = server.platform.services.apiCalls!;
  await meter.flush();
  for (let i = 0; i < 5; i++) ok(await call(server.url, 'GET', '/api/v1/me', { key: carol.key }), 200);
  for (let i = 0; i < 2; i++) ok(await call(server.url, 'GET', '/api/v1/me', { key: second }), 200);
  const login = ok(await call(server.url, 'POST', '/api/v1/auth/login', { body: { email: carol.email, password: PASSWORD } }), 200);
  const cookie = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('devforge_session='))!
    .split(';')[0]!;
  for (let i = 0; i < 3; i++) ok(await call(server.url, 'GET', '/api/v1/me', { headers: { cookie } }), 200);
  // Refused before authentication: no caller, not counted.
  t.is((await call(server.url, 'GET', '/api/v1/me', { key: 'df_not_a_key' })).status, 401);

  t.is(await apiCalls(db(), thisMonth(), carol.keyId), 0, 'nothing is written before the flush');
  await meter.flush();
  t.is(await apiCalls(db(), thisMonth(), carol.keyId), 5);
  t.is(await apiCalls(db(), thisMonth(), apiKey.id), 2);
  const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const rows = await db().query('SELECT hour, api_key_id, calls::int AS calls FROM api_calls_hourly WHERE user_id = $1 ORDER BY calls', [carol.id]);
  t.deepEqual(
    rows.map((r: { hour: Date; api_key_id: string | null; calls: number }) => [r.hour.toISOString(), r.api_key_id, r.calls]),
    [
      [hour.toISOString(), apiKey.id, 2],
      [hour.toISOString(), null, 3],
      [hour.toISOString(), carol.keyId, 5],
    ],
  );
  // The hour a call was made in, not the hour of the flush; months split at 00:00 UTC.
  meter.count({ userId: carol.id, apiKeyId: carol.keyId, via: 'api-key' }, new Date('2026-10-31T23:59:59.999Z'));
  meter.count({ userId: carol.id, apiKeyId: carol.keyId, via: 'api-key' }, new Date('2026-11-01T00:00:00.000Z'));
  meter.count({ userId: carol.id, apiKeyId: carol.keyId, via: 'api-key' }, new Date('2026-11-01T00:59:59.999Z'));
  await meter.flush();
  t.is(await apiCalls(db(), '2026-10', carol.keyId), 1);
  t.is(await apiCalls(db(), '2026-11', carol.keyId), 2);
  const november = await db().query(`SELECT calls::int AS calls FROM api_calls_hourly WHERE user_id = $1 AND hour = '2026-11-01T00:00:00Z'`, [carol.id]);
  t.deepEqual(november, [{ calls: 2 }]);

  const report = await usage(carol.key);
  const me = report.users.find((u) => u.user_id === carol.id)!;
  t.is(me.session_calls, 3);
  // Her report's own calls: 5 + 2 before, and this one is not flushed yet.
  t.is(me.api_calls, 7);
  t.is(report.keys.find((k) => k.key_id === apiKey.id)?.api_calls, 2);

  // A sandbox key's calls are shown apart: counted, never as API calls.
  const { key: sandbox, apiKey: sandboxKey } = await createApiKey(db(), { userId: carol.id, role: 'editor', via: 'console' }, { name: 'carol sandbox', sandbox: true });
  for (let i = 0; i < 4; i++) ok(await call(server.url, 'GET', '/api/v1/me', { key: sandbox }), 200);
  await meter.flush();
  const after = await usage(carol.key);
  t.is(after.users.find((u) => u.user_id === carol.id)!.sandbox_calls, 4);
  t.is(after.keys.find((k) => k.key_id === sandboxKey.id)?.sandbox_calls, 4);
  t.is(after.keys.find((k) => k.key_id === sandboxKey.id)?.api_calls, 0);
  t.is(await apiCalls(db(), thisMonth(), sandboxKey.id), 0);
});

test.serial('render seconds per worker and per GPU; storage is the sum of the output bytes of the animations that exist', async (t) => {
  const dave = await person('dave');
  const [one, two] = [await generate(dave), await generate(dave)];
  await finishRender(one!, dave.id, [1000, 200, 30], { renderS: 1.25, worker: 'render-a', gpu: 'cpu' });
  await finishRender(two!, dave.id, [4000, 500, 60], { renderS: 2.5, worker: 'render-b', gpu: 'gpu0 NVIDIA H200' });

  const report = await usage(dave.key);
  t.is(report.scope, 'own');
  t.like(report.totals, { animations_accepted: 2, renders: 2, render_seconds: 3.75, storage_bytes: 1230 + 4560 });
  t.deepEqual(report.workers, [
    { worker: 'render-a', renders: 1, render_seconds: 1.25 },
    { worker: 'render-b', renders: 1, render_seconds: 2.5 },
  ]);
  t.deepEqual(report.gpus, [
    { gpu: 'cpu', renders: 1, render_seconds: 1.25 },
    { gpu: 'gpu0 NVIDIA H200', renders: 1, render_seconds: 2.5 },
  ]);
  t.like(
    report.keys.find((k) => k.key_id === dave.keyId),
    { storage_bytes: 5790, render_seconds: 3.75 },
  );

  // Deleting one frees its storage; what was used stays used.
  ok(await call(server.url, 'DELETE', `/api/v1/animations/${two}`, { key: dave.key }), 204);
  const after = await usage(dave.key);
  t.like(after.totals, { animations_accepted: 2, renders: 2, render_seconds: 3.75, storage_bytes: 1230 });
});

test.serial('months are calendar months in UTC: 23:59:59.999 on the last day is in it, 00:00 the next day is not', async (t) => {
  const erin = await person('erin', 'editor', '=HYPERLINK("http://evil.example")');
  const [late, early] = [await generate(erin), await generate(erin)];
  await db().query('UPDATE usage_accepted SET accepted_at = $2 WHERE animation_id = $1', [late, '2026-10-31T23:59:59.999Z']);
  await db().query('UPDATE usage_accepted SET accepted_at = $2 WHERE animation_id = $1', [early, '2026-11-01T00:00:00.000Z']);
  t.is(await animationsAccepted(db(), '2026-10', erin.id), 1);
  t.is(await animationsAccepted(db(), '2026-11', erin.id), 1);
  t.is(await animationsAccepted(db(), thisMonth(), erin.id), 0);
  const october = await usage(admin, '2026-10');
  t.like(october, { month: '2026-10', from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' });
  t.is(october.users.find((u) => u.user_id === erin.id)?.animations_accepted, 1);
  t.is((await usage(admin, '2026-11')).users.find((u) => u.user_id === erin.id)?.animations_accepted, 1);

  // The same month as CSV: a header, then one row per total, user, key (key names that look like formulas are defused).
  const csv = await call(server.url, 'GET', '/api/v1/usage.csv?month=2026-11', { key: admin });
  t.is(csv.status, 200);
  t.regex(csv.headers.get('content-type') ?? '', /^text\/csv/);
  t.regex(csv.headers.get('content-disposition') ?? '', /devforge-usage-2026-11\.csv/);
  const lines = csv.text.split('\r\n');
  t.is(lines.at(-1), '', 'every row ends with CRLF');
  t.is(lines[0], USAGE_CSV_COLUMNS.join(','));
  const rows = lines.slice(1, -1).map((l) => l.split(','));
  t.true(rows.every((r) => r[0] === '2026-11'));
  t.is(rows[0]![1], 'total');
  const erinRow = rows.find((r) => r[1] === 'user' && r[2] === erin.id)!;
  t.deepEqual(erinRow.slice(3), [erin.email, erin.id, '1', '0', '0', '0', '0', '0', '0', '0']);
  t.true(csv.text.includes(`key,${erin.keyId},"'=HYPERLINK(""http://evil.example"")",${erin.id},1,`), csv.text);
  t.is((await call(server.url, 'GET', '/api/v1/usage.csv?month=2026-11', { key: erin.key })).text.split('\r\n').filter((l) => l.includes(',user,')).length, 1);
});

test.serial('administrators see everyone’s use; anyone else sees only their own', async (t) => {
  const frank = await person('frank');
  const grace = await person('grace');
  const vic = await person('vic', 'viewer');
  await generate(frank);
  await generate(grace);
  await generate(grace);

  const all = await usage(admin);
  t.is(all.scope, 'all');
  t.truthy(all.users.find((u) => u.user_id === frank.id));
  t.truthy(all.users.find((u) => u.user_id === grace.id));
  t.true(all.totals.animations_accepted >= 3);

  const own = await usage(grace.key);
  t.is(own.scope, 'own');
  t.deepEqual(
    own.users.map((u) => u.user_id),
    [grace.id],
  );
  t.deepEqual(
    own.keys.map((k) => k.key_id),
    [grace.keyId],
  );
  t.is(own.totals.animations_accepted, 2);
  t.is(own.totals.storage_bytes, 0);

  const viewer = await usage(vic.key);
  t.like(viewer, { scope: 'own', users: [], keys: [], workers: [], gpus: [] });
  t.is(viewer.totals.animations_accepted, 0);
  t.is((await call(server.url, 'GET', '/api/v1/usage')).status, 401);
});

test.serial('a clean shutdown writes the calls not flushed yet', async (t) => {
  const henry = await person('henry');
  // A second API process on the same database, stopped the way SIGTERM stops it.
  const other = await startTestServer({ databaseUrl: pg.url, overrides: { server: { role: 'api' } }, env: { DEVFORGE_USAGE_FLUSH_INTERVAL_MS: '60000' } });
  try {
    for (let i = 0; i < 4; i++) ok(await call(other.url, 'GET', '/api/v1/me', { key: henry.key }), 200);
    t.is(await apiCalls(db(), thisMonth(), henry.keyId), 0);
  } finally {
    await other.stop();
  }
  t.is(await apiCalls(db(), thisMonth(), henry.keyId), 4);
});

test.serial('a flush that fails while the database is down keeps its counts for the next one', async (t) => {
  const ivy = await person('ivy');
  const meter = server.platform.services.apiCalls!;
  await meter.flush();
  meter.count({ userId: ivy.id, apiKeyId: ivy.keyId, via: 'api-key' });
  meter.count({ userId: ivy.id, apiKeyId: ivy.keyId, via: 'api-key' });
  await pg.stop();
  try {
    await t.throwsAsync(meter.flush());
    meter.count({ userId: ivy.id, apiKeyId: ivy.keyId, via: 'api-key' });
  } finally {
    await pg.start();
  }
  await meter.flush();
  t.is(await apiCalls(db(), thisMonth(), ivy.keyId), 3);
});

test('a month that is not YYYY-MM is a 422 that says the format', async (t) => {
  for (const month of ['2026-13', '2026-1', 'december', '2026-12-01', '26-12']) {
    for (const path of ['/api/v1/usage', '/api/v1/usage.csv']) {
      const r = await call(server.url, 'GET', `${path}?month=${encodeURIComponent(month)}`, { key: admin });
      t.is(r.status, 422, `${path} ${month}`);
      t.is(r.json.type, 'urn:devforge:problem:validation-failed');
      t.regex(r.json.detail, /query\.month: a month as YYYY-MM/);
    }
  }
});
