// The TypeORM data source, and migrations at start-up. `synchronize` is never used: the schema changes
// only through reviewed migrations, under an advisory lock so an API and a worker starting together
// do not both run them.
import { DataSource, MigrationExecutor } from 'typeorm';
import type { SecretBox } from '../secrets/secret-box.ts';
import { ENTITIES } from './entities/index.ts';
import { MIGRATIONS } from './migrations/index.ts';

/** pg_advisory_lock key: "devforge migrations". */
const MIGRATION_LOCK = 7_311_202_601;

export function createDataSource(url: string, poolSize: number): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: false,
    poolSize,
    applicationName: 'devforge',
    extra: { connectionTimeoutMillis: 5_000, keepAlive: true },
  });
}

/**
 * Runs the pending migrations. `secretBox` (the master key) is handed to them on the query runner
 * (`runner.data.secretBox`): a migration that seals stored secrets needs it.
 */
export async function migrate(db: DataSource, log: (line: string) => void = () => {}, secretBox?: SecretBox): Promise<void> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    runner.data = { ...(runner.data as object), ...(secretBox ? { secretBox } : {}) };
    // The executor runs every migration on this runner: the one holding the lock, carrying the key.
    const executor = new MigrationExecutor(db, runner);
    executor.transaction = 'each';
    const done = await executor.executePendingMigrations();
    for (const m of done) log(`database: applied migration ${m.name}`);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    await runner.release();
  }
}
