// Secrets at rest, end to end against a real server and Postgres: webhook signing secrets stored in
// plaintext by an older version are sealed by the migration and still sign with the same value; new
// ones are sealed when first made; the master key file is made 0600 at the first start; a missing or
// wrong key file with sealed data stops start-up (and no new key is made); `devforge secrets
// rotate-master-key` (the real command) seals everything with a new key and refuses while a server runs.
import test from 'ava';
import { mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApiKey } from '../../src/platform/domain/commands/api-keys.ts';
import { ENTITIES } from '../../src/platform/db/entities/index.ts';
import { MIGRATIONS } from '../../src/platform/db/migrations/index.ts';
import { claimDatabase, newMasterKey, readMasterKeys, writeMasterKeys } from '../../src/platform/secrets/master-key-file.ts';
import { keyIdsInUse } from '../../src/platform/secrets/sealed-columns.ts';
import { masterKeyId, SecretBox } from '../../src/platform/secrets/secret-box.ts';
import { devforge } from '../helpers/cli.ts';
import { call } from './helpers/http.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { ADMIN_EMAIL, startTestServer, type TestServer } from './helpers/server.ts';

const OLD_SECRET = 'an-old-plaintext-webhook-secret';
const overrides = { server: { role: 'api' } };
let pg: TestPostgres;
let dataDir: string;
let server: TestServer | undefined;

test.before(async () => {
  pg = await startTestPostgres();
  dataDir = await mkdtemp(join(tmpdir(), 'devforge-secrets-'));
  // The database as the version before sealing left it: one account with a plaintext secret.
  const old = new DataSource({
    type: 'postgres',
    url: pg.url,
    entities: ENTITIES,
    migrations: MIGRATIONS.slice(
      0,
      MIGRATIONS.findIndex((m) => m.name.endsWith('1764900000007')),
    ),
    migrationsTableName: 'migrations',
  });
  await old.initialize();
  await old.runMigrations({ transaction: 'each' });
  await old.query(`INSERT INTO users (email, name, role, webhook_secret) VALUES ('old@example.com', 'Old', 'editor', $1)`, [OLD_SECRET]);
  await old.destroy();
});

test.after.always(async () => {
  await server?.stop();
  await pg.destroy();
  await rm(dataDir, { recursive: true, force: true });
});

async function secretOf(email: string): Promise<{ status: number; secret: string; stored: string | null }> {
  const db = server!.platform.db;
  const [user] = (await db.query('SELECT id FROM users WHERE email = $1', [email])) as { id: string }[];
  const { key } = await createApiKey(db, { userId: user!.id, role: 'admin', via: 'console' }, { name: 'secret reader', role: 'editor' });
  const r = await call(server!.url, 'GET', '/api/v1/webhooks/signing-secret', { key });
  const [row] = (await db.query('SELECT webhook_secret FROM users WHERE email = $1', [email])) as { webhook_secret: string | null }[];
  return { status: r.status, secret: r.json?.secret as string, stored: row!.webhook_secret };
}

function rotate(): ReturnType<typeof devforge> {
  return devforge(['secrets', 'rotate-master-key'], { env: { DEVFORGE_DATABASE_URL: pg.url, DEVFORGE_DATA_DIR: dataDir }, timeoutMs: 60_000 });
}

