// Admission control on a real API-only server (nothing renders, so what is accepted stays queued): a render
// that cannot finish within worker.maxRenderMinutes is refused before it is queued, high priority is for
// administrators, and one user's queued renders and processing batches are capped, parallel requests included.
import test from 'ava';
import { createApiKey } from '../../src/platform/domain/commands/api-keys.ts';
import { call, type Reply } from './helpers/http.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

let pg: TestPostgres;
let server: TestServer;
let admin: string;
const GENERATE = '/api/v1/animations/generate';
const BATCH = '/api/v1/animations/batch';
const ok = { description: 'Demonstrate bubble sort on 5 3 8 1', quality: '720p', duration: 2 };

test.before(async () => {
  pg = await startTestPostgres();
  // The caps as an operator would set them (the test helper otherwise lifts them out of reach).
  const env = { DEVFORGE_CONCURRENT_RENDERS_PER_USER: '4', DEVFORGE_CONCURRENT_BATCHES_PER_USER: '2' };
  server = await startTestServer({ databaseUrl: pg.url, env, overrides: { server: { role: 'api' } } });
  admin = await server.key('admin');
});

test.after.always(async () => {
  await server?.stop();
  await pg?.destroy();
});

function problemType(reply: Reply): string | undefined {
  return reply.json?.type?.replace('urn:devforge:problem:', '');
}

/** A new account with this role and an API key of its own (so its renders are counted apart). */
async function accountKey(email: string, role: 'editor' | 'admin'): Promise<string> {
  const made = await call(server.url, 'POST', '/api/v1/users', { key: admin, body: { email, role, password: 'a long enough passphrase 1' } });
  if (made.status !== 201) throw new Error(`creating ${email}: ${made.status} ${made.text}`);
  return (await createApiKey(server.platform.db, { userId: made.json.id, role, via: 'console' }, { name: email, role })).key;
}

test('4K × 600 s × 60 fps is refused with 422 saying the estimate, the cap and what to lower; nothing is queued', async (t) => {
  const key = await accountKey('big@example.com', 'editor');
  const r = await call(server.url, 'POST', GENERATE, { key, body: { ...ok, quality: '4k', fps: 60, duration: 600 } });
  t.is(r.status, 422, r.text);
  t.is(r.headers.get('content-type'), 'application/problem+json');
  t.is(problemType(r), 'render-too-long');
  t.regex(r.json.detail, /36000 frames/);
  t.regex(r.json.detail, /limits\.maxFramesPerRender/);
  t.regex(r.json.detail, /lower the duration to at most \d+ s/);
  t.is(r.json.frames, 36000);
  const list = await call(server.url, 'GET', '/api/v1/animations', { key });
  t.is(list.json.animations.length, 0);
});

test('a render within the frame cap but over worker.maxRenderMinutes is refused, naming both figures', async (t) => {
  const key = await accountKey('tardy@example.com', 'editor');
  // 4K at 30 fps for 300 s: 9000 frames, well inside maxFramesPerRender, but hours of rendering.
  const r = await call(server.url, 'POST', GENERATE, { key, body: { ...ok, quality: '4k', fps: 30, duration: 300 } });
  t.is(r.status, 422, r.text);
  t.is(problemType(r), 'render-too-long');
  t.regex(r.json.detail, /estimated to take \d+ minutes/);
  t.regex(r.json.detail, /at most 60 minutes \(worker\.maxRenderMinutes\)/);
  t.regex(r.json.detail, /quality to (1080p|720p)/);
  t.true(r.json.estimated_minutes > r.json.max_render_minutes);
  // What the message suggests is accepted.
  const shorter = await call(server.url, 'POST', GENERATE, { key, body: { ...ok, quality: '4k', fps: 30, duration: r.json.longest_duration_s } });
  t.not(shorter.status, 422, shorter.text);
});

