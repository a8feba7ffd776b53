// The store of webhook signing secrets: each user's secret, sealed in users.webhook_secret, and the one
// before the last rotation (users.webhook_secret_previous, signing beside it until
// webhook_secret_previous_until). The one place that reads or writes those columns, so nothing handles
// them unsealed by accident. A user's secret
// is made the first time it is needed (the first read, or the first delivery), sealed with the
// current master key; accounts are created without one, by code that has no key at hand.
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Queryable } from '../db/sql.ts';
import { sql } from '../db/sql.ts';
import { sealContext, SEALED_COLUMNS } from './sealed-columns.ts';
import type { SecretBox } from './secret-box.ts';

const COLUMN = SEALED_COLUMNS.find((c) => c.table === 'users' && c.column === 'webhook_secret')!;
const PREVIOUS = SEALED_COLUMNS.find((c) => c.table === 'users' && c.column === 'webhook_secret_previous')!;

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The user's webhook signing secret (made now if the user has none yet); undefined when there is no such user. */
export async function webhookSecretOf(db: Queryable, box: SecretBox, userId: string): Promise<string | undefined> {
  const [row] = await sql<{ value: string | null }>(db, 'SELECT webhook_secret AS value FROM users WHERE id = $1', [userId]);
  if (!row) return undefined;
  if (row.value) return box.open(row.value, sealContext(COLUMN, userId));
  const secret = newSecret();
  // Two first reads at once: only one secret wins, and both callers answer with it.
  const [made] = await sql<{ id: string }>(db, 'UPDATE users SET webhook_secret = $2 WHERE id = $1 AND webhook_secret IS NULL RETURNING id', [userId, box.seal(secret, sealContext(COLUMN, userId))]);
  if (made) return secret;
  return webhookSecretOf(db, box, userId);
}

export interface SigningSecrets {
  current: string;
  /** The secret before the last rotation while it still signs too; null once the overlap is over. */
  previous: string | null;
  previousValidUntil: Date | null;
}

/** What signs the user's deliveries now: their secret (made now if none yet) and, during an overlap, the one before. */
export async function signingSecretsOf(db: Queryable, box: SecretBox, userId: string): Promise<SigningSecrets | undefined> {
  const current = await webhookSecretOf(db, box, userId);
  if (current === undefined) return undefined;
  const [row] = await sql<{ previous: string | null; until: Date | null }>(db, 'SELECT webhook_secret_previous AS previous, webhook_secret_previous_until AS until FROM users WHERE id = $1 AND webhook_secret_previous_until > now()', [
    userId,
  ]);
  if (!row?.previous) return { current, previous: null, previousValidUntil: null };
  return { current, previous: box.open(row.previous, sealContext(PREVIOUS, userId)), previousValidUntil: row.until };
}

/**
 * Rotation: a new secret signs from now on; the one it replaces signs beside it for `overlapHours`
 * (none when 0: it leaked). Returns the new secret and the end of the overlap; undefined for no such user.
 */
export async function rotateWebhookSecret(db: DataSource, box: SecretBox, userId: string, overlapHours: number): Promise<{ secret: string; previousValidUntil: Date | null } | undefined> {
  return db.transaction(async (tx) => {
    // Locked, so two rotations at once leave a consistent pair (each overlap starts from the secret it replaced).
    const [row] = await sql<{ value: string | null }>(tx, 'SELECT webhook_secret AS value FROM users WHERE id = $1 FOR UPDATE', [userId]);
    if (!row) return undefined;
    const old = row.value && overlapHours > 0 ? box.open(row.value, sealContext(COLUMN, userId)) : null;
    const secret = newSecret();
    const [done] = await sql<{ until: Date | null }>(
      tx,
      `UPDATE users SET webhook_secret = $2, webhook_secret_previous = $3,
              webhook_secret_previous_until = CASE WHEN $3::text IS NOT NULL THEN now() + make_interval(hours => $4) END, updated_at = now()
        WHERE id = $1 RETURNING webhook_secret_previous_until AS until`,
      [userId, box.seal(secret, sealContext(COLUMN, userId)), old === null ? null : box.seal(old, sealContext(PREVIOUS, userId)), overlapHours],
    );
    return { secret, previousValidUntil: done!.until };
  });
}
