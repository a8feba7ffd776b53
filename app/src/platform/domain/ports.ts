// What the domain needs from the outside world, as interfaces it owns: the queue that runs its work
// later (queue/boss.ts's JobQueue is one), so the domain never imports the queue's internals and the
// jobs in queue/ can import the domain; the webhook URL check; the guard every password check runs under.
import type { Queryable } from '../db/sql.ts';

/** The work the domain queues, and what each job carries. */
export interface DomainJobs {
  /** `segment`: one segment of a render split across workers (queue/jobs/render-split.ts). */
  render: { animationId: string; generation: number; segment?: number };
  webhook: { deliveryId: string };
  'chat-follow-up': { followUpId: string };
}

export type DomainJobName = keyof DomainJobs;

export interface JobOptions {
  id?: string;
  priority?: number;
  /** At most one queued job per key. */
  singletonKey?: string;
}

export interface JobSender {
  /** Queues a job; with `tx`, the job exists only if that transaction commits. */
  send<N extends DomainJobName>(name: N, data: DomainJobs[N], options?: JobOptions, tx?: Queryable): Promise<string | null>;
  cancel(name: DomainJobName, id: string): Promise<void>;
}

/** Where webhooks may go (webhooks/policy.ts's WebhookPolicy is one): throws a WebhookFailure when not there. */
export interface WebhookUrlCheck {
  check(url: string): Promise<URL>;
}

/**
 * Runs the domain's password checks under the account lockout (ratelimit/account-lockout.ts's
 * AccountLockout is one). Every password check of the domain goes through it, so no caller can skip
 * the rule.
 */
export interface PasswordGuard {
  /**
   * Counts one attempt against the account (its e-mail address) before `verify` runs, so parallel
   * guesses are all counted; throws DomainError too-many-attempts, without running `verify`, once the
   * account has had its share of wrong passwords; a right password (verify answers true) forgets them.
   */
  check(account: string, verify: () => Promise<boolean>): Promise<boolean>;
  /** A new password was set: the wrong ones so far no longer count (an administrator's reset unlocks the account). */
  forget(account: string): Promise<void>;
}
