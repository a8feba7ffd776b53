// API calls per user, key and hour. Counting is in memory (a call costs a Map update, not a database
// write); a flush about once a second adds the counts to api_calls_hourly in one upsert, and stop()
// flushes what is left. A crash loses at most the calls since the last flush; a flush that fails (the
// database is down) keeps its counts for the next one.
import type { DataSource } from 'typeorm';
import { sql } from '../../../db/sql.ts';

/** Who made a call: the user, and the API key when it was made with one. */
export interface Caller {
  userId: string;
  apiKeyId?: string | undefined;
}

interface Bucket {
  hour: Date;
  userId: string;
  apiKeyId: string | null;
  calls: number;
}

const HOUR_MS = 3_600_000;

export class ApiCallMeter {
  private pending = new Map<string, Bucket>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private readonly db: DataSource;
  private readonly intervalMs: number;
  private readonly onError: (err: Error) => void;

  constructor(db: DataSource, opts: { intervalMs: number; onError: (err: Error) => void }) {
    this.db = db;
    this.intervalMs = Math.min(60_000, Math.max(100, opts.intervalMs));
    this.onError = opts.onError;
  }

  /** Counts one call, in the UTC hour it was made (not the hour of the flush). */
  count(caller: Caller, at = new Date()): void {
    const hour = new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
    this.add({ hour, userId: caller.userId, apiKeyId: caller.apiKeyId ?? null, calls: 1 });
  }

  private add(b: Bucket): void {
    const key = `${b.hour.getTime()}|${b.userId}|${b.apiKeyId ?? ''}`;
    const had = this.pending.get(key);
    if (had) had.calls += b.calls;
    else this.pending.set(key, { ...b });
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush().catch(this.onError), this.intervalMs);
    // The meter never keeps a process alive on its own.
    this.timer.unref();
  }

  /** Writes the counts so far; concurrent callers share one flush at a time. */
  async flush(): Promise<void> {
    // Wait for a flush in progress (its failure is its caller's to report, not ours).
    while (this.flushing) await this.flushing.catch(() => {});
    if (!this.pending.size) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    this.flushing = this.write(batch)
      .catch((err: Error) => {
        // Put them back: the next flush tries again.
        for (const b of batch) this.add(b);
        throw err;
      })
      .finally(() => (this.flushing = undefined));
    await this.flushing;
  }

  private async write(batch: Bucket[]): Promise<void> {
    await sql(
      this.db,
      `INSERT INTO api_calls_hourly (hour, user_id, api_key_id, calls)
       SELECT * FROM unnest($1::timestamptz[], $2::uuid[], $3::uuid[], $4::bigint[])
       ON CONFLICT ON CONSTRAINT api_calls_hourly_bucket DO UPDATE SET calls = api_calls_hourly.calls + EXCLUDED.calls`,
      [batch.map((b) => b.hour.toISOString()), batch.map((b) => b.userId), batch.map((b) => b.apiKeyId), batch.map((b) => b.calls)],
    );
  }

  /** Stops the timer and writes what is left (the shutdown path). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }
}
