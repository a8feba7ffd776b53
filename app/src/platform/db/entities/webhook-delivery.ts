// One webhook to send (an animation finished, a batch finished) and every attempt made to send it.
import { EntitySchema } from 'typeorm';
import { createdAt, json, text, timestamp, uuidPrimary } from './columns.ts';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface WebhookDelivery {
  id: string;
  ownerId: string;
  animationId: string | null;
  batchId: string | null;
  event: string;
  url: string;
  payload: Record<string, unknown>;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  /** One delivery per event and subject, however often the job that queues it runs. */
  dedupeKey: string;
  createdAt: Date;
  deliveredAt: Date | null;
}

export interface WebhookAttempt {
  id: string;
  deliveryId: string;
  attempt: number;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  createdAt: Date;
}

export const WebhookDeliveryEntity = new EntitySchema<WebhookDelivery>({
  name: 'WebhookDelivery',
  tableName: 'webhook_deliveries',
  columns: {
    id: uuidPrimary,
    ownerId: { type: 'uuid', name: 'owner_id' },
    animationId: { type: 'uuid', name: 'animation_id', nullable: true },
    batchId: { type: 'uuid', name: 'batch_id', nullable: true },
    event: text('event'),
    url: text('url'),
    payload: json('payload'),
    status: text('status'),
    attempts: { type: 'int', name: 'attempts', default: 0 },
    lastError: text('last_error', true),
    dedupeKey: text('dedupe_key'),
    createdAt,
    deliveredAt: timestamp('delivered_at', true),
  },
});

export const WebhookAttemptEntity = new EntitySchema<WebhookAttempt>({
  name: 'WebhookAttempt',
  tableName: 'webhook_attempts',
  columns: {
    id: uuidPrimary,
    deliveryId: { type: 'uuid', name: 'delivery_id' },
    attempt: { type: 'int', name: 'attempt' },
    statusCode: { type: 'int', name: 'status_code', nullable: true },
    error: text('error', true),
    durationMs: { type: 'int', name: 'duration_ms' },
    createdAt,
  },
});
