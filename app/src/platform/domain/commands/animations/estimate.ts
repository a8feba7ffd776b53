// A rough completion estimate: render time grows with pixels and length, plus the work queued ahead.
// Only an estimate for clients to show; the real progress comes from the worker.
import type { DataSource, EntityManager } from 'typeorm';

const SECONDS_PER_SECOND: Record<string, number> = { '720p': 0.8, '1080p': 1.6, '4k': 6 };
const STARTUP_S = 3;

export function renderSecondsFor(quality: string, durationS: number): number {
  return STARTUP_S + durationS * (SECONDS_PER_SECOND[quality] ?? 2);
}

export async function queuedAheadSeconds(db: DataSource | EntityManager): Promise<number> {
  const rows: { quality: string; seconds: number; n: string }[] = await db.query(`SELECT quality, sum(duration_s * (1 - progress))::float AS seconds, count(*) AS n FROM animations WHERE status IN ('queued', 'processing') GROUP BY quality`);
  return rows.reduce((total, r) => total + Number(r.n) * STARTUP_S + r.seconds * (SECONDS_PER_SECOND[r.quality] ?? 2), 0);
}
