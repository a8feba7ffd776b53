// Starts the platform for a role: database (embedded or external) with migrations, the first
// administrator, object storage, the job queue, then the worker and/or the HTTP server. stop() is the
// SIGTERM path: stop taking requests and jobs, let running renders finish (or hand them back after
// server.shutdownGraceS), then close everything in reverse order.
import { join, resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import type { DevforgeConfig } from '../config/schema.ts';
import type { Renderer } from '../render/renderer.ts';
import { ApiKeyAuthenticator, AUTH_CHANNEL } from './auth/api-key-authenticator.ts';
import { AuthChain } from './auth/chain.ts';
import { startIdentityProvider } from './auth/oidc/start.ts';
import { SessionAuthenticator } from './auth/session-authenticator.ts';
import { ensureAdmin } from './domain/commands/users.ts';
import { ensureInstallIdentity } from './domain/license/identity.ts';
import { ApiCallMeter } from './domain/commands/usage/api-call-meter.ts';
import { ApiCallQuota } from './domain/license/api-call-quota.ts';
import { countByStatus } from './domain/queries/animations.ts';
import { composeThreads, ScenePool } from './compose/scene-pool.ts';
import { createDataSource, migrate } from './db/data-source.ts';
import { PgListener } from './db/listener.ts';
import { superuserWarning } from './db/role-check.ts';
import { EmbeddedPostgres } from './embedded/postgres.ts';
import { PostmasterSupervisor } from './embedded/supervisor.ts';
import { AnimationEvents } from './events/animation-events.ts';
import { watchLicenseDrops } from './licensing/drop-dir.ts';
import { createLogger, type Logger, type LogLevel } from './log.ts';
import { createBoss, defineQueues, JobQueue } from './queue/boss.ts';
import { AccountLockout } from './ratelimit/account-lockout.ts';
import { RateLimits } from './ratelimit/limiters.ts';
import { createApp } from './server/app.ts';
import type { ReadinessCheck } from './server/health.ts';
import { listen, type HttpServer } from './server/http.ts';
import { listenHost, listeningLine } from './server/listen-address.ts';
import { Metrics } from './server/metrics.ts';
import type { ApiServices } from './services.ts';
import { claimDatabase, masterKeyPath, openSecretBox } from './secrets/master-key-file.ts';
import { createStorage } from './storage/create.ts';
import { WebhookPolicy } from './webhooks/policy.ts';
import { startWorker, type RunningWorker } from './worker/worker.ts';

export interface PlatformOptions {
  config: DevforgeConfig;
  log?: Logger;
  /** Where the generated admin password is printed (stdout). */
  print?: (text: string) => void;
  /** Tests may hand in a renderer they share between instances. */
  renderer?: Renderer;
}

export interface RunningPlatform {
  /** http://host:port of the HTTP server. */
  url: string;
  port: number;
  databaseUrl: string;
  db: DataSource;
  services: ApiServices;
  worker?: RunningWorker;
  embedded?: EmbeddedPostgres;
  stop(): Promise<void>;
}

async function retry<T>(what: string, attempts: number, log: Logger, fn: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i >= attempts) throw new Error(`${what}: ${(err as Error).message || String(err)}`, { cause: err });
      log.warn(`${what} failed (${(err as Error).message}); retrying (${i}/${attempts - 1})`);
      await new Promise((r) => setTimeout(r, Math.min(1000 * 2 ** (i - 1), 10_000)));
    }
  }
}

