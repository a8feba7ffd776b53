// Keep labels apart: text labels whose boxes (estimated from font size and string length, emphasis/bounds.ts) overlap
// at any sampled moment while both are visible are pushed apart by a small iterative repulsion, each step along the
// axis of least overlap, and kept inside the title-safe area. Only labels that stay put can be nudged (a label that
// moves, or sits in a turning group, is where its animation needs it); chrome pushes the others, and labels in
// motion pass by without pushing anything aside.
import type { Scene, SceneObject } from '../../scene/schema.ts';
import type { Box, SceneBounds } from '../emphasis/bounds.ts';
import { staysPut } from './frames.ts';
import { VISIBLE } from './subject.ts';

/** Clearance kept between two labels' boxes. */
export const LABEL_GAP = 0.06;
/** Rounds of repulsion; each moves every overlapping pair apart by its overlap. */
const ROUNDS = 40;
/** Farther than this from the template's place no nudge goes (a label that far off would name the wrong thing). */
const MAX_NUDGE = 1.6;

export interface Label {
  id: string;
  /** Box at each sampled time, undefined while it is not seen. */
  boxes: (Box | undefined)[];
  movable: boolean;
  /** At each sampled time, whether it is at rest: what passes by in motion (an orbiting planet's name) pushes nothing. */
  still: boolean[];
  /** The nudge so far, world units. */
  dx: number;
  dy: number;
}

/** Every text object with a box at some sampled time, as a label; `movable` ones are in `subject` and stay put. */
export function collectLabels(scene: Scene, bounds: SceneBounds, times: readonly number[], inSubject: (o: SceneObject) => boolean): Label[] {
  const labels: Label[] = [];
  for (const o of scene.objects) {
    if (o.type !== 'text') continue;
    const boxes = times.map((t) => (bounds.opacity(o.id, t) > VISIBLE ? bounds.box(o.id, t) : undefined));
    if (!boxes.some(Boolean)) continue;
    // A legend's entries are laid out as a row or a column: moving one alone would break it.
    const movable = inSubject(o) && !o.id.startsWith('legend.') && staysPut(scene, o) && o.rotation === 0;
    const still = times.map((t) => !bounds.moves(o.id, t - 1e-3, t + 1e-3));
    labels.push({ id: o.id, boxes, movable, still, dx: 0, dy: 0 });
  }
  return labels;
}

function shifted(b: Box, l: Label): Box {
  return { x0: b.x0 + l.dx, x1: b.x1 + l.dx, y0: b.y0 + l.dy, y1: b.y1 + l.dy };
}

/** The worst overlap of two labels over the sampled times (gap included), with the boxes it happens at. */
export function worstOverlap(a: Label, b: Label, gap = LABEL_GAP): { ox: number; oy: number; a: Box; b: Box } | undefined {
  let worst: { ox: number; oy: number; a: Box; b: Box } | undefined;
  for (let i = 0; i < a.boxes.length; i++) {
    const [ra, rb] = [a.boxes[i], b.boxes[i]];
    if (!ra || !rb || !a.still[i] || !b.still[i]) continue;
    const [ba, bb] = [shifted(ra, a), shifted(rb, b)];
    const ox = Math.min(ba.x1, bb.x1) - Math.max(ba.x0, bb.x0) + gap;
    const oy = Math.min(ba.y1, bb.y1) - Math.max(ba.y0, bb.y0) + gap;
    if (ox > 0 && oy > 0 && (!worst || Math.min(ox, oy) > Math.min(worst.ox, worst.oy))) worst = { ox, oy, a: ba, b: bb };
  }
  return worst;
}

function unionBox(l: Label): Box | undefined {
  const bs = l.boxes.filter((b): b is Box => !!b);
  if (!bs.length) return undefined;
  return { x0: Math.min(...bs.map((b) => b.x0)), y0: Math.min(...bs.map((b) => b.y0)), x1: Math.max(...bs.map((b) => b.x1)), y1: Math.max(...bs.map((b) => b.y1)) };
}

/** Keeps a label's nudge small and its box inside `safe`. */
function clamp(l: Label, safe: Box): void {
  const len = Math.hypot(l.dx, l.dy);
  if (len > MAX_NUDGE) [l.dx, l.dy] = [(l.dx * MAX_NUDGE) / len, (l.dy * MAX_NUDGE) / len];
  const u = unionBox(l);
  if (!u) return;
  l.dx = Math.min(Math.max(l.dx, safe.x0 - u.x0), safe.x1 - u.x1);
  l.dy = Math.min(Math.max(l.dy, safe.y0 - u.y0), safe.y1 - u.y1);
}

/** Pushes overlapping labels apart (in place); returns the pairs still overlapping, by id. */
export function separate(labels: Label[], safe: Box): [string, string][] {
  // Only pairs that could meet within the largest nudge are looked at again and again.
  const reach = 2 * MAX_NUDGE + LABEL_GAP;
  const unions = labels.map(unionBox);
  const pairs: [Label, Label][] = [];
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) {
      const [a, b, ua, ub] = [labels[i]!, labels[j]!, unions[i], unions[j]];
      if (!ua || !ub || (!a.movable && !b.movable)) continue;
      if (ua.x0 - reach < ub.x1 && ub.x0 - reach < ua.x1 && ua.y0 - reach < ub.y1 && ub.y0 - reach < ua.y1) pairs.push([a, b]);
    }
  for (let round = 0; round < ROUNDS; round++) {
    let moved = false;
    for (const [a, b] of pairs) {
      const o = worstOverlap(a, b);
      if (!o) continue;
      moved = true;
      const share = a.movable && b.movable ? 0.5 : 1;
      // Along the axis that needs the smaller push; the one that is higher (or further right) goes further that way.
      const alongX = o.ox < o.oy;
      const sign = alongX ? Math.sign(o.b.x0 + o.b.x1 - o.a.x0 - o.a.x1) || 1 : Math.sign(o.b.y0 + o.b.y1 - o.a.y0 - o.a.y1) || 1;
      const push = (alongX ? o.ox : o.oy) * share;
      for (const [l, dir] of [
        [a, -sign],
        [b, sign],
      ] as const) {
        if (!l.movable) continue;
        if (alongX) l.dx += dir * push;
        else l.dy += dir * push;
        clamp(l, safe);
      }
    }
    if (!moved) break;
  }
  return pairs.filter(([a, b]) => worstOverlap(a, b, 0)).map(([a, b]) => [a.id, b.id]);
}
