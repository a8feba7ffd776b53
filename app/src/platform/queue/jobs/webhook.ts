// The webhook job: one attempt per run, logged in webhook_attempts; a transient failure throws so
// pg-boss retries with exponential backoff, until webhooks.retryLimit, after which the delivery is
// marked failed. A permanent failure (the URL or its address is refused) is marked failed at once.
import type { JobWithMetadata } from 'pg-boss';
import type { DataSource } from 'typeorm';
import { WebhookDeliveryEntity } from '../../db/entities/webhook-delivery.ts';
import { sql } from '../../db/sql.ts';
import type { Logger } from '../../log.ts';
import type { SecretBox } from '../../secrets/secret-box.ts';
import { signingSecretsOf } from '../../secrets/webhook-secrets.ts';
import type { WebhookPolicy } from '../../webhooks/policy.ts';
import { sendWebhook } from '../../webhooks/send.ts';
import type { JobPayloads } from '../names.ts';

export interface WebhookJobDeps {
  db: DataSource;
  policy: WebhookPolicy;
  secrets: SecretBox;
  timeoutMs: number;
  log: Logger;
}

export async function performWebhook(deps: WebhookJobDeps, job: JobWithMetadata<JobPayloads['webhook']>): Promise<Record<string, unknown>> {
  const delivery = await deps.db.getRepository(WebhookDeliveryEntity).findOneBy({ id: job.data.deliveryId });
  if (!delivery || delivery.status !== 'pending') return { skipped: true };
  // A secret rotated less than webhooks.secretOverlapHours ago still signs too, so receivers can switch.
  const owner = await signingSecretsOf(deps.db, deps.secrets, delivery.ownerId);
  if (!owner) return { skipped: true };
  const attempt = delivery.attempts + 1;
  const body = JSON.stringify({ ...delivery.payload, delivery_id: delivery.id, sent_at: new Date().toISOString() });
  const result = await sendWebhook(deps.policy, {
    url: delivery.url,
    body,
    secrets: owner.previous ? [owner.current, owner.previous] : [owner.current],
    event: delivery.event,
    deliveryId: delivery.id,
    attempt,
    timeoutMs: deps.timeoutMs,
  });
  const failure = result.failure;
  await sql(deps.db, 'INSERT INTO webhook_attempts (delivery_id, attempt, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5)', [delivery.id, attempt, result.statusCode, failure?.message ?? null, result.durationMs]);
  if (!failure) {
    await sql(deps.db, `UPDATE webhook_deliveries SET status = 'delivered', attempts = $2, last_error = NULL, delivered_at = now() WHERE id = $1`, [delivery.id, attempt]);
    return { delivered: true, attempt };
  }
  const last = failure.permanent || job.retryCount >= job.retryLimit;
  await sql(deps.db, `UPDATE webhook_deliveries SET status = $3, attempts = $2, last_error = $4 WHERE id = $1`, [delivery.id, attempt, last ? 'failed' : 'pending', failure.message]);
  // The cause (ECONNREFUSED 10.0.0.5:5432, a parse error) is for administrators only: users see `failure.message`.
  const detail = failure.cause instanceof Error ? ` (${failure.cause.message || (failure.cause as { code?: string }).code})` : '';
  deps.log.warn(`webhook ${delivery.id} (${delivery.event}) to ${delivery.url} attempt ${attempt}: ${failure.message}${detail} [${failure.code}]${failure.permanent ? '; permanent, not retried' : last ? '; giving up' : '; will retry'}`);
  if (last) return { failed: failure.message };
  throw failure;
}
