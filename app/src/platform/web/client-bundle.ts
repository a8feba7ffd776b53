// Builds the page's script from web/client with esbuild, once per process, in memory (like the player).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./client/main.ts', import.meta.url));
let bundle: Promise<string> | undefined;

export function clientBundle(): Promise<string> {
  bundle ??= build({ entryPoints: [ENTRY], bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', minify: true, write: false, legalComments: 'none', logLevel: 'silent' }).then((r) => r.outputFiles[0]!.text);
  return bundle;
}
