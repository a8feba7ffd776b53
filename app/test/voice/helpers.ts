// Shared by the voice tests: reading a track's PCM back and finding where speech starts in it.
import type { Pcm } from '../../src/voice/wav.ts';

/** Seconds from `from` to the first sample at or above `level` before `to`, or undefined when all is silent. */
export function firstSound(pcm: Pcm, from: number, to: number, level = 1000): number | undefined {
  const a = Math.round(from * pcm.sampleRate);
  const b = Math.min(pcm.samples.length, Math.round(to * pcm.sampleRate));
  for (let i = a; i < b; i++) if (Math.abs(pcm.samples[i]!) >= level) return i / pcm.sampleRate;
  return undefined;
}
