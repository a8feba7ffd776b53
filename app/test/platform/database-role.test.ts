// Least privilege in the database: the embedded Postgres gives the application a role that owns its
// database and is no superuser (no CREATEROLE, CREATEDB, REPLICATION), and the server runs, migrates
// and keeps its audit log's trigger as that role; a cluster where the superuser owned everything (older
// versions) is handed over at start; a superuser's URL for an external database is warned about.
import test from 'ava';
import pg from 'pg';
import { startTestPostgres, testMasterKeyFile, type TestPostgres } from './helpers/postgres.ts';
import { startTestServer } from './helpers/server.ts';

let db: TestPostgres;

test.before(async () => {
  db = await startTestPostgres();
});

test.after.always(async () => {
  await db?.destroy();
});

async function asSuperuser<T = Record<string, unknown>>(text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: db.superuserUrl });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

test.serial('the application connects as a non-superuser that owns its tables; the audit trigger still holds', async (t) => {
  const server = await startTestServer({ databaseUrl: db.url, overrides: { server: { role: 'api' } } });
  try {
    const [role] = (await server.platform.db.query('SELECT current_user AS name, rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = current_user')) as Record<string, unknown>[];
    t.deepEqual(role, { name: 'devforge_app', rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolreplication: false, rolbypassrls: false });
    const owners = (await server.platform.db.query(`SELECT DISTINCT tableowner AS owner FROM pg_tables WHERE schemaname IN ('public', 'pgboss')`)) as { owner: string }[];
    t.deepEqual(owners, [{ owner: 'devforge_app' }], 'the migrations and pg-boss ran as the application role');
    t.notRegex(server.logs.join('\n'), /a superuser/);
    await t.throwsAsync(server.platform.db.query('TRUNCATE audit_log'), { message: /append-only: TRUNCATE refused/ });
    await t.throwsAsync(server.platform.db.query('CREATE DATABASE another'), { message: /permission denied/ });
    await t.throwsAsync(server.platform.db.query('CREATE ROLE intruder SUPERUSER'), { message: /permission denied/ });
  } finally {
    await server.stop();
  }
});

test.serial('objects the superuser owns (a cluster from an older version) are handed to the application role at start', async (t) => {
  await asSuperuser(
    `CREATE SCHEMA legacy; CREATE TYPE legacy.state AS ENUM ('a'); CREATE TABLE legacy.items (id serial PRIMARY KEY, s legacy.state); CREATE FUNCTION legacy.f() RETURNS int LANGUAGE sql AS 'SELECT 1'; CREATE SEQUENCE legacy.counter`,
  );
  await db.stop();
  await db.start();
  const owners = await asSuperuser<{ what: string; owner: string }>(`
    SELECT 'schema' AS what, nspowner::regrole::text AS owner FROM pg_namespace WHERE nspname = 'legacy'
    UNION ALL SELECT relname, relowner::regrole::text FROM pg_class WHERE relnamespace = 'legacy'::regnamespace AND relkind IN ('r', 'S')
    UNION ALL SELECT 'function', proowner::regrole::text FROM pg_proc WHERE pronamespace = 'legacy'::regnamespace
    UNION ALL SELECT 'type', typowner::regrole::text FROM pg_type WHERE typnamespace = 'legacy'::regnamespace AND typtype = 'e'
    ORDER BY 1`);
  t.deepEqual(
    owners.map((o) => [o.what, o.owner]),
    [
      ['counter', 'devforge_app'],
      ['function', 'devforge_app'],
      ['items', 'devforge_app'],
      ['items_id_seq', 'devforge_app'],
      ['schema', 'devforge_app'],
      ['type', 'devforge_app'],
    ],
  );
});

test.serial('a superuser URL for the database is warned about at start-up', async (t) => {
  // Another URL of the same database: the same master key file.
  const server = await startTestServer({ databaseUrl: db.superuserUrl, overrides: { server: { role: 'api' }, secrets: { masterKeyFile: testMasterKeyFile(db.url) } } });
  try {
    t.regex(server.logs.join('\n'), /connected as devforge, a superuser; give DevForge a role of its own/);
  } finally {
    await server.stop();
  }
});
