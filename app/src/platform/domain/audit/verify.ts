// Walks the audit chain from the oldest entry kept and recomputes every hash: each entry's hash must
// match its fields, its prev_hash the entry before it, its actor_digest the personal fields beside it
// (unless erasure dropped the salt). After a retention purge the oldest entry's prev_hash names an
// entry that is gone; that is accepted only when the newest audit.purge entry records exactly that
// starting point, so cutting off the head of the log by hand is caught too.
import { sql, type Queryable } from '../../db/sql.ts';
import { actorDigest, entryHash, GENESIS_HASH, type ChainedFields, type PersonalFields } from './canonical.ts';

export type VerifyResult = { ok: true; count: number; firstId: string | null; headHash: string | null } | { ok: false; count: number; brokenId: string; reason: string };

/** A stored entry: what the chain covers and the personal fields beside it (`at` as the driver reads it). */
type Row = Omit<ChainedFields, 'at'> & PersonalFields & { at: Date; salt: string | null; hash: string };

const PAGE = 1000;

/** What is wrong with one entry given the hash before it, or undefined when it is sound. */
function problemWith(row: Row, expectedPrev: string | undefined): string | undefined {
  if (expectedPrev !== undefined && row.prev_hash !== expectedPrev) return `its prev_hash ${row.prev_hash.slice(0, 12)}… is not the hash of the entry before it (${expectedPrev.slice(0, 12)}…): an entry was removed or inserted here`;
  if (row.salt !== null && actorDigest(row.salt, { actor: row.actor, actor_label: row.actor_label, api_key_id: row.api_key_id, ip: row.ip, user_agent: row.user_agent }) !== row.actor_digest) {
    return 'its actor, label, key or address was changed after it was written (actor_digest does not match)';
  }
  const computed = entryHash({
    id: row.id,
    at: row.at.toISOString(),
    actor_digest: row.actor_digest,
    via: row.via,
    action: row.action,
    target_type: row.target_type,
    target_id: row.target_id,
    details: row.details,
    prev_hash: row.prev_hash,
  });
  if (computed !== row.hash) return `its content does not match its hash (${row.action} at ${row.at.toISOString()}): it was changed after it was written`;
  return undefined;
}

export async function verifyAuditChain(db: Queryable): Promise<VerifyResult> {
  let count = 0;
  let first: Row | undefined;
  let prev: string | undefined;
  let lastPurge: Record<string, unknown> | undefined;
  let after = '0';
  for (;;) {
    const rows = await sql<Row>(db, 'SELECT * FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2', [after, PAGE]);
    for (const row of rows) {
      const problem = problemWith(row, prev);
      if (problem) return { ok: false, count, brokenId: row.id, reason: problem };
      first ??= row;
      if (row.action === 'audit.purge') lastPurge = row.details;
      prev = row.hash;
      count++;
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.id;
  }
  if (first && first.prev_hash !== GENESIS_HASH && (lastPurge?.first_kept_id !== first.id || lastPurge?.first_kept_prev_hash !== first.prev_hash)) {
    return { ok: false, count, brokenId: first.id, reason: 'the entries before it are gone and no audit.purge entry records removing them' };
  }
  return { ok: true, count, firstId: first?.id ?? null, headHash: prev ?? null };
}
