// What the domain needs from the outside world, as interfaces it owns: the queue that runs its work
// later (queue/boss.ts's JobQueue is one), so the domain never imports the queue's internals and the
// jobs in queue/ can import the domain.
import type { Queryable } from '../db/sql.ts';

/** The work the domain queues, and what each job carries. */
export interface DomainJobs {
  render: { animationId: string; generation: number };
  webhook: { deliveryId: string };
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
