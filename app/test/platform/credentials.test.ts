// API-key scopes and expiry, what a password reset or disabling does to keys and sessions, the webhook
// signing secret (who reads it, rotation with an overlap), and sessions (absolute lifetime, list,
// revoke, rotation at sign-in): the probe findings, each against a real server and real Postgres.
import test from 'ava';
import { randomUUID } from 'node:crypto';
import type { JobWithMetadata } from 'pg-boss';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../src/platform/db/data-source.ts';
import { MIGRATIONS } from '../../src/platform/db/migrations/index.ts';
import { createLogger } from '../../src/platform/log.ts';
import { performWebhook } from '../../src/platform/queue/jobs/webhook.ts';
import { verifySignature } from '../../src/platform/webhooks/sign.ts';
import { call, type Reply } from './helpers/http.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { startReceiver } from './helpers/receiver.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer, type TestServer } from './helpers/server.ts';

let pg: TestPostgres;
let server: TestServer;
let admin: string;

const PASSWORD = 'a long enough password';
const NEW_PASSWORD = 'another long passphrase';
const DAY_MS = 86_400_000;

test.before(async () => {
  pg = await startTestPostgres();
  // The api role: no worker, so no Chromium; webhooks are sent by calling the job directly.
  // Tests sign in far more a minute from one address than people do.
  server = await startTestServer({ databaseUrl: pg.url, overrides: { server: { role: 'api' } }, env: { DEVFORGE_RATE_LIMIT_SIGN_IN_PER_MINUTE: '100000' } });
  admin = await server.key('admin');
});

test.after.always(async () => {
  await server?.stop();
  await pg?.destroy();
});

