// The moments the layout pass and its checks look at: the start and end, every timeline entry's start and end (where
// something arrives, moves or changes its text), the top of every arc and the overshoot of every grow (where an
// object reaches furthest), and an even spread between, so a layout is judged at every keyframe.
import type { Scene } from '../../scene/schema.ts';

/** Evenly spread samples besides the keyframes. */
const SPREAD = 16;
/** At most this many keyframes (dense scenes have hundreds of entries; an even pick of them is enough). */
const MAX_KEYFRAMES = 128;

export function sampleTimes(scene: Pick<Scene, 'duration' | 'timeline'>): number[] {
  const d = scene.duration;
  const keys = new Set<number>();
  // Where something reaches furthest is never thinned out.
  const peaks = new Set<number>();
  const add = (set: Set<number>, t: number) => t >= 0 && t <= d && set.add(+t.toFixed(4));
  for (const e of scene.timeline) {
    const start = 'at' in e ? e.at : e.start;
    const length = 'duration' in e ? (e.duration ?? 0) : 0;
    add(keys, start);
    add(keys, start + length);
    // A move's arc lifts it highest half-way; a grown object overshoots its size (easeOutBack) about two thirds in.
    if (e.type === 'move' && e.arc) add(peaks, start + length / 2);
    if (e.type === 'appear' && e.effect === 'grow') add(peaks, start + length * 0.68);
  }
  let keyframes = [...keys].sort((a, b) => a - b);
  if (keyframes.length > MAX_KEYFRAMES) keyframes = Array.from({ length: MAX_KEYFRAMES }, (_, i) => keyframes[Math.round((i * (keyframes.length - 1)) / (MAX_KEYFRAMES - 1))]!);
  const spread = Array.from({ length: SPREAD + 1 }, (_, i) => (d * i) / SPREAD);
  return [...new Set([...spread, ...keyframes, ...peaks])].sort((a, b) => a - b);
}
