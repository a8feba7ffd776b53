// Keeps the embedded Postgres running: pg_ctl starts the postmaster in the background, so nothing
// hears it die (an OOM kill, a crash, a stray `kill -9`). The supervisor looks at its postmaster.pid
// every second and, when the process is gone, starts it again on the same port with backoff (1 s, 2 s,
// 4 s … 30 s: right after a kill the old backends may hold its shared memory for a moment), logging each
// step. The readiness check (/readyz "embedded-postgres") fails while it is down; the database pool and
// the queue reconnect by themselves once it is back.
import type { EmbeddedPostgres } from './postgres.ts';

export interface SupervisorOptions {
  log: { info(line: string): void; warn(line: string): void; error(line: string): void };
  /** Called after each successful restart (the restart counter in /metrics). */
  onRestart?: () => void;
  checkEveryMs?: number;
  maxBackoffMs?: number;
}

export class PostmasterSupervisor {
  private readonly pg: EmbeddedPostgres;
  private readonly options: SupervisorOptions;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private busy = false;
  private down: { since: Date; attempts: number; lastError?: string } | undefined;
  /** Restarts since this process started. */
  restarts = 0;

  constructor(pg: EmbeddedPostgres, options: SupervisorOptions) {
    this.pg = pg;
    this.options = options;
  }

  start(): void {
    this.schedule(this.options.checkEveryMs ?? 1000);
  }

  /** Stops watching: call before stopping Postgres on purpose. Waits for a restart under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    while (this.busy) await new Promise((r) => setTimeout(r, 50));
  }

  /** The readiness check: throws while the postmaster is down, saying since when and what was tried. */
  check(): Promise<void> {
    if (!this.down) return Promise.resolve();
    const { since, attempts, lastError } = this.down;
    return Promise.reject(new Error(`the embedded postgres died at ${since.toISOString()}; restarting (${attempts} attempt(s)${lastError ? `, last: ${lastError}` : ''})`));
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.busy = true;
    let next = this.options.checkEveryMs ?? 1000;
    try {
      if (await this.pg.isRunning()) {
        if (this.down) this.recovered();
      } else if (!this.stopped) next = await this.tryRestart();
    } catch (err) {
      this.options.log.warn(`embedded postgres supervisor: ${(err as Error).message}`);
    } finally {
      this.busy = false;
    }
    this.schedule(next);
  }

  /** One restart attempt; returns how long to wait before the next check. */
  private async tryRestart(): Promise<number> {
    if (!this.down) {
      this.down = { since: new Date(), attempts: 0 };
      this.options.log.error(`embedded postgres: the postmaster is gone (port ${this.pg.port}); restarting it`);
    }
    this.down.attempts++;
    try {
      await this.pg.restart();
      this.recovered();
      return this.options.checkEveryMs ?? 1000;
    } catch (err) {
      this.down.lastError = (err as Error).message;
      const wait = Math.min(1000 * 2 ** (this.down.attempts - 1), this.options.maxBackoffMs ?? 30_000);
      this.options.log.warn(`embedded postgres: restart attempt ${this.down.attempts} failed (${this.down.lastError}); next in ${Math.round(wait / 1000)} s`);
      return wait;
    }
  }

  private recovered(): void {
    const down = this.down!;
    this.down = undefined;
    this.restarts++;
    this.options.onRestart?.();
    this.options.log.info(`embedded postgres: running again on port ${this.pg.port} after ${down.attempts} attempt(s), down since ${down.since.toISOString()}`);
  }
}
