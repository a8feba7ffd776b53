// Pacing a composed scene for its voice-over: a step whose speech (at the normal rate) is longer than the step gets
// a pause inserted at its end, so it lasts stepDuration({ animationS, text, speechS }) (pacing.ts, the one rule),
// and nothing is ever spoken faster or cut. The pause holds the picture: everything after it moves later, and an
// animation running across it is stretched to keep its end where the later content expects it.
import type { Scene, TimelineEntry } from '../scene/schema.ts';
import { stepDuration } from './pacing.ts';

/** The longest scene the spec allows (schema.ts): pauses stop there rather than make an invalid scene. */
const MAX_SCENE_S = 600;
const EPS = 1e-9;

function entryStart(e: TimelineEntry): number {
  return 'start' in e ? e.start : e.at;
}

/** The entry with a pause of `delta` seconds inserted at `at`. */
function shiftEntry(e: TimelineEntry, at: number, delta: number): TimelineEntry {
  const start = entryStart(e);
  if (start >= at - EPS) return 'start' in e ? { ...e, start: start + delta } : { ...e, at: start + delta };
  const duration = 'duration' in e ? e.duration : 0;
  if (start + duration > at + EPS && 'duration' in e) return { ...e, duration: duration + delta };
  return e;
}

export interface SpeechPacing {
  scene: Scene;
  /** Seconds added in all. */
  addedS: number;
  /** Steps lengthened (their indexes). */
  lengthened: number[];
}

/**
 * `scene` with each narration step lasting at least its speech plus the beat. `speechS[i]` is step i's speech at the
 * normal rate (voice/voice-over.ts speechLengths). The scene is not changed in place.
 */
export function paceForSpeech(scene: Scene, speechS: readonly number[]): SpeechPacing {
  let timeline = scene.timeline;
  let duration = scene.duration;
  let posterTime = scene.meta.posterTime;
  const steps = scene.narration.steps.map((s) => ({ ...s }));
  const lengthened: number[] = [];
  let added = 0;
  const order = steps.map((_, i) => i).sort((a, b) => steps[a]!.start - steps[b]!.start || a - b);
  for (const i of order) {
    const step = steps[i]!;
    const speech = speechS[i];
    if (speech === undefined) continue;
    const needed = stepDuration({ animationS: step.duration, text: step.text, speechS: speech });
    const delta = Math.min(needed - step.duration, MAX_SCENE_S - duration);
    if (delta <= EPS) continue;
    const at = step.start + step.duration;
    timeline = timeline.map((e) => shiftEntry(e, at, delta));
    for (const other of steps) {
      if (other === step || other.start < at - EPS) continue;
      other.start += delta;
      // A step's highlight lies within it (templates/emphasis), so it moves with it.
      if (other.emphasis?.start !== undefined) other.emphasis = { ...other.emphasis, start: other.emphasis.start + delta };
    }
    step.duration += delta;
    if (posterTime !== undefined && posterTime >= at - EPS) posterTime += delta;
    duration += delta;
    added += delta;
    lengthened.push(i);
  }
  const meta = posterTime === undefined ? scene.meta : { ...scene.meta, posterTime };
  return { scene: { ...scene, duration, timeline, narration: { steps }, meta }, addedS: added, lengthened };
}