function expect(r: Reply, status: number): Reply {
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${r.text}`);
  return r;
}

/** A fresh account with this role (its own e-mail address, so tests do not share it). */
async function newUser(role: 'admin' | 'editor' | 'viewer'): Promise<{ id: string; email: string }> {
  const email = `${role}-${randomUUID().slice(0, 8)}@example.com`;
  const r = expect(await call(server.url, 'POST', '/api/v1/users', { key: admin, body: { email, role, password: PASSWORD } }), 201);
  return { id: r.json.id as string, email };
}

interface Browser {
  cookie: string;
  csrf: string;
}

function cookieOf(r: Reply): string {
  const cookie = r.headers.getSetCookie().find((c) => c.startsWith('devforge_session='));
  if (!cookie) throw new Error(`no session cookie: ${r.status} ${r.text}`);
  return cookie.split(';')[0]!;
}

async function signIn(email: string, password = PASSWORD, opts: { cookie?: string; userAgent?: string } = {}): Promise<Browser> {
  const headers: Record<string, string> = { 'user-agent': opts.userAgent ?? 'credentials-test/1' };
  if (opts.cookie) headers.cookie = opts.cookie;
  const r = expect(await call(server.url, 'POST', '/api/v1/auth/login', { body: { email, password }, headers }), 200);
  return { cookie: cookieOf(r), csrf: r.json.csrf_token as string };
}

function as(browser: Browser, method: string, path: string, body?: unknown): Promise<Reply> {
  return call(server.url, method, path, { headers: { cookie: browser.cookie, 'x-csrf-token': browser.csrf }, ...(body !== undefined ? { body } : {}) });
}

async function keyFor(browser: Browser, body: Record<string, unknown> = {}): Promise<{ key: string; json: Record<string, unknown> }> {
  const r = expect(await as(browser, 'POST', '/api/v1/api-keys', { name: 'program', ...body }), 201);
  return { key: r.json.key as string, json: r.json };
}

const GENERATE = { description: 'Demonstrate bubble sort on 5 3 8 1', quality: '720p', duration: 2 };

// ---- API-key scopes ----

test('a key gets the scopes its role allows by default, and acts only within the scopes it was given', async (t) => {
  const user = await newUser('editor');
  const browser = await signIn(user.email);
  const full = await keyFor(browser);
  t.deepEqual(full.json.scopes, ['animations:read', 'animations:write']);
  const readOnly = await keyFor(browser, { scopes: ['animations:read'] });
  t.deepEqual(readOnly.json.scopes, ['animations:read']);

  t.is((await call(server.url, 'GET', '/api/v1/animations', { key: readOnly.key })).status, 200);
  const refused = await call(server.url, 'POST', '/api/v1/animations/generate', { key: readOnly.key, body: GENERATE });
  t.is(refused.status, 403);
  t.regex(refused.json.detail, /lacks the animations:write scope/);
  t.is((await call(server.url, 'POST', '/api/v1/animations/generate', { key: full.key, body: GENERATE })).status, 202);
  // The list shows each key's scopes.
  const listed = expect(await call(server.url, 'GET', '/api/v1/api-keys', { key: full.key }), 200);
  t.deepEqual(listed.json.api_keys.find((k: { id: string }) => k.id === readOnly.json.id).scopes, ['animations:read']);
});

test('a key cannot carry a scope its role or its creator does not have', async (t) => {
  const viewer = await signIn((await newUser('viewer')).email);
  t.deepEqual((await keyFor(viewer)).json.scopes, ['animations:read']);
  const tooMuch = await as(viewer, 'POST', '/api/v1/api-keys', { name: 'x', scopes: ['animations:write'] });
  t.is(tooMuch.status, 403);
  t.regex(tooMuch.json.detail, /viewer cannot create a key with the animations:write scope/);
  // An administrator making a viewer key with the admin scope: the key's role cannot hold it.
  const mismatched = await call(server.url, 'POST', '/api/v1/api-keys', { key: admin, body: { name: 'x', role: 'viewer', scopes: ['admin'] } });
  t.is(mismatched.status, 422);
  t.regex(mismatched.text, /viewer role cannot have the admin scope/);
  const unknown = await call(server.url, 'POST', '/api/v1/api-keys', { key: admin, body: { name: 'x', scopes: ['everything'] } });
  t.is(unknown.status, 422);
  // An admin key without the admin scope does not administer.
  const adminReader = expect(await call(server.url, 'POST', '/api/v1/api-keys', { key: admin, body: { name: 'reader', scopes: ['animations:read'] } }), 201);
  const users = await call(server.url, 'GET', '/api/v1/users', { key: adminReader.json.key });
  t.is(users.status, 403);
  t.regex(users.json.detail, /lacks the admin scope/);
});

test('keys made before scopes existed get the scopes their role implied', async (t) => {
  // A database of its own, made as the superuser (the application's role may not create databases).
  const admin = createDataSource(pg.superuserUrl, 1);
  await admin.initialize();
  const dbName = `scopes_${randomUUID().slice(0, 8)}`;
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.destroy();
  const url = pg.superuserUrl.replace(/\/[^/?]*(\?|$)/, `/${dbName}$1`);
  const mine = MIGRATIONS.findIndex((m) => m.name === 'KeyScopesSessions1764900000005');
  const before = new DataSource({ type: 'postgres', url, migrations: MIGRATIONS.slice(0, mine), migrationsTableName: 'migrations' });
  await before.initialize();
  await before.runMigrations();
  const [user] = await before.query(`INSERT INTO users (email, name, role, webhook_secret) VALUES ('old@example.com', '', 'admin', 's') RETURNING id`);
  for (const role of ['admin', 'editor', 'viewer']) {
    await before.query(`INSERT INTO api_keys (user_id, name, role, prefix, key_hash) VALUES ($1, $2, $2, 'dfk_x', $3)`, [user.id, role, randomUUID()]);
  }
  await before.destroy();
  // This migration and no further (a later one seals the webhook secrets, which needs the master key).
  const after = new DataSource({ type: 'postgres', url, migrations: MIGRATIONS.slice(0, mine + 1), migrationsTableName: 'migrations' });
  await after.initialize();
  t.teardown(() => after.destroy());
  await after.runMigrations();
  const rows: { role: string; scopes: string[] }[] = await after.query('SELECT role, scopes FROM api_keys ORDER BY role');
  t.deepEqual(rows, [
    { role: 'admin', scopes: ['animations:read', 'animations:write', 'admin'] },
    { role: 'editor', scopes: ['animations:read', 'animations:write'] },
    { role: 'viewer', scopes: ['animations:read'] },
  ]);
});

// ---- API-key expiry ----

test('no role mints 10-year keys: the maximum lifetime is per role, and a key without an expiry gets it', async (t) => {
  const editor = await signIn((await newUser('editor')).email);
  const tenYears = await as(editor, 'POST', '/api/v1/api-keys', { name: 'forever', expires_in_days: 3650 });
  t.is(tenYears.status, 422);
  t.regex(tenYears.text, /at most 90 days here \(apiKeys\.maxLifetimeDays\)/);
  const farAt = await as(editor, 'POST', '/api/v1/api-keys', { name: 'forever', expires_at: new Date(Date.now() + 400 * DAY_MS).toISOString() });
  t.is(farAt.status, 422);
  t.regex(farAt.text, /apiKeys\.maxLifetimeDays/);
  const past = await as(editor, 'POST', '/api/v1/api-keys', { name: 'past', expires_at: new Date(Date.now() - DAY_MS).toISOString() });
  t.is(past.status, 422);
  t.regex(past.text, /has passed/);
  const both = await as(editor, 'POST', '/api/v1/api-keys', { name: 'both', expires_in_days: 1, expires_at: new Date(Date.now() + DAY_MS).toISOString() });
  t.is(both.status, 422);

  const defaulted = await keyFor(editor);
  const days = (Date.parse(defaulted.json.expires_at as string) - Date.now()) / DAY_MS;
  t.true(days > 89.9 && days <= 90, `an editor's key expires in 90 days by default (got ${days})`);
  const at = new Date(Date.now() + 7 * DAY_MS);
  t.is((await keyFor(editor, { expires_at: at.toISOString() })).json.expires_at, at.toISOString());
  // Administrators may make longer-lived service keys, up to their own maximum.
  const adminKey = expect(await call(server.url, 'POST', '/api/v1/api-keys', { key: admin, body: { name: 'service', expires_in_days: 365 } }), 201);
  t.truthy(adminKey.json.expires_at);
  t.is((await call(server.url, 'POST', '/api/v1/api-keys', { key: admin, body: { name: 'service', expires_in_days: 366 } })).status, 422);
});

