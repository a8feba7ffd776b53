// Retention of the audit log: the daily job deletes the entries older than audit.retentionDays (the
// oldest ones, as one contiguous run, so what is left is still one unbroken chain) and records an
// audit.purge entry naming where the kept chain now starts, which `audit verify` checks. The delete
// runs with devforge.audit_op = 'purge', the one DELETE the append-only trigger lets through, and only
// for entries older than 30 days.
import type { DataSource } from 'typeorm';
import { sql } from '../../db/sql.ts';
import { appendAuditEntry, lockAuditChain } from './record.ts';

/** The bounds of audit.retentionDays (config/schema.ts checks them; the trigger enforces the minimum). */
export const AUDIT_RETENTION_MIN_DAYS = 30;
export const AUDIT_RETENTION_MAX_DAYS = 2555;

export async function purgeAudit(db: DataSource, retentionDays: number): Promise<{ deleted: number }> {
  const days = Math.min(AUDIT_RETENTION_MAX_DAYS, Math.max(AUDIT_RETENTION_MIN_DAYS, Math.floor(retentionDays)));
  return db.transaction(async (tx) => {
    // The chain lock first: no entry is appended while the start of the chain moves.
    await lockAuditChain(tx);
    const [cutoff] = await sql<{ before: Date; keep_from: string | null }>(
      tx,
      `SELECT now() - make_interval(days => $1) AS before,
              (SELECT min(id)::text FROM audit_log WHERE at >= now() - make_interval(days => $1)) AS keep_from`,
      [days],
    );
    const keepFrom = cutoff!.keep_from;
    await sql(tx, `SELECT set_config('devforge.audit_op', 'purge', true)`);
    const removed = await sql<{ id: string }>(tx, keepFrom === null ? 'DELETE FROM audit_log RETURNING id' : 'DELETE FROM audit_log WHERE id < $1 RETURNING id', keepFrom === null ? [] : [keepFrom]);
    await sql(tx, `SELECT set_config('devforge.audit_op', '', true)`);
    if (!removed.length) return { deleted: 0 };
    const [kept] = await sql<{ id: string; prev_hash: string }>(tx, 'SELECT id::text AS id, prev_hash FROM audit_log ORDER BY audit_log.id LIMIT 1');
    await appendAuditEntry(
      tx,
      { actor: 'system', action: 'audit.purge', details: { deleted: removed.length, retention_days: days, before: cutoff!.before.toISOString() } },
      // With nothing left, the purge entry itself starts the kept chain.
      { detailsFor: (id, prevHash) => (kept ? { first_kept_id: kept.id, first_kept_prev_hash: kept.prev_hash } : { first_kept_id: id, first_kept_prev_hash: prevHash }) },
    );
    return { deleted: removed.length };
  });
}
