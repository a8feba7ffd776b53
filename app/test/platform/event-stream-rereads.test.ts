// Event streams hold no database connection and do not poll one each: every stream of a process is fed by
// the one LISTEN connection, and the re-read that covers a missed notification is shared. However many
// streams watch, a burst of refreshes and each periodic re-read are one query (counted at the reader the
// streams use, which reads the real table).
import test from 'ava';
import { EventStreams } from '../../src/platform/api/event-streams.ts';
import type { AnimationSummary } from '../../src/platform/domain/payloads.ts';
import { findAnimationSummaries } from '../../src/platform/domain/queries/animations.ts';
import { Metrics } from '../../src/platform/server/metrics.ts';
import { call } from './helpers/http.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { startTestServer, testConfig, type TestServer } from './helpers/server.ts';

let pg: TestPostgres;
let server: TestServer;
let admin: string;
const ok = { description: 'Demonstrate bubble sort on 5 3 8 1', quality: '720p', duration: 2 };

test.before(async () => {
  pg = await startTestPostgres();
  server = await startTestServer({ databaseUrl: pg.url, overrides: { server: { role: 'api' } } });
  admin = await server.key('admin');
});

test.after.always(async () => {
  await server?.stop();
  await pg?.destroy();
});

test('however many streams watch, one re-read is one query', async (t) => {
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) ids.push((await call(server.url, 'POST', '/api/v1/animations/generate', { key: admin, body: ok })).json.id);
  const calls: string[][] = [];
  let seen: (rows: AnimationSummary[]) => void = () => {};
  const streams = new EventStreams(server.platform.db, testConfig(), new Metrics(), async (wanted) => {
    calls.push([...wanted]);
    const rows = await findAnimationSummaries(server.platform.db, wanted);
    setImmediate(() => seen(rows));
    return rows;
  });
  const rows = new Map<string, number>();
  const stops: (() => void)[] = [];
  // 200 streams over 5 animations, each asking for a refresh, as a burst of notifications would.
  for (let i = 0; i < 200; i++) {
    const id = ids[i % ids.length]!;
    stops.push(streams.watch(id, (row) => rows.set(id, (rows.get(id) ?? 0) + (row ? 1 : 0))));
  }
  const delivered = new Promise<AnimationSummary[]>((resolve) => (seen = resolve));
  for (let i = 0; i < 200; i++) streams.refresh(ids[i % ids.length]!);
  const read = await delivered;
  t.is(calls.length, 1, 'the refreshes of one burst share one query');
  t.deepEqual([...calls[0]!].sort(), [...ids].sort());
  t.is(read.length, ids.length);
  for (const id of ids) t.is(rows.get(id), 40, 'every stream got its row');

  // The periodic re-read is one query for every watched animation too.
  const periodic = new Promise<AnimationSummary[]>((resolve) => (seen = resolve));
  await periodic;
  t.is(calls.length, 2);
  t.deepEqual([...calls[1]!].sort(), [...ids].sort());
  for (const stop of stops) stop();
});
