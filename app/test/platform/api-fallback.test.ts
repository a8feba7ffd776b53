// `fallback: "title_card"` on generate and on batch items: a description that was not understood is a
// 422 not-understood problem with suggestions unless the request asks for the title card, and then the
// animation is queued with a warning saying so. A description missing its data stays a 422 either way.
// An API-only server on a real Postgres: nothing here renders.
import test from 'ava';
import { call } from './helpers/http.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

let pg: TestPostgres;
let server: TestServer;
let admin: string;
const GENERATE = '/api/v1/animations/generate';
const BATCH = '/api/v1/animations/batch';
const vague = { description: 'The fall of the Roman Empire', quality: '720p', duration: 2 };

test.before(async () => {
  pg = await startTestPostgres();
  server = await startTestServer({ databaseUrl: pg.url, overrides: { server: { role: 'api' } } });
  admin = await server.key('admin');
});

test.after.always(async () => {
  await server?.stop();
  await pg?.destroy();
});

const problemType = (reply: { json: { type?: string } }) => reply.json?.type?.replace('urn:devforge:problem:', '');

test.serial('generate: not understood is a 422 with suggestions; with fallback title_card it is queued as a title card, said in the warnings', async (t) => {
  const refused = await call(server.url, 'POST', GENERATE, { key: admin, body: vague });
  t.is(refused.status, 422);
  t.is(problemType(refused), 'not-understood');
  t.true(Array.isArray(refused.json.suggestions));

  const accepted = await call(server.url, 'POST', GENERATE, { key: admin, body: { ...vague, fallback: 'title_card' } });
  t.is(accepted.status, 202, JSON.stringify(accepted.json));
  const animation = await call(server.url, 'GET', `/api/v1/animations/${accepted.json.id}`, { key: admin });
  t.is(animation.json.template, 'text.title');
  t.true(
    animation.json.warnings.some((w: string) => /not understood.*title card/.test(w)),
    animation.json.warnings.join('; '),
  );
});

test.serial('generate: fallback does not draw a topic without its data, and only "title_card" is accepted', async (t) => {
  const topic = await call(server.url, 'POST', GENERATE, { key: admin, body: { ...vague, description: 'American Revolution timeline', fallback: 'title_card' } });
  t.is(topic.status, 422);
  t.is(problemType(topic), 'description-needs-data');
  const bad = await call(server.url, 'POST', GENERATE, { key: admin, body: { ...vague, fallback: 'title' } });
  t.is(bad.status, 422);
  t.regex(JSON.stringify(bad.json), /fallback/);
});

test.serial('batch: an item not understood fails the batch naming the item, unless that item asks for the title card', async (t) => {
  const ok = { description: 'Demonstrate bubble sort on 5 3 8 1', quality: '720p', duration: 2 };
  const refused = await call(server.url, 'POST', BATCH, { key: admin, body: { animations: [ok, vague] } });
  t.is(refused.status, 422);
  t.is(problemType(refused), 'not-understood');
  t.regex(refused.json.detail, /animations\[1\]/);
  const accepted = await call(server.url, 'POST', BATCH, { key: admin, body: { animations: [ok, { ...vague, fallback: 'title_card' }] } });
  t.is(accepted.status, 202, JSON.stringify(accepted.json));
  t.is(accepted.json.animations.length, 2);
});