test('an expired key gets 401 saying that it expired and when', async (t) => {
  const editor = await signIn((await newUser('editor')).email);
  const made = await keyFor(editor, { expires_in_days: 1 });
  t.is((await call(server.url, 'GET', '/api/v1/me', { key: made.key })).status, 200);
  const expired = new Date(Date.now() - 60_000);
  await server.platform.db.query('UPDATE api_keys SET expires_at = $2 WHERE id = $1', [made.json.id, expired]);
  server.platform.services.auth.forget();
  const r = await call(server.url, 'GET', '/api/v1/me', { key: made.key });
  t.is(r.status, 401);
  t.regex(r.json.detail, new RegExp(`expired at ${expired.toISOString().replace(/\./g, '\\.')}`));
});

// ---- Resets, password changes, disabling ----

test("an administrator's password reset revokes the account's keys and ends its sessions", async (t) => {
  const user = await newUser('editor');
  const browser = await signIn(user.email);
  const { key } = await keyFor(browser);
  t.is((await call(server.url, 'GET', '/api/v1/me', { key })).status, 200);
  expect(await call(server.url, 'PATCH', `/api/v1/users/${user.id}`, { key: admin, body: { password: NEW_PASSWORD } }), 200);
  const r = await call(server.url, 'GET', '/api/v1/me', { key });
  t.is(r.status, 401);
  t.regex(r.json.detail, /revoked/);
  t.is((await as(browser, 'GET', '/api/v1/me')).status, 401, 'the session ended');
  const keys = expect(await call(server.url, 'GET', '/api/v1/api-keys?owner=all', { key: admin }), 200).json.api_keys.filter((k: { user_id: string }) => k.user_id === user.id);
  t.true(keys.length > 0 && keys.every((k: { active: boolean }) => !k.active));
});

test('changing your own password revokes your keys and ends your other sessions, not this one', async (t) => {
  const user = await newUser('viewer');
  const here = await signIn(user.email);
  const elsewhere = await signIn(user.email, PASSWORD, { userAgent: 'other-browser/1' });
  const { key } = await keyFor(here);
  expect(await as(here, 'POST', '/api/v1/me/password', { current_password: PASSWORD, new_password: NEW_PASSWORD }), 204);
  t.is((await as(here, 'GET', '/api/v1/me')).status, 200, 'still signed in here');
  t.is((await as(elsewhere, 'GET', '/api/v1/me')).status, 401, 'the other session ended');
  t.is((await call(server.url, 'GET', '/api/v1/me', { key })).status, 401, 'the key was revoked');
});

