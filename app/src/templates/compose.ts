// Wraps a template's composition into a complete scene spec: size, fps, style, meta, the narration
// track and where it shows, and the timeline and narration rescaled when the user asked for a
// particular duration.
import type { CaptionMode, SceneInput } from '../scene/schema.ts';
import type { StyleName } from '../scene/themes.ts';
import { SCENE_VERSION } from '../scene/schema.ts';
import type { Composition } from './types.ts';

export interface SceneOptions {
  width: number;
  height: number;
  fps: number;
  /** Seconds; the template's natural length when undefined. */
  duration?: number;
  style: StyleName;
  /** Where the narration shows; the spec's default (burned into the frame) when undefined. */
  captions?: CaptionMode;
}

type TimelineEntry = NonNullable<SceneInput['timeline']>[number];

function scaleEntry(entry: TimelineEntry, k: number): TimelineEntry {
  const out = { ...entry } as Record<string, unknown>;
  for (const key of ['start', 'at', 'duration']) if (typeof out[key] === 'number') out[key] = (out[key] as number) * k;
  return out as TimelineEntry;
}

export function sceneFromComposition(composition: Composition, meta: { template: string; params: Record<string, unknown>; facts: Record<string, unknown>; description?: string }, opts: SceneOptions): SceneInput {
  const natural = composition.duration;
  const duration = opts.duration ?? natural;
  const k = duration / natural;
  const timeline = k === 1 ? composition.timeline : composition.timeline.map((e) => scaleEntry(e, k));
  const steps = composition.narration
    .map((step) => {
      const start = step.start * k;
      return { ...step, start, duration: Math.min(duration, (step.start + step.duration) * k) - start };
    })
    .filter((step) => step.duration > 0);
  return {
    version: SCENE_VERSION,
    width: opts.width,
    height: opts.height,
    fps: opts.fps,
    duration,
    style: { theme: opts.style },
    ...(composition.camera ? { camera: composition.camera } : {}),
    objects: composition.objects,
    timeline,
    narration: { steps },
    ...(opts.captions ? { captions: { mode: opts.captions } } : {}),
    meta: {
      template: meta.template,
      params: meta.params,
      facts: meta.facts,
      title: composition.title,
      ...(meta.description ? { description: meta.description } : {}),
    },
  };
}
