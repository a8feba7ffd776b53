// The rate-limit step of every declared route (mount.ts runs it after authentication, before the input
// is read): which budgets a request counts against, under whose name, and the headers that tell the
// client where it stands. Health, readiness, metrics, the docs and the web page are not declared routes,
// so nothing here counts them.
//
// Headers follow draft-ietf-httpapi-ratelimit-headers-11 (May 2026), sections 3 and 4: RateLimit-Policy
// is a Structured Fields List of String items with q (quota) and w (window, seconds); RateLimit lists the
// same policies with r (remaining) and t (seconds until the window ends). Retry-After goes with every 429.
import type { Context } from 'koa';
import type { Principal } from '../auth/principal.ts';
import { BudgetSpent, type Budget, type BucketState, type RateLimits } from '../ratelimit/limiters.ts';
import { Problem } from './problems.ts';

/**
 * What a route counts against: api (the default) the caller's request budget; generate that and the
 * budget for submitted animations; sign-in the client address's password attempts instead (the
 * account's lockout is the domain's, see domain/ports.ts PasswordGuard); none nothing.
 */
export type RateLimitKind = 'api' | 'generate' | 'sign-in' | 'none';

/** The budgets counted here; the lockout is counted where passwords are checked. */
type RouteBudget = Exclude<Budget, 'lockout'>;

const BUDGETS: Record<RateLimitKind, RouteBudget[]> = { api: ['api'], generate: ['api', 'generate'], 'sign-in': ['sign-in'], none: [] };

/** Whose bucket: an API key's own, else the signed-in user's, else the client address (honouring server.trustProxy). */
function subject(ctx: Context, principal: Principal | undefined, budget: RouteBudget): { key: string; who: string } {
  if (budget !== 'sign-in' && principal?.apiKeyId) return { key: `key:${principal.apiKeyId}`, who: 'this API key' };
  if (budget !== 'sign-in' && principal) return { key: `user:${principal.userId}`, who: 'your account' };
  return { key: `ip:${ctx.ip || 'unknown'}`, who: 'this address' };
}

const WHAT: Record<RouteBudget, (limit: number) => string> = {
  api: (limit) => `${limit} requests a minute (rateLimit.apiPerMinute)`,
  generate: (limit) => `${limit} animations a minute (rateLimit.generatePerMinute)`,
  'sign-in': (limit) => `${limit} password attempts a minute (rateLimit.signInPerMinute)`,
};

function rateLimitHeaders(states: BucketState[]): Record<string, string> {
  if (!states.length) return {};
  return {
    'ratelimit-policy': states.map((s) => `"${s.budget}";q=${s.limit};w=${s.windowS}`).join(', '),
    ratelimit: states.map((s) => `"${s.budget}";r=${s.remaining};t=${s.resetS}`).join(', '),
  };
}

function setHeaders(ctx: Context, states: BucketState[]): void {
  for (const [name, value] of Object.entries(rateLimitHeaders(states))) ctx.set(name, value);
}

/** A request that counted against the budgets of its route. */
export interface Admitted {
  /** Gives back what a sign-in route took, once the password was right. */
  succeeded(): Promise<void>;
}

/**
 * Counts the request against its route's budgets, in order; throws 429 too-many-requests (Retry-After,
 * RateLimit headers) at the first one that is spent, so a refused request uses up no later budget.
 */
export async function admit(ctx: Context, limits: RateLimits, kind: RateLimitKind, principal: Principal | undefined, onRefused: (budget: Budget) => void = () => {}): Promise<Admitted> {
  const states: BucketState[] = [];
  const taken: { budget: Budget; key: string }[] = [];
  for (const budget of BUDGETS[kind]) {
    const { key, who } = subject(ctx, principal, budget);
    try {
      states.push(await limits.consume(budget, key));
      taken.push({ budget, key });
    } catch (err) {
      if (!(err instanceof BudgetSpent)) throw err;
      const { state } = err;
      onRefused(budget);
      setHeaders(ctx, [...states, state]);
      throw new Problem('too-many-requests', `too many requests: ${who} may make ${WHAT[budget](state.limit)}; try again in ${state.resetS} s`, { retry_after_s: state.resetS, policy: budget }, { 'retry-after': String(state.resetS) });
    }
  }
  setHeaders(ctx, states);
  return {
    succeeded: async () => {
      for (const { budget, key } of taken) if (budget === 'sign-in') await limits.giveBack(budget, key);
    },
  };
}
