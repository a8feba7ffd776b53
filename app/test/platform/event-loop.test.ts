// Nothing heavy on the event loop: molecules not in the bundled table take openchemlib seconds to
// build in 3D, and that work runs on the scene pool's threads, so /healthz keeps answering while five
// of them are composed. A composition over compose.timeBudgetMs is stopped with a clear 422.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { StructureStore } from '../../src/templates/science/chemistry/molecule-geometry.ts';
import { resolveMolecule } from '../../src/templates/science/chemistry/molecule-lookup.ts';
import { call, type Reply } from './helpers/http.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

/** SMILES outside the bundled table (each takes openchemlib one to several seconds): cholesterol without its stereo centres, a disaccharide, codeine, LSD, dodecylphenol. */
const UNBUNDLED = ['CC(C)CCCC(C)C1CCC2C1(CCC3C2CCC4C3(CCC(C4)O)C)C', 'OC1C(O)C(O)C(OC2C(O)C(O)C(O)C(CO)O2)OC1CO', 'CN1CCC23C4C1CC5=C2C(=C(C=C5)OC)OC3C(C=C4)O', 'CCN(CC)C(=O)C1CN(C)C2CC3=CNC4=CC=CC(=C34)C2=C1', 'CCCCCCCCCCCCc1ccc(O)cc1'];
const GENERATE = '/api/v1/animations/generate';
const PREVIEW = '/api/v1/scenes/preview';
const moleculeBody = (smiles: string) => ({ description: `Show the molecule ${smiles}`, quality: '720p', duration: 2 });

let pg: TestPostgres;
let server: TestServer;
let tight: TestServer;
let key: string;

test.before(async () => {
  pg = await startTestPostgres();
  // A generous budget: this machine may be loaded, and this server's test is about the event loop.
  server = await startTestServer({ databaseUrl: pg.url, overrides: { server: { role: 'api' }, compose: { threads: 2, timeBudgetMs: 300_000 } } });
  tight = await startTestServer({ databaseUrl: pg.url, overrides: { server: { role: 'api' }, compose: { threads: 1, timeBudgetMs: 1000 } } });
  key = await server.key('editor');
});

test.after.always(async () => {
  await tight?.stop();
  await server?.stop();
  await pg?.destroy();
});

test.serial('the molecules really are outside the table, so composing them runs the conformer generator', (t) => {
  const bundled = new StructureStore();
  for (const smiles of UNBUNDLED) {
    const analysis = analyze(moleculeBody(smiles).description);
    t.is(analysis.template, 'chemistry.molecule', smiles);
    t.is(analysis.params.molecule, smiles, smiles);
    t.is(resolveMolecule(smiles).entry, undefined, `${smiles} is a built-in molecule`);
    t.is(bundled.peek(smiles), undefined, `${smiles} has a shipped structure`);
  }
});

test.serial('/healthz keeps answering while five molecule structures are generated', async (t) => {
  let settled = 0;
  const generates = UNBUNDLED.map((smiles) =>
    call(server.url, 'POST', GENERATE, { key, body: moleculeBody(smiles) }).finally(() => {
      settled++;
    }),
  );
  const all = Promise.allSettled(generates);
  let answeredBeforeFirst = 0;
  let polls = 0;
  // Bounded: one poll at a time, paced, until every generate came back (or 5000 polls).
  while (settled < UNBUNDLED.length && polls < 5000) {
    const health = await call(server.url, 'GET', '/healthz');
    polls++;
    t.is(health.status, 200);
    if (settled === 0) answeredBeforeFirst++;
    await new Promise((r) => setTimeout(r, 10));
  }
  const replies = (await all).map((r) => (r.status === 'fulfilled' ? r.value : ({ status: 0, json: String(r.reason) } as unknown as Reply)));
  for (const [i, r] of replies.entries()) t.is(r.status, 202, `${UNBUNDLED[i]}: ${JSON.stringify(r.json)}`);
  // Composed in-line, the first reply would come after all five compositions with at most one health
  // answer slipped in between each: ten answers before it show the loop stayed free.
  t.true(answeredBeforeFirst >= 10, `/healthz answered ${answeredBeforeFirst} times before the first generate came back (${polls} polls in all)`);
  const stored = await call(server.url, 'GET', `/api/v1/animations/${replies[0]!.json.id}`, { key });
  t.is(stored.json.template, 'chemistry.molecule');
});

test.serial('a composition over compose.timeBudgetMs is stopped with a clear 422 compose-timeout, and the pool carries on', async (t) => {
  const tightKey = await tight.key('editor');
  // A quick scene first, so the pool's thread is up and the budget times the molecule, not a thread
  // start (which on a loaded machine can take longer than this tight budget: 503 compose-busy, retried).
  const quickScene = async (): Promise<Reply | undefined> => {
    let reply: Reply | undefined;
    for (let attempt = 0; attempt < 20 && reply?.status !== 200; attempt++) {
      reply = await call(tight.url, 'POST', PREVIEW, { key: tightKey, body: { description: 'Demonstrate bubble sort on 5 3 8 1' } });
      if (reply.status !== 200) t.is(reply.json.type, 'urn:devforge:problem:compose-busy', JSON.stringify(reply.json));
    }
    return reply;
  };
  const warm = await quickScene();
  t.is(warm?.status, 200);
  const slow = await call(tight.url, 'POST', GENERATE, { key: tightKey, body: moleculeBody(UNBUNDLED[0]!) });
  t.is(slow.status, 422, JSON.stringify(slow.json));
  t.is(slow.headers.get('content-type'), 'application/problem+json');
  t.is(slow.json.type, 'urn:devforge:problem:compose-timeout');
  t.is(slow.json.detail, 'composing this scene took longer than 1 s (compose.timeBudgetMs); try a smaller molecule or raise the budget');
  t.is(slow.json.budget_ms, 1000);
  // The stopped thread is replaced: the next scene composes (once the new thread has started: until then the
  // pool answers 503 compose-busy, as it does for any thread start that outlasts this tight budget).
  const after = await quickScene();
  t.is(after?.status, 200);
  t.is(after?.json.scene.width, 1280);
});