export async function startPlatform(opts: PlatformOptions): Promise<RunningPlatform> {
  const { config } = opts;
  const log = opts.log ?? createLogger(config.log.level as LogLevel);
  const role = config.server.role;
  const cleanups: (() => Promise<unknown>)[] = [];
  const undo = async () => {
    for (const fn of cleanups.reverse()) await fn().catch((err: Error) => log.warn(`shutdown: ${err.message}`));
  };

  try {
    let databaseUrl = config.database.url;
    let embedded: EmbeddedPostgres | undefined;
    if (!databaseUrl) {
      embedded = new EmbeddedPostgres({ dir: join(resolve(config.data.dir), 'postgres'), port: config.database.embeddedPort, runAs: config.database.embeddedUser, log: (line) => log.info(line) });
      databaseUrl = await embedded.start();
      cleanups.push(() => embedded!.stop());
    }

    const db = createDataSource(databaseUrl, config.database.poolSize);
    await retry('connecting to the database', 5, log, () => db.initialize());
    cleanups.push(() => db.destroy());
    const roleWarning = await superuserWarning(db);
    if (roleWarning) log.warn(roleWarning);
    // The master key comes before the migrations: one of them seals the secrets already stored.
    const keyFile = masterKeyPath(config);
    const secrets = await openSecretBox(keyFile, db, (line) => log.info(line));
    await migrate(db, (line) => log.info(line), secrets);
    await claimDatabase(keyFile, db, secrets);
    // The install id and key (renewal requests, license binding) are made at the first start.
    await ensureInstallIdentity(db);
    // The API side creates the first administrator (a worker's log is not where anyone looks for it).
    if (role !== 'worker') await ensureAdmin(db, config.auth.adminEmail, config.auth.adminPassword, log, opts.print);

    const storage = createStorage(config);
    await retry(`preparing ${config.storage.driver} storage`, 5, log, () => storage.ensureReady());

    const boss = createBoss(databaseUrl, config, log, role);
    await boss.start();
    cleanups.push(() => boss.stop({ graceful: false, timeout: 1000 }));
    await defineQueues(boss, config);
    const queue = new JobQueue(boss);

    const listener = new PgListener(databaseUrl, log);
    const keyAuth = new ApiKeyAuthenticator(db, config.auth.keyCacheS);
    listener.on(AUTH_CHANNEL, () => keyAuth.clear());
    listener.onReconnect(() => keyAuth.clear());
    const events = new AnimationEvents(listener);
    await listener.start();
    cleanups.push(() => listener.stop());

    const metrics = new Metrics({
      queueDepth: () => queue.depth(),
      animationsByStatus: () => countByStatus(db),
    });
    // Threads start with the first scene; a worker-role process never starts any.
    const scenes = new ScenePool({ threads: composeThreads(config.compose.threads), timeBudgetMs: Math.max(100, config.compose.timeBudgetMs) });
    cleanups.push(() => scenes.close());
    const webhooks = new WebhookPolicy(config.webhooks);
    const publicUrl = config.server.publicUrl.replace(/\/$/, '') || `http://localhost:${config.server.port}`;
    const readiness: ReadinessCheck[] = [
      { name: 'database', check: async () => void (await db.query('SELECT 1')) },
      { name: 'storage', check: () => storage.ping() },
      { name: 'queue', check: async () => void (await boss.getDb().executeSql('SELECT 1 FROM pgboss.queue LIMIT 1')) },
    ];
    const limits = new RateLimits(db, config.rateLimit);
    // Single sign-on: discovery runs in the background (an IdP that is down must not stop the appliance).
    const sso = role !== 'worker' ? await startIdentityProvider(config, db, secrets, log) : undefined;
    if (embedded) {
      // Watched from here on; stopped before the embedded Postgres is (cleanups run in reverse).
      const supervisor = new PostmasterSupervisor(embedded, { log, onRestart: () => metrics.postgresRestarts.inc() });
      supervisor.start();
      cleanups.push(() => supervisor.stop());
      readiness.push({ name: 'embedded-postgres', check: () => supervisor.check() });
    }
    if (sso) {
      cleanups.push(() => Promise.resolve(sso.idp.stop()));
      readiness.push({ name: 'oidc', check: () => sso.idp.check() });
    }
    // Flushed by a timer and once more on shutdown (this cleanup runs before the database closes).
    const apiCalls = role !== 'worker' ? new ApiCallMeter(db, { intervalMs: config.usage.flushIntervalMs, onError: (err) => log.warn(`usage: could not write API call counts (${err.message}); keeping them for the next flush`) }) : undefined;
    // The quota refreshes after each of the meter's flushes; the first refresh is before the API serves.
    const apiQuota = apiCalls ? new ApiCallQuota(db, apiCalls, { acceptTest: config.license.acceptTestLicenses }) : undefined;
    await apiQuota?.refresh();
    if (apiCalls) {
      apiCalls.start();
      cleanups.push(() => apiCalls.stop());
    }
    const services: ApiServices = {
      config,
      db,
      queue,
      storage,
      webhooks,
      scenes,
      publicUrl,
      auth: new AuthChain([keyAuth, ...(sso ? [sso.bearer] : []), new SessionAuthenticator(db, config.auth.sessionTtlHours, config.auth.sessionMaxHours)]),
      events,
      metrics,
      log,
      limits,
      passwords: new AccountLockout(limits, { checked: () => metrics.passwordChecks.inc(), locked: () => metrics.rateLimited.inc({ budget: 'lockout' }) }),
      readiness,
      secrets,
      ...(apiCalls ? { apiCalls } : {}),
      ...(apiQuota ? { apiQuota } : {}),
      ...(sso ? { oidc: sso.idp } : {}),
    };

    // A license file dropped into <data dir>/license/ is installed by the API side, before it serves.
    if (role !== 'worker') {
      const drops = await watchLicenseDrops(db, config, log);
      cleanups.push(() => Promise.resolve(drops.stop()));
    }

    let worker: RunningWorker | undefined;
    if (role !== 'api') {
      worker = await startWorker({ config, db, boss, queue, storage, webhooks, secrets, metrics, log, publicUrl, events, ...(opts.renderer ? { renderer: opts.renderer } : {}) });
      if (!opts.renderer) cleanups.push(() => worker!.renderer.close());
    }

    const host = listenHost(config);
    const http: HttpServer = await listen(createApp(services, { api: role !== 'worker' }), host, config.server.port);
    const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
    const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${http.port}`;
    log.info(listeningLine(role, host, http.port));
    if (config.server.trustProxy && !config.server.publicUrl) log.warn(`server.trustProxy is on but server.publicUrl (DEVFORGE_PUBLIC_URL) is empty: webhooks will link to ${publicUrl}`);

    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        log.info('shutting down: no new requests or jobs');
        const closing = http.close();
        if (worker) {
          // Running renders get the grace period; pg-boss then fails (hands back) what is left.
          await boss.stop({ graceful: true, timeout: config.server.shutdownGraceS * 1000, close: false });
          await worker.drain(15_000);
          await worker.release().catch((err: Error) => log.warn(`shutdown: could not give the render seat up (${err.message}); it frees itself when its lease runs out`));
        }
        await closing;
        await undo();
        log.info('stopped');
      })());

    return { url, port: http.port, databaseUrl, db, services, ...(worker ? { worker } : {}), ...(embedded ? { embedded } : {}), stop };
  } catch (err) {
    await undo();
    throw err;
  }
}
