// Rotating a user's webhook signing secret. The new secret signs every delivery from now on; the old
// one signs them too (a second v1 in the signature header, webhooks/sign.ts) until the overlap ends,
// so a receiver switches to the new secret whenever it likes within the window and loses nothing.
import type { DataSource } from 'typeorm';
import type { SecretBox } from '../../secrets/secret-box.ts';
import { rotateWebhookSecret } from '../../secrets/webhook-secrets.ts';
import { recordAudit, type Origin } from '../audit/record.ts';
import { DomainError } from '../errors.ts';
import { authorize, type Actor } from '../policy.ts';

export interface RotatedSecret {
  secret: string;
  /** Until when deliveries are signed with the previous secret too (null: overlap 0, it stopped now). */
  previousValidUntil: Date | null;
}

export async function rotateSigningSecret(db: DataSource, secrets: SecretBox, principal: Actor, overlapHours: number, origin?: Origin): Promise<RotatedSecret> {
  authorize(principal, 'webhook.secret.rotate');
  const rotated = await rotateWebhookSecret(db, secrets, principal.userId, overlapHours);
  if (!rotated) throw new DomainError('not-found', 'your account no longer exists; sign in again');
  const { secret, previousValidUntil } = rotated;
  await recordAudit(db, { actor: principal, action: 'webhook.secret-rotate', target: { type: 'user', id: principal.userId }, origin, details: { previous_valid_until: previousValidUntil?.toISOString() ?? null } });
  return { secret, previousValidUntil };
}
