// SIGKILL of a worker in the middle of a render: the job comes back after the heartbeat times out,
// another worker finishes it, and it completes exactly once: one set of output files, one usage event.
// SIGTERM: the worker stops taking jobs; a render that does not finish within the grace period is
// handed back to the queue and finished by another worker.
import test from 'ava';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { call, followEvents } from './helpers/http.ts';
import { ACCEPT_TEST_LICENSES, issueLicense, putLicense } from './helpers/license.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { spawnWorker, type WorkerProcess } from './helpers/worker-process.ts';

let pg: TestPostgres;
let api: TestServer;
const workers: WorkerProcess[] = [];

test.before(async () => {
  pg = await startTestPostgres();
  api = await startTestServer({ databaseUrl: pg.url, overrides: { server: { role: 'api' }, ...ACCEPT_TEST_LICENSES } });
  // The SIGTERM case renders at 1080p (for a render long enough to interrupt): above Free, so a Professional test license.
  const installed = await putLicense(api.url, await api.key('admin'), await issueLicense({ tier: 'professional' }));
  if (installed.status !== 200) throw new Error(`installing the test license: ${installed.text}`);
});

test.after.always(async () => {
  for (const w of workers) w.killGroup('SIGKILL');
  await api?.stop();
  await pg?.destroy();
});

test.serial('a worker killed mid-render: retried, completed once, one output, one usage event', async (t) => {
  const env = { DEVFORGE_DATABASE_URL: pg.url, DEVFORGE_DATA_DIR: api.config.data.dir, DEVFORGE_MASTER_KEY_FILE: api.config.secrets.masterKeyFile, DEVFORGE_LICENSE_ACCEPT_TEST: 'true' };
  const first = spawnWorker(env);
  workers.push(first);
  const key = await api.key('editor');
  // Long enough to be caught mid-render: progress is reported about once a second.
  const made = await call(api.url, 'POST', '/api/v1/animations/generate', { key, body: { description: 'Demonstrate bubble sort on 6 2 9 4 1', quality: '720p', duration: 8 } });
  t.is(made.status, 202);
  const id = made.json.id as string;

  let killedAt = -1;
  let second: WorkerProcess | undefined;
  const events = await followEvents(api.url, id, key, (e) => {
    if (killedAt < 0 && e.event === 'progress' && e.data.progress > 0.1) {
      killedAt = e.data.progress;
      first.killGroup('SIGKILL');
      second = spawnWorker(env);
      workers.push(second);
    }
  });
  t.true(killedAt > 0, 'the first worker was killed while rendering');
  t.is(await first.exited, null, 'it died by the signal');
  const final = events.at(-1)!.data;
  t.is(final.status, 'completed', `${JSON.stringify(final)}\n${second?.output()}`);
  t.is(final.attempts, 2, 'the second attempt finished it');

  const usage = await api.platform.db.query('SELECT count(*)::int AS n FROM usage_events WHERE animation_id = $1', [id]);
  t.is(usage[0].n, 1);
  const files = await readdir(join(api.config.data.dir, 'objects', 'animations', id));
  t.deepEqual(files.sort(), ['captions.vtt', 'poster.png', 'video.mp4']);
  const video = await fetch(`${api.url}/api/v1/animations/${id}/video`, { headers: { authorization: `Bearer ${key}` } });
  t.is(video.status, 200);
  t.is(Number(video.headers.get('content-length')), final.outputs.video_bytes);

  second!.killGroup('SIGTERM');
  t.is(await second!.exited, 0, `a SIGTERM stops the worker cleanly\n${second!.output()}`);
  t.regex(second!.output(), /SIGTERM received[\s\S]*stopped/);
});

test.serial('SIGTERM mid-render, grace period too short: the render is handed back and finished elsewhere', async (t) => {
  const env = { DEVFORGE_DATABASE_URL: pg.url, DEVFORGE_DATA_DIR: api.config.data.dir, DEVFORGE_MASTER_KEY_FILE: api.config.secrets.masterKeyFile, DEVFORGE_LICENSE_ACCEPT_TEST: 'true' };
  const first = spawnWorker({ ...env, DEVFORGE_SHUTDOWN_GRACE_S: '1' });
  workers.push(first);
  const key = await api.key('editor');
  // Long enough that what is left after 10% takes well over the 1 s grace period.
  const made = await call(api.url, 'POST', '/api/v1/animations/generate', { key, body: { description: 'Demonstrate bubble sort on 7 3 5 1 8', quality: '1080p', duration: 10 } });
  const id = made.json.id as string;
  let stopped = false;
  let second: WorkerProcess | undefined;
  const events = await followEvents(api.url, id, key, (e) => {
    if (!stopped && e.event === 'progress' && e.data.progress > 0.1) {
      stopped = true;
      first.child.kill('SIGTERM');
      void first.exited.then(() => {
        second = spawnWorker(env);
        workers.push(second);
      });
    }
  });
  t.true(stopped);
  t.is(await first.exited, 0, `the stopped worker exits cleanly\n${first.output()}`);
  t.regex(first.output(), /handed back to the queue/);
  t.true(
    events.some((e) => e.data.status === 'queued' && /handed back/.test(e.data.error ?? '')),
    'the hand-back was visible on the stream',
  );
  const final = events.at(-1)!.data;
  t.is(final.status, 'completed', `${JSON.stringify(final)}\n${second?.output()}`);
  t.is(final.attempts, 2);
  const usage = await api.platform.db.query('SELECT count(*)::int AS n FROM usage_events WHERE animation_id = $1', [id]);
  t.is(usage[0].n, 1);
  second!.killGroup('SIGTERM');
  t.is(await second!.exited, 0);
});
