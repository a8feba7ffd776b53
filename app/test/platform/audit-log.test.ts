// The audit log, end to end: real API calls (sign-in, failed sign-in, generate, delete, keys, users,
// sign-out) against a real server and Postgres leave entries that GET /api/v1/audit lists and filters,
// the export streams as JSONL and CSV, and `devforge audit verify` (the real command) accepts; a row
// changed or removed behind the application's back, the way a superuser would (trigger disabled), makes
// verify fail and name the entry; the application's own UPDATE, DELETE and TRUNCATE are refused.
import test from 'ava';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { devforge } from '../helpers/cli.ts';
import { call, type Reply } from './helpers/http.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer, type TestServer } from './helpers/server.ts';

let db: TestPostgres;
let server: TestServer;
let admin: string;
let editor: string;
let viewer: string;
let animationId: string;

interface Entry {
  id: string;
  at: string;
  actor: string;
  actor_label: string;
  via: string;
  ip: string | null;
  action: string;
  target: { type: string; id: string } | null;
  details: Record<string, unknown>;
  hash: string;
  prev_hash: string;
}

/** Runs SQL as the cluster's superuser on its own connection, as an operator with psql would. */
async function superuser<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: db.superuserUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A realistic tamper: the trigger switched off for one statement, as only a superuser can. */
async function tamper(statement: string, params: unknown[] = []): Promise<void> {
  await superuser(`BEGIN; ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only; COMMIT`);
  try {
    await superuser(statement, params);
  } finally {
    await superuser('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
  }
}

function verify() {
  return devforge(['audit', 'verify'], { env: { DEVFORGE_DATABASE_URL: db.url }, timeoutMs: 60_000 });
}

async function entries(query = ''): Promise<Entry[]> {
  const r = await call(server.url, 'GET', `/api/v1/audit?limit=500${query}`, { key: admin });
  if (r.status !== 200) throw new Error(`GET /audit: ${r.status} ${r.text}`);
  return r.json.entries as Entry[];
}

function sessionCookie(r: Reply): string {
  const cookie = r.headers.getSetCookie().find((c) => c.startsWith('devforge_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0]!;
}

test.before(async () => {
  db = await startTestPostgres();
  // The api role: no worker, so no Chromium; a generated animation stays queued, which is all this needs.
  server = await startTestServer({ databaseUrl: db.url, overrides: { server: { role: 'api' } } });
  admin = await server.key('admin');
  editor = await server.key('editor');
  viewer = await server.key('viewer');

  const ua = { 'user-agent': 'audit-test/1.0' };
  t_is(await call(server.url, 'POST', '/api/v1/auth/login', { body: { email: ADMIN_EMAIL, password: 'wrong password!' }, headers: ua }), 401);
  t_is(await call(server.url, 'POST', '/api/v1/auth/login', { body: { email: '=HYPERLINK("http://x")', password: 'whatever12' } }), 401);
  const signIn = await call(server.url, 'POST', '/api/v1/auth/login', { body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, headers: ua });
  t_is(signIn, 200);
  const generated = await call(server.url, 'POST', '/api/v1/animations/generate', { key: editor, body: { description: 'Demonstrate bubble sort on 5 3 8 1', quality: '720p', duration: 2 } });
  t_is(generated, 202);
  animationId = generated.json.id as string;
  const second = await call(server.url, 'POST', '/api/v1/animations/generate', { key: editor, body: { description: 'Demonstrate bubble sort on 9 2 7', quality: '720p', duration: 2 } });
  t_is(second, 202);
  t_is(await call(server.url, 'DELETE', `/api/v1/animations/${second.json.id as string}`, { key: editor }), 204);
  t_is(await call(server.url, 'POST', `/api/v1/animations/${animationId}/cancel`, { key: editor }), 200);
  t_is(await call(server.url, 'POST', `/api/v1/animations/${animationId}/rerender`, { key: editor }), 202);
  t_is(await call(server.url, 'POST', '/api/v1/animations/batch', { key: editor, body: { animations: [{ description: 'Demonstrate bubble sort on 4 1 3', quality: '720p', duration: 2 }] } }), 202);
  const user = await call(server.url, 'POST', '/api/v1/users', { key: admin, body: { email: 'ed@example.com', role: 'editor', password: 'a long enough password' } });
  t_is(user, 201);
  t_is(await call(server.url, 'PATCH', `/api/v1/users/${user.json.id as string}`, { key: admin, body: { role: 'viewer', disabled: true } }), 200);
  const key = await call(server.url, 'POST', '/api/v1/api-keys', { key: admin, body: { name: 'ci', role: 'viewer' } });
  t_is(key, 201);
  t_is(await call(server.url, 'DELETE', `/api/v1/api-keys/${key.json.id as string}`, { key: admin }), 204);
  t_is(await call(server.url, 'GET', '/api/v1/webhooks/signing-secret', { key: editor }), 200);
  const me = await call(server.url, 'GET', '/api/v1/me', { headers: { cookie: sessionCookie(signIn) } });
  t_is(await call(server.url, 'POST', '/api/v1/auth/logout', { headers: { cookie: sessionCookie(signIn), 'x-csrf-token': me.json.csrf_token as string } }), 204);
});

/** Set-up calls must succeed before any test reads the log. */
function t_is(r: Reply, status: number): void {
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${r.text}`);
}

test.after.always(async () => {
  await server?.stop();
  await db?.destroy();
});

test.serial('real API calls leave one entry each, saying who, from where and what', async (t) => {
  const log = await entries();
  const actions = log.map((e) => e.action).reverse();
  for (const action of [
    'auth.sign-in-failed',
    'auth.sign-in',
    'animation.generate',
    'animation.delete',
    'animation.cancel',
    'animation.rerender',
    'animation.batch',
    'user.create',
    'user.update',
    'apikey.create',
    'apikey.revoke',
    'webhook.secret-read',
    'auth.sign-out',
  ]) {
    t.true(actions.includes(action), `${action} recorded (got ${actions.join(', ')})`);
  }
  const failed = log.filter((e) => e.action === 'auth.sign-in-failed');
  t.is(failed.length, 2);
  const wrongPassword = failed.find((e) => e.actor_label === ADMIN_EMAIL)!;
  t.is(wrongPassword.actor, 'anonymous');
  t.is(wrongPassword.details.reason, 'wrong-password');
  t.is(wrongPassword.target?.type, 'user');
  t.truthy(wrongPassword.ip, 'the client address is recorded');

  const signIn = log.find((e) => e.action === 'auth.sign-in')!;
  t.is(signIn.via, 'session');
  t.is(signIn.actor_label, ADMIN_EMAIL);
  t.regex(signIn.ip ?? '', /127\.0\.0\.1/);

  const generate = log.find((e) => e.action === 'animation.generate' && e.target?.id === animationId)!;
  t.is(generate.via, 'api-key');
  t.regex(String(generate.details.template), /bubble/);

  const update = log.find((e) => e.action === 'user.update')!;
  t.deepEqual(update.details, { changed: ['role', 'disabled'], role: 'viewer', disabled: true });

  // Newest first, and every entry names the one before it.
  const ids = log.map((e) => BigInt(e.id));
  t.deepEqual(
    ids,
    [...ids].sort((a, b) => (a > b ? -1 : 1)),
  );
  for (let i = 0; i + 1 < log.length; i++) t.is(log[i]!.prev_hash, log[i + 1]!.hash);
});

test.serial('devforge audit verify passes on the real log and prints the count', async (t) => {
  const count = (await entries()).length;
  const r = await verify();
  t.is(r.code, 0, r.stderr);
  t.regex(r.stdout, new RegExp(`audit log intact: ${count} entries verified`));
  t.regex(r.stdout, /head hash: [0-9a-f]{64}/);
});

test.serial('verify fails after one row is changed in the database, and names it', async (t) => {
  const [row] = await superuser<{ id: string; details: unknown }>("SELECT id::text AS id, details FROM audit_log WHERE action = 'user.update'");
  await tamper(`UPDATE audit_log SET details = '{"changed":["name"]}' WHERE id = $1`, [row!.id]);
  try {
    const r = await verify();
    t.is(r.code, 1);
    t.regex(r.stderr, new RegExp(`audit log broken at entry #${row!.id}: its content does not match its hash`));
  } finally {
    await tamper('UPDATE audit_log SET details = $2 WHERE id = $1', [row!.id, JSON.stringify(row!.details)]);
  }
  t.is((await verify()).code, 0, 'restoring the row restores the chain');
});

test.serial('verify catches a changed actor or address, which sit outside the chain, through the salted digest', async (t) => {
  const [row] = await superuser<{ id: string; ip: string }>("SELECT id::text AS id, ip FROM audit_log WHERE action = 'auth.sign-in'");
  await tamper('UPDATE audit_log SET ip = $2 WHERE id = $1', [row!.id, '198.51.100.7']);
  try {
    const r = await verify();
    t.is(r.code, 1);
    t.regex(r.stderr, new RegExp(`entry #${row!.id}: its actor, label, key or address was changed`));
  } finally {
    await tamper('UPDATE audit_log SET ip = $2 WHERE id = $1', [row!.id, row!.ip]);
  }
});

test.serial('verify catches a removed entry and names the one after the gap', async (t) => {
  const rows = await superuser<{ id: string }>('SELECT id::text AS id FROM audit_log ORDER BY audit_log.id LIMIT 4');
  const [removed] = await superuser<Record<string, unknown>>('SELECT * FROM audit_log WHERE id = $1', [rows[2]!.id]);
  await tamper('DELETE FROM audit_log WHERE id = $1', [rows[2]!.id]);
  try {
    const r = await verify();
    t.is(r.code, 1);
    t.regex(r.stderr, new RegExp(`entry #${rows[3]!.id}: its prev_hash .* is not the hash of the entry before it`));
  } finally {
    const columns = Object.keys(removed!);
    await tamper(
      `INSERT INTO audit_log (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
      columns.map((c) => (c === 'details' ? JSON.stringify(removed![c]) : removed![c])),
    );
  }
  t.is((await verify()).code, 0);
});

test.serial('the application cannot change or remove entries: the trigger refuses UPDATE, DELETE and TRUNCATE', async (t) => {
  const appDb = server.platform.db;
  await t.throwsAsync(appDb.query("UPDATE audit_log SET action = 'nothing'"), { message: /audit_log is append-only: UPDATE refused/ });
  await t.throwsAsync(appDb.query('DELETE FROM audit_log'), { message: /audit_log is append-only: DELETE refused/ });
  await t.throwsAsync(appDb.query('TRUNCATE audit_log'), { message: /TRUNCATE refused/ });
  // The maintenance settings open only their own narrow door.
  await t.throwsAsync(
    appDb.transaction(async (tx) => {
      await tx.query(`SELECT set_config('devforge.audit_op', 'anonymise', true)`);
      await tx.query("UPDATE audit_log SET action = 'nothing'");
    }),
    { message: /append-only: UPDATE refused/ },
  );
  await t.throwsAsync(
    appDb.transaction(async (tx) => {
      await tx.query(`SELECT set_config('devforge.audit_op', 'purge', true)`);
      await tx.query('DELETE FROM audit_log');
    }),
    { message: /append-only: DELETE refused/ },
  );
  t.is((await verify()).code, 0);
});

test.serial('filters: actor, action and family, target, time range', async (t) => {
  const all = await entries();
  const failed = await entries('&action=auth.sign-in-failed');
  t.true(failed.length === 2 && failed.every((e) => e.action === 'auth.sign-in-failed'));
  const auth = await entries('&action=auth.*');
  t.deepEqual([...new Set(auth.map((e) => e.action))].sort(), ['auth.sign-in', 'auth.sign-in-failed', 'auth.sign-out']);
  const anonymous = await entries('&actor=anonymous');
  t.deepEqual(
    anonymous.map((e) => e.id),
    failed.map((e) => e.id),
  );
  const onAnimation = await entries(`&target_type=animation&target_id=${animationId}`);
  t.deepEqual(
    onAnimation.map((e) => e.action),
    ['animation.rerender', 'animation.cancel', 'animation.generate'],
  );
  const middle = all[Math.floor(all.length / 2)]!;
  const before = await entries(`&to=${encodeURIComponent(middle.at)}`);
  const after = await entries(`&from=${encodeURIComponent(middle.at)}`);
  t.is(before.length + after.length, all.length);
  t.true(after.some((e) => e.id === middle.id) && before.every((e) => e.at < middle.at));
  const bad = await call(server.url, 'GET', '/api/v1/audit?action=DROP%20TABLE', { key: admin });
  t.is(bad.status, 422, bad.text);
  t.regex(bad.text, /auth\.sign-in/);
});

test.serial('cursor paging walks the whole log without gaps or repeats; a forged cursor is a clear 422', async (t) => {
  const all = await entries();
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const r: Reply = await call(server.url, 'GET', `/api/v1/audit?limit=3${cursor ? `&cursor=${cursor}` : ''}`, { key: admin });
    t.is(r.status, 200, r.text);
    t.true(r.json.entries.length <= 3);
    seen.push(...(r.json.entries as Entry[]).map((e) => e.id));
    cursor = r.json.next_cursor as string | null;
  } while (cursor);
  t.deepEqual(
    seen,
    all.map((e) => e.id),
  );
  const forged = await call(server.url, 'GET', `/api/v1/audit?cursor=${Buffer.from("audit|1' OR 1=1").toString('base64url')}`, { key: admin });
  t.is(forged.status, 422, forged.text);
  t.regex(forged.text, /next_cursor/);
});

test.serial('export: JSONL lines and CSV rows are the entries, oldest first; formula-like cells are defused', async (t) => {
  const all = (await entries()).reverse();
  const jsonl = await call(server.url, 'GET', '/api/v1/audit/export?format=jsonl', { key: admin });
  t.is(jsonl.status, 200);
  t.regex(jsonl.headers.get('content-type') ?? '', /application\/x-ndjson/);
  t.regex(jsonl.headers.get('content-disposition') ?? '', /attachment; filename="devforge-audit-\d{4}-\d\d-\d\d\.jsonl"/);
  const lines = jsonl.text.trimEnd().split('\n');
  const exported = lines.map((l) => JSON.parse(l) as Entry);
  t.deepEqual(
    exported.slice(0, -1).map((e) => e.id),
    all.map((e) => e.id),
  );
  t.deepEqual(exported[0], all[0]);
  // Taking the copy is recorded first, so the copy ends with it.
  t.like(exported.at(-1), { action: 'audit.export', details: { format: 'jsonl', filters: {} } });

  const csv = await call(server.url, 'GET', '/api/v1/audit/export?format=csv&action=auth.*', { key: admin });
  t.is(csv.status, 200);
  t.regex(csv.headers.get('content-type') ?? '', /text\/csv/);
  const rows = csv.text.split('\r\n').filter(Boolean);
  t.is(rows[0], 'id,at,actor,actor_label,via,api_key_id,ip,user_agent,action,target_type,target_id,details,prev_hash,hash');
  t.is(rows.length - 1, all.filter((e) => e.action.startsWith('auth.')).length);
  t.true(
    rows.some((r) => r.includes(`"'=HYPERLINK(""http://x"")"`)),
    'a typed formula is prefixed with a quote and CSV-escaped',
  );
  t.true(rows.some((r) => r.includes('audit-test/1.0')));

  const unknown = await call(server.url, 'GET', '/api/v1/audit/export?format=xml', { key: admin });
  t.is(unknown.status, 422);
  const csvExport = (await entries('&action=audit.export'))[0]!;
  t.like(csvExport.details, { format: 'csv', filters: { action: 'auth.*' } });
});

test.serial('only administrators read the log: editors and viewers 403, no credentials 401', async (t) => {
  for (const path of ['/api/v1/audit', '/api/v1/audit/export?format=csv']) {
    t.is((await call(server.url, 'GET', path, { key: editor })).status, 403, path);
    t.is((await call(server.url, 'GET', path, { key: viewer })).status, 403, path);
    t.is((await call(server.url, 'GET', path)).status, 401, path);
  }
});

test.serial('downloads are recorded once per fetch, not once per byte range', async (t) => {
  // Mark the queued animation rendered with a file in storage, as a worker would have.
  const key = `animations/${animationId}/test.vtt`;
  const file = join(await mkdtemp(join(tmpdir(), 'devforge-audit-')), 'c.vtt');
  await writeFile(file, 'WEBVTT\n\n');
  await server.platform.services.storage.putFile(key, file, 'text/vtt');
  await rm(dirname(file), { recursive: true, force: true });
  const outputs = { video: { key, bytes: 8 }, poster: { key, bytes: 8 }, captions: { key, bytes: 8 }, frames: 1, duration_s: 1, width: 1, height: 1, fps: 1 };
  await superuser("UPDATE animations SET status = 'completed', outputs = $2 WHERE id = $1", [animationId, JSON.stringify(outputs)]);
  const before = (await entries('&action=animation.download')).length;
  t.is((await call(server.url, 'GET', `/api/v1/animations/${animationId}/captions.vtt?download=1`, { key: editor })).status, 200);
  t.is((await call(server.url, 'GET', `/api/v1/animations/${animationId}/captions.vtt`, { key: editor, headers: { range: 'bytes=3-' } })).status, 206);
  const downloads = await entries('&action=animation.download');
  t.is(downloads.length, before + 1);
  t.like(downloads[0]!.details, { file: 'captions', attachment: true });
  t.is((await verify()).code, 0);
});
