// A route is declared once — method, path, the policy action it performs, the zod schemas of its input and output,
// and its handler — and that one declaration both mounts it on the router and describes it in the
// OpenAPI document.
import type { Context } from 'koa';
import type { z } from 'zod';
import type { Action } from '../domain/policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { Origin } from '../domain/audit/record.ts';
import type { RateLimitKind } from './rate-limit.ts';

export interface RouteResponse {
  description: string;
  schema?: z.ZodType;
  /** Content type of the response; default application/json. */
  type?: string;
}

export interface RouteInput<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  /** The caller. Public routes must not read it. */
  principal: Principal;
  /** Where the request came from (the client address as server.trustProxy resolves it), for the audit log. */
  origin: Origin;
}

export interface RouteSpec<B extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, P extends z.ZodType = z.ZodType> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Under /api/v1, in router syntax (/animations/:id). */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /**
   * What the route does, in the policy's terms (domain/policy.ts): the caller must be allowed it before
   * the input is even validated; the domain checks it again against the thing itself. Or public (no
   * credentials needed).
   */
  action: Action | 'public';
  /** The budgets a call counts against (rate-limit.ts); default api. */
  rateLimit?: RateLimitKind;
  body?: B;
  /** A plain-text body instead of JSON (a license file): handed to the handler as `body`, a string. */
  textBody?: { description: string };
  query?: Q;
  params?: P;
  responses: Record<number, RouteResponse>;
  handler(ctx: Context, input: RouteInput<z.infer<B>, z.infer<Q>, z.infer<P>>): Promise<void> | void;
}

export type AnyRoute = RouteSpec;

export function defineRoute<B extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, P extends z.ZodType = z.ZodType>(spec: RouteSpec<B, Q, P>): RouteSpec<B, Q, P> {
  return spec;
}

/** JSON response helper: status + body. */
export function reply(ctx: Context, status: number, body: unknown): void {
  ctx.status = status;
  ctx.body = body;
}