test('disabling an account revokes its keys and drops its sessions; enabling it again brings neither back', async (t) => {
  const user = await newUser('editor');
  const browser = await signIn(user.email);
  const { key } = await keyFor(browser);
  expect(await call(server.url, 'PATCH', `/api/v1/users/${user.id}`, { key: admin, body: { disabled: true } }), 200);
  t.is((await call(server.url, 'GET', '/api/v1/me', { key })).status, 401);
  t.is((await as(browser, 'GET', '/api/v1/me')).status, 401);
  expect(await call(server.url, 'PATCH', `/api/v1/users/${user.id}`, { key: admin, body: { disabled: false } }), 200);
  const again = await call(server.url, 'GET', '/api/v1/me', { key });
  t.is(again.status, 401, 'the old key stays revoked');
  t.regex(again.json.detail, /revoked/);
  t.is((await as(browser, 'GET', '/api/v1/me')).status, 401, 'the old session stays ended');
  t.is((await call(server.url, 'GET', '/api/v1/me', { headers: { cookie: (await signIn(user.email)).cookie } })).status, 200, 'signing in again works');
  const [entry] = await server.platform.db.query(`SELECT details FROM audit_log WHERE action = 'user.update' AND target_id = $1 AND details->>'disabled' = 'true'`, [user.id]);
  t.like(entry.details, { keys_revoked: 1, sessions_ended: 1 });
});

// ---- The webhook signing secret ----

function fakeJob<T>(data: T): JobWithMetadata<T> {
  return { id: randomUUID(), name: 'test', data, retryCount: 0, retryLimit: 3, signal: new AbortController().signal } as unknown as JobWithMetadata<T>;
}

async function deliver(ownerId: string, url: string): Promise<void> {
  const [row] = await server.platform.db.query(`INSERT INTO webhook_deliveries (owner_id, event, url, payload, dedupe_key) VALUES ($1, 'animation.completed', $2, '{"event":"animation.completed"}', $3) RETURNING id`, [
    ownerId,
    url,
    randomUUID(),
  ]);
  const deps = { db: server.platform.db, secrets: server.platform.services.secrets, policy: server.platform.services.webhooks, timeoutMs: 3000, log: createLogger('error', () => {}) };
  const result = await performWebhook(deps, fakeJob({ deliveryId: row.id as string }));
  if (!result.delivered) throw new Error(`not delivered: ${JSON.stringify(result)}`);
}

test('a viewer may not read the signing secret; an editor reads it, uncached, and the read is audited', async (t) => {
  const viewer = await signIn((await newUser('viewer')).email);
  const refused = await as(viewer, 'GET', '/api/v1/webhooks/signing-secret');
  t.is(refused.status, 403);
  t.regex(refused.json.detail, /editor role/);
  t.is((await as(viewer, 'POST', '/api/v1/webhooks/signing-secret/rotate')).status, 403);
  const user = await newUser('editor');
  const editor = await signIn(user.email);
  const r = expect(await as(editor, 'GET', '/api/v1/webhooks/signing-secret'), 200);
  t.is(r.headers.get('cache-control'), 'no-store');
  t.is(r.json.previous_valid_until, null);
  const [entry] = await server.platform.db.query(`SELECT 1 FROM audit_log WHERE action = 'webhook.secret-read' AND actor = $1`, [user.id]);
  t.truthy(entry);
});

