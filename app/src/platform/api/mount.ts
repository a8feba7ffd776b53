// Mounts declared routes: auth → validate (params, query, body) → handler, in that order, so a caller
// without credentials learns nothing about the input a route expects.
import type Router from '@koa/router';
import { z } from 'zod';
import type { AuthChain } from '../auth/chain.ts';
import { authenticate } from './authenticate.ts';
import { readJsonBody } from './body.ts';
import type { AnyRoute } from './route.ts';
import { validate } from './validate.ts';

export interface MountOptions {
  auth: AuthChain;
  bodyLimit: number;
  prefix: string;
}

const NO_PARAMS = z.object({});

export function mountRoutes(router: Router, routes: AnyRoute[], opts: MountOptions): void {
  for (const route of routes) {
    router[route.method](opts.prefix + route.path, async (ctx) => {
      const principal = route.action === 'public' ? undefined : await authenticate(ctx, opts.auth, route.action);
      const params = validate(route.params ?? NO_PARAMS, ctx.params, 'params');
      const query = route.query ? validate(route.query, ctx.query, 'query') : {};
      let body: unknown;
      if (route.body) body = validate(route.body, await readJsonBody(ctx, opts.bodyLimit), 'body');
      const userAgent = ctx.get('user-agent');
      const origin = { ip: ctx.ip || 'unknown', ...(userAgent ? { userAgent } : {}) };
      await route.handler(ctx, { body, query, params, principal: principal as never, origin });
    });
  }
}
