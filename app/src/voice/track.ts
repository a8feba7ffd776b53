// The narration track: one PCM WAV as long as the video, each narration step's speech copied in at the sample
// where the step starts. Copying samples to exact offsets is exact and simple, and needs no filter graph: the
// video's clock and the track's agree to the sample.
import { MAX_WPM, NORMAL_WPM, rateToFit, speechWindow } from './fit.ts';
import { encodeWav, pcmSeconds, type Pcm } from './wav.ts';

/** What the track needs of a narration step (the scene spec's narration.steps fit it). */
export interface SpokenStep {
  id?: string;
  start: number;
  duration: number;
  text: string;
}

/** Speaks a text at a rate (words a minute). */
export type Speaker = (text: string, wpm: number) => Promise<Pcm>;

export interface PlacedSpeech {
  /** Index into the steps. */
  step: number;
  /** Seconds into the video where the speech starts: the step's start. */
  start: number;
  /** Seconds of speech placed (after any cut). */
  seconds: number;
  wpm: number;
  /** Seconds cut off the end because the next step's speech, or the video's end, came first. */
  cut: number;
}

export interface NarrationTrack {
  /** The whole track, a PCM WAV file. */
  wav: Buffer;
  speech: PlacedSpeech[];
  /** One line per step that did not fit, naming it and saying what to do. */
  warnings: string[];
}

/** How many steps are synthesised at once: espeak-ng is single-threaded and each utterance takes tens of ms. */
const PARALLEL = 4;
/** Fade applied where speech is cut, so the cut does not click. */
const CUT_FADE_S = 0.02;

export interface SpokenText {
  pcm: Pcm;
  wpm: number;
  /** Whether the speech fits the step's window. */
  fits: boolean;
}

/**
 * Speaks one step so that it fits its window (see fit.ts): at the normal rate, or, when that is too long, again
 * at the rate rateToFit asks for (measured once more, since pauses do not shrink with the rate).
 */
export async function speakToFit(text: string, durationS: number, say: Speaker): Promise<SpokenText> {
  const window = speechWindow(durationS);
  let wpm = NORMAL_WPM;
  let pcm = await say(text, wpm);
  for (let attempt = 0; attempt < 2; attempt++) {
    const choice = rateToFit(pcmSeconds(pcm), window, wpm);
    if (choice.wpm === wpm) return { pcm, wpm, fits: choice.fits };
    wpm = choice.wpm;
    pcm = await say(text, wpm);
  }
  return { pcm, wpm, fits: pcmSeconds(pcm) <= window };
}

function stepName(steps: readonly SpokenStep[], i: number): string {
  const step = steps[i]!;
  const excerpt = step.text.length > 40 ? `${step.text.slice(0, 40)}…` : step.text;
  return `narration step ${i + 1}${step.id ? ` (${step.id})` : ''} "${excerpt}"`;
}

async function speakAll(steps: readonly SpokenStep[], say: Speaker): Promise<SpokenText[]> {
  const out = new Array<SpokenText>(steps.length);
  let next = 0;
  const worker = async () => {
    while (next < steps.length) {
      const i = next++;
      out[i] = await speakToFit(steps[i]!.text, steps[i]!.duration, say);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, steps.length) }, worker));
  return out;
}

/**
 * Builds the track for `steps` in a video of `durationS` seconds. Speech starts exactly at its step's start; speech
 * too long even at MAX_WPM runs on past its step and is cut where the next step's speech starts (or the video ends),
 * with a warning naming the step.
 */
export async function buildNarrationTrack(steps: readonly SpokenStep[], durationS: number, say: Speaker, sampleRate = 22050): Promise<NarrationTrack> {
  const spoken = await speakAll(steps, say);
  const rate = spoken[0]?.pcm.sampleRate ?? sampleRate;
  if (spoken.some((s) => s.pcm.sampleRate !== rate || s.pcm.channels !== 1)) throw new Error('narration speech came back in different sample formats');
  const total = Math.round(durationS * rate);
  const samples = new Int16Array(total);
  const warnings: string[] = [];
  const speech: PlacedSpeech[] = [];
  const order = steps.map((_, i) => i).sort((a, b) => steps[a]!.start - steps[b]!.start || a - b);
  order.forEach((i, k) => {
    const step = steps[i]!;
    const { pcm, wpm, fits } = spoken[i]!;
    const offset = Math.round(step.start * rate);
    const nextStart = order.slice(k + 1).find((j) => Math.round(steps[j]!.start * rate) > offset);
    const limit = Math.min(total, nextStart === undefined ? total : Math.round(steps[nextStart]!.start * rate));
    const length = Math.max(0, Math.min(pcm.samples.length, limit - offset));
    samples.set(pcm.samples.subarray(0, length), offset);
    const cut = (pcm.samples.length - length) / rate;
    if (cut > 0) {
      const fade = Math.min(length, Math.round(CUT_FADE_S * rate));
      for (let n = 0; n < fade; n++) samples[offset + length - fade + n] = Math.round(samples[offset + length - fade + n]! * (1 - (n + 1) / fade));
    }
    speech.push({ step: i, start: step.start, seconds: length / rate, wpm, cut });
    const needS = pcmSeconds(pcm).toFixed(1);
    if (length === 0) warnings.push(`${stepName(steps, i)} is not spoken: another step starts at the same time (${step.start}s); give each step its own start`);
    else if (cut > 0)
      warnings.push(
        `${stepName(steps, i)}: its speech needs ${needS}s at ${wpm} words a minute, but only ${(length / rate).toFixed(1)}s are free before ${nextStart === undefined ? 'the video ends' : 'the next step'}; the last ${cut.toFixed(1)}s are cut. Lengthen the step or shorten its text`,
      );
    else if (!fits) warnings.push(`${stepName(steps, i)}: its speech needs ${needS} s even at ${MAX_WPM} words a minute and runs past the step's ${step.duration.toFixed(1)} s; lengthen the step or shorten its text`);
  });
  return { wav: encodeWav({ sampleRate: rate, channels: 1, samples }), speech, warnings };
}
