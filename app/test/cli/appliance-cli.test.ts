// Commands that act on an appliance (apikey, admin reset-password) find it from the server's own
// configuration and never make one: pointed at an empty data directory or an empty database they stop,
// say where they looked and how to fix it, and leave nothing behind. `admin reset-password` is the way
// back from a lost password, while the server runs and while it does not.
import test from 'ava';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { devforge } from '../helpers/cli.ts';
import { call } from '../platform/helpers/http.ts';
import { startTestPostgres } from '../platform/helpers/postgres.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer, type TestServer } from '../platform/helpers/server.ts';

const dirs: string[] = [];
let server: TestServer | undefined;

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

test.after.always(async () => {
  await server?.stop();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

test('pointed at an empty data directory, apikey and admin refuse, name the directory, and create nothing', async (t) => {
  const empty = await tempDir('devforge-empty-');
  for (const args of [
    ['apikey', 'create', '--name', 'ci'],
    ['apikey', 'list'],
    ['admin', 'reset-password'],
  ]) {
    const r = await devforge(args, { env: { DEVFORGE_DATA_DIR: empty, DEVFORGE_DATABASE_URL: '' } });
    t.is(r.code, 1, args.join(' '));
    t.is(r.stdout, '', 'no key, no password');
    t.true(r.stderr.includes(`no DevForge appliance in ${empty}: start the server once with \`npm start\`, or set DEVFORGE_DATA_DIR to the server's data directory`), r.stderr);
    t.deepEqual(await readdir(empty), [], `${args.join(' ')} left the directory empty`);
  }
  const missing = join(empty, 'var');
  const r = await devforge(['apikey', 'create', '--name', 'ci'], { env: { DEVFORGE_DATA_DIR: missing, DEVFORGE_DATABASE_URL: '' } });
  t.is(r.code, 1);
  t.regex(r.stderr, /no DevForge appliance in .*\/var:/);
  t.deepEqual(await readdir(empty), [], 'a data directory that does not exist is not created');
});

test("pointed at a database without DevForge's schema, they refuse and leave it untouched", async (t) => {
  const db = await startTestPostgres();
  try {
    const r = await devforge(['apikey', 'create', '--name', 'ci'], { env: { DEVFORGE_DATABASE_URL: db.url } });
    t.is(r.code, 1);
    const { port } = new URL(db.url);
    t.regex(r.stderr, new RegExp(`no DevForge appliance in the database postgres://127\\.0\\.0\\.1:${port}/\\w+ \\(database\\.url\\): start the server once against it, or set DEVFORGE_DATABASE_URL`));
    t.false(r.stderr.includes(new URL(db.url).password), 'the password is not printed');
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const tables = await client.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'");
    await client.end();
    t.is(tables.rows[0].n, 0, 'no table was created');
  } finally {
    await db.destroy();
  }
});

async function signIn(url: string, password: string) {
  return call(url, 'POST', '/api/v1/auth/login', { body: { email: ADMIN_EMAIL, password } });
}

test('admin reset-password: a new password while the server runs (old one and old sessions refused), from stdin, and with the server stopped', async (t) => {
  const dataDir = await tempDir('devforge-reset-');
  const env = { DEVFORGE_DATA_DIR: dataDir, DEVFORGE_DATABASE_URL: '' };
  const overrides = { server: { role: 'api' } };
  server = await startTestServer({ dataDir, overrides });
  const before = await signIn(server.url, ADMIN_PASSWORD);
  t.is(before.status, 200);
  const cookie = before.headers
    .getSetCookie()
    .find((c) => c.startsWith('devforge_session='))!
    .split(';')[0]!;
  const key = await server.key('admin');

  const reset = await devforge(['admin', 'reset-password', '--email', ADMIN_EMAIL], { env });
  t.is(reset.code, 0, reset.stderr);
  const generated = reset.stdout.trim();
  t.true(generated.length >= 10, 'a generated password on stdout');
  t.regex(reset.stderr, /password of admin@local reset \(1 session ended, 1 API key revoked\); the new password is shown only now/);
  t.is((await call(server.url, 'GET', '/api/v1/me', { key })).status, 401, 'the key made with the old password is revoked');
  t.is((await signIn(server.url, ADMIN_PASSWORD)).status, 401, 'the old password is refused');
  t.is((await call(server.url, 'GET', '/api/v1/me', { headers: { cookie } })).status, 401, 'the old session has ended');
  t.is((await signIn(server.url, generated)).status, 200, 'the new password signs in');

  const chosen = 'a passphrase from the vault';
  const fromStdin = await devforge(['admin', 'reset-password', '--password-stdin'], { env, input: `${chosen}\n` });
  t.is(fromStdin.code, 0, fromStdin.stderr);
  t.is(fromStdin.stdout, '', 'a password the user gave is not echoed');
  t.is((await signIn(server.url, chosen)).status, 200);

  const short = await devforge(['admin', 'reset-password', '--password-stdin'], { env, input: 'short\n' });
  t.is(short.code, 2);
  t.regex(short.stderr, /the password must have at least 12 characters/);

  const unknown = await devforge(['admin', 'reset-password', '--email', 'nobody@example.com'], { env });
  t.is(unknown.code, 1);
  t.regex(unknown.stderr, /no account nobody@example\.com \(accounts include admin@local\): give an existing one with --email/);

  await server.stop();
  server = undefined;
  const offline = await devforge(['admin', 'reset-password'], { env });
  t.is(offline.code, 0, offline.stderr);
  const offlinePassword = offline.stdout.trim();
  server = await startTestServer({ dataDir, overrides });
  t.is((await signIn(server.url, chosen)).status, 401);
  t.is((await signIn(server.url, offlinePassword)).status, 200, 'a reset with the server stopped holds after it starts');
});
