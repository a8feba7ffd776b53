// The signed air-gap bundle without Docker: airgap/lib/assemble.sh turns a staging folder of small real files
// into the bundle tar, and airgap/verify.sh accepts it, then refuses every kind of tampering with the right
// reason: one byte changed in each file in turn (a bad signature for SHA256SUMS and its signature, a checksum
// mismatch for every other file), a file added or removed, members that escape the top folder, and a bundle
// signed by the test key or an unknown key. The bytes are changed inside the tar itself, as a damaged or
// doctored download would be.
import test from 'ava';
import { execFile } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const ASSEMBLE = join(REPO, 'airgap/lib/assemble.sh');
const STAGE_SOURCES = join(REPO, 'airgap/lib/stage-sources.sh');
const VERIFY = join(REPO, 'airgap/verify.sh');
const TEST_KEY_ID = 'dfk-f48a5b2232adebff';
const VERSION = '0.1.1';
const TOP = `devforge-${VERSION}`;

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function exec(cmd: string, args: string[], env: Record<string, string> = {}): Promise<Result> {
  // Without DEVFORGE_ACCEPT_TEST_BUNDLE from the caller's environment: each test says what it accepts.
  const { DEVFORGE_ACCEPT_TEST_BUNDLE: _ignored, ...base } = process.env;
  try {
    const { stdout, stderr } = await run(cmd, args, { env: { ...base, ...env }, maxBuffer: 16 << 20 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const verify = (bundle: string, ...args: string[]) => exec(VERIFY, [bundle, ...args]);

async function tempDir(t: { teardown: (fn: () => Promise<void>) => void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'airgap-bundle-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A staging folder shaped like a real bundle, with small real files (a real zstd stream, the real verify.sh). */
async function stage(dir: string, keyId: string): Promise<string> {
  const s = join(dir, 'staging');
  const put = async (path: string, content: string | Buffer) => {
    await mkdir(dirname(join(s, path)), { recursive: true });
    await writeFile(join(s, path), content);
  };
  await put('images/app.tar', 'a tiny stand-in for docker save output\n'.repeat(20));
  await exec('zstd', ['-q', '--rm', join(s, 'images/app.tar'), '-o', join(s, 'images/app.tar.zst')]);
  const manifest = {
    product: 'devforge',
    version: VERSION,
    min_upgrade_from: '0.1.0',
    created: '2026-12-03T12:00:00.000Z',
    key_id: keyId,
    images: [{ ref: `localhost/devforge:${VERSION}`, file: 'images/app.tar.zst', id: `sha256:${'ab'.repeat(32)}` }],
  };
  await put('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  await put('compose/compose.yaml', await readFile(join(REPO, 'compose/compose.yaml')));
  await put('installer/verify.sh', await readFile(VERIFY));
  await chmod(join(s, 'installer/verify.sh'), 0o755);
  await put('installer/test-release-key.pem', await readFile(join(REPO, 'airgap/test-keys/public.pem')));
  await put('release-keys/dfk-6f6ef2e9e7546f90.pem', await readFile(join(REPO, 'airgap/release-keys/dfk-6f6ef2e9e7546f90.pem')));
  await put('docs/README.md', '# DevForge\n\nThe docs, as the bundle carries them.\n');
  await put('sbom.cdx.json', '{"bomFormat":"CycloneDX","specVersion":"1.6","components":[]}\n');
  await put('THIRD-PARTY-NOTICES.txt', 'Third-party notices\n===================\n');
  return s;
}

async function assembled(t: { teardown: (fn: () => Promise<void>) => void }, keyArgs: string[] = ['--test-key'], keyId = TEST_KEY_ID): Promise<{ dir: string; bundle: string }> {
  const dir = await tempDir(t);
  const bundle = join(dir, `devforge-${VERSION}-airgap.tar`);
  const made = await exec(ASSEMBLE, [await stage(dir, keyId), bundle, ...keyArgs]);
  if (made.code !== 0) throw new Error(`assemble.sh failed: ${made.stderr}`);
  return { dir, bundle };
}

/** Each file member of a (GNU, ustar) tar: its name and where its bytes are. */
function fileMembers(tar: Buffer): { name: string; offset: number; size: number }[] {
  const members: { name: string; offset: number; size: number }[] = [];
  let at = 0;
  let longName: string | undefined;
  while (at + 512 <= tar.length && tar[at] !== 0) {
    const field = (from: number, length: number) => tar.toString('latin1', at + from, at + from + length).replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1) || '0';
    const name = longName ?? (field(345, 155) ? `${field(345, 155)}/${field(0, 100)}` : field(0, 100));
    longName = undefined;
    if (type === 'L') longName = tar.toString('latin1', at + 512, at + 512 + size).replace(/\0.*$/s, '');
    else if (type === '0') members.push({ name, offset: at + 512, size });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return members;
}

test('an assembled bundle verifies; --extract-to leaves the verified copy and the signer is named with its fingerprint', async (t) => {
  const { dir, bundle } = await assembled(t);
  const listing = (await exec('tar', ['-tf', bundle])).stdout.trim().split('\n');
  t.true(
    listing.every((n) => n === `${TOP}/` || n.startsWith(`${TOP}/`)),
    'one top folder',
  );
  t.true(listing.includes(`${TOP}/SHA256SUMS`) && listing.includes(`${TOP}/SHA256SUMS.sig`));

  const out = join(dir, 'verified');
  const ok = await verify(bundle, '--accept-test-key', '--extract-to', out);
  t.is(ok.code, 0, ok.stderr);
  t.regex(ok.stdout, /bundle OK: devforge 0\.1\.1$/m);
  t.regex(ok.stdout, new RegExp(`signed by release key ${TEST_KEY_ID}`));
  t.regex(ok.stdout, /fingerprint \(SHA-256 of the public key\): f48a5b2232adebff[0-9a-f]{48}$/m);
  t.regex(ok.stderr, /WARNING: ACCEPTED A BUNDLE SIGNED WITH THE TEST RELEASE KEY/);
  const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as { version: string; key_id: string };
  t.is(manifest.version, VERSION);
  t.is(manifest.key_id, TEST_KEY_ID);
  t.is((await readFile(join(out, 'SHA256SUMS.sig'))).length, 64);
  t.is((await stat(join(out, 'installer/verify.sh'))).mode & 0o111, 0o111, 'modes are kept: the scripts stay executable');
  // Nothing else is left beside the verified copy (the temporary extraction folder is gone).
  t.deepEqual((await readdir(dir)).sort(), ['devforge-0.1.1-airgap.tar', 'staging', 'verified']);

  const busy = await verify(bundle, '--accept-test-key', '--extract-to', out);
  t.is(busy.code, 2, 'an --extract-to folder that is not empty is refused');
  t.regex(busy.stderr, /not empty/);
});

test('a bundle signed with the test key is refused without --accept-test-key, accepted with DEVFORGE_ACCEPT_TEST_BUNDLE=1', async (t) => {
  const { bundle } = await assembled(t);
  const refused = await verify(bundle);
  t.is(refused.code, 1);
  t.regex(refused.stderr, /REFUSED: signed with the TEST release key \(dfk-f48a5b2232adebff\)/);
  t.notRegex(refused.stdout, /bundle OK/);
  const byEnv = await exec(VERIFY, [bundle], { DEVFORGE_ACCEPT_TEST_BUNDLE: '1' });
  t.is(byEnv.code, 0, byEnv.stderr);
  t.regex(byEnv.stderr, /WARNING: ACCEPTED/);
});

test('one byte changed in any file of the bundle is refused: a bad signature for SHA256SUMS and its signature, a checksum mismatch for every other file', async (t) => {
  const { dir, bundle } = await assembled(t);
  const original = await readFile(bundle);
  const members = fileMembers(original);
  const names = members.map((m) => m.name.slice(TOP.length + 1)).sort();
  t.deepEqual(names, [
    'SHA256SUMS',
    'SHA256SUMS.sig',
    'THIRD-PARTY-NOTICES.txt',
    'compose/compose.yaml',
    'docs/README.md',
    'images/app.tar.zst',
    'installer/test-release-key.pem',
    'installer/verify.sh',
    'manifest.json',
    'release-keys/dfk-6f6ef2e9e7546f90.pem',
    'sbom.cdx.json',
  ]);
  const out = join(dir, 'never');
  for (const member of members) {
    const path = member.name.slice(TOP.length + 1);
    const tampered = Buffer.from(original);
    tampered[member.offset + Math.floor(member.size / 2)] ^= 0x20;
    const file = join(dir, 'tampered.tar');
    await writeFile(file, tampered);
    const r = await verify(file, '--accept-test-key', '--extract-to', out);
    t.is(r.code, 1, `${path}: ${r.stderr}`);
    const reason = path.startsWith('SHA256SUMS') ? /REFUSED: bad signature/ : new RegExp(`REFUSED: checksum mismatch ${path.replace(/\./g, '\\.')}:`);
    t.regex(r.stderr, reason, path);
    t.notRegex(r.stdout, /bundle OK/, path);
  }
  // A refused bundle leaves nothing behind: no --extract-to folder, no temporary extraction.
  t.deepEqual((await readdir(dir)).sort(), ['devforge-0.1.1-airgap.tar', 'staging', 'tampered.tar']);
});

test('a file added to or removed from the bundle is refused', async (t) => {
  const { dir, bundle } = await assembled(t);
  await writeFile(join(dir, 'extra.sh'), '#!/bin/sh\necho not from the vendor\n');
  const added = join(dir, 'added.tar');
  await copyFile(bundle, added);
  await exec('tar', ['-rf', added, '-C', dir, '--transform', `s,^extra.sh,${TOP}/installer/extra.sh,`, 'extra.sh']);
  const r = await verify(added, '--accept-test-key');
  t.is(r.code, 1);
  t.regex(r.stderr, /REFUSED: unlisted installer\/extra\.sh:/);

  const removed = join(dir, 'removed.tar');
  await copyFile(bundle, removed);
  await exec('tar', ['--delete', '-f', removed, `${TOP}/docs/README.md`]);
  const m = await verify(removed, '--accept-test-key');
  t.is(m.code, 1);
  t.regex(m.stderr, /REFUSED: missing docs\/README\.md:/);
});

test('members that escape the top folder are refused before anything is extracted: ../, an absolute path, a symbolic link, a hard link', async (t) => {
  const { dir, bundle } = await assembled(t);
  await mkdir(join(dir, 'src'));
  await writeFile(join(dir, 'src/evil'), 'escaped\n');
  const cases: [string, string[], RegExp][] = [
    ['dotdot', ['--transform', `s,^evil,${TOP}/../evil,`, 'evil'], /unsafe member ".*\/\.\.\/evil": a "\.\." or "\." path component/],
    ['absolute', ['-P', '--transform', `s,^evil,${dir}/src/absolute-evil,`, 'evil'], /unsafe member ".*absolute-evil": outside the top folder/],
    ['symlink', ['--transform', `s,^link,${TOP}/installer/link,`, 'link'], /unsafe member: not a plain file or folder/],
  ];
  await exec('ln', ['-s', '/etc/passwd', join(dir, 'src/link')]);
  for (const [label, args, reason] of cases) {
    const file = join(dir, `${label}.tar`);
    await copyFile(bundle, file);
    const appended = await exec('tar', ['-rf', file, '-C', join(dir, 'src'), ...args]);
    t.is(appended.code, 0, appended.stderr);
    const r = await verify(file, '--accept-test-key');
    t.is(r.code, 1, label);
    t.regex(r.stderr, reason, label);
  }
  // A hard link inside the top folder to a file outside it.
  const hard = join(dir, 'hardlink.tar');
  await copyFile(bundle, hard);
  await exec('ln', [join(dir, 'src/evil'), join(dir, 'src/evil2')]);
  await exec('tar', ['-rf', hard, '-C', join(dir, 'src'), '--transform', `s,^,${TOP}/,`, 'evil', 'evil2']);
  const h = await verify(hard, '--accept-test-key');
  t.is(h.code, 1);
  t.regex(h.stderr, /unsafe member: not a plain file or folder/);
  // Nothing was written outside: the ../ member never reached the bundle's parent folder.
  await t.throwsAsync(stat(join(dir, 'evil')));
  await t.throwsAsync(stat(join(dir, 'src/absolute-evil')));
});

test('a bundle signed with a key this verify.sh does not trust is refused as an unknown key id, and accepted with --key', async (t) => {
  const keys = await tempDir(t);
  const made = await exec(process.execPath, [join(REPO, 'licenses/bin/devforge-license.js'), 'keygen', '--out-dir', keys]);
  t.is(made.code, 0, made.stderr);
  const keyId = /key id: (dfk-[0-9a-f]{16})/.exec(made.stdout)![1]!;
  const { bundle } = await assembled(t, ['--key', join(keys, 'private.pem')], keyId);

  const unknown = await verify(bundle, '--accept-test-key');
  t.is(unknown.code, 1);
  t.regex(unknown.stderr, new RegExp(`REFUSED: unknown key id ${keyId}`));
  const trusted = await verify(bundle, '--key', join(keys, 'public.pem'));
  t.is(trusted.code, 0, trusted.stderr);
  t.regex(trusted.stdout, new RegExp(`signed by release key ${keyId}`));
  t.notRegex(trusted.stderr, /TEST/, 'a production-like key gets no test warning');
  // The test key given as --key is still the test key.
  const testAsKey = await verify((await assembled(t)).bundle, '--key', join(REPO, 'airgap/test-keys/public.pem'));
  t.is(testAsKey.code, 1);
  t.regex(testAsKey.stderr, /signed with the TEST release key/);
});

test('assemble.sh refuses a manifest that names another key than the one signing, and staging with a link', async (t) => {
  const dir = await tempDir(t);
  const staging = await stage(dir, 'dfk-0000000000000000');
  const r = await exec(ASSEMBLE, [staging, join(dir, 'x.tar'), '--test-key']);
  t.is(r.code, 2);
  t.regex(r.stderr, /manifest\.json names key_id "dfk-0000000000000000", but .* is dfk-f48a5b2232adebff/);
  const good = await stage(await tempDir(t), TEST_KEY_ID);
  await exec('ln', ['-s', '/etc/passwd', join(good, 'docs/passwd')]);
  const l = await exec(ASSEMBLE, [good, join(dir, 'y.tar'), '--test-key']);
  t.is(l.code, 2);
  t.regex(l.stderr, /docs\/passwd is not a plain file or folder/);
});

test("the repository's compose/, installer/, ansible/, docs and trust material, staged and assembled, verify", async (t) => {
  const dir = await tempDir(t);
  const staging = join(dir, 'staging');
  const staged = await exec(STAGE_SOURCES, [staging]);
  t.is(staged.code, 0, staged.stderr);
  for (const path of [
    'compose/compose.yaml',
    'ansible/site.yml',
    'docs/README.md',
    'docs/airgap.md',
    'installer/verify.sh',
    'installer/test-release-key.pem',
    'installer/release-keys/dfk-6f6ef2e9e7546f90.pem',
    'release-keys/dfk-6f6ef2e9e7546f90.pem',
  ]) {
    t.true((await stat(join(staging, path))).isFile(), path);
  }
  await t.throwsAsync(stat(join(staging, 'compose/secrets')), undefined, 'ignored files (the secrets folder) are never copied');
  t.deepEqual(await readFile(join(staging, 'installer/verify.sh')), await readFile(VERIFY));
  await writeFile(join(staging, 'manifest.json'), `${JSON.stringify({ product: 'devforge', version: VERSION, key_id: TEST_KEY_ID }, null, 2)}\n`);
  const bundle = join(dir, 'b.tar');
  const made = await exec(ASSEMBLE, [staging, bundle, '--test-key']);
  t.is(made.code, 0, made.stderr);
  // The copy of verify.sh inside the bundle checks with the keys beside it, as an installed appliance does.
  const inner = await exec(join(staging, 'installer/verify.sh'), [bundle, '--accept-test-key']);
  t.is(inner.code, 0, inner.stderr);
  t.regex(inner.stdout, /bundle OK: devforge 0\.1\.1/);
});
