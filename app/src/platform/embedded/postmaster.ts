// Finding the embedded Postgres of a data directory: whether a cluster was ever created there, and
// whether it runs (postmaster.pid), so a second start adopts it and `devforge apikey` can talk to the
// server's database while the server runs; and the names of its roles.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** The cluster's superuser (made by initdb): administration only, never the application's connection. */
export const EMBEDDED_SUPERUSER = 'devforge';
/** The application's role: owns the database and its schema, and is no superuser (see postgres.ts). */
export const EMBEDDED_APP_ROLE = 'devforge_app';
export const EMBEDDED_DB_NAME = 'devforge';

/** The file with the application role's password, beside the superuser's `password`. */
export const APP_PASSWORD_FILE = 'app-password';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The port of a live postmaster on this cluster, from its postmaster.pid (line 1: pid, line 4: port). */
export async function runningPort(cluster: string): Promise<number | undefined> {
  let text: string;
  try {
    text = await readFile(join(cluster, 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return pid > 0 && port > 0 && alive(pid) ? port : undefined;
}

/** The URL of the embedded Postgres of a data dir while it runs (for `devforge apikey` beside a server), as the application role. */
export async function runningEmbeddedUrl(dir: string): Promise<string | undefined> {
  const base = resolve(dir);
  const port = await runningPort(join(base, 'data'));
  if (!port) return undefined;
  const password = (await readFile(join(base, APP_PASSWORD_FILE), 'utf8')).trim();
  return `postgres://${EMBEDDED_APP_ROLE}:${encodeURIComponent(password)}@127.0.0.1:${port}/${EMBEDDED_DB_NAME}`;
}

/** Whether a server ever created its cluster under this directory (initdb wrote PG_VERSION, we wrote the password). */
export function embeddedClusterExists(dir: string): boolean {
  const base = resolve(dir);
  return existsSync(join(base, 'data', 'PG_VERSION')) && existsSync(join(base, 'password'));
}
