// The platform on S3 storage (s3rver started here): renders land in the bucket and downloads redirect
// to presigned URLs. With S3 unreachable, renders retry, then fail with a clear error on the animation;
// once S3 is back, a re-render succeeds.
import test from 'ava';
import { call, followEvents } from './helpers/http.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { S3_KEY, startTestS3, type TestS3 } from './helpers/s3.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

let pg: TestPostgres;
let s3: TestS3;
let server: TestServer;

test.before(async () => {
  pg = await startTestPostgres();
  s3 = await startTestS3();
  server = await startTestServer({
    databaseUrl: pg.url,
    overrides: {
      storage: { driver: 's3', s3: { endpoint: s3.endpoint, bucket: 'devforge-outage', accessKey: S3_KEY, secretKey: S3_KEY, presignedDownloads: true } },
      worker: { renderRetryLimit: 1 },
    },
  });
});

test.after.always(async () => {
  await server?.stop();
  await s3?.destroy();
  await pg?.destroy();
});

const body = { description: 'Demonstrate bubble sort on 2 5 1', quality: '720p', duration: 1.5, fps: 24 };

test.serial('renders are stored in S3 and downloads redirect to a presigned URL', async (t) => {
  const key = await server.key('editor');
  const made = await call(server.url, 'POST', '/api/v1/animations/generate', { key, body });
  t.is((await followEvents(server.url, made.json.id, key)).at(-1)!.data.status, 'completed');
  const redirect = await call(server.url, 'GET', `/api/v1/animations/${made.json.id}/video`, { key });
  t.is(redirect.status, 302);
  const location = redirect.headers.get('location')!;
  t.true(location.startsWith(`${s3.endpoint}/devforge-outage/animations/${made.json.id}/video.mp4?`), location);
  const video = await fetch(location);
  t.is(video.status, 200);
  t.is((await video.arrayBuffer()).byteLength, (await call(server.url, 'GET', `/api/v1/animations/${made.json.id}`, { key })).json.outputs.video_bytes);
});

test.serial('S3 unreachable: the render is retried, then fails with a clear error; back up, a re-render works', async (t) => {
  const key = await server.key('editor');
  await s3.stop();
  const ready = await call(server.url, 'GET', '/readyz');
  t.is(ready.status, 503);
  t.false(ready.json.checks.storage.ok);
  const made = await call(server.url, 'POST', '/api/v1/animations/generate', { key, body });
  t.is(made.status, 202);
  const events = await followEvents(server.url, made.json.id, key);
  const final = events.at(-1)!.data;
  t.is(final.status, 'failed');
  t.is(final.attempts, 2, 'retried once (worker.renderRetryLimit = 1)');
  // The three files are stored at once: the error names whichever failed first.
  t.regex(final.error, /storing animations\/.*\/(video\.mp4|poster\.png|captions\.vtt) in s3 storage failed: .*ECONNREFUSED/);
  t.regex(final.error, /gave up after 2 attempts/);
  t.true(
    events.some((e) => e.data.status === 'queued' && /attempt 1 failed/.test(e.data.error ?? '')),
    'the retry was visible on the stream',
  );

  await s3.start();
  t.is((await call(server.url, 'GET', '/readyz')).status, 200);
  t.is((await call(server.url, 'POST', `/api/v1/animations/${made.json.id}/rerender`, { key })).status, 202);
  t.is((await followEvents(server.url, made.json.id, key)).at(-1)!.data.status, 'completed');
});
