// One segment of a render split across workers (a child job of the render queue, see render-split.ts): renders
// its frames as a segment-aligned MP4, puts it in object storage (the workers need not share a disk), and marks
// its row done. The segment that finds every other one done joins them all (concat, -c copy), muxes the voice-over
// and completes the animation. A retried segment renders only itself; a retried joiner (its row already done)
// goes straight to the join. The animation's progress is the sum of its segments' frames. A cancelled, deleted
// or failed render stops its running segments (their progress save finds it no longer processing) and leaves
// its queued ones nothing to do; the temporary segment files go with it.
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Scene } from '../../../scene/schema.ts';
import { parseScene } from '../../../scene/validate.ts';
import { paceForVoice } from '../../compose/voice-pacing.ts';
import { markCompleted, markFailed } from '../../domain/commands/animations/finish.ts';
import { RenderFailure } from '../../domain/failures.ts';
import { licenseStanding } from '../../domain/license/standing.ts';
import { AnimationEntity, type Animation, type AnimationOutputs } from '../../db/entities/animation.ts';
import { sql } from '../../db/sql.ts';
import { publishAnimationEvent } from '../../events/animation-events.ts';
import { outputKeys } from '../../storage/create.ts';
import type { ObjectStorage } from '../../storage/storage.ts';
import { classifyRenderError, overlayFor, storeOutput, type RenderJob, type RenderJobDeps } from './render.ts';
import { segmentPrefix } from './render-split.ts';

interface SegmentRow {
  index: number;
  start_frame: number;
  end_frame: number;
  total_frames: number;
  attempts: number;
  has_poster: boolean;
  render_s: number;
}

const segmentKey = (id: string, generation: number, index: number) => `${segmentPrefix(id, generation)}/${index}.mp4`;
const posterKey = (id: string, generation: number) => `${segmentPrefix(id, generation)}/poster.png`;

async function download(storage: ObjectStorage, key: string, file: string): Promise<void> {
  try {
    await pipeline(await storage.read(key), createWriteStream(file));
  } catch (err) {
    throw new RenderFailure('storage-failed', `reading ${key} from ${storage.kind} storage failed: ${(err as Error).message}`, { cause: err });
  }
}

/** Takes the segment for this attempt; undefined when the animation is no longer rendering or the segment is done. */
async function claimSegment(deps: RenderJobDeps, id: string, generation: number, index: number): Promise<SegmentRow | undefined> {
  const rows = await sql<SegmentRow>(
    deps.db,
    `UPDATE render_segments r SET status = 'rendering', worker = $4, attempts = r.attempts + 1, frames_done = 0, updated_at = now()
       FROM animations a
      WHERE r.animation_id = $1 AND r.generation = $2 AND r.index = $3 AND r.status <> 'done'
        AND a.id = r.animation_id AND a.generation = r.generation AND a.status = 'processing'
      RETURNING r.index, r.start_frame, r.end_frame, r.total_frames, r.attempts, r.has_poster, r.render_s`,
    [id, generation, index, deps.workerName],
  );
  return rows[0];
}

/** The render's scene as its parent rendered it: paced for its voice, which is deterministic. */
async function sceneOf(deps: RenderJobDeps, animation: Animation, totalFrames: number): Promise<Scene> {
  const scene = await paceForVoice(parseScene(animation.scene, `animation ${animation.id}`), deps.renderer.espeakPath);
  const frames = Math.round(scene.duration * scene.fps);
  if (frames !== totalFrames) throw new RenderFailure('render-failed', `this worker paces the scene to ${frames} frames, the split was made for ${totalFrames}: install the same espeak-ng voices on every worker`);
  return scene;
}

/**
 * Marks the segment done under the animation's row lock, which serialises the last two segments to finish:
 * returns 'join' to the one that finds every segment done, 'wait' to the others, 'stopped' when the render is over.
 */
async function finishSegment(deps: RenderJobDeps, id: string, generation: number, row: SegmentRow, renderS: number): Promise<'join' | 'wait' | 'stopped'> {
  return deps.db.transaction(async (tx) => {
    const [animation] = await sql<{ status: string }>(tx, 'SELECT status FROM animations WHERE id = $1 AND generation = $2 FOR UPDATE', [id, generation]);
    if (animation?.status !== 'processing') return 'stopped';
    const marked = await sql(
      tx,
      `UPDATE render_segments SET status = 'done', frames_done = end_frame - start_frame, render_s = $5, updated_at = now() WHERE animation_id = $1 AND generation = $2 AND index = $3 AND attempts = $4 RETURNING index`,
      [id, generation, row.index, row.attempts, renderS],
    );
    // Another attempt of this segment took it over meanwhile (this one was thought lost): it finishes it.
    if (!marked.length) return 'stopped';
    const [open] = await sql<{ n: number }>(tx, `SELECT count(*)::int AS n FROM render_segments WHERE animation_id = $1 AND generation = $2 AND status <> 'done'`, [id, generation]);
    return open!.n === 0 ? 'join' : 'wait';
  });
}

