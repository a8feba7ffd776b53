// A scene's voice-over: the narration steps spoken by espeak-ng in the chosen voice, as one WAV track as long as the
// video. What the renderer calls; the parts are in espeak.ts (the engine), fit.ts (the rate) and track.ts (placement).
import { requireEspeak, requireVoice, speak } from './espeak.ts';
import { NORMAL_WPM } from './fit.ts';
import { buildNarrationTrack, type NarrationTrack, type SpokenStep } from './track.ts';
import { pcmSeconds } from './wav.ts';

export interface VoiceOverRequest {
  /** voice.espeakPath: a path, or a name looked up on PATH. */
  espeakPath: string;
  /** A voice name from listVoices (the language code). */
  voice: string;
  steps: readonly SpokenStep[];
  /** The video's length in seconds: the track is exactly as long. */
  durationS: number;
}

export async function voiceOver(req: VoiceOverRequest): Promise<NarrationTrack> {
  const binary = requireEspeak(req.espeakPath);
  const voice = await requireVoice(binary, req.voice);
  return buildNarrationTrack(req.steps, req.durationS, (text, wpm) => speak(binary, text, { voice: voice.name, wpm }));
}

/**
 * Seconds `text` takes to say at the normal rate (NORMAL_WPM), silence trimmed: what step pacing needs to make a
 * step long enough for its speech (the `speechS` of a step's duration), so fitting never has to speed it up.
 */
export async function speechSeconds(req: { espeakPath: string; voice: string; text: string }): Promise<number> {
  const binary = requireEspeak(req.espeakPath);
  const voice = await requireVoice(binary, req.voice);
  return pcmSeconds(await speak(binary, req.text, { voice: voice.name, wpm: NORMAL_WPM }));
}

/** How many texts are measured at once (espeak-ng is single-threaded; as track.ts). */
const MEASURE_PARALLEL = 4;

/** speechSeconds for many texts with one voice look-up: what pacing a whole scene's narration for its voice needs. */
export async function speechLengths(req: { espeakPath: string; voice: string; texts: readonly string[] }): Promise<number[]> {
  const binary = requireEspeak(req.espeakPath);
  const voice = await requireVoice(binary, req.voice);
  const out = new Array<number>(req.texts.length);
  let next = 0;
  const worker = async () => {
    while (next < req.texts.length) {
      const i = next++;
      out[i] = pcmSeconds(await speak(binary, req.texts[i]!, { voice: voice.name, wpm: NORMAL_WPM }));
    }
  };
  await Promise.all(Array.from({ length: Math.min(MEASURE_PARALLEL, req.texts.length) }, worker));
  return out;
}
