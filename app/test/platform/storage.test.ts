// Both storage drivers against the same contract: the local disk driver, and the S3 driver against
// s3rver started here (bucket created at start, streamed uploads, ranges, presigned URLs, deletes).
import test from 'ava';
import type { ExecutionContext } from 'ava';
import { chmod, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { LocalStorage } from '../../src/platform/storage/local.ts';
import { S3Storage } from '../../src/platform/storage/s3.ts';
import { checkKey, type ObjectStorage } from '../../src/platform/storage/storage.ts';
import { S3_KEY, startTestS3, type TestS3 } from './helpers/s3.ts';

let s3: TestS3;
let dir: string;

test.before(async () => {
  s3 = await startTestS3();
  dir = await mkdtemp(join(tmpdir(), 'devforge-storage-'));
});

test.after.always(async () => {
  await s3?.destroy();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function s3Storage(bucket: string, presignedDownloads = false): S3Storage {
  return new S3Storage({ endpoint: s3.endpoint, region: 'us-east-1', bucket, accessKey: S3_KEY, secretKey: S3_KEY, pathStyle: true, presignedDownloads, presignExpiryS: 60 });
}

async function contract(t: ExecutionContext, storage: ObjectStorage, name: string): Promise<void> {
  await storage.ensureReady();
  await storage.ensureReady();
  await storage.ping();
  const file = join(dir, `${name}.bin`);
  const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => i % 251));
  await writeFile(file, bytes);
  const info = await storage.putFile(`animations/${name}/video.mp4`, file, 'video/mp4');
  t.is(info.size, bytes.length);
  t.deepEqual(await readAll(await storage.read(`animations/${name}/video.mp4`)), bytes);
  t.deepEqual(await readAll(await storage.read(`animations/${name}/video.mp4`, { start: 1000, end: 1999 })), bytes.subarray(1000, 2000));
  // Writing the same key again replaces it (a retried render).
  await writeFile(file, 'second');
  t.is((await storage.putFile(`animations/${name}/video.mp4`, file, 'video/mp4')).size, 6);
  t.is((await readAll(await storage.read(`animations/${name}/video.mp4`))).toString(), 'second');
  await storage.putFile(`animations/${name}/poster.png`, file, 'image/png');
  t.is(await storage.stat(`animations/${name}/missing.vtt`), undefined);
  await storage.deletePrefix(`animations/${name}`);
  t.is(await storage.stat(`animations/${name}/video.mp4`), undefined);
  t.is(await storage.stat(`animations/${name}/poster.png`), undefined);
}

test('local driver', async (t) => {
  await contract(t, new LocalStorage(join(dir, 'objects')), 'local');
  t.is(await new LocalStorage(join(dir, 'objects')).downloadUrl(), undefined);
});

test('local driver: directories 0700 and files 0600 whatever the umask, and an old 0755 root is closed', async (t) => {
  const root = join(dir, 'private');
  await mkdir(root, { mode: 0o755 });
  await chmod(root, 0o755);
  const storage = new LocalStorage(root);
  const file = join(dir, 'modes.bin');
  await writeFile(file, 'video');
  const umask = process.umask(0o000);
  try {
    await storage.ensureReady();
    await storage.putFile('animations/a1/2/video.mp4', file, 'video/mp4');
  } finally {
    process.umask(umask);
  }
  const mode = async (path: string) => (await stat(path)).mode & 0o777;
  t.is(await mode(root), 0o700);
  for (const sub of ['animations', 'animations/a1', 'animations/a1/2']) t.is(await mode(join(root, sub)), 0o700, sub);
  t.is(await mode(join(root, 'animations/a1/2/video.mp4')), 0o600);
});

test('S3 driver against s3rver: bucket created, uploads, ranges, overwrite, deletes', async (t) => {
  await contract(t, s3Storage('devforge-test'), 's3');
});

test('S3 presigned download URLs work without credentials', async (t) => {
  const storage = s3Storage('devforge-presign', true);
  await storage.ensureReady();
  const file = join(dir, 'presign.txt');
  await writeFile(file, 'hello from s3');
  await storage.putFile('animations/p/captions.vtt', file, 'text/vtt');
  const url = await storage.downloadUrl('animations/p/captions.vtt', 'captions.vtt');
  t.truthy(url);
  t.regex(url!, /X-Amz-Signature=/);
  const res = await fetch(url!);
  t.is(res.status, 200);
  t.is(await res.text(), 'hello from s3');
});

test('S3 unreachable: ping and uploads fail with the reason', async (t) => {
  const storage = new S3Storage({ endpoint: 'http://127.0.0.1:9', region: 'us-east-1', bucket: 'devforge', accessKey: S3_KEY, secretKey: S3_KEY, pathStyle: true, presignedDownloads: false, presignExpiryS: 60 });
  const err = await t.throwsAsync(storage.ping());
  t.regex(String(err?.message || (err as unknown as { code: string }).code), /ECONNREFUSED/);
});

test('keys cannot climb out of the store', (t) => {
  for (const key of ['../etc/passwd', 'a/../../b', '/abs', 'a//b', 'a/./b', '']) t.throws(() => checkKey(key), undefined, key);
  t.is(checkKey('animations/x/video.mp4'), 'animations/x/video.mp4');
});
