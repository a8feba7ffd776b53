// The worker renders with the voice the scene asks for: a whole generate on a real server (API + worker, real
// Chromium, ffmpeg, espeak-ng and Postgres), the MP4 downloaded and read back with ffprobe.
import test from 'ava';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { call, followEvents } from '../platform/helpers/http.ts';
import { startTestPostgres, type TestPostgres } from '../platform/helpers/postgres.ts';
import { startTestServer, type TestServer } from '../platform/helpers/server.ts';

const run = promisify(execFile);
let pg: TestPostgres;
let server: TestServer;
let dir: string;

test.before(async () => {
  pg = await startTestPostgres();
  server = await startTestServer({ databaseUrl: pg.url });
  dir = await mkdtemp(join(tmpdir(), 'devforge-voice-flow-'));
});

test.after.always(async () => {
  await server?.stop();
  await pg?.destroy();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('an animation generated with a voice is rendered with an AAC narration track', async (t) => {
  const key = await server.key('editor');
  const generated = await call(server.url, 'POST', '/api/v1/animations/generate', { key, body: { description: 'Demonstrate bubble sort on 5 3 8 1', quality: '720p', duration: 3, voice: 'en-us' } });
  t.is(generated.status, 202, generated.text);
  const id = generated.json.id as string;
  const events = await followEvents(server.url, id, key);
  t.is(events.at(-1)!.data.status, 'completed', JSON.stringify(events.at(-1)!.data));
  const video = await fetch(`${server.url}/api/v1/animations/${id}/video`, { headers: { authorization: `Bearer ${key}` } });
  t.is(video.status, 200);
  const file = join(dir, 'voiced.mp4');
  await writeFile(file, Buffer.from(await video.arrayBuffer()));
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name', '-of', 'csv=p=0', file]);
  t.deepEqual(stdout.trim().split('\n'), ['h264,video', 'aac,audio']);
});
