// Animations: generate, list, read, rename, cancel, re-render, delete.
import type { Context } from 'koa';
import { z } from 'zod';
import type { Principal } from '../../auth/principal.ts';
import type { Origin } from '../../domain/audit/record.ts';
import { createAnimation } from '../../domain/commands/animations/create.ts';
import { cancelAnimation, deleteAnimation, renameAnimation, rerenderAnimation } from '../../domain/commands/animations/manage.ts';
import { animationLinks, animationPayload } from '../../domain/payloads.ts';
import { getAnimationSummary, listAnimations } from '../../domain/queries/animations.ts';
import { baseUrl, type ApiServices } from '../../services.ts';
import { idempotent } from '../idempotency.ts';
import { defineRoute, reply, type AnyRoute } from '../route.ts';
import { animationListSchema, animationSchema, generateBody, listQuery, queuedSchema, type GenerateBody } from '../schemas/animations.ts';
import { uuidParam } from '../schemas/common.ts';

export function animationRoutes(s: ApiServices): AnyRoute[] {
  const generate = async (ctx: Context, body: GenerateBody, principal: Principal, origin: Origin) => {
    const animation = await createAnimation(s, principal, body, origin);
    const links = animationLinks(baseUrl(ctx, s.config), animation.id);
    ctx.set('location', links.self!);
    reply(ctx, 202, { id: animation.id, status: 'queued', estimated_completion: animation.estimatedCompletion!.toISOString(), links });
  };
  const generateRoute = (path: string, summary: string) =>
    defineRoute({
      method: 'post',
      path,
      tag: 'animations',
      summary,
      description:
        'The description is analysed and composed at once (bad input is refused here with 422); the render is queued. Follow links.events (SSE) or poll links.self. An Idempotency-Key header makes a retry safe: the same key and body within limits.idempotencyHours get the first answer again (Idempotent-Replayed: true), another body with the same key 422.',
      action: 'animation.create',
      rateLimit: 'generate',
      body: generateBody,
      responses: {
        202: { description: 'Queued (or, with Idempotent-Replayed: true, the answer to the first request with this Idempotency-Key).', schema: queuedSchema },
        409: { description: 'The first request with this Idempotency-Key is still being processed.' },
        429: { description: 'Over a rate limit, or as many renders queued as limits.concurrentRendersPerUser allows.' },
      },
      handler: (ctx, { body, principal, origin }) => idempotent(ctx, s, principal, body, () => generate(ctx, body, principal, origin)),
    });

  return [
    generateRoute('/animations/generate', 'Generate an animation from a description.'),
    generateRoute('/enterprise/animations/generate', 'The same call as POST /animations/generate (enterprise API path).'),
    defineRoute({
      method: 'get',
      path: '/animations',
      tag: 'animations',
      summary: 'Your animations, newest first, paged with a cursor; filters: status, template, batch_id, q.',
      action: 'animation.list',
      query: listQuery,
      responses: { 200: { description: 'A page.', schema: animationListSchema } },
      handler: async (ctx, { query, principal }) => {
        const page = await listAnimations(s.db, principal, { status: query.status, template: query.template, batchId: query.batch_id, q: query.q, owner: query.owner, limit: query.limit, cursor: query.cursor });
        const base = baseUrl(ctx, s.config);
        reply(ctx, 200, { animations: page.animations.map((a) => animationPayload(a, base)), next_cursor: page.nextCursor });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/animations/:id',
      tag: 'animations',
      summary: 'One animation: status, progress, error, facts, outputs, links.',
      action: 'animation.read',
      params: uuidParam,
      responses: { 200: { description: 'The animation.', schema: animationSchema }, 404: { description: 'No such animation of yours.' } },
      handler: async (ctx, { params, principal }) => reply(ctx, 200, animationPayload(await getAnimationSummary(s.db, principal, params.id), baseUrl(ctx, s.config))),
    }),
    defineRoute({
      method: 'delete',
      path: '/animations/:id',
      tag: 'animations',
      summary: 'Delete an animation and its files (a running render is stopped).',
      action: 'animation.delete',
      params: uuidParam,
      responses: { 204: { description: 'Deleted.' }, 404: { description: 'No such animation of yours.' } },
      handler: async (ctx, { params, principal, origin }) => {
        await deleteAnimation(s, principal, params.id, origin);
        ctx.status = 204;
      },
    }),
    defineRoute({
      method: 'put',
      path: '/animations/:id/title',
      tag: 'animations',
      summary: 'Name an animation in the library (its description and files do not change); null makes it untitled.',
      action: 'animation.rename',
      params: uuidParam,
      body: z.strictObject({
        title: z.string().trim().min(1, 'the title is empty; send null to make the animation untitled').max(200, 'the title is longer than 200 characters').nullable(),
      }),
      responses: { 200: { description: 'Renamed.', schema: animationSchema }, 404: { description: 'No such animation of yours.' } },
      handler: async (ctx, { params, body, principal, origin }) => {
        await renameAnimation(s, principal, params.id, body.title, origin);
        reply(ctx, 200, animationPayload(await getAnimationSummary(s.db, principal, params.id), baseUrl(ctx, s.config)));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/animations/:id/cancel',
      tag: 'animations',
      summary: 'Cancel a queued or running render.',
      action: 'animation.cancel',
      params: uuidParam,
      responses: { 200: { description: 'Cancelled.', schema: animationSchema }, 409: { description: 'Already finished.' } },
      handler: async (ctx, { params, principal, origin }) => reply(ctx, 200, animationPayload(await cancelAnimation(s, principal, params.id, origin), baseUrl(ctx, s.config))),
    }),
    defineRoute({
      method: 'post',
      path: '/animations/:id/rerender',
      tag: 'animations',
      summary: 'Render a finished animation again from its stored scene spec.',
      action: 'animation.rerender',
      rateLimit: 'generate',
      params: uuidParam,
      responses: { 202: { description: 'Queued again.', schema: animationSchema }, 409: { description: 'Still queued or processing.' } },
      handler: async (ctx, { params, principal, origin }) => reply(ctx, 202, animationPayload(await rerenderAnimation(s, principal, params.id, origin), baseUrl(ctx, s.config))),
    }),
  ];
}
