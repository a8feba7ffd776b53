// When each narration step shows, and how strongly: a pure function of time, shared by the player's
// burned-in caption band and the preview's caption line, so both show the same step at the same frame.
import type { CaptionMode, NarrationStep } from './schema.ts';

/** Seconds a caption takes to fade in or out. */
export const CAPTION_FADE = 0.2;
/** A step that starts within this of the previous one's end continues the band: no fade between them. */
const JOIN = 0.05;

export interface CaptionState {
  /** Index into narration.steps of the step showing, or -1 when none is. */
  step: number;
  /** Opacity of the band's backing, 0–1: fades in after a gap in the narration and out before one. */
  band: number;
  /** Opacity of the text, 0–1: as the band's, and fading in again whenever a new step takes over. */
  text: number;
}

export const NO_CAPTION: CaptionState = { step: -1, band: 0, text: 0 };

/** Whether the narration is drawn into the frame (as opposed to the .vtt beside it only). */
export function burnsIn(mode: CaptionMode): boolean {
  return mode !== 'sidecar';
}

function ramp(x: number): number {
  return Math.min(1, Math.max(0, x / CAPTION_FADE));
}

/** The step whose window holds `t` (the latest to start when windows overlap), or -1. */
export function stepAt(steps: readonly Pick<NarrationStep, 'start' | 'duration'>[], t: number): number {
  let found = -1;
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    if (s.start <= t && t < s.start + s.duration && (found < 0 || s.start >= steps[found]!.start)) found = i;
  }
  return found;
}

/** What the caption band shows at time `t` of a scene with these steps. */
export function captionAt(steps: readonly Pick<NarrationStep, 'start' | 'duration'>[], t: number): CaptionState {
  const i = stepAt(steps, t);
  if (i < 0) return NO_CAPTION;
  const step = steps[i]!;
  const end = step.start + step.duration;
  // Joined to a step before or after it, the band stays up across the join.
  const joinedBefore = steps.some((s, j) => j !== i && s.start < step.start && Math.abs(s.start + s.duration - step.start) <= JOIN);
  const joinedAfter = steps.some((s, j) => j !== i && s.start > step.start && Math.abs(s.start - end) <= JOIN);
  const fadeIn = ramp(t - step.start);
  const fadeOut = joinedAfter ? 1 : ramp(end - t);
  const band = Math.min(joinedBefore ? 1 : fadeIn, fadeOut);
  return { step: i, band, text: Math.min(fadeIn, fadeOut) };
}

export function sameCaption(a: CaptionState, b: CaptionState): boolean {
  return a.step === b.step && a.band === b.band && a.text === b.text;
}
