// Idempotency keys (draft-ietf-httpapi-idempotency-key-header): the first request with a key claims it,
// its answer is stored, and a retry with the same key and the same request gets that answer again instead
// of doing the work twice; the same key with another request is refused. Claims live in Postgres
// (idempotency_keys), so a retry that reaches another API process is recognised too, and the claim is one
// INSERT … ON CONFLICT, so of parallel duplicates exactly one goes ahead.
import type { DataSource } from 'typeorm';
import { sql } from '../../db/sql.ts';
import { DomainError } from '../errors.ts';

/**
 * A claim still unanswered after this long belongs to a request that died with its process (the longest
 * request, composing a scene, is bounded by compose.timeBudgetMs): it may be taken over.
 */
const ABANDONED_AFTER_S = 300;

export interface IdempotentRequest {
  /** Whose key it is (one caller's keys never meet another's). */
  scope: string;
  key: string;
  /** A hash of what the request asks for (method, path, body). */
  fingerprint: string;
  /** How long a key is remembered (limits.idempotencyHours). */
  ttlHours: number;
}

export interface StoredAnswer {
  status: number;
  body: unknown;
  location: string | null;
}

export type Claim = { kind: 'first' } | { kind: 'replay'; answer: StoredAnswer };

/** Claims the key, or returns the first request's answer; throws when the key was used for another request or is still in progress. */
export async function claimIdempotencyKey(db: DataSource, req: IdempotentRequest): Promise<Claim> {
  await purgeIdempotencyKeys(db, req.ttlHours);
  // An abandoned claim of this key is taken over: its request never answered, so nothing was promised.
  await sql(db, `DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND status IS NULL AND created_at < now() - make_interval(secs => $3)`, [req.scope, req.key, ABANDONED_AFTER_S]);
  const inserted = await sql(db, `INSERT INTO idempotency_keys (scope, key, fingerprint) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key`, [req.scope, req.key, req.fingerprint]);
  if (inserted.length) return { kind: 'first' };
  const [row] = await sql<{ fingerprint: string; status: number | null; response: unknown; location: string | null }>(db, `SELECT fingerprint, status, response, location FROM idempotency_keys WHERE scope = $1 AND key = $2`, [
    req.scope,
    req.key,
  ]);
  // Gone between the two statements (purged or released): treat this as a conflict to retry, never as a first.
  if (!row) throw new DomainError('idempotency-key-in-use', 'a request with this Idempotency-Key was just being processed; retry it', { data: { retry_after_s: 1 } });
  if (row.fingerprint !== req.fingerprint) {
    throw new DomainError(
      'idempotency-key-reused',
      `this Idempotency-Key was already used within the last ${req.ttlHours} hours for a different request; send a new key for a new request (the same key is only for retrying the same request)`,
    );
  }
  if (row.status === null) throw new DomainError('idempotency-key-in-use', 'the first request with this Idempotency-Key is still being processed; retry in a moment to get its answer', { data: { retry_after_s: 1 } });
  return { kind: 'replay', answer: { status: row.status, body: row.response, location: row.location } };
}

/** Stores the first request's answer for the retries. */
export async function answerIdempotencyKey(db: DataSource, req: Pick<IdempotentRequest, 'scope' | 'key'>, answer: StoredAnswer): Promise<void> {
  await sql(db, `UPDATE idempotency_keys SET status = $3, response = $4, location = $5 WHERE scope = $1 AND key = $2`, [req.scope, req.key, answer.status, JSON.stringify(answer.body), answer.location]);
}

/** Gives the key back after the first request failed (a refusal is not stored: fixing the request and retrying with the same key then works). */
export async function releaseIdempotencyKey(db: DataSource, req: Pick<IdempotentRequest, 'scope' | 'key'>): Promise<void> {
  await sql(db, `DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND status IS NULL`, [req.scope, req.key]);
}

/** Deletes keys older than the retention; run with every claim (an index on created_at keeps it cheap). */
export async function purgeIdempotencyKeys(db: DataSource, ttlHours: number): Promise<number> {
  const rows = await sql(db, `DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1) RETURNING key`, [ttlHours]);
  return rows.length;
}
