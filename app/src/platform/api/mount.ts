// Mounts declared routes: auth → rate limit → validate (params, query, body) → handler, in that order, so
// a caller without credentials learns nothing about the input a route expects, and the rate limit knows
// whose budget a request uses before any work is done for it.
import type Router from '@koa/router';
import { z } from 'zod';
import type { AuthChain } from '../auth/chain.ts';
import type { Principal } from '../auth/principal.ts';
import type { Budget, RateLimits } from '../ratelimit/limiters.ts';
import { authenticate } from './authenticate.ts';
import { readJsonBody, readTextBody } from './body.ts';
import { problemForError } from './domain-problems.ts';
import { Problem } from './problems.ts';
import { admit } from './rate-limit.ts';
import type { AnyRoute } from './route.ts';
import { validate } from './validate.ts';

export interface MountOptions {
  auth: AuthChain;
  limits: RateLimits;
  /** Called with the budget of each request refused over a rate limit (the devforge_rate_limited_total metric). */
  onRateLimited?: (budget: Budget) => void;
  bodyLimit: number;
  prefix: string;
  /**
   * Each authenticated call let past the rate limit, with the route's action: counts it (the usage
   * report's API calls) and may refuse it by throwing (api_calls_per_month).
   */
  onCall?: (principal: Principal, action: AnyRoute['action']) => void;
}

const NO_PARAMS = z.object({});

export function mountRoutes(router: Router, routes: AnyRoute[], opts: MountOptions): void {
  for (const route of routes) {
    const kind = route.rateLimit ?? 'api';
    router[route.method](opts.prefix + route.path, async (ctx) => {
      let principal;
      try {
        principal = route.action === 'public' ? undefined : await authenticate(ctx, opts.auth, route.action);
      } catch (err) {
        // A request without valid credentials counts against its address, so guessing API keys is limited too.
        const problem = err instanceof Problem ? err : problemForError(err);
        if (problem?.type === 'unauthorized' && kind !== 'none') await admit(ctx, opts.limits, 'api', undefined, opts.onRateLimited);
        throw err;
      }
      const admitted = await admit(ctx, opts.limits, kind, principal, opts.onRateLimited);
      if (principal) opts.onCall?.(principal, route.action);
      const params = validate(route.params ?? NO_PARAMS, ctx.params, 'params');
      const query = route.query ? validate(route.query, ctx.query, 'query') : {};
      let body: unknown;
      if (route.body) body = validate(route.body, await readJsonBody(ctx, opts.bodyLimit), 'body');
      else if (route.textBody) body = await readTextBody(ctx, opts.bodyLimit);
      const userAgent = ctx.get('user-agent');
      const origin = { ip: ctx.ip || 'unknown', ...(userAgent ? { userAgent } : {}) };
      await route.handler(ctx, { body, query, params, principal: principal as never, origin });
      if (ctx.status < 400) await admitted.succeeded();
    });
  }
}
