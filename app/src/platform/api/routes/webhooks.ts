// Webhook deliveries and every attempt, readable by their owner; and the secret that signs them.
import { z } from 'zod';
import { getDelivery, listDeliveries, signingSecret } from '../../domain/queries/webhooks.ts';
import type { ApiServices } from '../../services.ts';
import { SIGNATURE_HEADER } from '../../webhooks/sign.ts';
import { presentDelivery } from '../presenters/webhooks.ts';
import { defineRoute, reply, type AnyRoute } from '../route.ts';
import { uuidParam } from '../schemas/common.ts';

const attemptSchema = z.object({ attempt: z.number(), status_code: z.number().nullable(), error: z.string().nullable(), duration_ms: z.number(), at: z.string() });
const deliverySchema = z.object({
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
      method: 'get',
      path: '/webhooks/signing-secret',
      tag: 'webhooks',
      summary: 'The secret your webhooks are signed with, and how to check a signature.',
      action: 'webhook.secret.read',
      responses: { 200: { description: 'The secret.', schema: z.object({ secret: z.string(), header: z.string(), scheme: z.string() }) } },
      handler: async (ctx, { principal, origin }) => {
        const secret = await signingSecret(s.db, s.secrets, principal, origin);
        ctx.set('cache-control', 'no-store');
        reply(ctx, 200, {
          secret,
          header: SIGNATURE_HEADER,
          scheme: 't=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>; reject timestamps older than 5 minutes',
        });
      },
    }),
  ];
}
