// Data rights on S3 storage (s3rver started here, spoken to by the same minio client as any S3): the
// export reads each animation's files from the bucket and erasure removes them from it. With S3 down,
// the export is a 503 that says what to check (no half-made zip), and an
// erasure still deletes the account but says which storage prefixes are left to remove by hand.
import test from 'ava';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createApiKey } from '../../src/platform/domain/commands/api-keys.ts';
import { markCompleted } from '../../src/platform/domain/commands/animations/finish.ts';
import { outputKeys } from '../../src/platform/storage/create.ts';
import { call } from './helpers/http.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { S3_KEY, startTestS3, type TestS3 } from './helpers/s3.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

const run = promisify(execFile);

let pg: TestPostgres;
let s3: TestS3;
let server: TestServer;
let admin: string;
let work: string;

test.before(async () => {
  pg = await startTestPostgres();
  s3 = await startTestS3();
  server = await startTestServer({
    databaseUrl: pg.url,
    overrides: { server: { role: 'api' }, storage: { driver: 's3', s3: { endpoint: s3.endpoint, bucket: 'devforge-rights', accessKey: S3_KEY, secretKey: S3_KEY } } },
  });
  admin = await server.key('admin');
  work = await mkdtemp(join(tmpdir(), 'devforge-data-rights-s3-'));
});

test.after.always(async () => {
  await server?.stop();
  await s3?.destroy();
  await pg?.destroy();
  if (work) await rm(work, { recursive: true, force: true });
});

/** An editor with one animation finished the way the worker finishes one, its files in the bucket. */
async function editorWithAnimation(): Promise<{ id: string; key: string; animation: string; bytes: Buffer }> {
  const email = `s3.${randomUUID().slice(0, 6)}@example.test`;
  const id = (await call(server.url, 'POST', '/api/v1/users', { key: admin, body: { email, name: 'S3 Person', role: 'editor', password: 'a long enough password' } })).json.id as string;
  const { key } = await createApiKey(server.platform.db, { userId: id, role: 'editor', via: 'session' }, { name: 'k' });
  const generated = await call(server.url, 'POST', '/api/v1/animations/generate', { key, body: { description: 'Demonstrate bubble sort on 5 3 8 1', quality: '720p', duration: 2 } });
  if (generated.status !== 202) throw new Error(generated.text);
  const animation = generated.json.id as string;
  const bytes = Buffer.from(`not really a video ${randomUUID()}`);
  const file = join(work, `${animation}.bin`);
  await writeFile(file, bytes);
  const s = server.platform.services;
  const k = outputKeys(animation);
  const stored = await Promise.all([s.storage.putFile(k.video, file, 'video/mp4'), s.storage.putFile(k.poster, file, 'image/png'), s.storage.putFile(k.captions, file, 'text/vtt')]);
  const outputs = {
    video: { key: k.video, bytes: stored[0].size },
    poster: { key: k.poster, bytes: stored[1].size },
    captions: { key: k.captions, bytes: stored[2].size },
    frames: 1,
    duration_s: 1,
    width: 320,
    height: 240,
    fps: 1,
    encoder: 'libx264',
    render_s: 1,
  };
  await markCompleted(s, { id: animation, ownerId: id, generation: 1 }, outputs, { quality: '720p', frames: 1, durationS: 1, renderS: 1, worker: 'test', gpu: 'cpu' });
  return { id, key, animation, bytes };
}

test.serial('the export reads the files from the bucket; erasure removes them from it', async (t) => {
  const person = await editorWithAnimation();
  const res = await fetch(`${server.url}/api/v1/users/${person.id}/export`, { headers: { authorization: `Bearer ${admin}` } });
  t.is(res.status, 200);
  const zip = join(work, 'export.zip');
  await writeFile(zip, Buffer.from(await res.arrayBuffer()));
  await run('unzip', ['-tq', zip]);
  const video = (await run('unzip', ['-p', zip, `animations/${person.animation}/video.mp4`], { encoding: 'buffer' })).stdout;
  t.true(video.equals(person.bytes), 'the bucket object, byte for byte');

  const r = await call(server.url, 'DELETE', `/api/v1/users/${person.id}?animations=delete`, { key: admin });
  t.is(r.status, 200, r.text);
  t.deepEqual(r.json.files_not_removed, []);
  for (const key of [outputKeys(person.animation).video, outputKeys(person.animation).poster, outputKeys(person.animation).captions]) {
    t.is(await server.platform.services.storage.stat(key), undefined, `${key} removed from the bucket`);
  }
});

test.serial('S3 down: the export is a 503 saying what to check, and erasure names the files it could not remove', async (t) => {
  const person = await editorWithAnimation();
  await s3.stop();
  try {
    const r = await call(server.url, 'GET', `/api/v1/users/${person.id}/export`, { key: admin });
    t.is(r.status, 503);
    t.is(r.headers.get('content-type'), 'application/problem+json');
    t.regex(r.json.detail, /the export could not be packed: object storage does not answer; check that it is reachable/);
    t.notRegex(r.json.detail, /ECONNREFUSED|127\.0\.0\.1/, 'the storage address stays in the log');
    t.truthy(r.headers.get('retry-after'));

    const erased = await call(server.url, 'DELETE', `/api/v1/users/${person.id}?animations=delete`, { key: admin });
    t.is(erased.status, 200, erased.text);
    t.deepEqual(erased.json.files_not_removed, [outputKeys(person.animation).prefix]);
    t.is((await call(server.url, 'GET', '/api/v1/me', { key: person.key })).status, 401, 'the account is gone all the same');
    t.true(
      server.logs.some((line) => line.includes(outputKeys(person.animation).prefix)),
      'the prefix left behind is logged',
    );
  } finally {
    await s3.start();
  }
});
