// A scene's voice-over: the narration steps spoken by espeak-ng in the chosen voice, as one WAV track as long as the
// video. What the renderer calls; the parts are in espeak.ts (the engine), fit.ts (the rate) and track.ts (placement).
import { requireEspeak, requireVoice, speak } from './espeak.ts';
import { buildNarrationTrack, type NarrationTrack, type SpokenStep } from './track.ts';

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
