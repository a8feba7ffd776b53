// The appliance as its administrators see it (GET /api/v1/system): version, the GPUs and video encoder
// found, each worker with what it renders now, the queue's jobs by state, storage, the database and the
// readiness checks. What lives outside the domain (the GPU probe, the readiness checks, the storage
// driver) comes in as ports, so this stays free of HTTP and of the queue's and driver's internals.
import type { DataSource } from 'typeorm';
import type { GpuReport } from '../../../gpu/detect.ts';
import { sql } from '../../db/sql.ts';
import { authorize, type Actor } from '../policy.ts';

export interface SystemPorts {
  version: string;
  /** The GPUs and encoder this machine has (memoised by the caller: probing runs nvidia-smi and ffmpeg). */
  gpus: () => Promise<GpuReport>;
  /** The readiness checks (database, storage, queue, single sign-on), each ok or with its error. */
  health: () => Promise<Record<string, { ok: boolean; error?: string; ms: number }>>;
  storage: { kind: 'local' | 's3'; location: string; ping: () => Promise<void> };
  /** The role of this process, and how many renders its own worker runs at once (0: it runs none). */
  process: { role: string; concurrency: number };
}

export interface WorkerActivity {
  worker: string;
  rendering: { animation_id: string; description: string; progress: number; started_at: string | null }[];
  renders_30d: number;
  last_render_at: string | null;
}

export interface SystemReport {
  version: string;
  node: string;
  process: { role: string; concurrency: number; uptime_s: number };
  gpus: GpuReport;
  workers: WorkerActivity[];
  queue: { queue: string; state: string; jobs: number }[];
  storage: { kind: 'local' | 's3'; location: string; reachable: boolean; error: string | null };
  database: { version: string; size_bytes: number };
  health: { ok: boolean; checks: Record<string, { ok: boolean; error?: string; ms: number }> };
}

function messageOf(err: unknown): string {
  const e = err as Error & { code?: string };
  return e.message || e.code || String(err);
}

/** Workers known from what they render now and what they rendered in the last 30 days. */
async function workers(db: DataSource): Promise<WorkerActivity[]> {
  const now = await sql<{ worker: string; id: string; description: string; progress: number; started_at: Date | null }>(
    db,
    `SELECT coalesce(rendering_on, 'unknown') AS worker, id, description, progress, started_at FROM animations WHERE status = 'processing' ORDER BY started_at NULLS LAST, id`,
  );
  const past = await sql<{ worker: string; renders: string; last: Date }>(
    db,
    `SELECT worker, count(*) AS renders, max(created_at) AS last FROM usage_events WHERE kind = 'render' AND created_at > now() - interval '30 days' GROUP BY worker`,
  );
  const byName = new Map<string, WorkerActivity>();
  const get = (worker: string) => byName.get(worker) ?? byName.set(worker, { worker, rendering: [], renders_30d: 0, last_render_at: null }).get(worker)!;
  for (const p of past) Object.assign(get(p.worker), { renders_30d: Number(p.renders), last_render_at: p.last.toISOString() });
  for (const r of now) get(r.worker).rendering.push({ animation_id: r.id, description: r.description, progress: Number(r.progress), started_at: r.started_at?.toISOString() ?? null });
  return [...byName.values()].sort((a, b) => a.worker.localeCompare(b.worker));
}

export async function systemReport(db: DataSource, principal: Actor, ports: SystemPorts): Promise<SystemReport> {
  authorize(principal, 'system.read');
  const [gpus, checks, reachable, dbInfo, queue, active] = await Promise.all([
    ports.gpus(),
    ports.health(),
    ports.storage.ping().then(
      () => null,
      (err: unknown) => messageOf(err),
    ),
    sql<{ version: string; size: string }>(db, 'SELECT version() AS version, pg_database_size(current_database()) AS size'),
    // pg-boss keeps every job in one table; its states: created, retry, active, completed, cancelled, failed.
    sql<{ queue: string; state: string; jobs: string }>(db, 'SELECT name AS queue, state::text AS state, count(*) AS jobs FROM pgboss.job GROUP BY name, state ORDER BY name, state'),
    workers(db),
  ]);
  return {
    version: ports.version,
    node: process.version,
    process: { ...ports.process, uptime_s: Math.round(process.uptime()) },
    gpus,
    workers: active,
    queue: queue.map((q) => ({ queue: q.queue, state: q.state, jobs: Number(q.jobs) })),
    storage: { kind: ports.storage.kind, location: ports.storage.location, reachable: reachable === null, error: reachable },
    database: { version: dbInfo[0]!.version, size_bytes: Number(dbInfo[0]!.size) },
    health: { ok: Object.values(checks).every((c) => c.ok), checks },
  };
}
