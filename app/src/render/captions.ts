// WebVTT captions from a scene's narration track: the same steps the player burns into the frame.
import type { NarrationStep } from '../scene/schema.ts';

function timestamp(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/** Cue text may not contain "-->" or blank lines, and "<" / "&" start markup in WebVTT: escape them. */
function cueText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n\s*\r?\n/g, '\n')
    .trim();
}

export function toWebVtt(steps: readonly Pick<NarrationStep, 'start' | 'duration' | 'text'>[], duration: number): string {
  const cues = [...steps]
    .filter((s) => s.start < duration)
    .sort((a, b) => a.start - b.start)
    .map((s, i) => `${i + 1}\n${timestamp(s.start)} --> ${timestamp(Math.min(s.start + s.duration, duration))}\n${cueText(s.text)}\n`);
  return ['WEBVTT', '', ...cues].join('\n');
}
