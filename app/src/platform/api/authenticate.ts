// The auth step of every non-public route: run the chain, require a principal, enforce CSRF on
// cookie-authenticated writes, hold a publishable key to its allowed origins (and answer its page with CORS
// headers), then ask the policy whether this caller may do the route's action at all.
import type { Context } from 'koa';
import type { AuthChain } from '../auth/chain.ts';
import { safeEqual } from '../auth/tokens.ts';
import { authorize, authorizeOrigin, type Action } from '../domain/policy.ts';
import { allowCrossOrigin } from './cors.ts';
import type { Principal } from '../auth/principal.ts';
import { Problem } from './problems.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

export async function identify(ctx: Context, chain: AuthChain): Promise<Principal | undefined> {
  return chain.authenticate({ authorization: ctx.get('authorization') || undefined, cookie: (name) => ctx.cookies.get(name) });
}

export async function authenticate(ctx: Context, chain: AuthChain, action: Action): Promise<Principal> {
  const principal = await identify(ctx, chain);
  if (!principal) throw new Problem('unauthorized', undefined, {}, { 'www-authenticate': 'Bearer realm="devforge"' });
  if (principal.via === 'session' && !SAFE_METHODS.has(ctx.method)) {
    const token = ctx.get(CSRF_HEADER);
    if (!token || !principal.csrfToken || !safeEqual(token, principal.csrfToken)) throw new Problem('csrf-failed');
  }
  authorizeOrigin(principal, ctx.get('origin') || undefined);
  allowCrossOrigin(ctx, principal);
  authorize(principal, action);
  ctx.state.principal = principal;
  return principal;
}
