// The appliance a command acts on (apikey, admin): found from the same configuration as the server
// (DEVFORGE_CONFIG, DEVFORGE_DATA_DIR, DEVFORGE_DATABASE_URL), and never created. A command run from the
// wrong directory used to start a second, empty appliance and print a key the real server rejected;
// now it stops, names where it looked, and says how to point it at the server's data.
import { join, resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import type { DevforgeConfig } from '../config/schema.ts';
import { createDataSource } from '../platform/db/data-source.ts';
import { EmbeddedPostgres } from '../platform/embedded/postgres.ts';
import { embeddedClusterExists, runningEmbeddedUrl } from '../platform/embedded/postmaster.ts';

export class NoApplianceError extends Error {
  override name = 'NoApplianceError';
}

export interface Appliance {
  db: DataSource;
  /** Closes the connection, and stops the embedded Postgres if this command started it. A function, not a method: callers destructure it. */
  close: () => Promise<void>;
}

/** The database URL without its password, for messages. */
function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    u.username = '';
    return u.toString();
  } catch {
    return 'database.url';
  }
}

/**
 * Connects to the appliance's database: database.url, or the embedded Postgres under data.dir (the
 * running server's, or started for the moment and stopped on close). Refuses, creating nothing, when no
 * server ever set one up there, or when its schema is older than this code (the server upgrades it).
 */
export async function openAppliance(config: DevforgeConfig): Promise<Appliance> {
  const dataDir = resolve(config.data.dir);
  const where = config.database.url ? `the database ${shownUrl(config.database.url)} (database.url)` : dataDir;
  const fix = config.database.url ? "start the server once against it, or set DEVFORGE_DATABASE_URL to the server's database" : "start the server once with `npm start`, or set DEVFORGE_DATA_DIR to the server's data directory";
  const missing = () => new NoApplianceError(`no DevForge appliance in ${where}: ${fix}`);

  let embedded: EmbeddedPostgres | undefined;
  let url = config.database.url;
  if (!url) {
    const pgDir = join(dataDir, 'postgres');
    if (!embeddedClusterExists(pgDir)) throw missing();
    const running = await runningEmbeddedUrl(pgDir);
    if (running) url = running;
    else {
      embedded = new EmbeddedPostgres({ dir: pgDir, port: 0, runAs: config.database.embeddedUser });
      url = await embedded.start();
    }
  }
  const db = createDataSource(url, 2);
  const close = async () => {
    if (db.isInitialized) await db.destroy();
    await embedded?.stop();
  };
  try {
    try {
      await db.initialize();
    } catch (err) {
      throw new Error(`cannot reach ${where}: ${(err as Error).message}`, { cause: err });
    }
    const [found] = (await db.query(`SELECT to_regclass('migrations') IS NOT NULL AND to_regclass('users') IS NOT NULL AS ok`)) as { ok: boolean }[];
    if (!found?.ok) throw missing();
    if (await db.showMigrations()) throw new Error(`the appliance in ${where} has an older database schema than this devforge: start the server (this version) once to upgrade it, then run this again`);
  } catch (err) {
    await close();
    throw err;
  }
  return { db, close };
}
