// Server-Sent Events for one animation: a `status` event with the whole animation first and on every
// status change, `progress` events while it renders, and the stream ends when it has finished. The
// table is re-read every few seconds too, so a missed notification only delays an event; those
// re-reads are summaries (no scene JSON, no logo), as every stream holds one.
import { PassThrough } from 'node:stream';
import { FINISHED_STATUSES, type AnimationStatus } from '../../db/entities/animation.ts';
import { animationPayload } from '../../domain/payloads.ts';
import { findAnimationSummary, getAnimationSummary } from '../../domain/queries/animations.ts';
import { baseUrl, type ApiServices } from '../../services.ts';
import { defineRoute, type AnyRoute } from '../route.ts';
import { uuidParam } from '../schemas/common.ts';

const KEEPALIVE_MS = 15_000;
const RECHECK_MS = 3_000;

export function eventRoutes(s: ApiServices): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/animations/:id/events',
      tag: 'animations',
      summary: 'Progress as Server-Sent Events (text/event-stream): `status` (the animation), `progress` ({status, progress}), `deleted`; ends when the animation has finished.',
      action: 'animation.read',
      params: uuidParam,
      responses: { 200: { description: 'An event stream.', type: 'text/event-stream' } },
      handler: async (ctx, { params, principal }) => {
        const first = await getAnimationSummary(s.db, principal, params.id);
        const base = baseUrl(ctx, s.config);
        const stream = new PassThrough();
        ctx.req.socket.setTimeout(0);
        ctx.req.socket.setNoDelay(true);
        ctx.status = 200;
        ctx.set('content-type', 'text/event-stream; charset=utf-8');
        ctx.set('cache-control', 'no-cache, no-transform');
        ctx.set('x-accel-buffering', 'no');
        ctx.body = stream;

        let seq = 0;
        let status: AnimationStatus | 'deleted' = first.status;
        let progress = first.progress;
        let closed = false;
        const send = (event: string, data: unknown) => {
          if (!closed) stream.write(`event: ${event}\nid: ${++seq}\ndata: ${JSON.stringify(data)}\n\n`);
        };
        const close = () => {
          if (closed) return;
          closed = true;
          unsubscribe();
          clearInterval(keepalive);
          clearInterval(recheck);
          stream.end();
        };
        const refresh = async () => {
          const row = await findAnimationSummary(s.db, params.id).catch(() => undefined);
          if (row === undefined) return;
          if (row === null) {
            send('deleted', { id: params.id });
            return close();
          }
          if (row.status !== status) {
            status = row.status;
            progress = row.progress;
            send('status', animationPayload(row, base));
          } else if (row.progress !== progress) {
            progress = row.progress;
            send('progress', { id: row.id, status: row.status, progress: row.progress });
          }
          if (FINISHED_STATUSES.includes(row.status)) close();
        };
        const unsubscribe = s.events.subscribe(params.id, (event) => {
          if (event.status === 'deleted') {
            send('deleted', { id: params.id });
            return close();
          }
          if (event.status === status && event.progress !== progress && event.status === 'processing') {
            progress = event.progress;
            send('progress', { id: params.id, status: event.status, progress: event.progress });
          } else void refresh();
        });
        const keepalive = setInterval(() => stream.write(': keep-alive\n\n'), KEEPALIVE_MS);
        const recheck = setInterval(() => void refresh(), RECHECK_MS);
        ctx.req.on('close', close);
        send('status', animationPayload(first, base));
        if (FINISHED_STATUSES.includes(first.status)) close();
      },
    }),
  ];
}
