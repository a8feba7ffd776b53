// The TypeORM data source, and migrations at start-up. `synchronize` is never used: the schema changes
// only through reviewed migrations, under an advisory lock so an API and a worker starting together
// do not both run them.
import { DataSource } from 'typeorm';
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

export async function migrate(db: DataSource, log: (line: string) => void = () => {}): Promise<void> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const done = await db.runMigrations({ transaction: 'each' });
    for (const m of done) log(`database: applied migration ${m.name}`);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    await runner.release();
  }
}