test('a batch with one impossible item is refused as a whole, naming the item', async (t) => {
  const key = await accountKey('batchbig@example.com', 'editor');
  const r = await call(server.url, 'POST', BATCH, { key, body: { animations: [ok, { ...ok, quality: '4k', fps: 60, duration: 600, id: 'huge' }] } });
  t.is(r.status, 422, r.text);
  t.is(problemType(r), 'render-too-long');
  t.regex(r.json.detail, /animations\[1\] \(id huge\)/);
  t.is(r.json.item, 1);
});

test('priority high: an editor gets 403 saying what to send, an administrator is accepted', async (t) => {
  const editor = await accountKey('rush@example.com', 'editor');
  const refused = await call(server.url, 'POST', GENERATE, { key: editor, body: { ...ok, priority: 'high' } });
  t.is(refused.status, 403, refused.text);
  t.is(problemType(refused), 'forbidden');
  t.regex(refused.json.detail, /priority "high" is for administrators/);
  t.regex(refused.json.detail, /send "normal" or "low"/);
  const inBatch = await call(server.url, 'POST', BATCH, { key: editor, body: { animations: [{ ...ok, priority: 'high' }] } });
  t.is(inBatch.status, 403, inBatch.text);
  t.true((await call(server.url, 'POST', GENERATE, { key: editor, body: ok })).status === 202);

  const boss = await accountKey('boss@example.com', 'admin');
  const accepted = await call(server.url, 'POST', GENERATE, { key: boss, body: { ...ok, priority: 'high' } });
  t.is(accepted.status, 202, accepted.text);
});

test('10 parallel generates from one user: 4 are queued, the other 6 get 429 too-many-renders with Retry-After', async (t) => {
  const key = await accountKey('burst@example.com', 'editor');
  const replies = await Promise.all(Array.from({ length: 10 }, () => call(server.url, 'POST', GENERATE, { key, body: ok })));
  const statuses = replies.map((r) => r.status).sort();
  t.deepEqual(statuses, [202, 202, 202, 202, 429, 429, 429, 429, 429, 429]);
  const refused = replies.find((r) => r.status === 429)!;
  t.is(problemType(refused), 'too-many-renders');
  t.regex(refused.json.detail, /4 at once is the limit \(limits\.concurrentRendersPerUser\)/);
  t.true(Number(refused.headers.get('retry-after')) >= 1);
  const list = await call(server.url, 'GET', '/api/v1/animations', { key });
  t.is(list.json.animations.length, 4);

  // Cancelling one frees its place; another user is not affected by this one's queue.
  const cancelled = await call(server.url, 'POST', `/api/v1/animations/${list.json.animations[0].id}/cancel`, { key });
  t.is(cancelled.status, 200, cancelled.text);
  t.is((await call(server.url, 'POST', GENERATE, { key, body: ok })).status, 202);
  t.is((await call(server.url, 'POST', GENERATE, { key, body: ok })).status, 429);
  const other = await accountKey('calm@example.com', 'editor');
  t.is((await call(server.url, 'POST', GENERATE, { key: other, body: ok })).status, 202);
});

test('batches are admitted as a whole against their own cap; their items do not use up the render cap', async (t) => {
  const key = await accountKey('batches@example.com', 'editor');
  const batch = { animations: Array.from({ length: 6 }, () => ok) };
  t.is((await call(server.url, 'POST', BATCH, { key, body: batch })).status, 202);
  t.is((await call(server.url, 'POST', BATCH, { key, body: batch })).status, 202);
  const third = await call(server.url, 'POST', BATCH, { key, body: batch });
  t.is(third.status, 429, third.text);
  t.is(problemType(third), 'too-many-renders');
  t.regex(third.json.detail, /limits\.concurrentBatchesPerUser/);
  t.truthy(third.headers.get('retry-after'));
  // 12 batch items are queued, yet single generates still have their own 4 places.
  t.is((await call(server.url, 'POST', GENERATE, { key, body: ok })).status, 202);
});
