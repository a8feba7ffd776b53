// API calls per user, key, channel and hour. Counting is in memory (a call costs a Map update, not a
// database write); a flush about once a second adds the counts to api_calls_hourly in one upsert, and
// stop() flushes what is left. A crash loses at most the calls since the last flush; a flush that fails
// (the database is down) keeps its counts for the next one.
//
// The channel says whether a call counts against the license's api_calls_per_month (QUOTA_CHANNELS):
// calls made by programs (an API key, a bearer token of the identity provider) do; the web app's own
// calls (a browser session) do not, since a person clicking through the UI is not API use and the UI
// makes several calls per screen; sandbox keys' calls do not, by what a sandbox is.
import type { DataSource } from 'typeorm';
import type { Principal } from '../../../auth/principal.ts';
import { sql } from '../../../db/sql.ts';

export const CHANNELS = ['api-key', 'sandbox', 'service', 'session'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The channels api_calls_per_month counts. */
export const QUOTA_CHANNELS: readonly Channel[] = ['api-key', 'service'];
/** The same as an SQL list, for queries (constants only, never input). */
export const QUOTA_CHANNELS_SQL = `(${QUOTA_CHANNELS.map((c) => `'${c}'`).join(', ')})`;

/** Who made a call: the user, the API key when it was made with one, and how they proved it. */
export type Caller = Pick<Principal, 'userId' | 'via'> & Partial<Pick<Principal, 'apiKeyId' | 'sandbox'>>;

/** The channel of a caller (console callers never reach the HTTP API; they would count as sessions). */
export function channelOf(caller: Caller): Channel {
  if (caller.via === 'api-key') return caller.sandbox ? 'sandbox' : 'api-key';
  if (caller.via === 'oidc') return 'service';
  return 'session';
}

interface Bucket {
  hour: Date;
  userId: string;
  apiKeyId: string | null;
  channel: Channel;
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
  /** Runs after each timed flush, before the next one can start: the API-call quota's refresh (license/api-call-quota.ts). */
  afterFlush: (() => Promise<void>) | undefined;

  constructor(db: DataSource, opts: { intervalMs: number; onError: (err: Error) => void }) {
    this.db = db;
    this.intervalMs = Math.min(60_000, Math.max(100, opts.intervalMs));
    this.onError = opts.onError;
  }

  get flushIntervalMs(): number {
    return this.intervalMs;
  }

  /** Counts one call, in the UTC hour it was made (not the hour of the flush). */
  count(caller: Caller, at = new Date()): void {
    const hour = new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
    this.add({ hour, userId: caller.userId, apiKeyId: caller.apiKeyId ?? null, channel: channelOf(caller), calls: 1 });
  }

  /** Calls of the quota's channels made in `month` and not written yet (read once per quota refresh, not per call). */
  pendingQuotaCalls(month: string): number {
    let n = 0;
    for (const b of this.pending.values()) if (QUOTA_CHANNELS.includes(b.channel) && b.hour.toISOString().startsWith(month)) n += b.calls;
    return n;
  }

  private add(b: Bucket): void {
    const key = `${b.hour.getTime()}|${b.userId}|${b.apiKeyId ?? ''}|${b.channel}`;
    const had = this.pending.get(key);
    if (had) had.calls += b.calls;
    else this.pending.set(key, { ...b });
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick().catch(this.onError), this.intervalMs);
    // The meter never keeps a process alive on its own.
    this.timer.unref();
  }

  private ticking = false;

  /** One timed flush and what follows it; a tick still running when the next is due is not overlapped. */
  private async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      await this.flush();
      await this.afterFlush?.();
    } finally {
      this.ticking = false;
    }
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
      `INSERT INTO api_calls_hourly (hour, user_id, api_key_id, channel, calls)
       SELECT * FROM unnest($1::timestamptz[], $2::uuid[], $3::uuid[], $4::text[], $5::bigint[])
       ON CONFLICT ON CONSTRAINT api_calls_hourly_bucket DO UPDATE SET calls = api_calls_hourly.calls + EXCLUDED.calls`,
      [batch.map((b) => b.hour.toISOString()), batch.map((b) => b.userId), batch.map((b) => b.apiKeyId), batch.map((b) => b.channel), batch.map((b) => b.calls)],
    );
  }

  /** Stops the timer and writes what is left (the shutdown path). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }
}