/** Joins the segments, stores the outputs and completes the animation (idempotent, as the single render is). */
async function joinRender(deps: RenderJobDeps, animation: Animation, dir: string): Promise<Record<string, unknown>> {
  const { id, generation } = animation;
  const rows = await sql<SegmentRow>(deps.db, 'SELECT index, start_frame, end_frame, total_frames, attempts, has_poster, render_s FROM render_segments WHERE animation_id = $1 AND generation = $2 ORDER BY index', [id, generation]);
  const scene = await sceneOf(deps, animation, rows[0]!.total_frames);
  const segments = rows.map((r) => join(dir, `segment-${r.index}.mp4`));
  await Promise.all(rows.map((r, i) => download(deps.storage, segmentKey(id, generation, r.index), segments[i]!)));
  const files = { video: join(dir, 'video.mp4'), poster: join(dir, 'poster.png'), captions: join(dir, 'captions.vtt') };
  await download(deps.storage, posterKey(id, generation), files.poster);
  await deps.renderer.joinSegments(scene, segments, files);
  const keys = outputKeys(id);
  const [video, poster, captions] = await Promise.all([
    storeOutput(deps.storage, keys.video, files.video, 'video/mp4'),
    storeOutput(deps.storage, keys.poster, files.poster, 'image/png'),
    storeOutput(deps.storage, keys.captions, files.captions, 'text/vtt; charset=utf-8'),
  ]);
  const frames = rows[0]!.total_frames;
  // Wall time since the render started, the split included; usage records the workers' render seconds summed.
  const wallS = Math.round(((Date.now() - (animation.startedAt?.getTime() ?? Date.now())) / 1000) * 1000) / 1000;
  const workerS = Math.round(rows.reduce((s, r) => s + r.render_s, 0) * 1000) / 1000;
  const durationS = Math.round((frames / scene.fps) * 1000) / 1000;
  const outputs: AnimationOutputs = {
    video: { key: keys.video, bytes: video.size },
    poster: { key: keys.poster, bytes: poster.size },
    captions: { key: keys.captions, bytes: captions.size },
    frames,
    duration_s: durationS,
    width: scene.width,
    height: scene.height,
    fps: scene.fps,
    encoder: 'libx264',
    render_s: wallS,
  };
  const done = await markCompleted(deps, animation, outputs, { quality: animation.quality, frames, durationS, renderS: workerS, worker: deps.workerName, gpu: 'cpu' });
  await deps.storage.deletePrefix(segmentPrefix(id, generation));
  if (!done && !(await sql(deps.db, 'SELECT 1 FROM animations WHERE id = $1', [id])).length) await deps.storage.deletePrefix(keys.prefix);
  deps.metrics.renders.inc({ outcome: 'completed' });
  deps.metrics.renderSeconds.observe(wallS);
  deps.log.info(`render ${id}: ${rows.length} segments joined; completed in ${wallS}s (${frames} frames)`);
  return { completed: Boolean(done), joined: rows.length, render_s: wallS };
}

