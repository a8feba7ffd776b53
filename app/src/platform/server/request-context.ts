// Gives every request an id and a logger that carries it. The id is the caller's X-Request-Id when it
// looks like an id (a proxy's or client's correlation id), else a new UUID; it is echoed in the
// response's X-Request-Id so a user reporting a problem can quote it. One access-log line per request.
import { randomUUID } from 'node:crypto';
import type { Context, Next } from 'koa';
import type { Logger } from '../log.ts';

/** Letters, digits and - _ . : only, 1 to 128 characters: safe in a header and a log line. */
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Polled by load balancers and Prometheus every few seconds: their lines are debug, not info. */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

export function requestIdFor(header: string | undefined): string {
  return header && SANE_ID.test(header) ? header : randomUUID();
}

/** The request's logger (with request_id), set by requestContext; the process logger before it ran. */
export function requestLog(ctx: Context, fallback: Logger): Logger {
  return (ctx.state.log as Logger | undefined) ?? fallback;
}

export function requestContext(log: Logger) {
  return async function withRequestContext(ctx: Context, next: Next): Promise<void> {
    const requestId = requestIdFor(ctx.get('x-request-id') || undefined);
    const child = log.child({ request_id: requestId });
    ctx.state.requestId = requestId;
    ctx.state.log = child;
    ctx.set('x-request-id', requestId);
    const started = performance.now();
    try {
      await next();
    } finally {
      const fields = { method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(performance.now() - started), ...animationOf(ctx) };
      if (QUIET_PATHS.has(ctx.path)) child.debug('request', fields);
      else child.info('request', fields);
    }
  };
}

/** animation_id for routes under /animations/:id (the id a request acted on). */
function animationOf(ctx: Context): { animation_id?: string } {
  const route = (ctx as unknown as { _matchedRoute?: string })._matchedRoute;
  const id = (ctx as unknown as { params?: Record<string, string> }).params?.id;
  return typeof route === 'string' && route.includes('/animations/:id') && id ? { animation_id: id } : {};
}
