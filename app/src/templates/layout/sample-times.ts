// The moments the layout pass and its checks look at: the start and end, every timeline entry's start and end (where
// something arrives, moves or changes its text), the top of every arc and the overshoot of every grow, and an even spread between, so a layout is judged at every keyframe.
import type { Scene } from '../../scene/schema.ts';

/** Evenly spread samples besides the keyframes. */
const SPREAD = 16;
/** At most this many keyframes (dense scenes have hundreds of entries; an even pick of them is enough). */
const MAX_KEYFRAMES = 96;

export function sampleTimes(scene: Pick<Scene, 'duration' | 'timeline'>): number[] {
  const d = scene.duration;
  const keys = new Set<number>();
  for (const e of scene.timeline) {
    const start = 'at' in e ? e.at : e.start;
    const end = start + ('duration' in e ? (e.duration ?? 0) : 0);
    // A move's arc lifts it highest half-way; a grown object overshoots its size (easeOutBack) about two thirds in.
    const mid = e.type === 'move' && e.arc ? [start + (e.duration ?? 0) / 2] : e.type === 'appear' && e.effect === 'grow' ? [start + (e.duration ?? 0) * 0.68] : [];
    for (const t of [start, end, ...mid]) if (t >= 0 && t <= d) keys.add(+t.toFixed(4));
  }
  let keyframes = [...keys].sort((a, b) => a - b);
  if (keyframes.length > MAX_KEYFRAMES) keyframes = Array.from({ length: MAX_KEYFRAMES }, (_, i) => keyframes[Math.round((i * (keyframes.length - 1)) / (MAX_KEYFRAMES - 1))]!);
  const spread = Array.from({ length: SPREAD + 1 }, (_, i) => (d * i) / SPREAD);
  return [...new Set([...spread, ...keyframes])].sort((a, b) => a - b);
}
