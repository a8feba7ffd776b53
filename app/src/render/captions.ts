// WebVTT captions from a scene's meta.captions.
import type { Caption } from '../scene/schema.ts';

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

export function toWebVtt(captions: readonly Caption[], duration: number): string {
  const cues = [...captions]
    .filter((c) => c.start < duration)
    .sort((a, b) => a.start - b.start)
    .map((c, i) => `${i + 1}\n${timestamp(c.start)} --> ${timestamp(Math.min(c.end, duration))}\n${cueText(c.text)}\n`);
  return ['WEBVTT', '', ...cues].join('\n');
}
