// Cross-origin access to /api/v1, for the embeddable widget only (docs/widget.md). A response carries
// Access-Control-Allow-Origin (the exact origin, never *, and Vary: Origin) only when it answers a
// publishable key whose allowed origins include the request's Origin; secret keys, sessions and everything
// else get no CORS headers, so a browser never lets another site read them. Cookies never travel
// cross-origin (no Allow-Credentials): the widget authenticates with its key alone.
//
// A preflight (OPTIONS) carries no credentials, only the Origin: it is answered when some live publishable
// key lists that origin; the request itself is then checked against the key it presents (policy.ts
// authorizeOrigin), so an origin on one key's list cannot use another key.
import type { Context, Next } from 'koa';
import type { Principal } from '../auth/principal.ts';
import { Problem } from './problems.ts';

/** What the widget sends: its key, JSON bodies, and an Idempotency-Key on generate. */
const ALLOWED_HEADERS = 'authorization, content-type, idempotency-key, accept';
const ALLOWED_METHODS = 'GET, POST';
/** What the widget reads back: the download's file name, the retry hints. */
const EXPOSED_HEADERS = 'content-disposition, retry-after, location';
/** Browsers keep a preflight's answer this long (Chromium caps it at 2 hours). */
const MAX_AGE_S = 600;

/** Sets the CORS headers for a publishable key's request from one of its origins (checked before this). */
export function allowCrossOrigin(ctx: Context, principal: Principal): void {
  const origin = ctx.get('origin');
  if (!principal.publishable || !origin || !principal.publishable.allowedOrigins.includes(origin)) return;
  ctx.set('access-control-allow-origin', origin);
  ctx.set('access-control-expose-headers', EXPOSED_HEADERS);
  ctx.vary('origin');
}

/**
 * Answers CORS preflights under `prefix`: 204 with the allowance when a live publishable key lists the
 * origin, else 403 without CORS headers (the browser then refuses the request, as it should).
 */
export function preflight(prefix: string, originListed: (origin: string) => Promise<boolean>) {
  return async function answerPreflight(ctx: Context, next: Next): Promise<void> {
    const origin = ctx.get('origin');
    if (ctx.method !== 'OPTIONS' || !origin || !ctx.get('access-control-request-method') || !ctx.path.startsWith(prefix + '/')) {
      await next();
      return;
    }
    ctx.vary('origin');
    if (!(await originListed(origin))) {
      throw new Problem('origin-not-allowed', `no publishable key allows ${origin}: add it to the allowed origins of the widget's key (PUT /api/v1/api-keys/{id}/allowed-origins)`, { origin });
    }
    ctx.set('access-control-allow-origin', origin);
    ctx.set('access-control-allow-methods', ALLOWED_METHODS);
    ctx.set('access-control-allow-headers', ALLOWED_HEADERS);
    ctx.set('access-control-max-age', String(MAX_AGE_S));
    ctx.status = 204;
  };
}
