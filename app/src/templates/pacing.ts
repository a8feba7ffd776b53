// Reading-time pacing, the one home for the rule: a narration step lasts the longer of its animation, its
// reading time (about 15 characters a second, never under 1.2 s, plus a beat to look at the picture) and,
// when a voice-over speaks it, its speech. The timeline builder holds the animation until each step has
// been readable that long; compose.ts compresses a requested duration only down to the same floor.

/** Characters a second most people read a caption at comfortably (subtitling guides say 12–17). */
export const READING_CPS = 15;
/** No caption shorter than this: under it, even "Done." flashes by unread. */
export const MIN_STEP_S = 1.2;
/** A pause after the words so the eye can go back to the picture the caption is about. */
export const BEAT_S = 0.3;
/** The limit the catalogue is checked against (the rule's ceiling; pacing aims at READING_CPS). */
export const MAX_CPS = 17;

/** Characters a reader reads: code points, so "x²" and "→" count once. */
export function characters(text: string): number {
  return [...text.trim()].length;
}

/** Seconds `text` needs on screen to be read, beat included. */
export function readingTime(text: string): number {
  return Math.max(MIN_STEP_S, characters(text) / READING_CPS + BEAT_S);
}

export interface StepTiming {
  /** Seconds the step's animation takes (0 when it only holds the picture). */
  animationS: number;
  text: string;
  /** Seconds a voice-over takes to speak the step, when there is one (the voice seam). */
  speechS?: number;
}

/** How long a step lasts: the longest of its animation, its reading time and its speech (+ a beat). */
export function stepDuration({ animationS, text, speechS }: StepTiming): number {
  return Math.max(animationS, readingTime(text), speechS === undefined ? 0 : speechS + BEAT_S);
}

/** Whether a step shown for `seconds` can be read: at least MIN_STEP_S and at most MAX_CPS. */
export function readable(text: string, seconds: number): boolean {
  return seconds >= MIN_STEP_S - 1e-9 && characters(text) / seconds <= MAX_CPS + 1e-9;
}

/** The problem with a step shown for `seconds`, in words, or undefined when it reads fine. */
export function pacingProblem(text: string, seconds: number): string | undefined {
  if (seconds < MIN_STEP_S - 1e-9) return `shown ${seconds.toFixed(2)} s (under ${MIN_STEP_S} s)`;
  const cps = characters(text) / seconds;
  if (cps > MAX_CPS + 1e-9) return `${cps.toFixed(1)} characters a second (over ${MAX_CPS})`;
  return undefined;
}

/**
 * The smallest factor a timeline may be scaled by so that every step stays readable: a requested duration is
 * compressed at most this far (1 when some step is already at its floor; less when every step has slack).
 */
export function compressionFloor(steps: readonly { duration: number; text: string }[]): number {
  let k = 0;
  for (const step of steps) if (step.duration > 0) k = Math.max(k, readingTime(step.text) / step.duration);
  return k;
}
