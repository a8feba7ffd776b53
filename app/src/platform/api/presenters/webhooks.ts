// Webhook deliveries and their attempt log, as their owner reads them.
import type { WebhookAttempt, WebhookDelivery } from '../../db/entities/webhook-delivery.ts';

export function presentDelivery(d: WebhookDelivery, attempts?: WebhookAttempt[]) {
  return {
    id: d.id,
    event: d.event,
    url: d.url,
    status: d.status,
    attempts: d.attempts,
    last_error: d.lastError,
    animation_id: d.animationId,
    batch_id: d.batchId,
    created_at: d.createdAt.toISOString(),
    delivered_at: d.deliveredAt ? d.deliveredAt.toISOString() : null,
    payload: d.payload,
    ...(attempts
      ? {
          attempt_log: attempts.map((a) => ({ attempt: a.attempt, status_code: a.statusCode, error: a.error, duration_ms: a.durationMs, at: a.createdAt.toISOString() })),
        }
      : {}),
  };
}
