// The usage report: what was used in one calendar month (UTC) — animations accepted, API calls,
// render seconds per worker and GPU — and the storage held now, in total, per user and per key.
// animationsAccepted and apiCalls are the counts licensing compares with a licence's monthly limits.
//
// What counts: an animation when it is accepted (usage_accepted, once per animation id); an API call
// when an authenticated /api/v1 request gets past authentication and the rate limit (api_calls_hourly;
// `api_calls` are the calls made with API keys and identity-provider bearer tokens, the ones that count
// against api_calls_per_month; `session_calls` those the web app makes in the browser); render seconds
// when a render completes (usage_events, once per generation); storage as the output bytes of the
// animations that exist now (deleted ones hold none). Sandbox keys' animations and calls are shown apart
// (`sandbox_animations`, `sandbox_calls`): they count against no quota.
import type { DataSource } from 'typeorm';
import { sql, type Queryable } from '../../db/sql.ts';
import { DomainError } from '../errors.ts';
import { authorize, listScope, type Actor } from '../policy.ts';
import { QUOTA_CHANNELS_SQL } from '../commands/usage/api-call-meter.ts';

/** YYYY-MM, a calendar month in UTC. */
export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface MonthRange {
  month: string;
  /** The first instant of the month (inclusive). */
  from: Date;
  /** The first instant of the next month (exclusive). */
  to: Date;
}

/** The month as a half-open UTC interval: 23:59:59.999 on its last day is in it, 00:00 the next day is not. */
export function monthRange(month: string): MonthRange {
  const m = MONTH_PATTERN.exec(month);
  if (!m) throw new DomainError('invalid-input', `month: "${month}" is not a month; give it as YYYY-MM (for example 2026-12)`, { fields: [{ field: 'month', message: 'a month as YYYY-MM' }] });
  const year = Number(m[1]);
  const index = Number(m[2]) - 1;
  return { month, from: new Date(Date.UTC(year, index, 1)), to: new Date(Date.UTC(year, index + 1, 1)) };
}

