// Embedded mode: the platform starts its own Postgres under the data dir (as an unprivileged account
// when run as root), creates the administrator with a password printed once, and a restart keeps
// everything. `devforge apikey create` works beside the running server, and without it.
import test from 'ava';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runningPort } from '../../src/platform/embedded/postmaster.ts';
import { call } from './helpers/http.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/devforge.js', import.meta.url));
let dataDir: string;
let server: TestServer | undefined;

test.before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'devforge-embedded-'));
});

test.after.always(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

function cli(args: string[]) {
  return run(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DEVFORGE_DATA_DIR: dataDir } });
}

async function login(url: string, password: string): Promise<number> {
  return (await call(url, 'POST', '/api/v1/auth/login', { body: { email: 'admin@local', password } })).status;
}

test.serial('first start, a key from the CLI while it runs, a restart that keeps everything', async (t) => {
  const overrides = { server: { role: 'api' }, auth: { adminPassword: '' } };
  server = await startTestServer({ dataDir, overrides });
  const printed = server.logs.join('\n');
  const password = /password: (\S+)/.exec(printed)?.[1];
  t.truthy(password, 'a generated password is printed');
  t.regex(printed, /shown once/);
  t.is(await login(server.url, password!), 200);
  if (process.getuid?.() === 0) t.not((await stat(join(dataDir, 'postgres', 'data'))).uid, 0, 'Postgres does not run as root');
  const [role] = (await server.platform.db.query('SELECT current_user AS name, rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user')) as Record<string, unknown>[];
  t.deepEqual(role, { name: 'devforge_app', rolsuper: false, rolcreaterole: false, rolcreatedb: false }, 'the application is no superuser in embedded mode');
  t.is((await stat(join(dataDir, 'master.key'))).mode & 0o777, 0o600, 'the master key file is made 0600 at the first start');

  const { stdout, stderr } = await cli(['apikey', 'create', '--name', 'ci', '--role', 'editor']);
  const key = stdout.trim();
  t.regex(key, /^dfk_[A-Za-z0-9_-]{43}$/);
  t.regex(stderr, /shown only now/);
  const me = await call(server.url, 'GET', '/api/v1/me', { key });
  t.is(me.status, 200);
  t.is(me.json.role, 'editor');
  const made = await call(server.url, 'POST', '/api/v1/animations/generate', { key, body: { description: 'Demonstrate bubble sort on 5 3 8 1', quality: '720p', duration: 2 } });
  t.is(made.status, 202);

  await server.stop();
  server = undefined;
  t.is(await runningPort(join(dataDir, 'postgres', 'data')), undefined, 'stopping stops the embedded Postgres');

  server = await startTestServer({ dataDir, overrides });
  t.notRegex(server.logs.join('\n'), /password:/, 'no second password on restart');
  t.is(await login(server.url, password!), 200);
  const again = await call(server.url, 'GET', `/api/v1/animations/${made.json.id}`, { key });
  t.is(again.status, 200, 'the animation and the key survived the restart');
  t.is(again.json.template, 'sort.bubble');
  await server.stop();
  server = undefined;
});

test.serial('the CLI starts the embedded Postgres for the moment when no server runs', async (t) => {
  const { stdout } = await cli(['apikey', 'list']);
  t.regex(stdout, /\tci\tactive\t/);
  t.is(await runningPort(join(dataDir, 'postgres', 'data')), undefined, 'and stops it again');
  await t.throwsAsync(cli(['apikey', 'create', '--name', 'x', '--role', 'superuser']), { message: /--role must be one of admin, editor, viewer/ });
});
