// The worker role: registers the queue handlers (render, dead renders, webhooks, chat follow-ups, retention, audit purge) and keeps
// one warm renderer. Render concurrency: worker.concurrency, else one per GPU (at least one). Render jobs are
// taken only while this worker holds a render seat (the license's render_workers, license/render-seats.ts):
// beyond the licensed number a worker waits, says so once in its log, and starts as soon as a seat is free.
import { mkdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import type { JobWithMetadata, PgBoss } from 'pg-boss';
import type { DataSource } from 'typeorm';
import type { DevforgeConfig } from '../../config/schema.ts';
import type { AnimationEvents } from '../events/animation-events.ts';
import { createRenderer } from '../../render/create.ts';
import type { Renderer } from '../../render/renderer.ts';
import type { Logger } from '../log.ts';
import type { JobQueue } from '../queue/boss.ts';
import { performRender, type RenderJob } from '../queue/jobs/render.ts';
import { performRenderSegment } from '../queue/jobs/render-segment.ts';
import { performRenderDead } from '../queue/jobs/render-dead.ts';
import { performAuditPurge } from '../queue/jobs/audit-purge.ts';
import { performRetention } from '../queue/jobs/retention.ts';
import { performWebhook } from '../queue/jobs/webhook.ts';
import { performChatFollowUp } from '../queue/jobs/chat-follow-up.ts';
import type { JobPayloads } from '../queue/names.ts';
import type { Metrics } from '../server/metrics.ts';
import type { ObjectStorage } from '../storage/storage.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import type { WebhookPolicy } from '../webhooks/policy.ts';
import { claimRenderSeat, releaseRenderSeat } from '../domain/license/render-seats.ts';

export interface WorkerDeps {
  config: DevforgeConfig;
  db: DataSource;
  boss: PgBoss;
  queue: JobQueue;
  storage: ObjectStorage;
  webhooks: WebhookPolicy;
  /** Opens the users' sealed webhook signing secrets. */
  secrets: SecretBox;
  metrics: Metrics;
  log: Logger;
  publicUrl: string;
  events: AnimationEvents;
  /** Tests pass a renderer they built; normally one is created here. */
  renderer?: Renderer;
}

export interface RunningWorker {
  concurrency: number;
  renderer: Renderer;
  /** Waits for every handler that is still running (after pg-boss stopped handing out jobs). */
  drain(timeoutMs: number): Promise<void>;
  /** Whether this worker holds a render seat now (takes render jobs). */
  seated(): boolean;
  /** Stops checking its seat and gives it up, for the next worker (the shutdown path, after drain). */
  release(): Promise<void>;
}

/** This worker in the usage report: worker.name, else host:pid (unique among the workers of one install). */
export function workerName(config: DevforgeConfig): string {
  return config.worker.name.trim() || `${hostname()}:${process.pid}`;
}

export async function startWorker(deps: WorkerDeps): Promise<RunningWorker> {
  const { config, boss, log } = deps;
  let renderer = deps.renderer;
  let gpus = 0;
  let encoder = '';
  let gpu: string | undefined;
  if (!renderer) {
    const created = await createRenderer(config, (line, level) => log[level](line));
    renderer = created.renderer;
    gpus = created.gpu.gpus.length;
    encoder = `; encoder ${created.gpu.encoder.name} (${created.gpu.encoder.reason})`;
    // Renders are not pinned to a GPU: NVENC takes the first capable one, which is what usage records.
    const first = created.gpu.gpus[0];
    if (created.gpu.encoder.hardware && first) gpu = `gpu${first.index} ${first.name}`;
  }
  const concurrency = config.worker.concurrency || Math.max(1, gpus);
  const workDir = join(resolve(config.data.dir), 'work');
  await mkdir(workDir, { recursive: true });
  const running = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    running.add(p);
    void p.catch(() => {}).finally(() => running.delete(p));
    return p;
  };
  // New jobs wake workers through NOTIFY; polling is the fallback (also for retries coming due), so it
  // uses the same short interval whether NOTIFY is up or not.
  const interval = Math.max(0.5, config.worker.pollIntervalS);
  const poll = { pollingIntervalSeconds: interval, notifyPollingIntervalSeconds: interval, includeMetadata: true as const };
  // A job that finishes wakes its queue's workers, so work queued meanwhile starts at once rather
  // than after the next poll.
  const wake = (queue: string) => {
    for (const w of boss.getWipData()) if (w.name === queue) boss.notifyWorker(w.id);
  };
  const tracked = <T>(queue: string, p: Promise<T>): Promise<T> => track(p.finally(() => wake(queue)));
  const renderDeps = {
    db: deps.db,
    queue: deps.queue,
    publicUrl: deps.publicUrl,
    storage: deps.storage,
    renderer,
    workDir,
    acceptTestLicenses: config.license.acceptTestLicenses,
    log,
    metrics: deps.metrics,
    events: deps.events,
    workerName: workerName(config),
    splitMaxSegments: config.render.splitMaxSegments,
    ...(gpu ? { gpu } : {}),
  };
  // A segment of a render split across workers is a child job on the same queue (queue/jobs/render-split.ts).
  const renderOne = (job: RenderJob) => (job.data.segment === undefined ? performRender({ ...renderDeps, log: jobLog(job) }, job) : performRenderSegment({ ...renderDeps, log: jobLog(job) }, job));

  // Every line a job handler logs carries the job's id (and the animation's, where it has one).
  const jobLog = (job: { id: string; data: unknown }) => {
    const animationId = (job.data as { animationId?: unknown } | null)?.animationId;
    return log.child({ job_id: job.id, ...(typeof animationId === 'string' ? { animation_id: animationId } : {}) });
  };

  const name = workerName(config);
  const startRendering = () => boss.work<JobPayloads['render']>('render', { ...poll, localConcurrency: concurrency }, ([job]) => tracked('render', renderOne(job as RenderJob)));
  // The seat's lease runs as long as a render's heartbeat: a worker lost for that long has lost its renders too.
  const leaseS = Math.max(10, config.worker.heartbeatS);
  let rendering = false;
  let waitLogged = false;
  const checkSeat = async () => {
    const decision = await claimRenderSeat(deps.db, name, leaseS, { acceptTest: config.license.acceptTestLicenses });
    if (decision.seated && !rendering) {
      rendering = true;
      await startRendering();
      if (waitLogged) log.info(`worker ${name}: a render seat is free; taking render jobs`);
      waitLogged = false;
    } else if (!decision.seated) {
      if (rendering) {
        rendering = false;
        // Renders in progress finish; no new ones are taken.
        await boss.offWork('render', { wait: false });
      }
      if (!waitLogged) log.warn(decision.waiting!);
      waitLogged = true;
    }
  };
  await checkSeat();
  let seatCheck: Promise<void> | undefined;
  const seatTimer = setInterval(
    () => {
      seatCheck ??= checkSeat()
        .catch((err: Error) => log.warn(`worker ${name}: could not renew its render seat (${err.message}); trying again`))
        .finally(() => (seatCheck = undefined));
    },
    Math.min(5000, (leaseS * 1000) / 3),
  );
  seatTimer.unref();
  await boss.work<JobPayloads['render-dead']>('render-dead', poll, ([job]) => track(performRenderDead({ ...renderDeps, log: jobLog(job!) }, job as JobWithMetadata<JobPayloads['render-dead']>)));
  await boss.work<JobPayloads['webhook']>('webhook', { ...poll, localConcurrency: 4 }, ([job]) =>
    tracked('webhook', performWebhook({ db: deps.db, secrets: deps.secrets, policy: deps.webhooks, timeoutMs: config.webhooks.timeoutMs, log: jobLog(job!) }, job as JobWithMetadata<JobPayloads['webhook']>)),
  );
  await boss.work<JobPayloads['chat-follow-up']>('chat-follow-up', { ...poll, localConcurrency: 4 }, ([job]) =>
    tracked('chat-follow-up', performChatFollowUp({ db: deps.db, config, publicUrl: deps.publicUrl, log: jobLog(job!) }, job as JobWithMetadata<JobPayloads['chat-follow-up']>)),
  );
  await boss.work('retention', poll, ([job]) => track(performRetention({ db: deps.db, storage: deps.storage, retentionDays: config.retention.days, log: jobLog(job!) })));
  await boss.schedule('retention', config.retention.cron, {}, { tz: 'UTC' });
  await boss.work('audit-purge', poll, ([job]) => track(performAuditPurge({ db: deps.db, retentionDays: config.audit.retentionDays, log: jobLog(job!) })));
  await boss.schedule('audit-purge', config.audit.purgeCron, {}, { tz: 'UTC' });
  log.info(`worker: ${concurrency} render${concurrency > 1 ? 's' : ''} at a time${gpus ? ` (${gpus} GPU${gpus > 1 ? 's' : ''})` : ' (CPU)'}${encoder}`);

  return {
    concurrency,
    renderer,
    seated: () => rendering,
    release: async () => {
      clearInterval(seatTimer);
      await seatCheck;
      await releaseRenderSeat(deps.db, name);
    },
    drain: async (timeoutMs) => {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled([...running]), new Promise((r) => (timer = setTimeout(r, timeoutMs)))]);
      clearTimeout(timer);
    },
  };
}
