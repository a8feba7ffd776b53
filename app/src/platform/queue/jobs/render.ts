// The render job: one generation of one animation → MP4, poster and captions in object storage.
// Idempotent: the output keys are the same on every attempt (a retry overwrites them) and completion
// records usage once per generation. Progress is saved about once a second; a save that finds the
// animation no longer processing (cancelled, deleted) stops the render. The license in force when the render
// runs decides the overlay: its watermark (Free: "DevForge") is drawn whatever the request asked, and custom
// branding only when the license includes it. A sandbox key's animation is watermarked "SANDBOX" whatever it
// asked, and its render may not outgrow the sandbox's duration through its voice-over's pacing.
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { JobWithMetadata } from 'pg-boss';
import type { EntitlementValues } from '../../../licensing/entitlements.ts';
import type { OverlayOptions } from '../../../player/overlay.ts';
import { PresetError } from '../../../render/presets.ts';
import { RenderLimitError, type Renderer } from '../../../render/renderer.ts';
import { MathError } from '../../../render/math.ts';
import { parseScene, SceneValidationError } from '../../../scene/validate.ts';
import { paceForVoice } from '../../compose/voice-pacing.ts';
import { markCompleted, markFailed, type FinishDeps } from '../../domain/commands/animations/finish.ts';
import { RenderFailure } from '../../domain/failures.ts';
import { SANDBOX_MAX_DURATION_S, SANDBOX_WATERMARK } from '../../domain/license/sandbox.ts';
import { licenseStanding } from '../../domain/license/standing.ts';
import { AnimationEntity, type Animation, type AnimationOutputs, type Branding } from '../../db/entities/animation.ts';
import { sql } from '../../db/sql.ts';
import { publishAnimationEvent, type AnimationEvents } from '../../events/animation-events.ts';
import type { Logger } from '../../log.ts';
import type { Metrics } from '../../server/metrics.ts';
import { outputKeys } from '../../storage/create.ts';
import type { ObjectStorage } from '../../storage/storage.ts';
import type { JobPayloads } from '../names.ts';
import { splitRender } from './render-split.ts';

export interface RenderJobDeps extends FinishDeps {
  storage: ObjectStorage;
  renderer: Renderer;
  /** Scratch space for the files of renders in progress. */
  workDir: string;
  /** license.acceptTestLicenses: which license is in force is decided as on the API side. */
  acceptTestLicenses: boolean;
  log: Logger;
  metrics: Metrics;
  /** Cancellations arrive here at once (the progress save would notice within a second anyway). */
  events?: AnimationEvents;
  progressIntervalMs?: number;
  /** This worker in the usage report (worker.name, else host:pid). */
  workerName: string;
  /** The GPU a hardware encoder runs on, for the usage report; renders on the CPU encoder record cpu. */
  gpu?: string;
  /** render.splitMaxSegments: a long render is split across up to this many free workers (render-split.ts). */
  splitMaxSegments?: number;
}

export type RenderJob = JobWithMetadata<JobPayloads['render']>;

/** Every error of a render, classified by its class: a retry cannot fix an unrenderable scene. */
export function classifyRenderError(err: unknown): RenderFailure {
  if (err instanceof RenderFailure) return err;
  const message = (err as Error)?.message || String(err);
  if (err instanceof SceneValidationError || err instanceof MathError || err instanceof PresetError) return new RenderFailure('scene-unrenderable', message, { cause: err });
  if (err instanceof RenderLimitError) return new RenderFailure('over-limit', message, { cause: err });
  return new RenderFailure('render-failed', message, { cause: err });
}

/**
 * The license's watermark overrides the request's; branding is drawn only when the license includes it. A
 * sandbox animation says SANDBOX, beside the license's watermark where there is one (Free's stays on).
 */
export function overlayFor(branding: Branding | null, license: Pick<EntitlementValues, 'watermark' | 'custom_branding'>, sandbox = false): OverlayOptions {
  const licensed = license.watermark ?? (sandbox ? undefined : branding?.watermark);
  const watermark = sandbox ? (licensed ? `${SANDBOX_WATERMARK} · ${licensed}` : SANDBOX_WATERMARK) : licensed;
  if (!branding) return watermark ? { watermark: { text: watermark } } : {};
  return {
    ...(watermark ? { watermark: { text: watermark } } : {}),
    ...(license.custom_branding && (branding.logo || branding.colors || branding.product_name)
      ? { branding: { ...(branding.logo ? { logo: branding.logo } : {}), ...(branding.colors ? { colors: branding.colors } : {}), ...(branding.product_name ? { productName: branding.product_name } : {}) } }
      : {}),
  };
}

