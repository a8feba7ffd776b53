// The child jobs of a render split across workers (queue/jobs/render-split.ts): cancelling or deleting the
// animation cancels those not done yet, so queued segments never start and pg-boss retries none of them. A
// running segment stops by itself at its next progress save, which finds the animation no longer processing.
import type { Queryable } from '../../../db/sql.ts';
import { sql } from '../../../db/sql.ts';
import type { JobSender } from '../../ports.ts';

/** The job ids of the generation's segments still to render (none for a render in one piece). */
export async function openSegmentJobs(db: Queryable, id: string, generation: number): Promise<string[]> {
  return (await sql<{ job_id: string }>(db, `SELECT job_id FROM render_segments WHERE animation_id = $1 AND generation = $2 AND status <> 'done'`, [id, generation])).map((r) => r.job_id);
}

export async function cancelSegmentJobs(queue: JobSender, jobIds: string[]): Promise<void> {
  for (const jobId of jobIds) await queue.cancel('render', jobId).catch(() => {});
}
