// Webhook deliveries and every attempt, readable by their owner; and the secret that signs them (read, rotate).
import { z } from 'zod';
import { redeliverWebhook } from '../../domain/commands/webhook-redeliver.ts';
import { rotateSigningSecret } from '../../domain/commands/webhook-secret.ts';
import { getDelivery, listDeliveries, signingSecret } from '../../domain/queries/webhooks.ts';
import type { ApiServices } from '../../services.ts';
import { SIGNATURE_HEADER } from '../../webhooks/sign.ts';
import { presentDelivery } from '../presenters/webhooks.ts';
import { defineRoute, reply, type AnyRoute } from '../route.ts';
import { uuidParam } from '../schemas/common.ts';

const attemptSchema = z.object({ attempt: z.number(), status_code: z.number().nullable(), error: z.string().nullable(), duration_ms: z.number(), at: z.string() });
export const deliverySchema = z.object({
  id: z.uuid(),
  event: z.string(),
  url: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number(),
  last_error: z.string().nullable(),
  animation_id: z.uuid().nullable(),
  batch_id: z.uuid().nullable(),
  created_at: z.string(),
  delivered_at: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  attempt_log: z.array(attemptSchema).optional(),
});

const secretSchema = z.object({
  secret: z.string(),
  header: z.string(),
  scheme: z.string(),
  previous_valid_until: z.string().nullable().describe('Until when deliveries also carry a signature with the secret before the last rotation; null: they do not.'),
});

function presentSecret(secret: string, previousValidUntil: Date | null) {
  return {
    secret,
    header: SIGNATURE_HEADER,
    scheme: 't=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>[,v1=<same with the previous secret>]; accept when any v1 matches your secret; reject timestamps older than 5 minutes',
    previous_valid_until: previousValidUntil?.toISOString() ?? null,
  };
}

export function webhookRoutes(s: ApiServices): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/webhooks/deliveries',
      tag: 'webhooks',
      summary: 'Your webhook deliveries, newest first, each with its attempt log.',
      action: 'webhook.list',
      query: z.object({ animation_id: z.uuid().optional(), batch_id: z.uuid().optional(), status: z.enum(['pending', 'delivered', 'failed']).optional(), limit: z.coerce.number().int().min(1).max(100).default(50) }),
      responses: { 200: { description: 'Deliveries.', schema: z.object({ deliveries: z.array(deliverySchema) }) } },
      handler: async (ctx, { query, principal }) => {
        const deliveries = await listDeliveries(s.db, principal, { animationId: query.animation_id, batchId: query.batch_id, status: query.status, limit: query.limit });
        reply(ctx, 200, { deliveries: deliveries.map((d) => presentDelivery(d.delivery, d.attempts)) });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/webhooks/deliveries/:id',
      tag: 'webhooks',
      summary: 'One delivery with every attempt (status code, error, duration).',
      action: 'webhook.read',
      params: uuidParam,
      responses: { 200: { description: 'The delivery.', schema: deliverySchema }, 404: { description: 'No such delivery of yours.' } },
      handler: async (ctx, { params, principal }) => {
        const { delivery, attempts } = await getDelivery(s.db, principal, params.id);
        reply(ctx, 200, presentDelivery(delivery, attempts));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/webhooks/deliveries/:id/redeliver',
      tag: 'webhooks',
      summary: 'Send a delivered or failed delivery again: the same payload to the same URL, signed with the secret in force now, logged as a new attempt.',
      action: 'webhook.redeliver',
      params: uuidParam,
      responses: {
        202: { description: 'Queued again (status pending).', schema: deliverySchema },
        404: { description: 'No such delivery of yours.' },
        409: { description: 'It is still being sent (pending).' },
      },
      handler: async (ctx, { params, principal, origin }) => {
        await redeliverWebhook(s.db, s.queue, principal, params.id, origin);
        const { delivery, attempts } = await getDelivery(s.db, principal, params.id);
        reply(ctx, 202, presentDelivery(delivery, attempts));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/webhooks/signing-secret',
      tag: 'webhooks',
      summary: 'The secret your webhooks are signed with, and how to check a signature.',
      action: 'webhook.secret.read',
      responses: { 200: { description: 'The secret.', schema: secretSchema } },
      handler: async (ctx, { principal, origin }) => {
        const { secret, previousValidUntil } = await signingSecret(s.db, s.secrets, principal, origin);
        ctx.set('cache-control', 'no-store');
        reply(ctx, 200, presentSecret(secret, previousValidUntil));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/webhooks/signing-secret/rotate',
      tag: 'webhooks',
      summary: 'Replace your webhook signing secret. The old one keeps signing too (a second v1) until previous_valid_until.',
      description:
        'From now on every delivery is signed with the new secret; for webhooks.secretOverlapHours its signature header also carries a v1 made with the old one, so a receiver that still holds the old secret keeps accepting deliveries while you give it the new one.',
      action: 'webhook.secret.rotate',
      query: z.strictObject({
        overlap_hours: z.coerce.number().int().min(0).max(168).optional().describe('How long the old secret keeps signing too; default webhooks.secretOverlapHours. 0 when it leaked: it stops at once.'),
      }),
      responses: { 200: { description: 'The new secret (shown here and by GET /webhooks/signing-secret).', schema: secretSchema } },
      handler: async (ctx, { query, principal, origin }) => {
        const { secret, previousValidUntil } = await rotateSigningSecret(s.db, s.secrets, principal, query.overlap_hours ?? s.config.webhooks.secretOverlapHours, origin);
        ctx.set('cache-control', 'no-store');
        reply(ctx, 200, presentSecret(secret, previousValidUntil));
      },
    }),
  ];
}
