// How many renders one user may have in the queue at once. Counted in the transaction that inserts the new
// one, under a per-user advisory lock, so parallel requests are counted one after the other and a burst of
// 100 generates cannot all slip in before any is stored. Single animations (generate, re-render) count
// against limits.concurrentRendersPerUser; a batch is admitted as a whole against
// limits.concurrentBatchesPerUser, and its items do not count against the render cap (a batch of 100 would
// otherwise be refused by a cap of 4).
import type { EntityManager } from 'typeorm';
import type { DevforgeConfig } from '../../../config/schema.ts';
import { sql } from '../../db/sql.ts';
import { DomainError } from '../errors.ts';

const MIN_RETRY_S = 5;
const MAX_RETRY_S = 3600;

async function lockUser(tx: EntityManager, userId: string): Promise<void> {
  await sql(tx, `SELECT pg_advisory_xact_lock(hashtext('devforge:admission'), hashtext($1))`, [userId]);
}

/** Seconds until the soonest of these estimates, within bounds (a Retry-After). */
function retryAfterS(soonest: Date | null): number {
  const s = soonest ? Math.ceil((soonest.getTime() - Date.now()) / 1000) : 60;
  return Math.min(MAX_RETRY_S, Math.max(MIN_RETRY_S, s));
}

/** Throws too-many-renders when the user already has the cap of single animations queued or rendering. */
export async function admitConcurrentRenders(tx: EntityManager, config: DevforgeConfig, userId: string): Promise<void> {
  await lockUser(tx, userId);
  const [row] = await sql<{ n: number; soonest: Date | null }>(tx, `SELECT count(*)::int AS n, min(estimated_completion) AS soonest FROM animations WHERE owner_id = $1 AND batch_id IS NULL AND status IN ('queued', 'processing')`, [userId]);
  const cap = config.limits.concurrentRendersPerUser;
  if (row!.n < cap) return;
  const wait = retryAfterS(row!.soonest);
  throw new DomainError('too-many-renders', `you already have ${row!.n} animations queued or rendering, and ${cap} at once is the limit (limits.concurrentRendersPerUser); wait for one to finish (about ${wait} s) or cancel one`, {
    data: { retry_after_s: wait, active: row!.n, limit: cap },
  });
}

/** Throws too-many-renders when the user already has the cap of batches processing. */
export async function admitConcurrentBatches(tx: EntityManager, config: DevforgeConfig, userId: string): Promise<void> {
  await lockUser(tx, userId);
  const [row] = await sql<{ n: number; soonest: Date | null }>(
    tx,
    `SELECT count(DISTINCT b.id)::int AS n, min(a.estimated_completion) AS soonest
       FROM batches b LEFT JOIN animations a ON a.batch_id = b.id AND a.status IN ('queued', 'processing')
      WHERE b.owner_id = $1 AND b.status = 'processing'`,
    [userId],
  );
  const cap = config.limits.concurrentBatchesPerUser;
  if (row!.n < cap) return;
  const wait = retryAfterS(row!.soonest);
  throw new DomainError('too-many-renders', `you already have ${row!.n} batches processing, and ${cap} at once is the limit (limits.concurrentBatchesPerUser); wait for one to finish (about ${wait} s)`, {
    data: { retry_after_s: wait, active: row!.n, limit: cap },
  });
}
