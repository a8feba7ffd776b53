// Rotating a user's webhook signing secret. The new secret signs every delivery from now on; the old
// one signs them too (a second v1 in the signature header, webhooks/sign.ts) until the overlap ends,
// so a receiver switches to the new secret whenever it likes within the window and loses nothing.
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { sql } from '../../db/sql.ts';
import { recordAudit, type Origin } from '../audit/record.ts';
import { DomainError } from '../errors.ts';
import { authorize, type Actor } from '../policy.ts';

export interface RotatedSecret {
  secret: string;
  /** Until when deliveries are signed with the previous secret too (null: overlap 0, it stopped now). */
  previousValidUntil: Date | null;
}

export async function rotateSigningSecret(db: DataSource, principal: Actor, overlapHours: number, origin?: Origin): Promise<RotatedSecret> {
  authorize(principal, 'webhook.secret.rotate');
  const secret = randomBytes(32).toString('base64url');
  // One statement, so two rotations at once leave a consistent pair (each overlap starts from the secret it replaced).
  const rows = await sql<{ until: Date | null }>(
    db,
    `UPDATE users SET webhook_secret_previous = CASE WHEN $3 > 0 THEN webhook_secret END,
            webhook_secret_previous_until = CASE WHEN $3 > 0 THEN now() + make_interval(hours => $3) END,
            webhook_secret = $2
      WHERE id = $1 RETURNING webhook_secret_previous_until AS until`,
    [principal.userId, secret, overlapHours],
  );
  if (!rows.length) throw new DomainError('not-found', 'your account no longer exists; sign in again');
  const previousValidUntil = rows[0]!.until;
  await recordAudit(db, { actor: principal, action: 'webhook.secret-rotate', target: { type: 'user', id: principal.userId }, origin, details: { previous_valid_until: previousValidUntil?.toISOString() ?? null } });
  return { secret, previousValidUntil };
}