test('rotating the signing secret signs with the new one, and with the old one too until the overlap ends', async (t) => {
  const receiver = await startReceiver();
  t.teardown(() => receiver.close());
  const user = await newUser('editor');
  const editor = await signIn(user.email);
  const old = expect(await as(editor, 'GET', '/api/v1/webhooks/signing-secret'), 200).json.secret as string;

  const rotated = expect(await as(editor, 'POST', '/api/v1/webhooks/signing-secret/rotate'), 200);
  t.is(rotated.headers.get('cache-control'), 'no-store');
  const fresh = rotated.json.secret as string;
  t.not(fresh, old);
  const overlap = (Date.parse(rotated.json.previous_valid_until as string) - Date.now()) / 3_600_000;
  t.true(overlap > 23.9 && overlap <= 24, `24 h overlap by default (got ${overlap})`);
  t.is(expect(await as(editor, 'GET', '/api/v1/webhooks/signing-secret'), 200).json.secret, fresh);
  const [stored] = await server.platform.db.query('SELECT webhook_secret, webhook_secret_previous FROM users WHERE id = $1', [user.id]);
  for (const value of [stored.webhook_secret, stored.webhook_secret_previous] as string[]) {
    t.regex(value, /^sb1:/, 'both secrets are stored sealed with the master key');
    t.false(value.includes(old) || value.includes(fresh));
  }

  await deliver(user.id, receiver.url);
  const [during] = await receiver.waitFor(1);
  const header = String(during!.headers['devforge-signature']);
  t.true(verifySignature(fresh, during!.body, header), 'a receiver with the new secret accepts it');
  t.true(verifySignature(old, during!.body, header), 'a receiver still holding the old secret accepts it');
  t.false(verifySignature('some other secret', during!.body, header));

  // The overlap is over: only the new secret signs.
  await server.platform.db.query(`UPDATE users SET webhook_secret_previous_until = now() - interval '1 second' WHERE id = $1`, [user.id]);
  await deliver(user.id, receiver.url);
  const after = (await receiver.waitFor(2))[1]!;
  const afterHeader = String(after.headers['devforge-signature']);
  t.true(verifySignature(fresh, after.body, afterHeader));
  t.false(verifySignature(old, after.body, afterHeader), 'the old secret no longer verifies');
  t.is(afterHeader.split(',').length, 2, 't and one v1');

  const [entry] = await server.platform.db.query(`SELECT details FROM audit_log WHERE action = 'webhook.secret-rotate' AND actor = $1`, [user.id]);
  t.is(entry.details.previous_valid_until, rotated.json.previous_valid_until);

  // A leaked secret: rotated with no overlap, it stops signing at once.
  const leaked = expect(await as(editor, 'POST', '/api/v1/webhooks/signing-secret/rotate?overlap_hours=0'), 200);
  t.is(leaked.json.previous_valid_until, null);
  await deliver(user.id, receiver.url);
  const third = (await receiver.waitFor(3))[2]!;
  t.true(verifySignature(leaked.json.secret, third.body, String(third.headers['devforge-signature'])));
  t.false(verifySignature(fresh, third.body, String(third.headers['devforge-signature'])), 'the leaked secret no longer verifies');
  t.is((await as(editor, 'POST', '/api/v1/webhooks/signing-secret/rotate?overlap_hours=1000')).status, 422);
});

// ---- Sessions ----

test('signing in again on the same browser drops its old session: every sign-in gets a fresh token', async (t) => {
  const user = await newUser('viewer');
  const first = await signIn(user.email);
  const second = await signIn(user.email, PASSWORD, { cookie: first.cookie });
  t.not(second.cookie, first.cookie);
  t.is((await as(second, 'GET', '/api/v1/me')).status, 200);
  t.is((await as(first, 'GET', '/api/v1/me')).status, 401, 'the cookie from before is dead');
  // The same for a cookie someone planted from another account: signing in replaces it.
  const planted = await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
  await signIn(user.email, PASSWORD, { cookie: planted.cookie });
  t.is((await as(planted, 'GET', '/api/v1/me')).status, 401);
});

test('a session ends auth.sessionMaxHours after sign-in however active it is', async (t) => {
  const user = await newUser('viewer');
  const browser = await signIn(user.email);
  t.is((await as(browser, 'GET', '/api/v1/me')).status, 200);
  // Active all along (idle expiry far ahead), but signed in 13 hours ago: over the 12 h default.
  await server.platform.db.query(`UPDATE sessions SET created_at = now() - interval '13 hours', last_seen_at = now() - interval '10 minutes', expires_at = now() + interval '11 hours' WHERE user_id = $1`, [user.id]);
  t.is((await as(browser, 'GET', '/api/v1/me')).status, 401);
  // Sliding never pushes the idle expiry past the absolute end.
  await server.platform.db.query('DELETE FROM sessions WHERE user_id = $1', [user.id]);
  const fresh = await signIn(user.email);
  await server.platform.db.query(`UPDATE sessions SET created_at = now() - interval '11 hours', last_seen_at = now() - interval '10 minutes' WHERE user_id = $1`, [user.id]);
  t.is((await as(fresh, 'GET', '/api/v1/me')).status, 200);
  const [row] = await server.platform.db.query(`SELECT expires_at <= created_at + interval '12 hours' AS capped FROM sessions WHERE user_id = $1`, [user.id]);
  t.true(row.capped);
});

