// Server-Sent Events for one animation: a `status` event with the whole animation first and on every
// status change, `progress` events while it renders, and the stream ends when it has finished. Changes
// arrive through the process's one LISTEN connection; the table is re-read every few seconds too, so a
// missed notification only delays an event, but that re-read is shared by every stream (event-streams.ts),
// and a stream holds no database connection. Each principal and the process have a cap on open streams.
import { PassThrough } from 'node:stream';
import { FINISHED_STATUSES, type AnimationStatus } from '../../db/entities/animation.ts';
import type { AnimationSummary } from '../../domain/payloads.ts';
import { animationPayload } from '../../domain/payloads.ts';
import { getAnimationSummary } from '../../domain/queries/animations.ts';
import { baseUrl, type ApiServices } from '../../services.ts';
import { EventStreams } from '../event-streams.ts';
import { defineRoute, type AnyRoute } from '../route.ts';
import { uuidParam } from '../schemas/common.ts';

const KEEPALIVE_MS = 15_000;

export function eventRoutes(s: ApiServices): AnyRoute[] {
  const streams = new EventStreams(s.db, s.config, s.metrics);
  return [
    defineRoute({
      method: 'get',
      path: '/animations/:id/events',
      tag: 'animations',
      summary: 'Progress as Server-Sent Events (text/event-stream): `status` (the animation), `progress` ({status, progress}), `deleted`; ends when the animation has finished.',
      description: 'At most limits.streamsPerPrincipal streams per API key or user and limits.streamsTotal per server are open at once; past either, 429 before the stream opens.',
      action: 'animation.read',
      params: uuidParam,
      responses: { 200: { description: 'An event stream.', type: 'text/event-stream' }, 429: { description: 'Too many streams open (this caller or this server).' } },
      handler: async (ctx, { params, principal }) => {
        // The slot first: a refused stream costs no query.
        const release = streams.acquire(principal);
        let first: AnimationSummary;
        try {
          first = await getAnimationSummary(s.db, principal, params.id);
        } catch (err) {
          release();
          throw err;
        }
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
          unwatch();
          clearInterval(keepalive);
          release();
          stream.end();
        };
        const onRow = (row: AnimationSummary | null) => {
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
        const unwatch = streams.watch(params.id, onRow);
        const unsubscribe = s.events.subscribe(params.id, (event) => {
          if (event.status === 'deleted') {
            send('deleted', { id: params.id });
            return close();
          }
          if (event.status === status && event.progress !== progress && event.status === 'processing') {
            progress = event.progress;
            send('progress', { id: params.id, status: event.status, progress: event.progress });
          } else streams.refresh(params.id);
        });
        const keepalive = setInterval(() => stream.write(': keep-alive\n\n'), KEEPALIVE_MS);
        ctx.req.on('close', close);
        stream.on('close', close);
        send('status', animationPayload(first, base));
        if (FINISHED_STATUSES.includes(first.status)) close();
      },
    }),
  ];
}
