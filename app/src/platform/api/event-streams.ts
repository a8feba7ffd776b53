// What the animations' event streams share in one API process: their slots, and their re-reads. Each
// principal (an API key, else a user) may hold limits.streamsPerPrincipal streams and the process
// limits.streamsTotal; past either the request is refused with 429 before the stream opens. Streams hold no
// database connection: changes arrive through the process's one LISTEN connection (db/listener.ts), and the
// periodic re-read that covers a missed notification is one query for every watched animation, not one per
// stream, so a thousand open streams cost one query every few seconds instead of hundreds a second.
import type { DataSource } from 'typeorm';
import type { DevforgeConfig } from '../../config/schema.ts';
import type { Principal } from '../auth/principal.ts';
import type { AnimationSummary } from '../domain/payloads.ts';
import { findAnimationSummaries } from '../domain/queries/animations.ts';
import type { Metrics } from '../server/metrics.ts';
import { Problem } from './problems.ts';

const RECHECK_MS = 3_000;
/** Re-reads asked for by notifications within this window share one query. */
const COALESCE_MS = 25;
/** Ids per re-read query. */
const CHUNK = 500;

/** One stream's interest in one animation: its row, or null once it is gone. */
type Watcher = (row: AnimationSummary | null) => void;

/** Reads the rows of several animations in one query (missing: gone). */
export type SummaryReader = (ids: readonly string[]) => Promise<AnimationSummary[]>;

export class EventStreams {
  private readonly read: SummaryReader;
  private readonly config: DevforgeConfig;
  private readonly metrics: Metrics;
  private readonly perPrincipal = new Map<string, number>();
  private readonly watchers = new Map<string, Set<Watcher>>();
  private readonly pending = new Set<string>();
  private total = 0;
  private recheck: NodeJS.Timeout | undefined;
  private flush: NodeJS.Timeout | undefined;

  constructor(db: DataSource, config: DevforgeConfig, metrics: Metrics, read: SummaryReader = (ids) => findAnimationSummaries(db, ids)) {
    this.read = read;
    this.config = config;
    this.metrics = metrics;
  }

  /** Streams open now (the devforge_event_streams gauge shows the same). */
  get open(): number {
    return this.total;
  }

  /** Takes a slot for the principal's new stream, or throws 429 too-many-streams; the function gives it back (once). */
  acquire(principal: Principal): () => void {
    const subject = principal.apiKeyId ? `key:${principal.apiKeyId}` : `user:${principal.userId}`;
    const who = principal.apiKeyId ? 'this API key' : 'your account';
    const { streamsPerPrincipal, streamsTotal } = this.config.limits;
    const mine = this.perPrincipal.get(subject) ?? 0;
    const retry = { 'retry-after': '5' };
    if (mine >= streamsPerPrincipal) {
      throw new Problem(
        'too-many-streams',
        `${who} already has ${mine} event streams open on this server, the most allowed (limits.streamsPerPrincipal); close one, or poll GET /api/v1/animations/:id instead`,
        { limit: streamsPerPrincipal, retry_after_s: 5 },
        retry,
      );
    }
    if (this.total >= streamsTotal) {
      throw new Problem(
        'too-many-streams',
        `this server already has ${this.total} event streams open, the most it holds (limits.streamsTotal); try again shortly, or poll GET /api/v1/animations/:id instead`,
        { limit: streamsTotal, retry_after_s: 5 },
        retry,
      );
    }
    this.perPrincipal.set(subject, mine + 1);
    this.total++;
    this.metrics.eventStreams.set(this.total);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.perPrincipal.get(subject) ?? 1) - 1;
      if (left > 0) this.perPrincipal.set(subject, left);
      else this.perPrincipal.delete(subject);
      this.total--;
      this.metrics.eventStreams.set(this.total);
    };
  }

  /** Calls `fn` with the animation's row at every shared re-read (and those asked for with refresh); the function stops it. */
  watch(id: string, fn: Watcher): () => void {
    let set = this.watchers.get(id);
    if (!set) this.watchers.set(id, (set = new Set()));
    set.add(fn);
    // Unref'd: open streams, not this timer, keep a process alive (shutdown closes them, which stops it).
    this.recheck ??= setInterval(() => this.reread([...this.watchers.keys()]), RECHECK_MS).unref();
    return () => {
      set.delete(fn);
      if (!set.size) this.watchers.delete(id);
      if (!this.watchers.size && this.recheck) {
        clearInterval(this.recheck);
        this.recheck = undefined;
      }
    };
  }

  /** Re-reads the animation soon, for every stream watching it, in one query with any others asked for meanwhile. */
  refresh(id: string): void {
    this.pending.add(id);
    this.flush ??= setTimeout(() => {
      this.flush = undefined;
      const ids = [...this.pending];
      this.pending.clear();
      this.reread(ids);
    }, COALESCE_MS).unref();
  }

  private reread(ids: string[]): void {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      // A failed re-read (database outage) only delays events: the next one tries again.
      this.read(chunk).then(
        (rows) => {
          const byId = new Map(rows.map((r) => [r.id, r]));
          for (const id of chunk) for (const fn of [...(this.watchers.get(id) ?? [])]) fn(byId.get(id) ?? null);
        },
        () => {},
      );
    }
  }
}
