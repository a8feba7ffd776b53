// Postgres refuses to run as root. Started as root, the embedded cluster belongs to an unprivileged
// account (database.embeddedUser, else "postgres", else "nobody"; no account is created), and every
// directory above the cluster and the binaries gets the search (x) bit for others so that account can
// reach them. Nothing is made readable that was not.
import { execFile } from 'node:child_process';
import { chmod, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Account {
  uid: number;
  gid: number;
}

async function uidOf(name: string): Promise<Account | undefined> {
  try {
    const [u, g] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { uid: Number(u.stdout.trim()), gid: Number(g.stdout.trim()) };
  } catch {
    return undefined;
  }
}

/** The account to run Postgres as, or undefined when we are not root (then it runs as us). */
export async function postgresAccount(runAs: string): Promise<Account | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const names = runAs ? [runAs] : ['postgres', 'nobody'];
  for (const name of names) {
    const ids = await uidOf(name);
    if (ids && ids.uid !== 0) return ids;
  }
  throw new Error(`running as root, and no account to run the embedded Postgres as (tried ${names.join(', ')}): create one, or set database.embeddedUser (DEVFORGE_EMBEDDED_PG_USER)`);
}

/** Adds o+x to every directory above `path` that lacks it, and says so. */
export async function makeReachable(path: string, log: (line: string) => void): Promise<void> {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const info = await stat(dir);
    if (!(info.mode & 0o001)) {
      await chmod(dir, info.mode | 0o001);
      log(`embedded postgres: added search permission (o+x) to ${dir} so the Postgres account can reach ${path}`);
    }
    if (dir === dirname(dir)) break;
  }
}
