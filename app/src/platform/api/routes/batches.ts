// Batches: submit many animations at once with one callback when all have finished.
import { createBatch } from '../../domain/commands/animations/batch.ts';
import { animationPayload } from '../../domain/payloads.ts';
import { getBatch } from '../../domain/queries/batches.ts';
import { baseUrl, type ApiServices } from '../../services.ts';
import { idempotent } from '../idempotency.ts';
import { defineRoute, reply, type AnyRoute } from '../route.ts';
import { batchBody, batchCreatedSchema, batchSchema } from '../schemas/animations.ts';
import { uuidParam } from '../schemas/common.ts';

export function batchRoutes(s: ApiServices): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/animations/batch',
      tag: 'batches',
      summary: "Generate several animations; callback_url receives one signed POST when every item has finished, with each item's outcome.",
      action: 'batch.create',
      rateLimit: 'generate',
      body: batchBody,
      responses: {
        202: { description: 'All queued (or, with Idempotent-Replayed: true, the answer to the first request with this Idempotency-Key).', schema: batchCreatedSchema },
        409: { description: 'The first request with this Idempotency-Key is still being processed.' },
        429: { description: 'Over a rate limit, or as many batches processing as limits.concurrentBatchesPerUser allows.' },
      },
      handler: (ctx, { body, principal, origin }) =>
        idempotent(ctx, s, principal, body, async () => {
          const { batch, animations } = await createBatch(s, principal, body, origin);
          ctx.set('location', `${baseUrl(ctx, s.config)}/api/v1/batches/${batch.id}`);
          reply(ctx, 202, {
            batch_id: batch.id,
            status: 'processing',
            animations: animations.map((a) => ({ id: a.id, client_id: a.clientRef, status: 'queued', estimated_completion: a.estimatedCompletion!.toISOString() })),
          });
        }),
    }),
    defineRoute({
      method: 'get',
      path: '/batches/:id',
      tag: 'batches',
      summary: 'A batch and each of its animations.',
      action: 'batch.read',
      params: uuidParam,
      responses: { 200: { description: 'The batch.', schema: batchSchema }, 404: { description: 'No such batch of yours.' } },
      handler: async (ctx, { params, principal }) => {
        const { batch, items, counts } = await getBatch(s.db, principal, params.id);
        const base = baseUrl(ctx, s.config);
        reply(ctx, 200, {
          batch_id: batch.id,
          status: batch.status,
          created_at: batch.createdAt.toISOString(),
          completed_at: batch.completedAt?.toISOString() ?? null,
          callback_url: batch.callbackUrl,
          counts,
          animations: items.map((a) => animationPayload(a, base)),
        });
      },
    }),
  ];
}
