// An animation as clients see it: the API's responses and the webhook payloads are built here, so the
// two cannot drift. Never the row itself: the scene spec, branding and internal ids stay out, and a
// summary (queries/animations.ts) without them is all this needs.
import type { Animation } from '../db/entities/animation.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The columns an animation's payload is made from (no scene, no branding, no webhook URL). */
export const SUMMARY_FIELDS = [
  'id',
  'ownerId',
  'batchId',
  'clientRef',
  'description',
  'title',
  'style',
  'quality',
  'fps',
  'durationS',
  'template',
  'params',
  'facts',
  'analysis',
  'status',
  'progress',
  'error',
  'outputs',
  'generation',
  'attempts',
  'orgVisible',
  'createdAt',
  'updatedAt',
  'startedAt',
  'completedAt',
  'estimatedCompletion',
] as const satisfies readonly (keyof Animation)[];

export type AnimationSummary = Pick<Animation, (typeof SUMMARY_FIELDS)[number]>;

export function animationLinks(base: string, id: string): Record<string, string> {
  const self = `${base}/api/v1/animations/${id}`;
  return {
    self,
    events: `${self}/events`,
    video: `${self}/video`,
    poster: `${self}/poster`,
    captions: `${self}/captions.vtt`,
    scene: `${self}/scene`,
    cancel: `${self}/cancel`,
    rerender: `${self}/rerender`,
  };
}

export function animationPayload(a: AnimationSummary, base: string) {
  const analysis = a.analysis as { confidence?: number; warnings?: string[] };
  return {
    id: a.id,
    status: a.status,
    progress: Math.round(a.progress * 1000) / 1000,
    error: a.error,
    description: a.description,
    title: a.title,
    style: a.style,
    quality: a.quality,
    fps: a.fps,
    duration: a.durationS,
    template: a.template,
    params: a.params,
    facts: a.facts,
    confidence: analysis.confidence ?? null,
    warnings: analysis.warnings ?? [],
    batch_id: a.batchId,
    client_id: a.clientRef,
    attempts: a.attempts,
    generation: a.generation,
    org_visible: a.orgVisible,
    outputs: a.outputs
      ? {
          video_bytes: a.outputs.video.bytes,
          poster_bytes: a.outputs.poster.bytes,
          captions_bytes: a.outputs.captions.bytes,
          width: a.outputs.width,
          height: a.outputs.height,
          frames: a.outputs.frames,
          render_seconds: a.outputs.render_s,
        }
      : null,
    created_at: a.createdAt.toISOString(),
    updated_at: a.updatedAt.toISOString(),
    started_at: iso(a.startedAt),
    completed_at: iso(a.completedAt),
    estimated_completion: iso(a.estimatedCompletion),
    links: animationLinks(base, a.id),
  };
}

export type AnimationPayload = ReturnType<typeof animationPayload>;

/** What a batch callback says about each of its items. */
export function batchItemPayload(a: AnimationSummary, base: string) {
  const view = animationPayload(a, base);
  return { id: view.id, client_id: view.client_id, status: view.status, error: view.error, outputs: view.outputs, links: view.links };
}
