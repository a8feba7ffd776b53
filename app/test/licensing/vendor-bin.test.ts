// The vendor's tool as the README and licenses/README.md call it: `npx devforge-license …`, a bin of the
// licenses workspace linked into node_modules/.bin by npm ci. A file that is not a license is refused with a
// message, never a stack trace.
import test from 'ava';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../../node_modules/.bin/devforge-license', import.meta.url));
const PUBLIC_KEY = fileURLToPath(new URL('../../../licenses/test-keys/public.pem', import.meta.url));

async function tool(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(BIN, args, { env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test('npm links devforge-license; its help lists the four commands', async (t) => {
  const r = await tool(['--help']);
  t.is(r.code, 0, r.stderr);
  for (const command of ['keygen', 'issue', 'renew', 'inspect']) t.regex(r.stdout, new RegExp(`^\\s*${command} `, 'm'));
});

test('inspect refuses what is not a license, and a missing file, with a message and no stack trace', async (t) => {
  const notLicense = await tool(['inspect', PUBLIC_KEY]);
  t.is(notLicense.code, 1);
  t.regex(notLicense.stderr, /refused: no "-----BEGIN DEVFORGE LICENSE-----"/);
  t.notRegex(notLicense.stderr, /\n\s+at /);
  const missing = await tool(['inspect', '/nonexistent/acme.lic']);
  t.is(missing.code, 2);
  t.regex(missing.stderr, /cannot read it \(ENOENT\)/);
  t.notRegex(missing.stderr, /\n\s+at /);
});
