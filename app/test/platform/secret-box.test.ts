// The secret box (AES-256-GCM with a key id prefix) and the master key file format: a round trip, a
// fresh IV every time, tampering and a wrong row (context) refused, an unknown key named, and the
// key file read back exactly as written, mode 0600 whatever the umask.
import test from 'ava';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newMasterKey, readMasterKeys, writeMasterKeys } from '../../src/platform/secrets/master-key-file.ts';
import { isSealed, masterKeyId, SecretBox, sealedKeyId } from '../../src/platform/secrets/secret-box.ts';

test('seal and open round-trip; every seal uses a fresh IV; the value names its key', (t) => {
  const key = newMasterKey();
  const box = new SecretBox([key]);
  const a = box.seal('hunter2 ✓', 'users.webhook_secret:1');
  const b = box.seal('hunter2 ✓', 'users.webhook_secret:1');
  t.not(a, b, 'two seals of one value differ (random IV)');
  t.true(isSealed(a));
  t.false(a.includes('hunter2'));
  t.is(sealedKeyId(a), masterKeyId(key));
  t.is(box.open(a, 'users.webhook_secret:1'), 'hunter2 ✓');
  t.is(box.open(b, 'users.webhook_secret:1'), 'hunter2 ✓');
});

test('a changed value, a value moved to another row, and an unknown key are refused with what went wrong', (t) => {
  const box = new SecretBox([newMasterKey()]);
  const sealed = box.seal('secret', 'users.webhook_secret:1');
  const data = Buffer.from(sealed.split(':')[2]!, 'base64url');
  data[14] = data[14]! ^ 1;
  const tampered = `${sealed.split(':').slice(0, 2).join(':')}:${data.toString('base64url')}`;
  t.throws(() => box.open(tampered, 'users.webhook_secret:1'), { message: /was changed, or belongs to another row/ });
  t.throws(() => box.open(sealed, 'users.webhook_secret:2'), { message: /was changed, or belongs to another row/ });
  const other = new SecretBox([newMasterKey()]);
  t.throws(() => other.open(sealed, 'users.webhook_secret:1'), { message: new RegExp(`master key ${sealedKeyId(sealed)}, which the master key file does not hold`) });
  t.throws(() => box.open('plaintext', 'users.webhook_secret:1'), { message: /not a sealed secret/ });
  t.throws(() => new SecretBox([Buffer.alloc(16)]), { message: /32 bytes, not 16/ });
});

test('during a rotation the new key seals and the old one still opens', (t) => {
  const old = newMasterKey();
  const sealedOld = new SecretBox([old]).seal('s', 'c');
  const fresh = newMasterKey();
  const both = new SecretBox([fresh, old]);
  t.is(both.open(sealedOld, 'c'), 's');
  t.true(both.isStale(sealedOld));
  t.is(sealedKeyId(both.seal('s', 'c')), masterKeyId(fresh));
});

test('the key file: 0600 whatever the umask, read back in order, comments allowed, a bad line named', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'devforge-key-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, 'sub', 'master.key');
  const keys = [newMasterKey(), newMasterKey()];
  const umask = process.umask(0o000);
  try {
    await writeMasterKeys(path, keys);
  } finally {
    process.umask(umask);
  }
  t.is((await stat(path)).mode & 0o777, 0o600);
  t.deepEqual(await readMasterKeys(path), keys);
  t.is(await readMasterKeys(join(dir, 'absent')), undefined);
  // `openssl rand -base64 32` output is a valid one-key file.
  await writeFile(join(dir, 'openssl'), `${keys[0]!.toString('base64')}\n`);
  t.deepEqual(await readMasterKeys(join(dir, 'openssl')), [keys[0]]);
  await writeFile(join(dir, 'bad'), '# mine\nnot a key\n');
  await t.throwsAsync(readMasterKeys(join(dir, 'bad')), { message: /line 2: not a base64 32-byte key/ });
  await writeFile(join(dir, 'empty'), '# nothing\n');
  await t.throwsAsync(readMasterKeys(join(dir, 'empty')), { message: /holds no key/ });
  t.false((await readFile(path, 'utf8')).includes('undefined'));
  // Where it cannot be written (a read-only secret mount), the error says how to provide one.
  await writeFile(join(dir, 'a-file'), '');
  await t.throwsAsync(writeMasterKeys(join(dir, 'a-file', 'master.key'), keys), { message: /cannot write the master key file .*make the file yourself with `openssl rand -base64 32`/ });
});
