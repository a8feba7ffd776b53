// The voice on the API: GET /voices, the generate body's `voice` (default off; an unknown name is a 422 listing the
// voices; a known one reaches the stored scene). An API-only server on real Postgres: nothing here renders.
import test from 'ava';
import { parseWav, pcmSeconds } from '../../src/voice/wav.ts';
import { call } from '../platform/helpers/http.ts';
import { startTestPostgres, type TestPostgres } from '../platform/helpers/postgres.ts';
import { startTestServer, type TestServer } from '../platform/helpers/server.ts';

let pg: TestPostgres;
let server: TestServer;
let key: string;
const GENERATE = '/api/v1/animations/generate';
const ok = { description: 'Demonstrate bubble sort on 5 3 8 1', quality: '720p', duration: 2 };

test.before(async () => {
  pg = await startTestPostgres();
  server = await startTestServer({ databaseUrl: pg.url, overrides: { server: { role: 'api' } } });
  key = await server.key('admin');
});

test.after.always(async () => {
  await server?.stop();
  await pg?.destroy();
});

test('GET /voices lists the names the voice field takes', async (t) => {
  const r = await call(server.url, 'GET', '/api/v1/voices', { key });
  t.is(r.status, 200);
  const names = (r.json.voices as { name: string }[]).map((v) => v.name);
  t.true(names.includes('en-us') && names.includes('en-gb'));
  t.is(r.json.unavailable, undefined);
});

test('an unknown voice is a 422 unknown-voice problem that lists the voices', async (t) => {
  const r = await call(server.url, 'POST', GENERATE, { key, body: { ...ok, voice: 'klingon' } });
  t.is(r.status, 422);
  t.is(r.headers.get('content-type'), 'application/problem+json');
  t.is(r.json.type, 'urn:devforge:problem:unknown-voice');
  t.regex(r.json.detail, /unknown voice "klingon": use "off" or one of .*en-us/);
  t.true((r.json.available as string[]).includes('en-gb'));
});

test('a known voice is carried into the stored scene; off (the default) leaves it out', async (t) => {
  const voiced = await call(server.url, 'POST', GENERATE, { key, body: { ...ok, voice: 'en-gb' } });
  t.is(voiced.status, 202, voiced.text);
  const scene = await call(server.url, 'GET', `/api/v1/animations/${voiced.json.id}/scene`, { key });
  t.is(scene.status, 200, scene.text);
  t.deepEqual(scene.json.voice, { name: 'en-gb' });

  for (const body of [ok, { ...ok, voice: 'off' }]) {
    const plain = await call(server.url, 'POST', GENERATE, { key, body });
    t.is(plain.status, 202, plain.text);
    const s = await call(server.url, 'GET', `/api/v1/animations/${plain.json.id}/scene`, { key });
    t.false('voice' in s.json);
  }
});

test('the preview with a voice is paced for its speech, and its narration is a WAV exactly as long as that scene', async (t) => {
  const body = { description: 'Demonstrate bubble sort on 5 3 8 1', voice: 'en-us' };
  const silent = await call(server.url, 'POST', '/api/v1/scenes/preview', { key, body: { description: body.description } });
  const voiced = await call(server.url, 'POST', '/api/v1/scenes/preview', { key, body });
  t.is(voiced.status, 200, voiced.text);
  t.deepEqual(voiced.json.scene.voice, { name: 'en-us' });
  t.true((voiced.json.scene.duration as number) >= (silent.json.scene.duration as number), 'speech only lengthens steps');

  const res = await fetch(`${server.url}/api/v1/scenes/preview/narration`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  t.is(res.status, 200);
  t.is(res.headers.get('content-type'), 'audio/wav');
  const pcm = parseWav(Buffer.from(await res.arrayBuffer()));
  const scene = voiced.json.scene as { duration: number; fps: number };
  t.true(Math.abs(pcmSeconds(pcm) - Math.round(scene.duration * scene.fps) / scene.fps) < 0.05, `track ${pcmSeconds(pcm)} s, scene ${scene.duration} s`);
  t.true(
    pcm.samples.some((v) => Math.abs(v) > 1000),
    'the track has speech in it',
  );
});

test('a narration asked for without a voice, or with an unknown one, is a 422 that says which', async (t) => {
  const none = await call(server.url, 'POST', '/api/v1/scenes/preview/narration', { key, body: { description: 'Demonstrate bubble sort on 5 3 8 1' } });
  t.is(none.status, 422);
  t.regex(none.json.detail, /body\.voice: a narration track needs a voice/);
  const unknown = await call(server.url, 'POST', '/api/v1/scenes/preview/narration', { key, body: { description: 'Demonstrate bubble sort on 5 3 8 1', voice: 'klingon' } });
  t.is(unknown.json.type, 'urn:devforge:problem:unknown-voice');
});
