// How fast a step is spoken: the one rule that fits speech into its step's window. Speech starts at a normal
// rate; a step too short for it is spoken faster, up to a cap past which speech stops being easy to follow, and
// beyond that the step is too short and the caller says so. The pacing of steps (reading time) can use
// NORMAL_WPM's measured speech length to make steps long enough in the first place.

/** A normal narration rate, words a minute: about what reading at 15 characters a second gives. */
export const NORMAL_WPM = 165;
/** The fastest rate used to squeeze speech into a short step. */
export const MAX_WPM = 200;
/** Silence left at the end of a step's window, so one step's speech never runs straight into the next. */
export const STEP_GAP_S = 0.15;

export interface RateChoice {
  /** The rate to speak at, words a minute. */
  wpm: number;
  /** Whether speech at that rate is expected to fit the window. */
  fits: boolean;
}

/** Seconds of a step's window that speech may fill. */
export function speechWindow(stepDurationS: number): number {
  return Math.max(0, stepDurationS - STEP_GAP_S);
}

/**
 * The rate for a step whose speech lasts `speechS` at `wpm` and must fit in `windowS`. Speech length scales
 * (nearly) inversely with the rate, so the rate that fits is wpm × speechS / windowS, rounded up, at least
 * NORMAL_WPM and at most MAX_WPM.
 */
export function rateToFit(speechS: number, windowS: number, wpm = NORMAL_WPM): RateChoice {
  if (speechS <= windowS) return { wpm: Math.max(wpm, NORMAL_WPM), fits: true };
  if (windowS <= 0) return { wpm: MAX_WPM, fits: false };
  const needed = Math.ceil((wpm * speechS) / windowS);
  return needed <= MAX_WPM ? { wpm: Math.max(needed, NORMAL_WPM), fits: true } : { wpm: MAX_WPM, fits: false };
}
