// Headers every response carries. Pages set their own Content-Security-Policy (web/csp.ts); this adds
// what applies by kind of response: no caching unless a route chose otherwise (API answers carry API
// keys, signing secrets, CSRF tokens, people's data), HSTS on https (directly, or through a trusted
// proxy's X-Forwarded-Proto: Koa's ctx.secure), Permissions-Policy on HTML pages.
import type { Context, Next } from 'koa';
import { PAGE_PERMISSIONS_POLICY } from '../web/csp.ts';

/** One year: browsers then refuse plain http to this host for that long. */
const HSTS = 'max-age=31536000';

export async function securityHeaders(ctx: Context, next: Next): Promise<void> {
  ctx.set('x-content-type-options', 'nosniff');
  ctx.set('referrer-policy', 'no-referrer');
  ctx.set('x-frame-options', 'DENY');
  ctx.set('cross-origin-opener-policy', 'same-origin');
  if (ctx.secure) ctx.set('strict-transport-security', HSTS);
  try {
    await next();
  } finally {
    // Routes that may be cached (fonts, the page shell) say so; everything else is never stored.
    if (!ctx.response.get('cache-control')) ctx.set('cache-control', 'no-store');
    if (ctx.response.is('html')) ctx.set('permissions-policy', PAGE_PERMISSIONS_POLICY);
  }
}
