// Long renders split across workers, with two (then three) worker processes on real Postgres: a render long enough
// (render.splitMinS set low here) is split into one segment per free worker, each rendered by a different worker;
// progress is the sum of the segments; a segment whose worker is killed is retried alone; cancelling the render
// cancels its segments; the temporary segment files are gone once it is over.
import test from 'ava';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { call, followEvents, type SseEvent } from './helpers/http.ts';
import { ACCEPT_TEST_LICENSES } from './helpers/license.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { spawnWorker, type WorkerProcess } from './helpers/worker-process.ts';

const run = promisify(execFile);
let pg: TestPostgres;
let api: TestServer;
const workers: WorkerProcess[] = [];
let env: Record<string, string>;

interface SegmentRow {
  index: number;
  start_frame: number;
  end_frame: number;
  total_frames: number;
  frames_done: number;
  status: string;
  worker: string;
  attempts: number;
  job_id: string;
}

const query = <T>(text: string, params: unknown[]) => api.platform.db.query(text, params) as Promise<T[]>;
const segments = (id: string) => query<SegmentRow>('SELECT * FROM render_segments WHERE animation_id = $1 ORDER BY index', [id]);

/** Starts a worker and waits until it holds a render seat (so the next render counts it as free). */
async function startWorker(): Promise<WorkerProcess> {
  const w = spawnWorker(env);
  workers.push(w);
  const pid = String(w.child.pid);
  for (let i = 0; i < 600; i++) {
    const seated = await query<{ worker: string }>(`SELECT worker FROM render_worker_seats WHERE seated_since IS NOT NULL AND lease_until >= now() AND worker LIKE '%:' || $1`, [pid]);
    if (seated.length && /render[s]? at a time/.test(w.output())) return w;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the worker did not take a seat:\n${w.output()}`);
}

async function generate(description: string): Promise<{ id: string; key: string }> {
  const key = await api.key('editor');
  const made = await call(api.url, 'POST', '/api/v1/animations/generate', { key, body: { description, quality: '720p', duration: 8 } });
  if (made.status !== 202) throw new Error(made.text);
  return { id: made.json.id as string, key };
}

const progressOf = (events: SseEvent[]) => events.filter((e) => e.event === 'progress').map((e) => e.data.progress as number);
const objects = (id: string) => readdir(join(api.config.data.dir, 'objects', 'animations', id)).catch(() => [] as string[]);

test.before(async () => {
  pg = await startTestPostgres();
  api = await startTestServer({ databaseUrl: pg.url, overrides: { server: { role: 'api' }, ...ACCEPT_TEST_LICENSES } });
  env = {
    DEVFORGE_DATABASE_URL: pg.url,
    DEVFORGE_DATA_DIR: api.config.data.dir,
    DEVFORGE_MASTER_KEY_FILE: api.config.secrets.masterKeyFile,
    DEVFORGE_LICENSE_ACCEPT_TEST: 'true',
    // Any render of a second or more is split, on a keyframe every second.
    DEVFORGE_RENDER_SPLIT_MIN_S: '1',
    DEVFORGE_RENDER_SPLIT_GOP_S: '1',
  };
  await startWorker();
  await startWorker();
});

test.after.always(async () => {
  for (const w of workers) w.killGroup('SIGKILL');
  await api?.stop();
  await pg?.destroy();
});

test.serial('two free workers: the render is split in two, each segment on its own worker, progress the sum of both', async (t) => {
  const { id, key } = await generate('Demonstrate bubble sort on 5 3 8 1');
  const events = await followEvents(api.url, id, key);
  const final = events.at(-1)!.data;
  t.is(final.status, 'completed', `${JSON.stringify(final)}\n${workers.map((w) => w.output()).join('\n')}`);
  const rows = await segments(id);
  t.is(rows.length, 2);
  t.not(rows[0]!.worker, rows[1]!.worker, 'rendered by two different workers');
  t.deepEqual(
    rows.map((r) => [r.status, r.attempts]),
    [
      ['done', 1],
      ['done', 1],
    ],
  );
  // The segments cover the frames once each, in order, from a keyframe (a whole second at 30 fps).
  t.is(rows[0]!.start_frame, 0);
  t.is(rows[0]!.end_frame, rows[1]!.start_frame);
  t.is(rows[1]!.start_frame % 30, 0);
  t.is(rows[1]!.end_frame, rows[0]!.total_frames);
  t.is(
    rows.reduce((n, r) => n + r.frames_done, 0),
    final.outputs.frames,
    'the frames done add up to the whole',
  );
  const progress = progressOf(events).filter((p) => p > 0 && p < 1);
  t.true(progress.length >= 2, `progress was reported while rendering: ${progress.join(', ')}`);
  t.deepEqual(
    progress,
    [...progress].sort((a, b) => a - b),
    'progress only grows',
  );
  t.true(
    progress.some((p) => p > 0.95 / 2 + 0.01 || p < 0.95 / 2 - 0.01),
    'progress is not one segment alone',
  );

  const video = join(api.config.data.dir, 'objects', 'animations', id, 'video.mp4');
  const { stdout } = await run('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames', '-of', 'csv=p=0', video]);
  t.is(Number(stdout.trim()), final.outputs.frames, 'the joined video has every frame');
  t.deepEqual((await objects(id)).sort(), ['captions.vtt', 'poster.png', 'video.mp4'], 'the segment files are gone');
  const usage = await query<{ n: number }>('SELECT count(*)::int AS n FROM usage_events WHERE animation_id = $1', [id]);
  t.is(usage[0]!.n, 1);
});

test.serial('a worker killed mid-segment: only its segment is rendered again, and the render completes', async (t) => {
  const { id, key } = await generate('Demonstrate bubble sort on 6 2 9 4 1');
  let killed: WorkerProcess | undefined;
  let replacement: Promise<WorkerProcess> | undefined;
  const events = await followEvents(api.url, id, key, (e) => {
    if (killed || e.event !== 'progress' || !(e.data.progress > 0.1)) return;
    // The worker rendering segment 1 (the first worker may hold segment 0 or 1: whichever, kill one of them).
    killed = workers.at(-1)!;
    killed.killGroup('SIGKILL');
    replacement = startWorker();
  });
  t.truthy(killed, 'a worker was killed mid-render');
  await replacement;
  const final = events.at(-1)!.data;
  t.is(final.status, 'completed', `${JSON.stringify(final)}\n${workers.map((w) => w.output()).join('\n')}`);
  const rows = await segments(id);
  t.deepEqual(rows.map((r) => r.attempts).sort(), [1, 2], 'the lost segment was rendered twice, the other once');
  t.true(
    rows.every((r) => r.status === 'done'),
    JSON.stringify(rows),
  );
  const usage = await query<{ n: number }>('SELECT count(*)::int AS n FROM usage_events WHERE animation_id = $1', [id]);
  t.is(usage[0]!.n, 1);
  t.deepEqual((await objects(id)).sort(), ['captions.vtt', 'poster.png', 'video.mp4']);
});

test.serial('cancelling a split render cancels its segments', async (t) => {
  const { id, key } = await generate('Demonstrate bubble sort on 7 3 5 1 8');
  let cancelled = false;
  const events = await followEvents(api.url, id, key, (e) => {
    if (cancelled || e.event !== 'progress' || !(e.data.progress > 0)) return;
    cancelled = true;
    void call(api.url, 'POST', `/api/v1/animations/${id}/cancel`, { key });
  });
  t.true(cancelled);
  t.is(events.at(-1)!.data.status, 'cancelled');
  const rows = await segments(id);
  t.is(rows.length, 2);
  // Every segment's job ends: cancelled by the cancel, or ended by its worker noticing it; none queued or running.
  let states: string[] = [];
  for (let i = 0; i < 300; i++) {
    states = (await query<{ state: string }>('SELECT state FROM pgboss.job WHERE id = ANY($1::uuid[])', [rows.map((r) => r.job_id)])).map((r) => r.state);
    if (states.length === 2 && states.every((s) => s === 'cancelled' || s === 'completed')) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  t.deepEqual(states.sort(), ['cancelled', 'cancelled']);
  t.false(
    rows.every((r) => r.status === 'done'),
    'it was cancelled before its segments were done',
  );
  for (let i = 0; i < 100 && existsSync(join(api.config.data.dir, 'objects', 'animations', id, 'segments-g1')); i++) await new Promise((r) => setTimeout(r, 100));
  t.false(existsSync(join(api.config.data.dir, 'objects', 'animations', id, 'segments-g1')), 'no segment file is left');
});
