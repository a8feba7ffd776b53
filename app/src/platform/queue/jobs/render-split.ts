// Whether a render is split across workers, and the split itself. A render is split when the renderer encodes
// its scene segment-aligned (render.splitMinS and longer, libx264) and at least two seated workers are free (the
// asking worker included: it is free again as soon as it has split the render). The segments are whole GOPs,
// one per free worker up to render.splitMaxSegments; each becomes a row in render_segments and a child job on
// the render queue, both in one transaction, so a parent retried after a crash finds its split already made.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Renderer } from '../../../render/renderer.ts';
import { posterFrameOf } from '../../../render/renderer.ts';
import { segmentRanges } from '../../../render/segments.ts';
import type { Scene } from '../../../scene/schema.ts';
import { frameCount } from '../../../scene/timeline.ts';
import { freeRenderWorkers } from '../../domain/license/render-seats.ts';
import { sql } from '../../db/sql.ts';
import type { JobSender } from '../../domain/ports.ts';

export interface SplitDeps {
  db: DataSource;
  queue: JobSender;
  renderer: Pick<Renderer, 'alignedEncoding'>;
  /** render.splitMaxSegments. */
  maxSegments: number;
  workerName: string;
}

/** The singleton key of a segment's child job: its own, so the segments of one render run side by side. */
export function segmentJobKey(animationId: string, generation: number, index: number): string {
  return `${animationId}:g${generation}:s${index}`;
}

/** The object-storage prefix of a split render's temporary segment files (removed once joined or stopped). */
export function segmentPrefix(animationId: string, generation: number): string {
  return `animations/${animationId}/segments-g${generation}`;
}

/**
 * Splits the render into child jobs when it is long enough and workers are free; returns how many segments it
 * has (its existing split, for a parent run again), or 0 when it is rendered in one piece.
 */
export async function splitRender(deps: SplitDeps, animation: { id: string; generation: number; priority: number }, scene: Scene): Promise<number> {
  const { id, generation } = animation;
  const existing = await sql<{ n: number }>(deps.db, 'SELECT count(*)::int AS n FROM render_segments WHERE animation_id = $1 AND generation = $2', [id, generation]);
  if (existing[0]!.n > 0) return existing[0]!.n;
  const aligned = deps.renderer.alignedEncoding(scene);
  if (!aligned || deps.maxSegments < 2) return 0;
  const free = await freeRenderWorkers(deps.db, id);
  // The asking worker is seated but counted busy with this very animation only when it is not in the list.
  const workers = new Set([...free, deps.workerName]).size;
  const frames = frameCount(scene);
  const ranges = segmentRanges(frames, aligned.gopFrames, Math.min(workers, deps.maxSegments));
  if (ranges.length < 2) return 0;
  const poster = posterFrameOf(scene);
  await deps.db.transaction(async (tx) => {
    for (const [index, range] of ranges.entries()) {
      const jobId = randomUUID();
      await sql(tx, `INSERT INTO render_segments (animation_id, generation, index, start_frame, end_frame, total_frames, job_id, has_poster) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
        id,
        generation,
        index,
        range.start,
        range.end,
        frames,
        jobId,
        poster >= range.start && poster < range.end,
      ]);
      await deps.queue.send('render', { animationId: id, generation, segment: index }, { id: jobId, priority: animation.priority, singletonKey: segmentJobKey(id, generation, index) }, tx);
    }
  });
  return ranges.length;
}