export async function performRenderSegment(deps: RenderJobDeps, job: RenderJob): Promise<Record<string, unknown>> {
  const { animationId: id, generation, segment: index = 0 } = job.data;
  const attempt = job.retryCount + 1;
  const dir = join(deps.workDir, `${id}-g${generation}-s${index}-a${attempt}`);
  const stop = new AbortController();
  let cancelled = false;
  const onJobAbort = () => stop.abort();
  job.signal.addEventListener('abort', onJobAbort);
  const unsubscribe = deps.events?.subscribe(id, (event) => {
    if (event.status === 'cancelled' || event.status === 'deleted' || event.status === 'failed') {
      cancelled = true;
      stop.abort();
    }
  });
  let row: SegmentRow | undefined;
  deps.metrics.rendersActive.inc();
  try {
    row = await claimSegment(deps, id, generation, index);
    const animation = await deps.db.getRepository(AnimationEntity).findOneBy({ id, generation, status: 'processing' });
    if (!animation) {
      cancelled = true;
      return { skipped: 'the render is finished, cancelled or deleted' };
    }
    await mkdir(dir, { recursive: true });
    if (!row) {
      // Done already: an earlier attempt of this job stopped between marking it done and joining.
      const [open] = await sql<{ n: number }>(deps.db, `SELECT count(*)::int AS n FROM render_segments WHERE animation_id = $1 AND generation = $2 AND status <> 'done'`, [id, generation]);
      return open!.n === 0 ? await joinRender(deps, animation, dir) : { skipped: 'segment already rendered' };
    }
    const claimed = row;
    deps.log.info(`render ${id}: segment ${index} (frames ${claimed.start_frame}-${claimed.end_frame - 1}), attempt ${claimed.attempts}`);
    const scene = await sceneOf(deps, animation, claimed.total_frames);
    const interval = deps.progressIntervalMs ?? 1000;
    let lastSave = Date.now();
    let saving = false;
    const saveProgress = async (done: number) => {
      try {
        await sql(deps.db, 'UPDATE render_segments SET frames_done = $4, updated_at = now() WHERE animation_id = $1 AND generation = $2 AND index = $3 AND attempts = $5', [id, generation, index, done, claimed.attempts]);
        // The animation's progress: every segment's frames, summed (rendering is 95 %, joining the rest).
        const rows = await sql<{ progress: number }>(
          deps.db,
          `UPDATE animations a SET progress = round((0.95 * s.done / s.total)::numeric, 3), updated_at = now()
             FROM (SELECT sum(frames_done)::float AS done, max(total_frames)::float AS total FROM render_segments WHERE animation_id = $1 AND generation = $2) s
            WHERE a.id = $1 AND a.generation = $2 AND a.status = 'processing' RETURNING a.progress`,
          [id, generation],
        );
        if (!rows.length) {
          cancelled = true;
          stop.abort();
          return;
        }
        await publishAnimationEvent(deps.db, { id, status: 'processing', progress: rows[0]!.progress });
      } catch (err) {
        deps.log.warn(`render ${id}: segment ${index}: could not save progress (${(err as Error).message}); carrying on`);
      }
    };
    const started = performance.now();
    const files = { video: join(dir, 'segment.mp4'), poster: join(dir, 'poster.png') };
    const license = await licenseStanding(deps.db, { acceptTest: deps.acceptTestLicenses });
    const result = await deps.renderer.renderSegment(
      scene,
      { start: claimed.start_frame, end: claimed.end_frame },
      {
        ...files,
        overlay: overlayFor(animation.branding, license.entitlements, animation.sandbox),
        signal: stop.signal,
        onProgress: (done, total) => {
          const now = Date.now();
          if (saving || now - lastSave < interval || done === total) return;
          saving = true;
          lastSave = now;
          void saveProgress(done).finally(() => (saving = false));
        },
      },
    );
    if (stop.signal.aborted) throw new Error('render stopped');
    await storeOutput(deps.storage, segmentKey(id, generation, index), files.video, 'video/mp4');
    if (result.posterWritten) await storeOutput(deps.storage, posterKey(id, generation), files.poster, 'image/png');
    const renderS = (performance.now() - started) / 1000;
    const next = await finishSegment(deps, id, generation, claimed, renderS);
    await saveProgress(claimed.end_frame - claimed.start_frame);
    deps.log.info(`render ${id}: segment ${index} rendered in ${Math.round(renderS * 1000) / 1000}s`);
    if (next === 'stopped') {
      cancelled = true;
      return { stopped: true };
    }
    return next === 'join' ? await joinRender(deps, animation, dir) : { segment: index, render_s: renderS };
  } catch (err) {
    if (cancelled) {
      deps.metrics.renders.inc({ outcome: 'cancelled' });
      deps.log.info(`render ${id}: segment ${index} stopped (the render was cancelled, deleted or failed)`);
      return { cancelled: true };
    }
    const failure = classifyRenderError(err);
    const handedBack = job.signal.aborted;
    if (!handedBack && (failure.permanent || job.retryCount >= job.retryLimit)) {
      const reason = `segment ${index}: ${failure.message}${failure.permanent ? '' : ` (gave up after ${attempt} attempts)`}`;
      await markFailed(deps, id, generation, reason);
      deps.metrics.renders.inc({ outcome: 'failed' });
      deps.log.warn(`render ${id}: failed: ${reason}`);
      cancelled = true;
      return { failed: reason };
    }
    // Only this segment goes back to the queue: pg-boss retries its job; the others carry on.
    if (row)
      await sql(deps.db, `UPDATE render_segments SET status = 'queued', frames_done = 0, updated_at = now() WHERE animation_id = $1 AND generation = $2 AND index = $3 AND attempts = $4 AND status = 'rendering'`, [
        id,
        generation,
        index,
        row.attempts,
      ]).catch(() => {});
    deps.metrics.renders.inc({ outcome: 'retried' });
    deps.log.warn(`render ${id}: segment ${index}: ${handedBack ? 'handed back to the queue' : `attempt ${attempt} failed: ${failure.message}; retrying`}`);
    throw failure;
  } finally {
    deps.metrics.rendersActive.dec();
    job.signal.removeEventListener('abort', onJobAbort);
    unsubscribe?.();
    await rm(dir, { recursive: true, force: true });
    // A render that stopped leaves no segment files behind (the next generation has its own prefix).
    if (cancelled) await deps.storage.deletePrefix(segmentPrefix(id, generation)).catch(() => {});
  }
}
