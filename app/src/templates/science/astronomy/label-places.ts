// Where each planet's name goes while the planets move: above, below, right or left of its planet, whichever
// side is clear of the Sun, the other planets and the labels already placed. A label keeps its side while that
// side stays clear (no flicker), and moves only when something comes in the way (Mercury passing in front of
// the Sun, two planets lining up). Local to the solar system: the shared layout pass does not know motion.
import { lineWidth } from '../../../text/text-width.ts';

export interface Disc {
  x: number;
  y: number;
  r: number;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Label type size (world units), as the solar system draws its names. */
const SIZE = 0.28;
const HALF_H = 0.18;
const GAP = 0.12;

export function labelHalfWidth(text: string): number {
  // Measured as bounds.ts measures it: the house sans, regular (every theme's sans is Inter).
  return (lineWidth(text, { family: 'Inter', weight: 400 }) * SIZE) / 2;
}

function boxAt(x: number, y: number, text: string): Box {
  const hw = labelHalfWidth(text);
  return { x0: x - hw, x1: x + hw, y0: y - HALF_H, y1: y + HALF_H };
}

function overlapBox(a: Box, b: Box): number {
  return Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
}

/** How far into the box a disc reaches (0 when clear): the disc's radius minus its distance to the box. */
function overlapDisc(b: Box, d: Disc): number {
  const nx = Math.max(b.x0, Math.min(d.x, b.x1));
  const ny = Math.max(b.y0, Math.min(d.y, b.y1));
  return Math.max(0, d.r + 0.04 - Math.hypot(nx - d.x, ny - d.y));
}

/** The four sides a label can take around a planet of radius r: offsets of the label's centre. */
function sides(text: string, r: number, preferAbove: boolean): [number, number][] {
  const up: [number, number] = [0, r + GAP + HALF_H];
  const down: [number, number] = [0, -(r + GAP + HALF_H)];
  const side = r + GAP + labelHalfWidth(text);
  return [preferAbove ? up : down, preferAbove ? down : up, [side, 0], [-side, 0]];
}

/**
 * Label offsets for every planet at every sample: `planets[k][i]` is planet i's disc at sample k (same order
 * as `names`), `sun` the Sun's disc. Planet i prefers above when i is even and below when odd, as before.
 */
export function placeLabels(names: readonly string[], planets: readonly (readonly Disc[])[], sun: Disc): [number, number][][] {
  const chosen: number[] = names.map(() => 0);
  return planets.map((now, k) => {
    // A label keeps its offset until the next sample while its planet moves on: it must be clear at both ends.
    const spans = [now, planets[k + 1] ?? now];
    const placed: Box[][] = [[], []];
    return names.map((name, i) => {
      const options = sides(name, now[i]!.r, i % 2 === 0);
      const cost = (o: [number, number]) => {
        let c = 0;
        spans.forEach((discs, e) => {
          const me = discs[i]!;
          const box = boxAt(me.x + o[0], me.y + o[1], name);
          c += overlapDisc(box, sun) * 10;
          discs.forEach((d, j) => j !== i && (c += overlapDisc(box, d)));
          for (const p of placed[e]!) c += overlapBox(box, p);
        });
        return c;
      };
      // Keep the side it has while that stays clear; otherwise the first clear side, else the least crowded.
      let pick = chosen[i]!;
      if (cost(options[pick]!) > 1e-9) {
        const costs = options.map(cost);
        const clear = costs.findIndex((c) => c <= 1e-9);
        pick = clear >= 0 ? clear : costs.indexOf(Math.min(...costs));
      }
      chosen[i] = pick;
      const o = options[pick]!;
      spans.forEach((discs, e) => placed[e]!.push(boxAt(discs[i]!.x + o[0], discs[i]!.y + o[1], name)));
      return o;
    });
  });
}
