// The audit chain's maintenance paths against a real Postgres with the real migrations: concurrent
// appends from two connection pools (two API processes) never fork the chain; the retention purge
// deletes only the oldest entries, records audit.purge and leaves a chain verify accepts, while cutting
// the oldest entries off by hand is caught; erasing a person's entries keeps the chain verifiable and
// leaves nothing that names them.
import test from 'ava';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { anonymiseAuditActor, ERASED_ACTOR } from '../../src/platform/domain/audit/anonymise.ts';
import { purgeAudit } from '../../src/platform/domain/audit/purge.ts';
import { appendAuditEntry, recordAudit, type AuditEntry } from '../../src/platform/domain/audit/record.ts';
import { verifyAuditChain } from '../../src/platform/domain/audit/verify.ts';
import { createDataSource, migrate } from '../../src/platform/db/data-source.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';

let pgc: TestPostgres;
let one: DataSource;
let two: DataSource;

const USER = '6f1c9a52-8a43-4c57-9d0e-1d2a3b4c5d6e';
const OTHER = '0b7e4d1a-2c3f-4a5b-8c9d-0e1f2a3b4c5d';

function entry(userId: string, i: number): AuditEntry {
  return { actor: { userId, via: 'api-key', email: `${userId.slice(0, 4)}@example.com` }, action: 'animation.generate', target: { type: 'animation', id: `a-${i}` }, origin: { ip: '192.0.2.1', userAgent: 'curl/8' }, details: { n: i } };
}

async function superuser(text: string, params: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: pgc.url });
  await client.connect();
  try {
    await client.query(text, params);
  } finally {
    await client.end();
  }
}

test.before(async () => {
  pgc = await startTestPostgres();
  one = createDataSource(pgc.url, 4);
  two = createDataSource(pgc.url, 4);
  await one.initialize();
  await two.initialize();
  await migrate(one);
});

test.after.always(async () => {
  await one?.destroy();
  await two?.destroy();
  await pgc?.destroy();
});

test.serial('entries dated by the caller (an import, this test) come first: an aged log to purge', async (t) => {
  // 40 entries from 99.5 days ago down to 60.5 days ago, in order (half days: no entry sits on a cut-off).
  for (let i = 0; i < 40; i++) {
    await one.transaction((tx) => appendAuditEntry(tx, entry(i % 2 ? USER : OTHER, i), { at: new Date(Date.now() - (99.5 - i) * 86_400_000) }));
  }
  const result = await verifyAuditChain(one);
  t.true(result.ok);
  t.is(result.ok && result.count, 40);
});

test.serial('two processes appending at once never fork the chain', async (t) => {
  await Promise.all([...Array.from({ length: 30 }, (_, i) => recordAudit(one, entry(USER, 100 + i))), ...Array.from({ length: 30 }, (_, i) => recordAudit(two, entry(OTHER, 200 + i)))]);
  const result = await verifyAuditChain(two);
  t.deepEqual(result.ok && result.count, 100);
  const [forks] = (await one.query('SELECT count(*)::int AS n FROM (SELECT prev_hash FROM audit_log GROUP BY prev_hash HAVING count(*) > 1) f')) as [{ n: number }];
  t.is(forks.n, 0, 'no two entries follow the same one');
});

