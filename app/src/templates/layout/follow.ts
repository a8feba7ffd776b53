// What the layout pass adds beside a label (its leader line, its backing) comes and goes with the label and moves
// with it: the label's own appear, disappear and opacity entries are copied onto it, and a backing also gets the
// label's moves.
import type { SceneInput } from '../../scene/schema.ts';

type Entry = NonNullable<SceneInput['timeline']>[number];

/**
 * Copies of `label`'s visibility entries (and, with `moveOffset`, its moves, shifted by that much in x) for `follower`.
 * `opacity` is the follower's full opacity: an opacity the label tweens to is scaled by it.
 */
export function followEntries(timeline: readonly Entry[], label: string, follower: string, opacity: number, moveOffset?: number): Entry[] {
  const out: Entry[] = [];
  for (const e of timeline) {
    if (e.target !== label) continue;
    if (e.type === 'appear' || e.type === 'disappear') out.push({ ...e, target: follower, ...(e.type === 'appear' && e.effect === 'draw' ? { effect: 'fade' as const } : {}) });
    else if ((e.type === 'tween' || e.type === 'set') && e.property === 'opacity') {
      const scaled = (v: unknown) => (typeof v === 'number' ? v * opacity : v);
      out.push(e.type === 'tween' ? { ...e, target: follower, to: scaled(e.to) as number, ...(e.from !== undefined ? { from: scaled(e.from) as number } : {}) } : { ...e, target: follower, value: scaled(e.value) as number });
    } else if (moveOffset !== undefined && e.type === 'move') out.push({ ...e, target: follower, to: { ...e.to, ...(e.to.x !== undefined ? { x: e.to.x + moveOffset } : {}) } });
    else if (moveOffset !== undefined && (e.type === 'tween' || e.type === 'set') && (e.property === 'x' || e.property === 'y')) {
      const shift = (v: unknown) => (typeof v === 'number' && e.property === 'x' ? v + moveOffset : v);
      out.push(e.type === 'tween' ? { ...e, target: follower, to: shift(e.to) as number, ...(e.from !== undefined ? { from: shift(e.from) as number } : {}) } : { ...e, target: follower, value: shift(e.value) as number });
    }
  }
  return out;
}
