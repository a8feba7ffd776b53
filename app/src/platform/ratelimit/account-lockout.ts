// The account lockout, the domain's PasswordGuard: an account that receives rateLimit.lockoutFailures
// wrong passwords within rateLimit.lockoutMinutes, from any address, is locked until that window ends.
// The attempt is counted before the password is checked, in the shared rate_limits table, so parallel
// guesses and guesses spread over several API processes all count; a right password resets the count,
// and so does a new password set by an administrator (the way out of a lockout).
import { DomainError } from '../domain/errors.ts';
import type { PasswordGuard } from '../domain/ports.ts';
import { BudgetSpent, hashedKey, type RateLimits } from './limiters.ts';

// Keyed by the address as typed (normalised), whether or not such an account exists: the answer must
// not tell a locked real account from a made-up one.
function accountKey(account: string): string {
  return `account:${hashedKey(account.trim().toLowerCase())}`;
}

/** What the metrics count: passwords actually checked, and attempts refused because the account is locked. */
export interface LockoutEvents {
  checked?(): void;
  locked?(): void;
}

export class AccountLockout implements PasswordGuard {
  private readonly limits: RateLimits;
  private readonly events: LockoutEvents;

  constructor(limits: RateLimits, events: LockoutEvents = {}) {
    this.limits = limits;
    this.events = events;
  }

  async check(account: string, verify: () => Promise<boolean>): Promise<boolean> {
    const key = accountKey(account);
    try {
      await this.limits.consume('lockout', key);
    } catch (err) {
      if (!(err instanceof BudgetSpent)) throw err;
      this.events.locked?.();
      const { limit, windowS, resetS } = err.state;
      throw new DomainError('too-many-attempts', `this account is locked for ${resetS} s after ${limit} wrong passwords within ${windowS / 60} minutes; wait that long and try again, or ask an administrator to set a new password`, {
        data: { retry_after_s: resetS },
      });
    }
    this.events.checked?.();
    const ok = await verify();
    if (ok) await this.limits.reset('lockout', key);
    return ok;
  }

  async forget(account: string): Promise<void> {
    await this.limits.reset('lockout', accountKey(account));
  }
}
