// Wraps a template's composition into a complete scene spec: size, fps, style, meta, the narration
// track and where it shows, and the timeline and narration rescaled when the user asked for a
// particular duration, then the layout pass (layout/layout-pass.ts: the subject fills the content area, labels kept
// apart and backed over grids) and the emphasis pass (emphasis/compose-emphasis.ts): stretched freely, compressed only down to the reading floor (pacing.ts); when the
// request is shorter than that, the scene keeps the shortest readable length and meta.warnings says so.
import type { CaptionMode, SceneInput } from '../scene/schema.ts';
import type { StyleName } from '../scene/themes.ts';
import { SCENE_VERSION } from '../scene/schema.ts';
import type { Composition } from './types.ts';
import { compressionFloor } from './pacing.ts';
import { composeEmphasis, shownLegend } from './emphasis/compose-emphasis.ts';
import { layoutPass } from './layout/layout-pass.ts';
import { legendSize } from './emphasis/legend.ts';
import type { Delivery } from './delivery.ts';

export interface SceneOptions {
  width: number;
  height: number;
  fps: number;
  /** Seconds; the template's natural length when undefined. */
  duration?: number;
  style: StyleName;
  /** Where the narration shows; the spec's default (burned into the frame) when undefined. */
  captions?: CaptionMode;
  /** The pace asked for in words ("slowly", "quickly"); a requested duration wins over it. */
  pace?: Delivery['pace'];
}

/** How much longer "slowly" makes a scene: every step and pause held a third longer. */
export const SLOW_PACE = 1.35;
/** How far "quickly" shortens a scene, never past the reading floor. */
export const FAST_PACE = 0.8;

type TimelineEntry = NonNullable<SceneInput['timeline']>[number];

function scaleEntry(entry: TimelineEntry, k: number): TimelineEntry {
  const out = { ...entry } as Record<string, unknown>;
  for (const key of ['start', 'at', 'duration']) if (typeof out[key] === 'number') out[key] = (out[key] as number) * k;
  return out as TimelineEntry;
}

export function sceneFromComposition(composition: Composition, meta: { template: string; params: Record<string, unknown>; facts: Record<string, unknown>; description?: string }, opts: SceneOptions): SceneInput {
  const natural = composition.duration;
  const { duration, warning } = opts.duration === undefined && opts.pace && opts.pace !== 'normal' ? { duration: pacedDuration(composition, opts.pace), warning: undefined } : fitDuration(composition, opts.duration);
  const k = duration / natural;
  const timeline = k === 1 ? composition.timeline : composition.timeline.map((e) => scaleEntry(e, k));
  const steps = composition.narration
    .map((step) => {
      const start = step.start * k;
      return { ...step, start, duration: Math.min(duration, (step.start + step.duration) * k) - start };
    })
    .filter((step) => step.duration > 0);
  const scene: SceneInput = {
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
      ...(warning ? { warnings: [warning] } : {}),
    },
  };
  // Laid out first, so the highlight of each narrated step with refs, and the legend, fit the scene as it will be shown.
  // Room is kept for the legend the emphasis pass will draw: the entries whose colours the scene shows.
  const shown = shownLegend(scene.objects, scene.timeline ?? [], composition.legend ?? []);
  const legend = shown.length ? { legend: legendSize(shown) } : {};
  return composeEmphasis(layoutPass(scene, legend), composition.legend);
}

/** The length "slowly" or "quickly" gives a scene: stretched, or shortened down to the reading floor at most. */
export function pacedDuration(composition: Pick<Composition, 'duration' | 'narration'>, pace: 'slow' | 'fast'): number {
  const natural = composition.duration;
  if (pace === 'slow') return natural * SLOW_PACE;
  const shortest = natural * compressionFloor(composition.narration.map((s) => ({ duration: s.duration ?? 0, text: s.text })));
  return Math.max(natural * FAST_PACE, shortest, Math.min(natural, 1));
}

/**
 * The length a scene gets for a requested duration: the request when every narration step stays readable at
 * it, else the shortest readable length (whole seconds, rounded up) with a warning saying so.
 */
export function fitDuration(composition: Pick<Composition, 'duration' | 'narration'>, requested: number | undefined): { duration: number; warning?: string } {
  const natural = composition.duration;
  if (requested === undefined) return { duration: natural };
  const shortest = natural * compressionFloor(composition.narration.map((s) => ({ duration: s.duration ?? 0, text: s.text })));
  if (requested >= shortest - 1e-9) return { duration: requested };
  const duration = Math.ceil(shortest - 1e-9);
  return { duration, warning: `this animation needs at least ${duration} s to be read; made it ${duration} s instead of ${+requested.toFixed(1)} s` };
}
