// `devforge-license sign` makes the air-gap bundle's SHA256SUMS.sig: a raw Ed25519 signature that the customer
// checks with OpenSSL alone (docs/airgap.md). The test signs with the tool, verifies with `openssl pkeyutl`,
// and checks that a changed byte in the file or in the signature is refused.
import test from 'ava';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const TOOL = fileURLToPath(new URL('../../../licenses/bin/devforge-license.js', import.meta.url));
const KEYS = fileURLToPath(new URL('../../../airgap/test-keys/', import.meta.url));

async function exec(cmd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(cmd, args);
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const opensslVerify = (file: string, sig: string) => exec('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', join(KEYS, 'public.pem'), '-rawin', '-in', file, '-sigfile', sig]);

test('a signature made by devforge-license sign verifies with openssl; a flipped byte in the file or the signature does not', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'sign-file-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const file = join(dir, 'SHA256SUMS');
  const sig = join(dir, 'SHA256SUMS.sig');
  await writeFile(file, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  manifest.json\n');

  const signed = await exec(process.execPath, [TOOL, 'sign', '--key', join(KEYS, 'private.pem'), '--in', file, '--out', sig]);
  t.is(signed.code, 0, signed.stderr);
  t.regex(signed.stdout, /with key id dfk-f48a5b2232adebff/);
  t.is((await readFile(sig)).length, 64, 'a raw Ed25519 signature is 64 bytes');

  const good = await opensslVerify(file, sig);
  t.is(good.code, 0, good.stderr + good.stdout);
  t.regex(good.stdout, /Signature Verified Successfully/);

  const original = await readFile(file);
  const changed = Buffer.from(original);
  changed[0] ^= 0x01;
  await writeFile(file, changed);
  t.not((await opensslVerify(file, sig)).code, 0, 'a changed byte in the signed file is refused');

  await writeFile(file, original);
  const badSig = Buffer.from(await readFile(sig));
  badSig[10] ^= 0x80;
  await writeFile(sig, badSig);
  t.not((await opensslVerify(file, sig)).code, 0, 'a changed byte in the signature is refused');
});

test('sign refuses a public key, and a missing input file, with a message and no stack trace', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'sign-file-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const publicKey = await exec(process.execPath, [TOOL, 'sign', '--key', join(KEYS, 'public.pem'), '--in', join(KEYS, 'README.md'), '--out', join(dir, 'x.sig')]);
  t.is(publicKey.code, 2);
  t.regex(publicKey.stderr, /not a private key in PEM form/);
  const missing = await exec(process.execPath, [TOOL, 'sign', '--key', join(KEYS, 'private.pem'), '--in', join(dir, 'nothing'), '--out', join(dir, 'x.sig')]);
  t.is(missing.code, 2);
  t.regex(missing.stderr, /--in .*nothing: cannot read it \(ENOENT\)/);
  t.notRegex(publicKey.stderr + missing.stderr, /\n\s+at /);
});
