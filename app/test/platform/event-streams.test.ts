// Event streams are capped per principal and per process (429 problem+json before the stream opens), give
// everything back when the client goes away (the devforge_event_streams gauge returns to 0 and the caps free
// up). event-stream-rereads.test.ts checks that they share their database re-reads.
import test from 'ava';
import { call, callUntil, type Reply } from './helpers/http.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

let pg: TestPostgres;
let server: TestServer;
let admin: string;
let animationId: string;
const ok = { description: 'Demonstrate bubble sort on 5 3 8 1', quality: '720p', duration: 2 };

test.before(async () => {
  pg = await startTestPostgres();
  // An API-only server: nothing renders, so the animation stays queued and its streams stay open.
  server = await startTestServer({ databaseUrl: pg.url, env: { DEVFORGE_STREAMS_PER_PRINCIPAL: '3', DEVFORGE_STREAMS_TOTAL: '8' }, overrides: { server: { role: 'api' } } });
  admin = await server.key('admin');
  const made = await call(server.url, 'POST', '/api/v1/animations/generate', { key: admin, body: ok });
  if (made.status !== 202) throw new Error(made.text);
  animationId = made.json.id;
});

test.after.always(async () => {
  await server?.stop();
  await pg?.destroy();
});

interface OpenStream {
  status: number;
  reply?: Reply;
  abort(): void;
}

/** Opens a stream and waits for its first event (or reads the refusal). */
async function open(key: string): Promise<OpenStream> {
  const controller = new AbortController();
  const res = await fetch(`${server.url}/api/v1/animations/${animationId}/events`, { headers: { authorization: `Bearer ${key}` }, signal: controller.signal });
  if (res.status !== 200) {
    const text = await res.text();
    return { status: res.status, reply: { status: res.status, headers: res.headers, text, json: JSON.parse(text) }, abort: () => {} };
  }
  const reader = res.body!.getReader();
  const first = new TextDecoder().decode((await reader.read()).value);
  if (!first.startsWith('event: status')) throw new Error(`unexpected first event: ${first}`);
  return { status: 200, abort: () => controller.abort() };
}

async function openStreams(): Promise<number> {
  const text = (await call(server.url, 'GET', '/metrics', { key: admin })).text;
  const line = text.split('\n').find((l) => l.startsWith('devforge_event_streams '));
  return Number(line?.split(' ')[1]);
}

test.serial('streams are capped per key and per process with 429 before opening, and closing them gives everything back', async (t) => {
  const [a, b, c] = [await server.key('viewer'), await server.key('viewer'), await server.key('viewer')];
  const streams: OpenStream[] = [];
  for (let i = 0; i < 3; i++) streams.push(await open(a));
  t.true(streams.every((s) => s.status === 200));

  const fourth = await open(a);
  t.is(fourth.status, 429);
  t.is(fourth.reply!.headers.get('content-type'), 'application/problem+json');
  t.is(fourth.reply!.json.type, 'urn:devforge:problem:too-many-streams');
  t.regex(fourth.reply!.json.detail, /this API key already has 3 event streams open.*limits\.streamsPerPrincipal/);
  t.truthy(fourth.reply!.headers.get('retry-after'));

  for (let i = 0; i < 3; i++) streams.push(await open(b));
  for (let i = 0; i < 2; i++) streams.push(await open(c));
  t.true(streams.every((s) => s.status === 200));
  t.is(await openStreams(), 8);
  const overTotal = await open(c);
  t.is(overTotal.status, 429);
  t.regex(overTotal.reply!.json.detail, /this server already has 8 event streams open.*limits\.streamsTotal/);

  // A refused or failed stream holds no slot: one for an animation that does not exist is 404 and frees its place.
  for (const s of streams) s.abort();
  const gauge = await callUntil(server.url, 'GET', '/metrics', { key: admin }, (r) => /^devforge_event_streams 0$/m.test(r.text));
  t.regex(gauge.text, /^devforge_event_streams 0$/m, 'every closed stream gave its slot back');
  const missing = await fetch(`${server.url}/api/v1/animations/00000000-0000-4000-8000-000000000000/events`, { headers: { authorization: `Bearer ${a}` } });
  t.is(missing.status, 404);
  t.is(await openStreams(), 0);

  // The caps are free again, opened and closed a second time over.
  const again: OpenStream[] = [];
  for (let i = 0; i < 3; i++) again.push(await open(a));
  t.true(again.every((s) => s.status === 200));
  for (const s of again) s.abort();
  await callUntil(server.url, 'GET', '/metrics', { key: admin }, (r) => /^devforge_event_streams 0$/m.test(r.text));
  t.is(await openStreams(), 0);
});
