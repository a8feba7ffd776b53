// Webhook deliveries and every attempt, readable by their owner; and the secret that signs them.
import { z } from 'zod';
import { UserEntity } from '../../db/entities/user.ts';
import { WebhookAttemptEntity, WebhookDeliveryEntity } from '../../db/entities/webhook-delivery.ts';
import type { ApiServices } from '../../services.ts';
import { SIGNATURE_HEADER } from '../../webhooks/sign.ts';
import { canSee } from '../../commands/animations/access.ts';
import { presentDelivery } from '../presenters/webhooks.ts';
import { Problem } from '../problems.ts';
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
      access: 'viewer',
      query: z.object({ animation_id: z.uuid().optional(), batch_id: z.uuid().optional(), status: z.enum(['pending', 'delivered', 'failed']).optional(), limit: z.coerce.number().int().min(1).max(100).default(50) }),
      responses: { 200: { description: 'Deliveries.', schema: z.object({ deliveries: z.array(deliverySchema) }) } },
      handler: async (ctx, { query, principal }) => {
        const where: Record<string, unknown> = {};
        if (principal.role !== 'admin') where.ownerId = principal.userId;
        if (query.animation_id) where.animationId = query.animation_id;
        if (query.batch_id) where.batchId = query.batch_id;
        if (query.status) where.status = query.status;
        const deliveries = await s.db.getRepository(WebhookDeliveryEntity).find({ where, order: { createdAt: 'DESC' }, take: query.limit });
        const attempts = deliveries.length ? await s.db.getRepository(WebhookAttemptEntity).createQueryBuilder('a').where('a.delivery_id IN (:...ids)', { ids: deliveries.map((d) => d.id) }).orderBy('a.attempt', 'ASC').getMany() : [];
        reply(ctx, 200, { deliveries: deliveries.map((d) => presentDelivery(d, attempts.filter((a) => a.deliveryId === d.id))) });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/webhooks/deliveries/:id',
      tag: 'webhooks',
      summary: 'One delivery with every attempt (status code, error, duration).',
      access: 'viewer',
      params: uuidParam,
      responses: { 200: { description: 'The delivery.', schema: deliverySchema }, 404: { description: 'No such delivery of yours.' } },
      handler: async (ctx, { params, principal }) => {
        const delivery = await s.db.getRepository(WebhookDeliveryEntity).findOneBy({ id: params.id });
        if (!delivery || !canSee(principal, delivery.ownerId)) throw new Problem('not-found', 'no such delivery');
        const attempts = await s.db.getRepository(WebhookAttemptEntity).find({ where: { deliveryId: delivery.id }, order: { attempt: 'ASC' } });
        reply(ctx, 200, presentDelivery(delivery, attempts));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/webhooks/signing-secret',
      tag: 'webhooks',
      summary: 'The secret your webhooks are signed with, and how to check a signature.',
      access: 'viewer',
      responses: { 200: { description: 'The secret.', schema: z.object({ secret: z.string(), header: z.string(), scheme: z.string() }) } },
      handler: async (ctx, { principal }) => {
        const user = await s.db.getRepository(UserEntity).findOneByOrFail({ id: principal.userId });
        ctx.set('cache-control', 'no-store');
        reply(ctx, 200, {
          secret: user.webhookSecret,
          header: SIGNATURE_HEADER,
          scheme: 't=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>; reject timestamps older than 5 minutes',
        });
      },
    }),
  ];
}
