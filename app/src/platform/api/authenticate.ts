// The auth step of every non-public route: run the chain, require a principal, enforce CSRF on
// cookie-authenticated writes, then the role.
import type { Context } from 'koa';
import type { AuthChain } from '../auth/chain.ts';
import type { Principal } from '../auth/principal.ts';
import { roleAllows } from '../auth/roles.ts';
import { safeEqual } from '../auth/tokens.ts';
import type { Role } from '../db/entities/user.ts';
import { Problem } from './problems.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

export async function identify(ctx: Context, chain: AuthChain): Promise<Principal | undefined> {
  return chain.authenticate({ authorization: ctx.get('authorization') || undefined, cookie: (name) => ctx.cookies.get(name) });
}

export async function authenticate(ctx: Context, chain: AuthChain, need: Role): Promise<Principal> {
  const principal = await identify(ctx, chain);
  if (!principal) throw new Problem('unauthorized', undefined, {}, { 'www-authenticate': 'Bearer realm="devforge"' });
  if (principal.via === 'session' && !SAFE_METHODS.has(ctx.method)) {
    const token = ctx.get(CSRF_HEADER);
    if (!token || !principal.csrfToken || !safeEqual(token, principal.csrfToken)) throw new Problem('csrf-failed');
  }
  if (!roleAllows(principal.role, need)) throw new Problem('forbidden', `this needs the ${need} role; this request acts as ${principal.role}`);
  ctx.state.principal = principal;
  return principal;
}