test('people list their sessions (current one marked) and end one; nobody else sees or ends them', async (t) => {
  const user = await newUser('editor');
  const here = await signIn(user.email, PASSWORD, { userAgent: 'laptop-browser/1' });
  const there = await signIn(user.email, PASSWORD, { userAgent: 'phone-browser/2' });
  const list = expect(await as(here, 'GET', '/api/v1/me/sessions'), 200);
  t.is(list.headers.get('cache-control'), 'no-store');
  const sessions = list.json.sessions as { id: string; current: boolean; user_agent: string; ip: string; created_at: string; last_seen_at: string; ends_at: string }[];
  t.is(sessions.length, 2);
  const current = sessions.find((x) => x.current)!;
  const other = sessions.find((x) => !x.current)!;
  t.is(current.user_agent, 'laptop-browser/1');
  t.is(other.user_agent, 'phone-browser/2');
  t.is(current.ip, '127.0.0.1');
  t.truthy(Date.parse(current.created_at) && Date.parse(current.last_seen_at) && Date.parse(current.ends_at));
  t.false(JSON.stringify(list.json).includes(here.csrf), 'no token in the list');

  const stranger = await signIn((await newUser('editor')).email);
  t.is((await as(stranger, 'DELETE', `/api/v1/me/sessions/${other.id}`)).status, 404);
  t.is((await as(there, 'GET', '/api/v1/me')).status, 200);
  t.is((await as(here, 'DELETE', `/api/v1/me/sessions/${other.id}`)).status, 204);
  t.is((await as(there, 'GET', '/api/v1/me')).status, 401, 'the phone is signed out');
  t.is((await as(here, 'GET', '/api/v1/me')).status, 200);
  const [entry] = await server.platform.db.query(`SELECT 1 FROM audit_log WHERE action = 'session.revoke' AND target_id = $1`, [other.id]);
  t.truthy(entry);
});

test('an administrator ends every session of an account; others may not', async (t) => {
  const user = await newUser('editor');
  const a = await signIn(user.email);
  const b = await signIn(user.email);
  const editor = await signIn((await newUser('editor')).email);
  t.is((await as(editor, 'DELETE', `/api/v1/users/${user.id}/sessions`)).status, 403);
  const r = expect(await call(server.url, 'DELETE', `/api/v1/users/${user.id}/sessions`, { key: admin }), 200);
  t.is(r.json.sessions_ended, 2);
  t.is((await as(a, 'GET', '/api/v1/me')).status, 401);
  t.is((await as(b, 'GET', '/api/v1/me')).status, 401);
  t.is((await call(server.url, 'DELETE', `/api/v1/users/${randomUUID()}/sessions`, { key: admin })).status, 404);
});

test('every response carrying a secret says Cache-Control: no-store', async (t) => {
  const user = await newUser('editor');
  const login = expect(await call(server.url, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: PASSWORD } }), 200);
  const browser = { cookie: cookieOf(login), csrf: login.json.csrf_token as string };
  const created = expect(await as(browser, 'POST', '/api/v1/api-keys', { name: 'x' }), 201);
  const me = expect(await as(browser, 'GET', '/api/v1/me'), 200);
  const secret = expect(await as(browser, 'GET', '/api/v1/webhooks/signing-secret'), 200);
  const rotated = expect(await as(browser, 'POST', '/api/v1/webhooks/signing-secret/rotate'), 200);
  const sessions = expect(await as(browser, 'GET', '/api/v1/me/sessions'), 200);
  for (const [what, r] of [
    ['sign-in', login],
    ['key creation', created],
    ['me (CSRF token)', me],
    ['signing secret', secret],
    ['rotation', rotated],
    ['sessions', sessions],
  ] as const)
    t.is(r.headers.get('cache-control'), 'no-store', what);
});

test('the API reference names the scope each operation needs and lists the new routes', async (t) => {
  const doc = expect(await call(server.url, 'GET', '/api/v1/openapi.json'), 200).json;
  const generate = doc.paths['/api/v1/animations/generate'].post;
  t.deepEqual(generate.security, [{ apiKey: ['animations:write'] }, { session: [] }]);
  t.is(generate['x-devforge-api-key-scope'], 'animations:write');
  t.is(doc.paths['/api/v1/users'].get['x-devforge-api-key-scope'], 'admin');
  t.is(doc.paths['/api/v1/me'].get['x-devforge-api-key-scope'], null);
  t.deepEqual(doc.paths['/api/v1/api-keys'].post.requestBody.content['application/json'].schema.properties.scopes.items.enum, ['animations:read', 'animations:write', 'admin']);
  t.truthy(doc.paths['/api/v1/webhooks/signing-secret/rotate'].post);
  t.truthy(doc.paths['/api/v1/me/sessions'].get);
  t.truthy(doc.paths['/api/v1/me/sessions/{id}'].delete);
  t.truthy(doc.paths['/api/v1/users/{id}/sessions'].delete);
  t.is(doc.paths['/api/v1/webhooks/signing-secret'].get['x-devforge-role'], 'editor');
});
