// The shared budgets behind rate limits and sign-in throttling: one rate-limiter-flexible limiter per
// budget, all counting in the rate_limits table of the platform's Postgres (migration 1764900000002),
// so every API process sees the same counts and a restart forgets nothing. The counters are updated
// with one atomic upsert each, so parallel requests are all counted.
import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import type { DevforgeConfig } from '../../config/schema.ts';

/** api: every /api/v1 request; generate: submitted animations; sign-in: password attempts per client; lockout: per account. */
export type Budget = 'api' | 'generate' | 'sign-in' | 'lockout';

export const TABLE = 'rate_limits';

/** Where one bucket of a budget stands after a request was counted. */
export interface BucketState {
  budget: Budget;
  /** Points the budget allows per window. */
  limit: number;
  windowS: number;
  remaining: number;
  /** Seconds until the window ends and the bucket is full again (at least 1). */
  resetS: number;
}

/** The bucket was already spent: the request was refused (and counted). */
export class BudgetSpent extends Error {
  override name = 'BudgetSpent';
  readonly state: BucketState;
  constructor(state: BucketState) {
    super(`the ${state.budget} budget of ${state.limit} per ${state.windowS} s is spent; ${state.resetS} s to go`);
    this.state = state;
  }
}

interface Shape {
  points: number;
  durationS: number;
}

function shapes(config: DevforgeConfig['rateLimit']): Record<Budget, Shape> {
  return {
    api: { points: config.apiPerMinute, durationS: 60 },
    generate: { points: config.generatePerMinute, durationS: 60 },
    'sign-in': { points: config.signInPerMinute, durationS: 60 },
    lockout: { points: config.lockoutFailures, durationS: config.lockoutMinutes * 60 },
  };
}

/**
 * A bucket key for something a caller chose (an e-mail address): hashed, so the table holds no
 * addresses and any length fits the key column.
 */
export function hashedKey(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

export class RateLimits {
  private readonly limiters: Record<Budget, RateLimiterPostgres>;
  private readonly shapes: Record<Budget, Shape>;

  constructor(db: DataSource, config: DevforgeConfig['rateLimit']) {
    this.shapes = shapes(config);
    const entries = (Object.entries(this.shapes) as [Budget, Shape][]).map(([budget, { points, durationS }], i) => {
      const limiter = new RateLimiterPostgres({
        // typeorm: the library takes the DataSource's pg pool (driver.master), so no second pool is opened.
        storeClient: db,
        storeType: 'typeorm',
        tableName: TABLE,
        tableCreated: true,
        keyPrefix: budget,
        points,
        duration: durationS,
        // The budgets share one table: one of them is enough to sweep expired rows (every 5 minutes).
        clearExpiredByTimeout: i === 0,
        // Once a bucket is spent, this process refuses it from memory until the window ends: a flood of
        // refused requests costs no database work. Not for the lockout, which an administrator may lift
        // (a reset in one process could not clear another's memory).
        ...(budget === 'lockout' ? {} : { inMemoryBlockOnConsumed: points + 1 }),
        // While Postgres cannot answer, each process limits on its own rather than letting everything through.
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: budget, points, duration: durationS }),
      });
      return [budget, limiter] as const;
    });
    this.limiters = Object.fromEntries(entries) as Record<Budget, RateLimiterPostgres>;
  }

  /** The budget's shape, for the RateLimit-Policy header. */
  shape(budget: Budget): { limit: number; windowS: number } {
    return { limit: this.shapes[budget].points, windowS: this.shapes[budget].durationS };
  }

  /** Counts one request against a bucket; throws BudgetSpent when the bucket was already empty. */
  async consume(budget: Budget, key: string): Promise<BucketState> {
    try {
      return this.state(budget, await this.limiters[budget].consume(key));
    } catch (err) {
      if (err instanceof RateLimiterRes) throw new BudgetSpent(this.state(budget, err));
      throw err;
    }
  }

  /** Gives one point back (a sign-in that succeeded should not use up the client's attempts). */
  async giveBack(budget: Budget, key: string): Promise<void> {
    const current = await this.limiters[budget].get(key);
    // Only into a live window: a reward on an expired bucket would start a new one below zero.
    if (current && current.consumedPoints > 0) await this.limiters[budget].reward(key);
  }

  /** Empties a bucket (a right password forgets the account's failures). */
  async reset(budget: Budget, key: string): Promise<void> {
    await this.limiters[budget].delete(key);
  }

  private state(budget: Budget, res: RateLimiterRes): BucketState {
    const { points, durationS } = this.shapes[budget];
    const resetS = res.msBeforeNext > 0 ? Math.ceil(res.msBeforeNext / 1000) : durationS;
    return { budget, limit: points, windowS: durationS, remaining: Math.max(0, Math.min(points, res.remainingPoints)), resetS: Math.max(1, resetS) };
  }
}
