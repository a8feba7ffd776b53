// Builds the player's browser bundle from app/src with esbuild, once per source version: the result is
// kept in memory and cached on disk (app/dist/, keyed by the sources' sizes and times), so a CLI render
// does not pay for a rebuild.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = join(SRC, 'player/entry.ts');
const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
/** What the bundle is built from: the player and the scene code it imports. */
const SOURCE_DIRS = ['player', 'scene'].map((d) => join(SRC, d));

let bundle: Promise<string> | undefined;

function sourceVersion(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const s = statSync(path);
        hash.update(`${path}:${s.size}:${s.mtimeMs}\n`);
      }
    }
  };
  SOURCE_DIRS.forEach(walk);
  hash.update(readFileSync(new URL('../../../package-lock.json', import.meta.url)));
  return hash.digest('hex').slice(0, 16);
}

async function buildBundle(): Promise<string> {
  const file = join(DIST, `player.${sourceVersion()}.js`);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // Not built for this version yet.
  }
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const text = result.outputFiles[0]!.text;
  try {
    mkdirSync(DIST, { recursive: true });
    // Written under a name of its own, then renamed: another process (a parallel test worker, a second
    // CLI) reading the cache must see the whole bundle or none, never a half-written file.
    const partial = `${file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(partial, text);
    renameSync(partial, file);
  } catch {
    // A read-only install still works: the bundle just is not cached on disk.
  }
  return text;
}

export function playerBundle(): Promise<string> {
  bundle ??= buildBundle();
  return bundle;
}
