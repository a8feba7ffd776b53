// devforge migrate: brings the database at database.url up to this version's schema and exits. Every
// server role also migrates at start (under the same advisory lock), so this is for deployments that want
// the schema change as a step of its own: the Compose stack's one-shot `migrate` job runs it before the API
// and workers start, and an upgrade fails there, with the reason, rather than in a restarting container.
// It takes the same master key file as the servers (secrets.masterKeyFile; the stack mounts one secret into
// all three): a migration may seal stored secrets (1764900000007), and the database is bound to that key.
// Unlike a server it never makes a key: a key made in a one-shot container's scratch space would be lost,
// with the secrets sealed under it.
import { loadConfig } from '../../config/load.ts';
import { createDataSource, migrate } from '../../platform/db/data-source.ts';
import { keyIdsInUse } from '../../platform/secrets/sealed-columns.ts';
import { claimDatabase, masterKeyPath, openSecretBox, readMasterKeys } from '../../platform/secrets/master-key-file.ts';
import { parse } from '../args.ts';
import { UsageError } from '../errors.ts';

// Two connections: migrate() holds one for the advisory lock while the migrations run on another.
const POOL = 2;

export async function migrateCommand(args: string[]): Promise<number> {
  const { positionals } = parse(args, {});
  if (positionals.length) throw new UsageError(`migrate takes no arguments, got ${positionals.join(' ')}`);
  const config = loadConfig();
  // The embedded database is migrated by the server that owns it; there is nothing to run ahead of it.
  if (!config.database.url) throw new UsageError('database.url is not set: set DEVFORGE_DATABASE_URL to the Postgres to migrate (the embedded database is migrated by `devforge serve`)');
  // The database may still be starting (a container's first start, a failover): try for about half a minute,
  // as the server does, before giving up with the reason.
  const attempts = 6;
  let db = createDataSource(config.database.url, POOL);
  for (let i = 1; ; i++) {
    try {
      await db.initialize();
      break;
    } catch (err) {
      if (i >= attempts) throw new Error(`cannot reach the database (database.url) after ${attempts} attempts: ${(err as Error).message}`, { cause: err });
      console.error(`database: not reachable yet (${(err as Error).message}); retrying (${i}/${attempts - 1})`);
      await new Promise((r) => setTimeout(r, 1000 * 2 ** (i - 1)));
      db = createDataSource(config.database.url, POOL);
    }
  }
  try {
    const keyFile = masterKeyPath(config);
    // No key file and nothing sealed yet (a fresh database, no key configured): the migrations run without a
    // key, and one that has secrets to seal says so. With sealed data, openSecretBox refuses with the fix.
    const keyed = (await readMasterKeys(keyFile)) !== undefined || (await keyIdsInUse(db)).length > 0;
    const box = keyed ? await openSecretBox(keyFile, db, (line) => console.error(line)) : undefined;
    let applied = 0;
    await migrate(
      db,
      (line) => {
        applied++;
        console.error(line);
      },
      box,
    );
    if (box) await claimDatabase(keyFile, db, box);
    console.error(applied ? `database: ${applied} migration${applied === 1 ? '' : 's'} applied` : 'database: schema already up to date');
  } finally {
    await db.destroy();
  }
  return 0;
}