async function claim(deps: RenderJobDeps, id: string, generation: number): Promise<Animation | undefined> {
  const rows = await sql(
    deps.db,
    `UPDATE animations SET status = 'processing', attempts = attempts + 1, progress = 0, started_at = coalesce(started_at, now()), updated_at = now(), rendering_on = $3
      WHERE id = $1 AND generation = $2 AND status IN ('queued', 'processing') RETURNING id`,
    [id, generation, deps.workerName],
  );
  if (!rows.length) return undefined;
  return (await deps.db.getRepository(AnimationEntity).findOneBy({ id })) ?? undefined;
}

export async function storeOutput(storage: ObjectStorage, key: string, file: string, type: string) {
  try {
    return await storage.putFile(key, file, type);
  } catch (err) {
    throw new RenderFailure('storage-failed', `storing ${key} in ${storage.kind} storage failed: ${(err as Error).message || (err as { code?: string }).code || String(err)}`, { cause: err });
  }
}

export async function performRender(deps: RenderJobDeps, job: RenderJob): Promise<Record<string, unknown>> {
  const { animationId: id, generation } = job.data;
  const animation = await claim(deps, id, generation);
  if (!animation) return { skipped: 'the animation is finished, deleted or re-rendered since' };
  await publishAnimationEvent(deps.db, { id, status: 'processing', progress: 0 });
  const attempt = job.retryCount + 1;
  deps.log.info(`render ${id}: generation ${generation}, attempt ${attempt}`);

  const dir = join(deps.workDir, `${id}-g${generation}-a${attempt}`);
  const stop = new AbortController();
  let cancelled = false;
  const onJobAbort = () => stop.abort();
  job.signal.addEventListener('abort', onJobAbort);
  const unsubscribe = deps.events?.subscribe(id, (event) => {
    if (event.status === 'cancelled' || event.status === 'deleted') {
      cancelled = true;
      stop.abort();
    }
  });
  const interval = deps.progressIntervalMs ?? 1000;
  let lastSave = Date.now();
  let saving = false;
  const saveProgress = async (progress: number) => {
    try {
      // attempts = ours: a worker that claimed it after us (we lost our claim) owns it now.
      const rows = await sql(deps.db, `UPDATE animations SET progress = $3, updated_at = now() WHERE id = $1 AND generation = $2 AND status = 'processing' AND attempts = $4 RETURNING id`, [id, generation, progress, animation.attempts]);
      if (!rows.length) {
        cancelled = true;
        stop.abort();
        return;
      }
      await publishAnimationEvent(deps.db, { id, status: 'processing', progress });
    } catch (err) {
      deps.log.warn(`render ${id}: could not save progress (${(err as Error).message}); carrying on`);
    }
  };

  deps.metrics.rendersActive.inc();
  try {
    // Paced for its voice here, where espeak-ng is: each step lasts at least its speech (none without a voice).
    const scene = await paceForVoice(parseScene(animation.scene, `animation ${id}`), deps.renderer.espeakPath);
    if (animation.sandbox && scene.duration > SANDBOX_MAX_DURATION_S)
      throw new RenderFailure(
        'over-limit',
        `paced for its voice-over, this sandbox animation lasts ${Math.round(scene.duration * 10) / 10} s, longer than a sandbox render's ${SANDBOX_MAX_DURATION_S} s: shorten its narration, or use a standard API key`,
      );
    // Long enough, and workers free: split into child jobs, which finish the animation (render-segment.ts).
    const segments = await splitRender({ db: deps.db, queue: deps.queue, renderer: deps.renderer, maxSegments: deps.splitMaxSegments ?? 0, workerName: deps.workerName }, animation, scene);
    if (segments > 0) {
      deps.log.info(`render ${id}: split into ${segments} segments for the free workers`);
      return { split: segments };
    }
    await mkdir(dir, { recursive: true });
    const files = { video: join(dir, 'video.mp4'), poster: join(dir, 'poster.png'), captions: join(dir, 'captions.vtt') };
    const summary = await deps.renderer.render(scene, {
      outputs: files,
      overlay: overlayFor(animation.branding, (await licenseStanding(deps.db, { acceptTest: deps.acceptTestLicenses })).entitlements, animation.sandbox),
      signal: stop.signal,
      onProgress: (done, total) => {
        const now = Date.now();
        if (saving || now - lastSave < interval || done === total) return;
        saving = true;
        lastSave = now;
        // Rendering reaches 95 %; storing the files is the rest.
        void saveProgress(Math.round((done / total) * 0.95 * 1000) / 1000).finally(() => (saving = false));
      },
    });
    if (stop.signal.aborted) throw new Error('render stopped');
    const keys = outputKeys(id);
    const [video, poster, captions] = await Promise.all([
      storeOutput(deps.storage, keys.video, files.video, 'video/mp4'),
      storeOutput(deps.storage, keys.poster, files.poster, 'image/png'),
      storeOutput(deps.storage, keys.captions, files.captions, 'text/vtt; charset=utf-8'),
    ]);
    const outputs: AnimationOutputs = {
      video: { key: keys.video, bytes: video.size },
      poster: { key: keys.poster, bytes: poster.size },
      captions: { key: keys.captions, bytes: captions.size },
      frames: summary.frames,
      duration_s: summary.duration_s,
      width: summary.width,
      height: summary.height,
      fps: summary.fps,
      encoder: summary.encoder,
      render_s: summary.render_s,
    };
    const done = await markCompleted(deps, animation, outputs, {
      quality: animation.quality,
      frames: summary.frames,
      durationS: summary.duration_s,
      renderS: summary.render_s,
      worker: deps.workerName,
      gpu: summary.encoder === 'h264_nvenc' ? (deps.gpu ?? 'gpu') : 'cpu',
    });
    // Deleted while the files were being stored: do not leave them behind.
    if (!done && !(await sql(deps.db, 'SELECT 1 FROM animations WHERE id = $1', [id])).length) await deps.storage.deletePrefix(keys.prefix);
    deps.metrics.renders.inc({ outcome: 'completed' });
    deps.metrics.renderSeconds.observe(summary.render_s);
    deps.log.info(`render ${id}: completed in ${summary.render_s}s (${summary.frames} frames, ${summary.encoder})`);
    return { completed: Boolean(done), render_s: summary.render_s };
  } catch (err) {
    if (cancelled) {
      deps.metrics.renders.inc({ outcome: 'cancelled' });
      deps.log.info(`render ${id}: stopped (the animation was cancelled or deleted, or another worker took it over)`);
      return { cancelled: true };
    }
    const failure = classifyRenderError(err);
    const message = failure.message;
    const handedBack = job.signal.aborted;
    const lastAttempt = job.retryCount >= job.retryLimit;
    if (!handedBack && (failure.permanent || lastAttempt)) {
      const reason = failure.permanent ? message : `${message} (gave up after ${attempt} attempts)`;
      await markFailed(deps, id, generation, reason);
      deps.metrics.renders.inc({ outcome: 'failed' });
      deps.log.warn(`render ${id}: failed: ${reason}`);
      return { failed: reason };
    }
    // Transient (or this worker is shutting down): back to the queue; pg-boss retries with backoff.
    const note = handedBack ? 'handed back to the queue (worker stopping or lost its claim)' : `attempt ${attempt} failed: ${message}; retrying`;
    await sql(deps.db, `UPDATE animations SET status = 'queued', progress = 0, error = $3, updated_at = now() WHERE id = $1 AND generation = $2 AND status = 'processing' AND attempts = $4`, [id, generation, note, animation.attempts]).catch(
      () => {},
    );
    await publishAnimationEvent(deps.db, { id, status: 'queued', progress: 0, error: note });
    deps.metrics.renders.inc({ outcome: 'retried' });
    deps.log.warn(`render ${id}: ${note}`);
    throw failure;
  } finally {
    deps.metrics.rendersActive.dec();
    job.signal.removeEventListener('abort', onJobAbort);
    unsubscribe?.();
    await rm(dir, { recursive: true, force: true });
  }
}
