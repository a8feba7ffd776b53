// Headers every response carries. Pages set their own Content-Security-Policy (web/csp.ts).
import type { Context, Next } from 'koa';

export async function securityHeaders(ctx: Context, next: Next): Promise<void> {
  ctx.set('x-content-type-options', 'nosniff');
  ctx.set('referrer-policy', 'no-referrer');
  ctx.set('x-frame-options', 'DENY');
  ctx.set('cross-origin-opener-policy', 'same-origin');
  await next();
}
