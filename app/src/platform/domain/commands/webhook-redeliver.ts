// Sending a webhook delivery again (its receiver was down, or rejected it and has been fixed): the same
// payload to the same URL, signed with the secret in force now, as a new attempt in the delivery's log.
// The delivery goes back to pending and one webhook job is queued, in one transaction, so a delivery
// being retried already is not sent twice (the job skips anything not pending, and the singleton key
// keeps one queued job per delivery).
import type { DataSource } from 'typeorm';
import { WebhookDeliveryEntity, type WebhookDelivery } from '../../db/entities/webhook-delivery.ts';
import { sql } from '../../db/sql.ts';
import { recordAudit, type Origin } from '../audit/record.ts';
import { DomainError } from '../errors.ts';
import { authorize, type Actor } from '../policy.ts';
import type { JobSender } from '../ports.ts';

export async function redeliverWebhook(db: DataSource, queue: JobSender, principal: Actor, id: string, origin?: Origin): Promise<WebhookDelivery> {
  authorize(principal, 'webhook.redeliver');
  return db.transaction(async (tx) => {
    const delivery = await tx.getRepository(WebhookDeliveryEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!delivery) throw new DomainError('not-found', 'no such delivery');
    authorize(principal, 'webhook.redeliver', { kind: 'webhook-delivery', ownerId: delivery.ownerId });
    if (delivery.status === 'pending') throw new DomainError('conflict', 'this delivery is still being sent (status pending); wait for it to be delivered or to fail, then send it again');
    const before = delivery.status;
    await sql(tx, `UPDATE webhook_deliveries SET status = 'pending' WHERE id = $1`, [id]);
    await queue.send('webhook', { deliveryId: id }, { singletonKey: `redeliver:${id}` }, tx);
    await recordAudit(tx, { actor: principal, action: 'webhook.redeliver', target: { type: 'webhook-delivery', id }, origin, details: { event: delivery.event, status_before: before } });
    return { ...delivery, status: 'pending' as const };
  });
}
