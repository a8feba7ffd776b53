// Reading webhook deliveries with their attempt logs, and the secret a user's webhooks are signed with.
import type { DataSource } from 'typeorm';
import { WebhookAttemptEntity, WebhookDeliveryEntity, type DeliveryStatus, type WebhookAttempt, type WebhookDelivery } from '../../db/entities/webhook-delivery.ts';
import type { SecretBox } from '../../secrets/secret-box.ts';
import { signingSecretsOf } from '../../secrets/webhook-secrets.ts';
import { recordAudit, type Origin } from '../audit/record.ts';
import { DomainError } from '../errors.ts';
import { authorize, listScope, type Actor } from '../policy.ts';

export interface DeliveryWithAttempts {
  delivery: WebhookDelivery;
  attempts: WebhookAttempt[];
}

export interface DeliveryFilters {
  animationId?: string;
  batchId?: string;
  status?: DeliveryStatus;
  limit: number;
}

/** Newest first; admins see everyone's. */
export async function listDeliveries(db: DataSource, principal: Actor, filters: DeliveryFilters): Promise<DeliveryWithAttempts[]> {
  const scope = listScope(principal, 'webhook.list-all', 'visible');
  const where: Record<string, unknown> = {};
  if (scope !== 'all') where.ownerId = scope.ownerId;
  if (filters.animationId) where.animationId = filters.animationId;
  if (filters.batchId) where.batchId = filters.batchId;
  if (filters.status) where.status = filters.status;
  const deliveries = await db.getRepository(WebhookDeliveryEntity).find({ where, order: { createdAt: 'DESC' }, take: filters.limit });
  const attempts = deliveries.length
    ? await db
        .getRepository(WebhookAttemptEntity)
        .createQueryBuilder('a')
        .where('a.delivery_id IN (:...ids)', { ids: deliveries.map((d) => d.id) })
        .orderBy('a.attempt', 'ASC')
        .getMany()
    : [];
  return deliveries.map((delivery) => ({ delivery, attempts: attempts.filter((a) => a.deliveryId === delivery.id) }));
}

export async function getDelivery(db: DataSource, principal: Actor, id: string): Promise<DeliveryWithAttempts> {
  const delivery = await db.getRepository(WebhookDeliveryEntity).findOneBy({ id });
  if (!delivery) throw new DomainError('not-found', 'no such delivery');
  authorize(principal, 'webhook.read', { kind: 'webhook-delivery', ownerId: delivery.ownerId });
  const attempts = await db.getRepository(WebhookAttemptEntity).find({ where: { deliveryId: delivery.id }, order: { attempt: 'ASC' } });
  return { delivery, attempts };
}

/** The secret, and until when the one before the last rotation still signs too (null: it does not). */
export async function signingSecret(db: DataSource, secrets: SecretBox, principal: Actor, origin?: Origin): Promise<{ secret: string; previousValidUntil: Date | null }> {
  authorize(principal, 'webhook.secret.read');
  const found = await signingSecretsOf(db, secrets, principal.userId);
  if (!found) throw new DomainError('not-found', 'your account no longer exists; sign in again');
  // Reading a secret is recorded: it is what lets someone forge webhook deliveries.
  await recordAudit(db, { actor: principal, action: 'webhook.secret-read', target: { type: 'user', id: principal.userId }, origin });
  return { secret: found.current, previousValidUntil: found.previous ? found.previousValidUntil : null };
}
