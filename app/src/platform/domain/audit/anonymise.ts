// GDPR erasure of a person's audit entries without breaking the chain: the personal columns (actor,
// label, API key, address, browser) are blanked and the salt is dropped, so actor_digest, which the
// chain covers, still verifies but can no longer be linked back to anyone. Runs with
// devforge.audit_op = 'anonymise', the one UPDATE the append-only trigger lets through, and the trigger
// refuses it if any chained column changes. Inside the caller's transaction when given one (erasing a
// user anonymises in the transaction that deletes the account: both happen or neither), else in its own.
import type { DataSource, EntityManager } from 'typeorm';
import { sql, type Queryable } from '../../db/sql.ts';

/** What an erased actor reads as. */
export const ERASED_ACTOR = 'erased';

async function anonymise(tx: Queryable, userId: string): Promise<{ entries: number }> {
  await sql(tx, `SELECT set_config('devforge.audit_op', 'anonymise', true)`);
  // Their own entries, and failed sign-ins against their account, whose label is the address typed.
  const rows = await sql<{ id: string }>(
    tx,
    `UPDATE audit_log SET actor = CASE WHEN actor = $1 THEN $2 ELSE actor END, actor_label = '', api_key_id = NULL, ip = NULL, user_agent = NULL, salt = NULL
      WHERE actor = $1 OR (actor = 'anonymous' AND target_type = 'user' AND target_id = $1) RETURNING id`,
    [userId, ERASED_ACTOR],
  );
  await sql(tx, `SELECT set_config('devforge.audit_op', '', true)`);
  return { entries: rows.length };
}

export async function anonymiseAuditActor(db: DataSource | EntityManager, userId: string): Promise<{ entries: number }> {
  if ('queryRunner' in db && db.queryRunner?.isTransactionActive) return anonymise(db, userId);
  return db.transaction((tx) => anonymise(tx, userId));
}