test.serial('the first start makes a 0600 master key file and the migration seals the plaintext secrets, which still sign with the same value', async (t) => {
  server = await startTestServer({ databaseUrl: pg.url, dataDir, overrides });
  const keyFile = join(dataDir, 'master.key');
  t.is((await stat(keyFile)).mode & 0o777, 0o600);
  t.regex(server.logs.join('\n'), /created the master key file .*back it up with the database/);
  const [key] = (await readMasterKeys(keyFile))!;

  const old = await secretOf('old@example.com');
  t.is(old.status, 200);
  t.is(old.secret, OLD_SECRET, 'receivers keep verifying with the secret they have');
  t.regex(old.stored!, new RegExp(`^sb1:${masterKeyId(key!)}:`));
  t.false(old.stored!.includes(OLD_SECRET));

  const [before] = (await server.platform.db.query('SELECT webhook_secret FROM users WHERE email = $1', [ADMIN_EMAIL])) as { webhook_secret: string | null }[];
  t.is(before!.webhook_secret, null, 'a new account has no secret until one is needed');
  const admin = await secretOf(ADMIN_EMAIL);
  t.regex(admin.secret, /^[A-Za-z0-9_-]{43}$/);
  t.regex(admin.stored!, /^sb1:/);
  t.false(admin.stored!.includes(admin.secret));
  t.is((await secretOf(ADMIN_EMAIL)).secret, admin.secret, 'made once, then the same');
  await t.throwsAsync(server.platform.db.query(`UPDATE users SET webhook_secret = 'plaintext' WHERE email = $1`, [ADMIN_EMAIL]), { message: /users_webhook_secret_sealed/ }, 'the database refuses a plaintext secret');

  const running = await rotate();
  t.is(running.code, 1);
  t.regex(running.stderr, /DevForge connection\(s\) are open on the database: stop every DevForge process/);
  await server.stop();
  server = undefined;
});

test.serial('a missing or wrong master key file stops start-up with what to do, and no key is made over sealed data', async (t) => {
  const keyFile = join(dataDir, 'master.key');
  await rename(keyFile, `${keyFile}.away`);
  await t.throwsAsync(startTestServer({ databaseUrl: pg.url, dataDir, overrides }), { message: /master key file .* is missing, and the database's secrets need master key [0-9a-f]{16}: restore the file/ });
  await t.throwsAsync(stat(keyFile), { code: 'ENOENT' }, 'no new key file');
  await writeMasterKeys(keyFile, [newMasterKey()]);
  await t.throwsAsync(startTestServer({ databaseUrl: pg.url, dataDir, overrides }), { message: /this is not the key file of this database/ });
  await rename(`${keyFile}.away`, keyFile);
  // A second process with a data directory (and so a key file) of its own is refused, and makes no key.
  const other = await mkdtemp(join(tmpdir(), 'devforge-secrets-other-'));
  t.teardown(() => rm(other, { recursive: true, force: true }));
  await t.throwsAsync(startTestServer({ databaseUrl: pg.url, dataDir: other, overrides }), { message: /give this process the same file as the others/ });
  await t.throwsAsync(stat(join(other, 'master.key')), { code: 'ENOENT' });
});

test.serial('rotate-master-key seals every secret with a new key; the secrets are unchanged', async (t) => {
  const keyFile = join(dataDir, 'master.key');
  const [oldKey] = (await readMasterKeys(keyFile))!;
  const result = await rotate();
  t.is(result.code, 0, result.stderr);
  const keys = (await readMasterKeys(keyFile))!;
  t.is(keys.length, 1, 'the old key has left the file');
  t.not(masterKeyId(keys[0]!), masterKeyId(oldKey!));
  t.regex(result.stdout, new RegExp(`master key rotated: ${masterKeyId(oldKey!)} → ${masterKeyId(keys[0]!)}; 2 stored secret\\(s\\) sealed with the new key`));
  t.is((await stat(keyFile)).mode & 0o777, 0o600);
  t.false((await readFile(keyFile, 'utf8')).includes(oldKey!.toString('base64')));

  server = await startTestServer({ databaseUrl: pg.url, dataDir, overrides });
  t.deepEqual(await keyIdsInUse(server.platform.db), [masterKeyId(keys[0]!)], 'the database now belongs to the new key');
  // Two processes that made their own keys at the same first start: the one that recorded its key second is refused.
  await t.throwsAsync(claimDatabase(keyFile, server.platform.db, new SecretBox([newMasterKey()])), { message: /every DevForge process needs the same master key file/ });
  t.is((await secretOf('old@example.com')).secret, OLD_SECRET);
});
