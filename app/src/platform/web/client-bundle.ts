// The web app's script (web/client, Preact) and the embeddable widget's (web/widget, /widget.js): the file
// the image build wrote (`npm run build` → app/dist/web/<name>.<version>.js), or, where there is none for
// these sources (development, tests), built here in memory with esbuild, once per process. The version is a hash of the web sources and the lock
// file, as for the player (render/bundle.ts), so an edited client is never served from a stale file.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = fileURLToPath(new URL('.', import.meta.url));
/** Each browser bundle and its entry. */
const ENTRIES = { app: join(WEB, 'client/main.tsx'), widget: join(WEB, 'widget/main.tsx') } as const;
export type BundleName = keyof typeof ENTRIES;
const DIST = fileURLToPath(new URL('../../../dist/web', import.meta.url));
const LOCK = fileURLToPath(new URL('../../../../package-lock.json', import.meta.url));

async function sourceVersion(): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else
        hash.update(
          `${path.slice(WEB.length)}:${(await readFile(path)).length}:${createHash('sha256')
            .update(await readFile(path))
            .digest('hex')}\n`,
        );
    }
  };
  await walk(WEB);
  hash.update(await readFile(LOCK));
  return hash.digest('hex').slice(0, 16);
}

async function compile(name: BundleName): Promise<string> {
  const result = await build({
    entryPoints: [ENTRIES[name]],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

async function prebuiltOrFresh(name: BundleName): Promise<string> {
  const file = join(DIST, `${name}.${await sourceVersion()}.js`);
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  return compile(name);
}

const bundles = new Map<BundleName, Promise<string>>();

/** The web app's script (default) or the widget's. */
export function clientBundle(name: BundleName = 'app'): Promise<string> {
  let bundle = bundles.get(name);
  if (!bundle) {
    bundle = prebuiltOrFresh(name);
    bundles.set(name, bundle);
  }
  return bundle;
}

/** For the image build: compiles a bundle and writes it where clientBundle looks first; returns its path and size. */
export async function writeClientBundle(name: BundleName = 'app'): Promise<{ file: string; bytes: number }> {
  const file = join(DIST, `${name}.${await sourceVersion()}.js`);
  const text = await compile(name);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, text);
  await rename(`${file}.tmp`, file);
  return { file, bytes: (await stat(file)).size };
}