test.serial('the purge deletes what is older than the retention, records it, and the chain still verifies', async (t) => {
  const result = await purgeAudit(one, 80);
  // 99.5…80.5 days old: 20 entries.
  t.is(result.deleted, 20);
  const [purge] = (await one.query(`SELECT details FROM audit_log WHERE action = 'audit.purge'`)) as [{ details: Record<string, unknown> }];
  const [first] = (await one.query('SELECT id::text AS id, prev_hash FROM audit_log ORDER BY audit_log.id LIMIT 1')) as [{ id: string; prev_hash: string }];
  t.like(purge.details, { deleted: 20, retention_days: 80, first_kept_id: first.id, first_kept_prev_hash: first.prev_hash });
  const verified = await verifyAuditChain(one);
  t.true(verified.ok, JSON.stringify(verified));
  t.is(verified.ok && verified.firstId, first.id);
  const [oldest] = (await one.query(`SELECT min(at) < now() - interval '80 days' AS stale, (SELECT details->>'n' FROM audit_log ORDER BY audit_log.id LIMIT 1) AS n FROM audit_log`)) as [{ stale: boolean; n: string }];
  t.false(oldest.stale, 'nothing older than the retention is left');
  t.is(oldest.n, '20', 'the oldest kept entry is the first one inside the retention');
  t.is((await purgeAudit(one, 80)).deleted, 0, 'nothing more to purge, nothing recorded');
  t.is(((await one.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'audit.purge'`)) as [{ n: number }])[0].n, 1);
});

test.serial('the purge never goes below 30 days, whatever it is asked', async (t) => {
  const before = ((await one.query('SELECT count(*)::int AS n FROM audit_log')) as [{ n: number }])[0].n;
  // Asked for 1 day, it keeps 30: the entries 79.5…60.5 days old go, the 60 new ones and the purge record stay.
  const result = await purgeAudit(one, 1);
  t.is(result.deleted, 20);
  t.is(((await one.query('SELECT count(*)::int AS n FROM audit_log')) as [{ n: number }])[0].n, before - 20 + 1);
  t.true((await verifyAuditChain(one)).ok);
});

test.serial('cutting off the oldest entries by hand is caught: no purge record names the new start', async (t) => {
  const rows = (await one.query('SELECT id::text AS id FROM audit_log ORDER BY audit_log.id LIMIT 2')) as { id: string }[];
  await superuser('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
  await superuser('DELETE FROM audit_log WHERE id = $1', [rows[0]!.id]);
  await superuser('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
  const result = await verifyAuditChain(one);
  t.false(result.ok);
  t.like(result, { brokenId: rows[1]!.id, reason: 'the entries before it are gone and no audit.purge entry records removing them' });
});

test.serial("erasing a person's entries blanks who they were and keeps the chain verifiable", async (t) => {
  // The previous test broke the start of the chain on purpose: start from a fresh log.
  await superuser('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
  await superuser('DELETE FROM audit_log');
  await superuser('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
  await superuser('ALTER SEQUENCE audit_log_id_seq RESTART');
  for (let i = 0; i < 6; i++) await recordAudit(one, entry(i % 2 ? USER : OTHER, i));
  // Someone failed to sign in as them: the address typed is theirs.
  await recordAudit(one, { actor: 'anonymous', action: 'auth.sign-in-failed', label: `${USER.slice(0, 4)}@example.com`, target: { type: 'user', id: USER }, origin: { ip: '203.0.113.9' }, details: { reason: 'wrong-password' } });
  const result = await anonymiseAuditActor(one, USER);
  t.is(result.entries, 4);
  const [failed] = (await one.query(`SELECT actor, actor_label, ip, salt FROM audit_log WHERE action = 'auth.sign-in-failed'`)) as Record<string, unknown>[];
  t.deepEqual(failed, { actor: 'anonymous', actor_label: '', ip: null, salt: null });
  const rows = (await one.query('SELECT actor, actor_label, api_key_id, ip, user_agent, salt FROM audit_log WHERE actor = $1', [ERASED_ACTOR])) as Record<string, unknown>[];
  t.is(rows.length, 3);
  for (const row of rows) t.deepEqual(row, { actor: ERASED_ACTOR, actor_label: '', api_key_id: null, ip: null, user_agent: null, salt: null });
  const text = JSON.stringify(await one.query(`SELECT * FROM audit_log WHERE target_type IS DISTINCT FROM 'user'`));
  t.false(text.includes(USER), 'the user id is gone (it stays only as the target of entries about the account)');
  t.false(text.includes(`${USER.slice(0, 4)}@example.com`), 'the e-mail address is gone');
  t.true(text.includes(OTHER), "other people's entries are untouched");
  const verified = await verifyAuditChain(one);
  t.true(verified.ok, JSON.stringify(verified));
  t.is(verified.ok && verified.count, 7);
});
