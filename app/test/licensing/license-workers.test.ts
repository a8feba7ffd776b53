// The render_workers entitlement with real worker processes (`devforge serve --role worker`, each with its own
// Chromium) on one real Postgres, and a license issued by the vendor's real tool: with render_workers=1 the
// second worker takes no render job and says once in its log why and what lifts it; GET /api/v1/license shows
// the workers in use against the limit; when the seated worker stops, the waiting one takes its seat.
import test from 'ava';
import { call, callUntil, followEvents } from '../platform/helpers/http.ts';
import { ACCEPT_TEST_LICENSES, issueLicense, putLicense } from '../platform/helpers/license.ts';
import { startTestPostgres, type TestPostgres } from '../platform/helpers/postgres.ts';
import { startTestServer, type TestServer } from '../platform/helpers/server.ts';
import { spawnWorker, type WorkerProcess } from '../platform/helpers/worker-process.ts';

let pg: TestPostgres;
let api: TestServer;
let admin: string;
const workers: WorkerProcess[] = [];

test.before(async () => {
  pg = await startTestPostgres();
  api = await startTestServer({ databaseUrl: pg.url, overrides: { server: { role: 'api' }, ...ACCEPT_TEST_LICENSES } });
  admin = await api.key('admin');
  // A custom Enterprise deal: one render worker.
  const installed = await putLicense(api.url, admin, await issueLicense({ tier: 'enterprise', set: ['render_workers=1'] }));
  if (installed.status !== 200) throw new Error(`installing the test license: ${installed.text}`);
});

test.after.always(async () => {
  for (const w of workers) w.killGroup('SIGKILL');
  await api?.stop();
  await pg?.destroy();
});

function worker(name: string): WorkerProcess {
  const w = spawnWorker({
    DEVFORGE_DATABASE_URL: pg.url,
    DEVFORGE_DATA_DIR: api.config.data.dir,
    DEVFORGE_MASTER_KEY_FILE: api.config.secrets.masterKeyFile,
    DEVFORGE_LICENSE_ACCEPT_TEST: 'true',
    DEVFORGE_WORKER_NAME: name,
  });
  workers.push(w);
  return w;
}

/** Waits (without asserting how long) until the process has logged a line matching `re`, or has exited. */
async function logged(w: WorkerProcess, re: RegExp, timeoutMs = 120_000): Promise<boolean> {
  let exited = false;
  void w.exited.then(() => (exited = true));
  const until = Date.now() + timeoutMs;
  while (!re.test(w.output()) && !exited && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
  return re.test(w.output());
}

const license = async () => (await call(api.url, 'GET', '/api/v1/license', { key: admin })).json;

async function renderedBy(key: string): Promise<string> {
  const made = await call(api.url, 'POST', '/api/v1/animations/generate', { key, body: { description: 'Demonstrate bubble sort on 2 1', quality: '720p', duration: 1, fps: 24, captions: 'sidecar' } });
  if (made.status !== 202) throw new Error(`generate: ${made.status} ${made.text}`);
  const last = (await followEvents(api.url, made.json.id, key)).at(-1)!;
  if (last.data.status !== 'completed') throw new Error(`render: ${JSON.stringify(last.data)}`);
  const [row] = await api.platform.db.query(`SELECT worker FROM usage_events WHERE animation_id = $1 AND kind = 'render'`, [made.json.id]);
  return row.worker;
}

test.serial('render_workers=1: the second worker takes no render job and says why; the license shows 1 of 1 in use; it takes over when the first stops', async (t) => {
  const a = worker('render-a');
  t.true(await logged(a, /worker: 1 render at a time/), a.output());
  await callUntil(api.url, 'GET', '/api/v1/license', { key: admin }, (r) => r.json.workers?.includes('render-a'));
  const b = worker('render-b');
  t.true(await logged(b, /worker: 1 render at a time/), b.output());
  const waiting = /worker render-b: not taking render jobs: the Enterprise license allows 1 render worker and 1 is running \(render-a\); stop one of them, or install a license with render_workers 2 or more/;
  t.true(await logged(b, waiting), b.output());

  const status = await license();
  t.deepEqual(
    status.usage.find((u: { entitlement: string }) => u.entitlement === 'render_workers'),
    { entitlement: 'render_workers', limit: 1, used: 1 },
  );
  t.deepEqual(status.workers, ['render-a']);

  const key = await api.key('editor');
  for (let i = 0; i < 2; i++) t.is(await renderedBy(key), 'render-a', 'only the seated worker renders');
  t.is(b.output().match(/not taking render jobs/g)?.length, 1, 'the waiting worker said so once');

  // A clean stop gives the seat up; the waiting worker takes it at its next check.
  a.killGroup('SIGTERM');
  t.is(await a.exited, 0, a.output());
  t.true(await logged(b, /worker render-b: a render seat is free; taking render jobs/), b.output());
  t.is(await renderedBy(key), 'render-b');
  t.deepEqual((await license()).workers, ['render-b']);
  b.killGroup('SIGTERM');
  t.is(await b.exited, 0, b.output());
});
