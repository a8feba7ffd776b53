// The audit purge as the worker runs it: a worker process schedules the audit-purge queue on
// audit.purgeCron, and a job sent to that queue runs the purge (an entry older than the retention goes,
// an audit.purge entry records it, and the chain still verifies). Real worker (real Chromium warm), real
// Postgres and pg-boss.
import test from 'ava';
import { appendAuditEntry } from '../../src/platform/domain/audit/record.ts';
import { verifyAuditChain } from '../../src/platform/domain/audit/verify.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

let pg: TestPostgres;
let server: TestServer;

test.before(async () => {
  pg = await startTestPostgres();
  server = await startTestServer({ databaseUrl: pg.url, overrides: { server: { role: 'worker' }, audit: { retentionDays: 30, purgeCron: '7 4 * * *' } } });
});

test.after.always(async () => {
  await server?.stop();
  await pg?.destroy();
});

test('the worker schedules the daily purge, and a purge job removes what is past the retention', async (t) => {
  const boss = server.platform.services.queue.boss;
  const schedules = await boss.getSchedules('audit-purge');
  t.is(schedules.length, 1);
  t.is(schedules[0]!.cron, '7 4 * * *');

  await server.platform.db.transaction((tx) => appendAuditEntry(tx, { actor: 'system', action: 'animation.delete', details: { note: 'an old entry' } }, { at: new Date(Date.now() - 40 * 86_400_000) }));
  await server.platform.db.transaction((tx) => appendAuditEntry(tx, { actor: 'system', action: 'animation.delete', details: { note: 'a recent entry' } }));
  const id = await server.platform.services.queue.send('audit-purge', {});
  let state: string | undefined;
  for (let i = 0; i < 300 && state !== 'completed' && state !== 'failed'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    state = (await boss.getJobById('audit-purge', id!))?.state;
  }
  t.is(state, 'completed');
  const rows = (await server.platform.db.query(`SELECT details FROM audit_log ORDER BY audit_log.id`)) as { details: Record<string, unknown> }[];
  t.deepEqual(
    rows.map((r) => r.details.note ?? r.details.deleted),
    ['a recent entry', 1],
  );
  t.true((await verifyAuditChain(server.platform.db)).ok);
});
