// pg-boss on the application database: construction, queue definitions (retries, backoff, heartbeats,
// dead letters) and typed sending. Workers register in ../worker/.
import { PgBoss, type SendOptions } from 'pg-boss';
import type { DevforgeConfig } from '../../config/schema.ts';
import { sql, type Queryable } from '../db/sql.ts';
import type { Logger } from '../log.ts';
import type { JobPayloads, QueueName } from './names.ts';

export class JobQueue {
  readonly boss: PgBoss;

  constructor(boss: PgBoss) {
    this.boss = boss;
  }

  /** Sends a job; with `tx`, the job exists only if that transaction commits. */
  async send<N extends QueueName>(name: N, data: JobPayloads[N], options: SendOptions = {}, tx?: Queryable): Promise<string | null> {
    const db = tx ? { executeSql: async (text: string, values?: unknown[]) => ({ rows: await sql(tx, text, values) }) } : undefined;
    return this.boss.send(name, data, { ...options, ...(db ? { db } : {}) });
  }

  async cancel(name: QueueName, id: string): Promise<void> {
    await this.boss.cancel(name, id);
  }

  /** Jobs waiting (created or retry) and running, per queue, for /metrics. */
  async depth(): Promise<{ queue: string; queued: number; active: number }[]> {
    const queues = await this.boss.getQueues();
    return queues.map((q) => ({ queue: q.name, queued: q.queuedCount, active: q.activeCount }));
  }
}

export function createBoss(url: string, config: DevforgeConfig, log: Logger, role: string): PgBoss {
  const boss = new PgBoss({
    connectionString: url,
    schema: 'pgboss',
    max: 4,
    application_name: `devforge-${role}`,
    instanceName: `devforge-${role}`,
    // New jobs wake workers at once; polling is only the fallback.
    useListenNotify: true,
    superviseIntervalSeconds: config.worker.superviseIntervalS,
    monitorIntervalSeconds: Math.max(config.worker.superviseIntervalS, 10),
    // Only the worker side supervises and runs the cron; an API-only process just sends.
    supervise: role !== 'api',
    schedule: role !== 'api',
    openTelemetry: { enabled: false },
  });
  boss.on('error', (err: Error) => log.warn(`queue: ${err.message}`));
  return boss;
}

/** Creates the queues (idempotent) and applies the configured retry and heartbeat policy to them. */
export async function defineQueues(boss: PgBoss, config: DevforgeConfig): Promise<void> {
  const w = config.worker;
  const render = {
    retryLimit: w.renderRetryLimit,
    retryDelay: w.renderRetryDelayS,
    retryBackoff: true,
    expireInSeconds: w.maxRenderMinutes * 60,
    heartbeatSeconds: Math.max(10, w.heartbeatS),
    deadLetter: 'render-dead',
    notify: true,
  };
  const webhook = { retryLimit: config.webhooks.retryLimit, retryDelay: config.webhooks.retryDelayS, retryBackoff: true, expireInSeconds: 120, notify: true };
  await boss.createQueue('render-dead', { retryLimit: 5, retryDelay: 5, retryBackoff: true, notify: true });
  // One active render per animation: the singleton policy with the animation id as singleton key.
  await boss.createQueue('render', { policy: 'singleton', ...render });
  await boss.updateQueue('render', render);
  await boss.createQueue('webhook', webhook);
  await boss.updateQueue('webhook', webhook);
  await boss.createQueue('retention', { retryLimit: 2, expireInSeconds: 3600 });
  await boss.createQueue('audit-purge', { retryLimit: 2, expireInSeconds: 3600 });
  // Chat follow-ups retry like webhooks: Slack answers a response_url for 30 minutes.
  await boss.createQueue('chat-follow-up', webhook);
  await boss.updateQueue('chat-follow-up', webhook);
}