/** The month (YYYY-MM, UTC) an instant falls in. */
export function monthOf(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** Animations accepted in the month (sandbox ones are not: they count against no quota), everyone's or one owner's. */
export async function animationsAccepted(db: Queryable, month: string, ownerId?: string): Promise<number> {
  const { from, to } = monthRange(month);
  const [row] = await sql<{ n: number }>(db, 'SELECT count(*)::int AS n FROM usage_accepted WHERE accepted_at >= $1 AND accepted_at < $2 AND NOT sandbox AND ($3::uuid IS NULL OR owner_id = $3)', [from, to, ownerId ?? null]);
  return row!.n;
}

/**
 * API calls in the month that count against api_calls_per_month (API keys and bearer service tokens; not
 * the web app's session calls, not sandbox keys'): every key's, or one key's. Calls still counted in
 * memory (up to usage.flushIntervalMs old) are not in it yet.
 */
export async function apiCalls(db: Queryable, month: string, keyId?: string): Promise<number> {
  const { from, to } = monthRange(month);
  const [row] = await sql<{ n: number }>(db, `SELECT coalesce(sum(calls), 0)::float8 AS n FROM api_calls_hourly WHERE hour >= $1 AND hour < $2 AND channel IN ${QUOTA_CHANNELS_SQL} AND ($3::uuid IS NULL OR api_key_id = $3)`, [
    from,
    to,
    keyId ?? null,
  ]);
  return row!.n;
}

export interface UsageFigures {
  animations_accepted: number;
  api_calls: number;
  session_calls: number;
  /** Animations and calls of sandbox keys: shown apart, counted against no quota. */
  sandbox_animations: number;
  sandbox_calls: number;
  renders: number;
  render_seconds: number;
  storage_bytes: number;
}

export interface UserUsage extends UsageFigures {
  user_id: string;
  /** Null for an account that no longer exists. */
  email: string | null;
}

export interface KeyUsage extends Omit<UsageFigures, 'session_calls'> {
  key_id: string;
  name: string | null;
  user_id: string | null;
}

export interface RenderUsage {
  renders: number;
  render_seconds: number;
}

export interface MonthlyUsage {
  month: string;
  from: Date;
  to: Date;
  /** Storage is what is held at this instant, not during the month. */
  storageAsOf: Date;
  /** Whose use this is: everyone's, or one user's. */
  scope: 'all' | { ownerId: string };
  totals: UsageFigures;
  users: UserUsage[];
  keys: KeyUsage[];
  workers: (RenderUsage & { worker: string })[];
  gpus: (RenderUsage & { gpu: string })[];
}

export interface UsageFilter {
  /** Only this user's use. */
  ownerId?: string;
}

const ZERO: UsageFigures = { animations_accepted: 0, api_calls: 0, session_calls: 0, sandbox_animations: 0, sandbox_calls: 0, renders: 0, render_seconds: 0, storage_bytes: 0 };

// Output bytes of one animation row `a` (video, poster and captions).
const BYTES = `coalesce((a.outputs->'video'->>'bytes')::bigint, 0) + coalesce((a.outputs->'poster'->>'bytes')::bigint, 0) + coalesce((a.outputs->'captions'->>'bytes')::bigint, 0)`;

interface Part {
  user_id: string;
  api_key_id: string | null;
  animations_accepted?: number;
  api_calls?: number;
  session_calls?: number;
  sandbox_animations?: number;
  sandbox_calls?: number;
  renders?: number;
  render_seconds?: number;
  storage_bytes?: number;
}

/** Each figure per (user, key): one query per source, merged below. */
async function parts(db: Queryable, r: MonthRange, ownerId: string | null): Promise<Part[]> {
  const p = [r.from, r.to, ownerId];
  const accepted = sql<Part>(
    db,
    `SELECT owner_id AS user_id, api_key_id, (count(*) FILTER (WHERE NOT sandbox))::int AS animations_accepted, (count(*) FILTER (WHERE sandbox))::int AS sandbox_animations FROM usage_accepted
      WHERE accepted_at >= $1 AND accepted_at < $2 AND ($3::uuid IS NULL OR owner_id = $3) GROUP BY 1, 2`,
    p,
  );
  const calls = sql<Part>(
    db,
    `SELECT user_id, api_key_id, sum(calls) FILTER (WHERE channel IN ${QUOTA_CHANNELS_SQL})::float8 AS api_calls, sum(calls) FILTER (WHERE channel = 'session')::float8 AS session_calls,
            sum(calls) FILTER (WHERE channel = 'sandbox')::float8 AS sandbox_calls
       FROM api_calls_hourly WHERE hour >= $1 AND hour < $2 AND ($3::uuid IS NULL OR user_id = $3) GROUP BY 1, 2`,
    p,
  );
  const renders = sql<Part>(
    db,
    `SELECT e.owner_id AS user_id, u.api_key_id, count(*)::int AS renders, sum(e.render_s)::float8 AS render_seconds
       FROM usage_events e LEFT JOIN usage_accepted u ON u.animation_id = e.animation_id
      WHERE e.kind = 'render' AND e.created_at >= $1 AND e.created_at < $2 AND ($3::uuid IS NULL OR e.owner_id = $3) GROUP BY 1, 2`,
    p,
  );
  const storage = sql<Part>(
    db,
    `SELECT a.owner_id AS user_id, u.api_key_id, sum(${BYTES})::float8 AS storage_bytes
       FROM animations a LEFT JOIN usage_accepted u ON u.animation_id = a.id
      WHERE a.outputs IS NOT NULL AND ($1::uuid IS NULL OR a.owner_id = $1) GROUP BY 1, 2`,
    [ownerId],
  );
  return (await Promise.all([accepted, calls, renders, storage])).flat();
}

function add(into: UsageFigures, p: Part): void {
  into.animations_accepted += p.animations_accepted ?? 0;
  into.api_calls += p.api_calls ?? 0;
  into.session_calls += p.session_calls ?? 0;
  into.sandbox_animations += p.sandbox_animations ?? 0;
  into.sandbox_calls += p.sandbox_calls ?? 0;
  into.renders += p.renders ?? 0;
  into.render_seconds += p.render_seconds ?? 0;
  into.storage_bytes += p.storage_bytes ?? 0;
}

/** Render seconds are sums of rounded reals: shown to the millisecond. */
function tidy<T extends { render_seconds: number }>(x: T): T {
  return { ...x, render_seconds: Math.round(x.render_seconds * 1000) / 1000 };
}

async function perRender(db: Queryable, r: MonthRange, ownerId: string | null, column: 'worker' | 'gpu') {
  return sql<{ name: string; renders: number; render_seconds: number }>(
    db,
    `SELECT ${column} AS name, count(*)::int AS renders, sum(render_s)::float8 AS render_seconds FROM usage_events
      WHERE kind = 'render' AND created_at >= $1 AND created_at < $2 AND ($3::uuid IS NULL OR owner_id = $3) GROUP BY 1 ORDER BY 1`,
    [r.from, r.to, ownerId],
  );
}

/** The month's use in total, per user, per key, per worker and per GPU; everyone's or one user's. */
export async function monthlyUsage(db: DataSource, month: string, filter: UsageFilter = {}): Promise<MonthlyUsage> {
  const r = monthRange(month);
  const storageAsOf = new Date();
  const ownerId = filter.ownerId ?? null;
  const [all, workers, gpus] = await Promise.all([parts(db, r, ownerId), perRender(db, r, ownerId, 'worker'), perRender(db, r, ownerId, 'gpu')]);

  const totals = { ...ZERO };
  const users = new Map<string, UsageFigures>();
  const keys = new Map<string, UsageFigures>();
  for (const p of all) {
    add(totals, p);
    if (!users.has(p.user_id)) users.set(p.user_id, { ...ZERO });
    add(users.get(p.user_id)!, p);
    if (p.api_key_id) {
      if (!keys.has(p.api_key_id)) keys.set(p.api_key_id, { ...ZERO });
      add(keys.get(p.api_key_id)!, p);
    }
  }
  const [emails, keyRows] = await Promise.all([
    sql<{ id: string; email: string }>(db, 'SELECT id, email FROM users WHERE id = ANY($1::uuid[])', [[...users.keys()]]),
    sql<{ id: string; name: string; user_id: string }>(db, 'SELECT id, name, user_id FROM api_keys WHERE id = ANY($1::uuid[])', [[...keys.keys()]]),
  ]);
  const emailOf = new Map(emails.map((u) => [u.id, u.email]));
  const keyOf = new Map(keyRows.map((k) => [k.id, k]));
  return {
    month: r.month,
    from: r.from,
    to: r.to,
    storageAsOf,
    scope: ownerId ? { ownerId } : 'all',
    totals: tidy(totals),
    users: [...users].map(([id, f]) => tidy({ user_id: id, email: emailOf.get(id) ?? null, ...f })).sort((a, b) => (a.email ?? '~').localeCompare(b.email ?? '~') || a.user_id.localeCompare(b.user_id)),
    keys: [...keys]
      .map(([id, f]) => {
        const { session_calls: _, ...rest } = f;
        return tidy({ key_id: id, name: keyOf.get(id)?.name ?? null, user_id: keyOf.get(id)?.user_id ?? null, ...rest });
      })
      .sort((a, b) => (a.name ?? '~').localeCompare(b.name ?? '~') || a.key_id.localeCompare(b.key_id)),
    workers: workers.map((w) => tidy({ worker: w.name, renders: w.renders, render_seconds: w.render_seconds })),
    gpus: gpus.map((g) => tidy({ gpu: g.name, renders: g.renders, render_seconds: g.render_seconds })),
  };
}

/**
 * The usage report a caller may see: administrators everyone's, anyone else their own (what they and
 * their keys used), so people can watch their own quota without seeing anyone else's work.
 */
export async function usageReport(db: DataSource, principal: Actor, month: string): Promise<MonthlyUsage> {
  authorize(principal, 'usage.read');
  const scope = listScope(principal, 'usage.read-all', 'visible');
  return monthlyUsage(db, month, scope === 'all' ? {} : { ownerId: scope.ownerId });
}
