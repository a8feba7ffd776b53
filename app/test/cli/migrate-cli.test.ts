// devforge migrate, the Compose stack's one-shot migrate job: against an empty database it applies every
// migration (the tables the server needs exist afterwards), a second run changes nothing and says so, and
// without database.url it refuses with the fix instead of touching an embedded cluster. Given the master key
// file (as the Compose stack mounts it into migrate, api and workers), it binds the database to that key, and
// refuses another key file naming the one the database needs.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import pg from 'pg';
import { masterKeyId } from '../../src/platform/secrets/secret-box.ts';
import { devforge } from '../helpers/cli.ts';
import { startTestPostgres } from '../platform/helpers/postgres.ts';

test('migrate applies every migration once, then reports the schema up to date', async (t) => {
  const db = await startTestPostgres();
  try {
    const first = await devforge(['migrate'], { env: { DEVFORGE_DATABASE_URL: db.url } });
    t.is(first.code, 0, first.stderr);
    t.regex(first.stderr, /database: applied migration \S+/);
    t.regex(first.stderr, /database: \d+ migrations? applied/);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query("SELECT to_regclass('users') IS NOT NULL AS users, to_regclass('animations') IS NOT NULL AS animations, (SELECT count(*)::int FROM migrations) AS n");
      t.true(rows[0].users && rows[0].animations, 'the tables exist');
      const applied = Number(/database: (\d+) migrations? applied/.exec(first.stderr)![1]);
      t.is(rows[0].n, applied, 'every applied migration is recorded');
    } finally {
      await client.end();
    }
    const second = await devforge(['migrate'], { env: { DEVFORGE_DATABASE_URL: db.url } });
    t.is(second.code, 0, second.stderr);
    t.is(second.stderr.trim(), 'database: schema already up to date');
  } finally {
    await db.destroy();
  }
});

test('migrate without database.url refuses with the fix', async (t) => {
  const r = await devforge(['migrate'], { env: { DEVFORGE_DATABASE_URL: '' } });
  t.is(r.code, 2);
  t.regex(r.stderr, /database\.url is not set: set DEVFORGE_DATABASE_URL/);
});

test('migrate takes the master key file, binds the database to it and refuses another one', async (t) => {
  const db = await startTestPostgres();
  const dir = await mkdtemp(join(tmpdir(), 'devforge-migrate-key-'));
  try {
    const key = randomBytes(32);
    const keyFile = join(dir, 'master_key');
    await writeFile(keyFile, `${key.toString('base64')}\n`, { mode: 0o600 });
    const first = await devforge(['migrate'], { env: { DEVFORGE_DATABASE_URL: db.url, DEVFORGE_MASTER_KEY_FILE: keyFile } });
    t.is(first.code, 0, first.stderr);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT key_id FROM master_key');
      t.deepEqual(rows, [{ key_id: masterKeyId(key) }], 'the database belongs to the mounted key');
    } finally {
      await client.end();
    }
    const otherFile = join(dir, 'other_key');
    await writeFile(otherFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    const other = await devforge(['migrate'], { env: { DEVFORGE_DATABASE_URL: db.url, DEVFORGE_MASTER_KEY_FILE: otherFile } });
    t.is(other.code, 1);
    t.regex(other.stderr, new RegExp(`need master key ${masterKeyId(key)}`));
    const missing = await devforge(['migrate'], { env: { DEVFORGE_DATABASE_URL: db.url, DEVFORGE_MASTER_KEY_FILE: join(dir, 'absent') } });
    t.is(missing.code, 1);
    t.regex(missing.stderr, /master key file \S+ is missing/);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await db.destroy();
  }
});
