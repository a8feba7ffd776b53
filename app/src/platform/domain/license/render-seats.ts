// The render_workers entitlement: how many worker processes may take render jobs at once. Each worker holds
// a row in render_worker_seats (by its worker name, the one the usage report records render seconds under)
// and renews its lease at every check; a worker that stops releases its row, one that dies loses it when
// its lease runs out (worker.heartbeatS, the time after which its renders are retried elsewhere too). A
// worker takes render jobs only while seated: seats go to the workers that had one first, up to the limit,
// so a worker started beyond the limit waits, and lowering the limit (a new license, an expiry) unseats the
// newest. Decided under one lock, so two workers starting at once cannot both take the last seat.
import type { DataSource } from 'typeorm';
import { sql, type Queryable } from '../../db/sql.ts';
import { entitlementsOf, licenseStanding, type LicenseOptions } from './standing.ts';

/** pg_advisory_xact_lock key of the seat table ("seats" in ASCII). */
const SEATS_LOCK = 0x7365617473;

export interface SeatDecision {
  seated: boolean;
  /** The license's render_workers (null: as many as run). */
  limit: number | null;
  /** The workers seated now, oldest seat first (this one included when seated). */
  seatedWorkers: string[];
  /** What the appliance's log says when this worker is left waiting. */
  waiting?: string;
}

/** Renews this worker's lease and decides whether it holds a seat. */
export async function claimRenderSeat(db: DataSource, worker: string, leaseS: number, opts: LicenseOptions): Promise<SeatDecision> {
  const standing = await licenseStanding(db, opts);
  const limit = standing.entitlements.render_workers;
  const tier = entitlementsOf(standing).tier ?? 'free';
  const tierName = tier[0]!.toUpperCase() + tier.slice(1);
  return db.transaction(async (tx) => {
    await sql(tx, 'SELECT pg_advisory_xact_lock($1)', [SEATS_LOCK]);
    await sql(tx, 'DELETE FROM render_worker_seats WHERE lease_until < now()');
    await sql(tx, `INSERT INTO render_worker_seats (worker, lease_until) VALUES ($1, now() + make_interval(secs => $2)) ON CONFLICT (worker) DO UPDATE SET lease_until = EXCLUDED.lease_until`, [worker, leaseS]);
    const seated = (await sql<{ worker: string }>(tx, 'SELECT worker FROM render_worker_seats WHERE seated_since IS NOT NULL ORDER BY seated_since, worker')).map((r) => r.worker);
    const rank = seated.indexOf(worker);
    let mine = rank >= 0 && (limit === null || rank < limit);
    if (rank >= 0 && !mine) await sql(tx, 'UPDATE render_worker_seats SET seated_since = NULL WHERE worker = $1', [worker]);
    if (rank < 0 && (limit === null || seated.length < limit)) {
      await sql(tx, 'UPDATE render_worker_seats SET seated_since = clock_timestamp() WHERE worker = $1', [worker]);
      mine = true;
    }
    const holders = mine ? (rank >= 0 ? seated : [...seated, worker]) : seated.filter((w) => w !== worker);
    const inUse = limit === null ? holders : holders.slice(0, limit);
    return {
      seated: mine,
      limit,
      seatedWorkers: inUse,
      ...(mine
        ? {}
        : {
            waiting: `worker ${worker}: not taking render jobs: the ${tierName} license allows ${limit} render worker${limit === 1 ? '' : 's'} and ${inUse.length} ${inUse.length === 1 ? 'is' : 'are'} running (${inUse.join(', ')}); stop one of them, or install a license with render_workers ${inUse.length + 1} or more (this worker takes jobs as soon as a seat is free)`,
          }),
    };
  });
}

/** Gives this worker's seat up (a clean stop): the next waiting worker takes it at its next check. */
export async function releaseRenderSeat(db: Queryable, worker: string): Promise<void> {
  await sql(db, 'DELETE FROM render_worker_seats WHERE worker = $1', [worker]);
}

/** The workers holding a seat now (for GET /api/v1/license). */
export async function seatedWorkers(db: Queryable): Promise<string[]> {
  return (await sql<{ worker: string }>(db, 'SELECT worker FROM render_worker_seats WHERE seated_since IS NOT NULL AND lease_until >= now() ORDER BY seated_since, worker')).map((r) => r.worker);
}

/**
 * The seated workers free to render now: seated with a live lease, and rendering neither an animation (other
 * than `except`, whose worker is asking) nor a segment. What a render long enough to split is split across.
 */
export async function freeRenderWorkers(db: Queryable, except: string): Promise<string[]> {
  return (
    await sql<{ worker: string }>(
      db,
      `SELECT worker FROM render_worker_seats s WHERE seated_since IS NOT NULL AND lease_until >= now()
          AND NOT EXISTS (SELECT 1 FROM animations a WHERE a.status = 'processing' AND a.rendering_on = s.worker AND a.id <> $1
                            AND NOT EXISTS (SELECT 1 FROM render_segments r WHERE r.animation_id = a.id AND r.generation = a.generation))
          AND NOT EXISTS (SELECT 1 FROM render_segments r WHERE r.status = 'rendering' AND r.worker = s.worker)
        ORDER BY seated_since, worker`,
      [except],
    )
  ).map((r) => r.worker);
}
