// Animations: generate, list, read, cancel, re-render, delete.
import type { Context } from 'koa';
import type { Principal } from '../../auth/principal.ts';
import { findVisibleAnimation } from '../../commands/animations/access.ts';
import { createAnimation } from '../../commands/animations/create.ts';
import { cancelAnimation, deleteAnimation, rerenderAnimation } from '../../commands/animations/manage.ts';
import { AnimationEntity } from '../../db/entities/animation.ts';
import { baseUrl, type ApiServices } from '../../services.ts';
import { animationLinks, presentAnimation } from '../presenters/animation.ts';
import { Problem } from '../problems.ts';
import { defineRoute, reply, type AnyRoute } from '../route.ts';
import { animationListSchema, animationSchema, generateBody, listQuery, queuedSchema, type GenerateBody } from '../schemas/animations.ts';
import { uuidParam } from '../schemas/common.ts';

function cursorOf(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

function parseCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw new Problem('validation-failed', 'query.cursor: not a cursor this API returned', { errors: [{ field: 'query.cursor', message: 'invalid cursor' }] });
  return { at: date, id };
}

export function animationRoutes(s: ApiServices): AnyRoute[] {
  const generate = async (ctx: Context, body: GenerateBody, principal: Principal) => {
    const animation = await createAnimation(s, principal, body);
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
      description: 'The description is analysed and composed at once (bad input is refused here with 422); the render is queued. Follow links.events (SSE) or poll links.self.',
      access: 'editor',
      body: generateBody,
      responses: { 202: { description: 'Queued.', schema: queuedSchema } },
      handler: (ctx, { body, principal }) => generate(ctx, body, principal),
    });

  return [
    generateRoute('/animations/generate', 'Generate an animation from a description.'),
    generateRoute('/enterprise/animations/generate', 'The same call as POST /animations/generate (enterprise API path).'),
    defineRoute({
      method: 'get',
      path: '/animations',
      tag: 'animations',
      summary: 'Your animations, newest first, paged with a cursor; filters: status, template, batch_id, q.',
      access: 'viewer',
      query: listQuery,
      responses: { 200: { description: 'A page.', schema: animationListSchema } },
      handler: async (ctx, { query, principal }) => {
        if (query.owner === 'all' && principal.role !== 'admin') throw new Problem('forbidden', 'only admins may list every user\'s animations');
        const qb = s.db.getRepository(AnimationEntity).createQueryBuilder('a');
        if (query.owner !== 'all') qb.andWhere('a.owner_id = :owner', { owner: principal.userId });
        if (query.status) qb.andWhere('a.status = :status', { status: query.status });
        if (query.template) qb.andWhere('a.template = :template', { template: query.template });
        if (query.batch_id) qb.andWhere('a.batch_id = :batch', { batch: query.batch_id });
        if (query.q) qb.andWhere('a.description ILIKE :q', { q: `%${query.q.replace(/[\\%_]/g, (c) => '\\' + c)}%` });
        if (query.cursor) {
          const c = parseCursor(query.cursor);
          qb.andWhere('(a.created_at, a.id) < (:at, :id)', { at: c.at, id: c.id });
        }
        const rows = await qb.orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').take(query.limit + 1).getMany();
        const page = rows.slice(0, query.limit);
        const last = page[page.length - 1];
        const base = baseUrl(ctx, s.config);
        reply(ctx, 200, { animations: page.map((a) => presentAnimation(a, base)), next_cursor: rows.length > query.limit && last ? cursorOf(last.createdAt, last.id) : null });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/animations/:id',
      tag: 'animations',
      summary: 'One animation: status, progress, error, facts, outputs, links.',
      access: 'viewer',
      params: uuidParam,
      responses: { 200: { description: 'The animation.', schema: animationSchema }, 404: { description: 'No such animation of yours.' } },
      handler: async (ctx, { params, principal }) => reply(ctx, 200, presentAnimation(await findVisibleAnimation(s.db, principal, params.id), baseUrl(ctx, s.config))),
    }),
    defineRoute({
      method: 'delete',
      path: '/animations/:id',
      tag: 'animations',
      summary: 'Delete an animation and its files (a running render is stopped).',
      access: 'editor',
      params: uuidParam,
      responses: { 204: { description: 'Deleted.' }, 404: { description: 'No such animation of yours.' } },
      handler: async (ctx, { params, principal }) => {
        await deleteAnimation(s, principal, params.id);
        ctx.status = 204;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/animations/:id/cancel',
      tag: 'animations',
      summary: 'Cancel a queued or running render.',
      access: 'editor',
      params: uuidParam,
      responses: { 200: { description: 'Cancelled.', schema: animationSchema }, 409: { description: 'Already finished.' } },
      handler: async (ctx, { params, principal }) => reply(ctx, 200, presentAnimation(await cancelAnimation(s, principal, params.id), baseUrl(ctx, s.config))),
    }),
    defineRoute({
      method: 'post',
      path: '/animations/:id/rerender',
      tag: 'animations',
      summary: 'Render a finished animation again from its stored scene spec.',
      access: 'editor',
      params: uuidParam,
      responses: { 202: { description: 'Queued again.', schema: animationSchema }, 409: { description: 'Still queued or processing.' } },
      handler: async (ctx, { params, principal }) => reply(ctx, 202, presentAnimation(await rerenderAnimation(s, principal, params.id), baseUrl(ctx, s.config))),
    }),
  ];
}
