// docs/configuration.md is generated from the configuration schema: it must be current, and the same on
// every machine (no default may print a path, a directory or a count found where it was generated).
import test from 'ava';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeConfig, type ConfigKeyDoc } from '../../src/config/load.ts';
import { configReferenceMarkdown, configReferenceText, REGENERATE_COMMAND } from '../../src/config/reference.ts';

const DOC = fileURLToPath(new URL('../../../docs/configuration.md', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/devforge.js', import.meta.url));
const STALE = `docs/configuration.md is not current: regenerate it with \`${REGENERATE_COMMAND}\` (from the repository root) and commit it`;

function run(args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], opts, (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }));
  });
}

test('docs/configuration.md is what the schema generates', (t) => {
  t.is(readFileSync(DOC, 'utf8'), configReferenceMarkdown(), STALE);
});

test('the command prints the same file from another directory, with another PATH and environment', async (t) => {
  // Values set in the environment must not leak into the reference: it documents defaults, not this machine.
  const env = { PATH: '/nonexistent', HOME: tmpdir(), DEVFORGE_PORT: '9191', DEVFORGE_DATA_DIR: join(tmpdir(), 'elsewhere'), DEVFORGE_ADMIN_PASSWORD: 'not-in-the-docs' };
  const result = await run(['config', '--docs', '--markdown'], { cwd: mkdtempSync(join(tmpdir(), 'config-doc-')), env });
  t.is(result.code, 0, result.stderr);
  t.is(result.stdout, readFileSync(DOC, 'utf8'), STALE);
  t.false(result.stdout.includes('not-in-the-docs'));
  t.false(result.stdout.includes('9191'));
});

test('every key of the schema has a row with its environment variable', (t) => {
  const doc = configReferenceMarkdown();
  for (const key of describeConfig()) {
    const row = doc.split('\n').find((line) => line.startsWith(`| \`${key.key}\``));
    t.truthy(row, key.key);
    if (key.env) t.true(row!.includes(`\`${key.env}\``), key.key);
    t.is(row!.includes('**sensitive**'), key.sensitive, key.key);
  }
});

test('a default worked out on the machine prints its description; cells cannot break the table', (t) => {
  const keys: ConfigKeyDoc[] = [
    { key: 'pool.size', doc: 'Worker threads.', default: 7, defaultDoc: 'one per CPU core', env: 'X_POOL', format: 'nat', sensitive: false },
    { key: 'pool.secret', doc: 'A | piped\ndoc.', default: 'a`b', format: String, sensitive: true },
    { key: 'pool.mode', doc: 'Mode.', default: 'on', format: ['on', 'off'], sensitive: false },
  ];
  const md = configReferenceMarkdown(keys);
  t.true(md.includes('| `pool.size` | `X_POOL` | one per CPU core | whole number ≥ 0 | Worker threads. |'));
  t.false(md.includes('| 7 |'));
  t.true(md.includes('| `pool.secret` **sensitive** | — | a`b | text | A \\| piped doc. |'));
  t.true(md.includes('| one of `on`, `off` |'));
  t.true(configReferenceText(keys).includes('default: one per CPU core'));
  t.true(configReferenceText(keys).includes('pool.secret [sensitive]'));
});

test('--markdown without --docs is a usage error that says what to type', async (t) => {
  const result = await run(['config', '--markdown'], { cwd: tmpdir(), env: { PATH: process.env.PATH } });
  t.is(result.code, 2);
  t.regex(result.stderr, /config --docs --markdown/);
});
