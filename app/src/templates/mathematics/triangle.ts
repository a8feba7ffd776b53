// Triangles from what the user knows of them, shared by the law of cosines, the law of sines and Heron's
// formula: the params they share (sides a, b, c and angles A, B, C, angle A opposite side a), which case
// the given facts are (SSS, SAS, ASA, AAS, SSA), the solving, and the figure drawn to scale. Angles are in
// degrees throughout; a scene shows them in radians only when the user asked for radians.
import { z } from 'zod';
import type { Composition } from '../types.ts';
import { fmt } from './chart.ts';
import { arcPoints, rightAngleMark, type P2 } from './shapes.ts';
import { lengthUnit } from './units.ts';

type SceneObject = Composition['objects'][number];

export const SIDES = ['a', 'b', 'c'] as const;
export const ANGLES = ['A', 'B', 'C'] as const;
export type SideName = (typeof SIDES)[number];
export type AngleName = (typeof ANGLES)[number];
export type Given = Partial<Record<SideName | AngleName, number>>;

const length = z.number().finite().min(1e-6).max(1e6);
const angle = z.number().finite().gt(0).lt(180);

/** What the user gave: any of the three sides and three angles (in degrees); the templates say which sets they solve. */
export const triangleGiven = z
  .strictObject({
    a: length.optional().describe('side a, opposite angle A'),
    b: length.optional().describe('side b, opposite angle B'),
    c: length.optional().describe('side c, opposite angle C'),
    A: angle.optional().describe('angle A in degrees, at the corner opposite side a'),
    B: angle.optional().describe('angle B in degrees'),
    C: angle.optional().describe('angle C in degrees'),
  })
  .describe('the sides (a, b, c) and angles in degrees (A, B, C) the user gave; angle A is opposite side a');

/** The params every triangle template has besides the given facts. */
export const triangleExtras = {
  unit: lengthUnit.describe('the unit of the sides (cm, m, in …), empty when none'),
  angle_unit: z.enum(['deg', 'rad']).default('deg').describe('how angles are shown: degrees unless the user asked for radians'),
};

/** A solved triangle: side i is opposite angle i (0 = a/A, 1 = b/B, 2 = c/C); angles in degrees. */
export interface Solved {
  sides: [number, number, number];
  angles: [number, number, number];
}

export type TriangleCase = 'SSS' | 'SAS' | 'ASA' | 'AAS' | 'SSA';

export interface Classified {
  case: TriangleCase;
  /** SAS: the given angle (its side is the unknown); SSA: the given angle opposite a given side; ASA/AAS: the given side. */
  key: number;
}

const RAD = Math.PI / 180;
/** Float dust from cos and acos (60.00000000000001°) is not a digit anyone should see. */
export const clean = (v: number) => Number(v.toPrecision(12));
const sinD = (d: number) => (Math.abs(d - 90) < 1e-12 ? 1 : Math.sin(d * RAD));
const cosD = (d: number) => (Math.abs(d - 90) < 1e-12 ? 0 : Math.cos(d * RAD));

/** The other two indices of a triangle, in order (for 2 (C): 0 and 1, a and b). */
export function others(k: number): [number, number] {
  return [0, 1, 2].filter((i) => i !== k) as [number, number];
}

function list(g: Given): { sides: number[]; angles: number[] } {
  return { sides: [0, 1, 2].filter((i) => g[SIDES[i]!] !== undefined), angles: [0, 1, 2].filter((i) => g[ANGLES[i]!] !== undefined) };
}

/** Which case the given facts are, or why they fix no triangle. */
export function classify(g: Given): Classified | { problem: string } {
  const { sides, angles } = list(g);
  const facts = sides.length + angles.length;
  if (angles.length === 3 && sides.length === 0) return { problem: 'three angles fix the shape but not the size: give at least one side' };
  if (facts < 3) return { problem: `a triangle is fixed by three of its sides and angles, at least one a side; ${facts === 0 ? 'none were' : `only ${describeGiven(g)} ${facts === 1 ? 'was' : 'were'}`} given` };
  if (sides.length === 0) return { problem: 'three angles fix the shape but not the size: give at least one side' };
  if (facts > 3) return { problem: `${describeGiven(g)} are more than the three facts that fix a triangle: give three (two sides and an angle, three sides, or two angles and a side)` };
  if (sides.length === 3) return { case: 'SSS', key: -1 };
  if (sides.length === 2) {
    const k = angles[0]!;
    return sides.includes(k) ? { case: 'SSA', key: k } : { case: 'SAS', key: k };
  }
  const s = sides[0]!;
  return angles.includes(s) ? { case: 'AAS', key: s } : { case: 'ASA', key: s };
}

/** "a = 5, b = 7 and C = 60°" (for messages). */
export function describeGiven(g: Given, angleUnit: 'deg' | 'rad' = 'deg', unit = ''): string {
  const parts = [...SIDES, ...ANGLES].filter((n) => g[n] !== undefined).map((n) => `${n} = ${n === n.toUpperCase() ? showAngle(g[n]!, angleUnit, 4) : `${fmt(g[n]!, 4)}${unit ? ` ${unit}` : ''}`}`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : (parts[0] ?? 'nothing');
}

/** Why three sides make no triangle (one at least as long as the other two together), or undefined when they do. */
export function inequalityProblem([a, b, c]: readonly number[]): string | undefined {
  const s = [a!, b!, c!];
  const longest = s.indexOf(Math.max(...s));
  const [i, j] = others(longest);
  if (s[i]! + s[j]! > s[longest]! * (1 + 1e-9)) return undefined;
  const [p, q, r] = [fmt(s[i]!, 4), fmt(s[j]!, 4), fmt(s[longest]!, 4)];
  return `no triangle has sides ${fmt(a!, 4)}, ${fmt(b!, 4)} and ${fmt(c!, 4)}: ${p} + ${q} = ${fmt(s[i]! + s[j]!, 4)}, which is not more than ${r} (any two sides together must be longer than the third)`;
}

/** The angle opposite side k from all three sides (law of cosines), in degrees. */
export function angleFromSides(sides: readonly number[], k: number): number {
  const [i, j] = others(k);
  const cos = (sides[i]! ** 2 + sides[j]! ** 2 - sides[k]! ** 2) / (2 * sides[i]! * sides[j]!);
  return clean(Math.acos(Math.max(-1, Math.min(1, cos))) / RAD);
}

export function fromSSS(sides: [number, number, number]): Solved {
  const A = angleFromSides(sides, 0);
  const B = angleFromSides(sides, 1);
  return { sides, angles: [A, B, clean(180 - A - B)] };
}

/** Two sides round angle k: the side opposite k by the law of cosines, then the rest from three sides. */
export function fromSAS(g: Given, k: number): Solved {
  const [i, j] = others(k);
  const si = g[SIDES[i]!]!;
  const sj = g[SIDES[j]!]!;
  const sides = [0, 0, 0] as [number, number, number];
  sides[i] = si;
  sides[j] = sj;
  sides[k] = clean(Math.sqrt(Math.max(0, si * si + sj * sj - 2 * si * sj * cosD(g[ANGLES[k]!]!))));
  // The given angle stays exactly as given; one other from the three sides, the last what is left of 180°.
  const angles = [0, 0, 0] as [number, number, number];
  angles[k] = g[ANGLES[k]!]!;
  angles[i] = angleFromSides(sides, i);
  angles[j] = clean(180 - angles[k] - angles[i]);
  const solved: Solved = { sides, angles };
  return solved;
}

/** Two angles and a side: the third angle is what is left of 180°, the sides in proportion to the sines. */
export function fromTwoAngles(g: Given): Solved | { problem: string } {
  const known = ANGLES.filter((n) => g[n] !== undefined);
  const sum = known.reduce((s, n) => s + g[n]!, 0);
  if (sum >= 180 - 1e-9) return { problem: `the angles ${known.map((n) => `${n} = ${fmt(g[n]!, 4)}°`).join(' and ')} already add up to ${fmt(sum, 4)}°, leaving nothing for the third (a triangle's angles add up to 180°)` };
  const angles = ANGLES.map((n) => g[n] ?? clean(180 - sum)) as [number, number, number];
  const s = SIDES.findIndex((n) => g[n] !== undefined);
  const ratio = g[SIDES[s]!]! / sinD(angles[s]!);
  return { sides: angles.map((a, i) => (i === s ? g[SIDES[s]!]! : clean(ratio * sinD(a)))) as [number, number, number], angles };
}

/**
 * Two sides and an angle opposite one of them (the ambiguous case): sin J = s_j · sin K / s_k for the other
 * given side's angle J. No triangle when that exceeds 1, one when it is 1 or the obtuse choice leaves no room,
 * else two (J acute and J obtuse). Ordered acute J first.
 */
export function fromSSA(g: Given, k: number): Solved[] {
  const j = SIDES.findIndex((n, i) => i !== k && g[n] !== undefined);
  const i = 3 - j - k;
  const sk = g[SIDES[k]!]!;
  const sj = g[SIDES[j]!]!;
  const K = g[ANGLES[k]!]!;
  const sinJ = (sj * sinD(K)) / sk;
  if (sinJ > 1 + 1e-12) return [];
  const J1 = clean(Math.asin(Math.min(1, sinJ)) / RAD);
  // sin 30° is 0.49999999999999994 in floating point: a sine within 1e-12 of 1 is the right angle it is.
  const choices = Math.abs(sinJ - 1) < 1e-12 ? [90] : [J1, clean(180 - J1)];
  return choices
    .filter((J) => K + J < 180 - 1e-9)
    .map((J) => {
      const angles = [0, 0, 0] as [number, number, number];
      angles[k] = K;
      angles[j] = J;
      angles[i] = clean(180 - K - J);
      const sides = [0, 0, 0] as [number, number, number];
      sides[k] = sk;
      sides[j] = sj;
      sides[i] = clean((sk * sinD(angles[i])) / sinD(K));
      return { sides, angles };
    });
}

/** The sine of the angle the ambiguous case solves for, s_j · sin K / s_k (shown, and said when above 1). */
export function ssaSine(g: Given, k: number): { j: number; sine: number } {
  const j = SIDES.findIndex((n, i) => i !== k && g[n] !== undefined);
  return { j, sine: clean((g[SIDES[j]!]! * sinD(g[ANGLES[k]!]!)) / g[SIDES[k]!]!) };
}

export function kindOf(angles: readonly number[]): 'acute' | 'right' | 'obtuse' {
  const max = Math.max(...angles);
  return Math.abs(max - 90) < 1e-6 ? 'right' : max > 90 ? 'obtuse' : 'acute';
}

export const named = (t: Solved) => ({
  sides: { a: t.sides[0], b: t.sides[1], c: t.sides[2] },
  angles_deg: { A: t.angles[0], B: t.angles[1], C: t.angles[2] },
});

/** An angle as shown: "60°", or "1.05 rad" when radians were asked for. */
export function showAngle(deg: number, unit: 'deg' | 'rad', digits = 3): string {
  return unit === 'rad' ? `${fmt(deg * RAD, digits)} rad` : `${fmt(deg, digits)}°`;
}

/** The angle for LaTeX: 60^\circ, or 1.05 (radians). */
export function texAngle(deg: number, unit: 'deg' | 'rad', digits = 3): string {
  return unit === 'rad' ? fmt(deg * RAD, digits) : `${fmt(deg, digits)}^\\circ`;
}

export { cosD, sinD };

// ——— The figure ———

/**
 * The corners of a triangle in its own units: corner `from` at the origin, corner `to` along +x, the third
 * above (the side between them is the side opposite the third corner).
 */
export function corners(t: Solved, from: number, to: number): [P2, P2, P2] {
  const third = 3 - from - to;
  const base = t.sides[third]!;
  // The side from `from` to the third corner is the one opposite `to`.
  const up = t.sides[to]!;
  const pts = [] as unknown as [P2, P2, P2];
  pts[from] = [0, 0];
  pts[to] = [base, 0];
  pts[third] = [up * cosD(t.angles[from]!), up * sinD(t.angles[from]!)];
  return pts;
}

/** One scale for both directions, fitting every point into the region (a triangle's angles and proportions are the point). */
export function fitInto(points: P2[], region: { x: number; y: number; width: number; height: number }): (p: P2) => P2 {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const s = Math.min(region.width / Math.max(x1 - x0, 1e-9), region.height / Math.max(y1 - y0, 1e-9));
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return ([x, y]) => [region.x + (x - cx) * s, region.y + (y - cy) * s];
}

export interface FigureLabels {
  /** The text beside each side (a, b, c), or undefined for none. */
  sides: (string | undefined)[];
  /** The colour of each side's line and label. */
  sideColors?: string[];
  /** The angle marks to draw: corner index, its label and colour. */
  marks: { corner: number; label: string; color: string; /** A later, longer text the label must have room for. */ later?: string }[];
}

const centre = (p: P2[]): P2 => [(p[0]![0] + p[1]![0] + p[2]![0]) / 3, (p[0]![1] + p[1]![1] + p[2]![1]) / 3];
const unit = (v: P2): P2 => {
  const l = Math.hypot(v[0], v[1]) || 1;
  return [v[0] / l, v[1] / l];
};

/**
 * A triangle's objects, with ids `${prefix}fill`, `${prefix}side-a` … (each side its own line, so a step can
 * name it), `${prefix}side-a-label`, `${prefix}vertex-A`, `${prefix}angle-C` and `${prefix}angle-C-label`.
 */
export function triangleObjects(prefix: string, V: [P2, P2, P2], labels: FigureLabels, fill = '$surface'): SceneObject[] {
  const g = centre(V);
  const out: SceneObject[] = [{ id: `${prefix}fill`, type: 'polygon', points: V, fill, opacity: 0.9 }];
  SIDES.forEach((name, k) => {
    const [i, j] = others(k);
    const color = labels.sideColors?.[k] ?? '$foreground';
    out.push({ id: `${prefix}side-${name}`, type: 'line', points: [V[i]!, V[j]!], color, width: 0.055 });
    const text = labels.sides[k];
    if (text === undefined) return;
    const mid: P2 = [(V[i]![0] + V[j]![0]) / 2, (V[i]![1] + V[j]![1]) / 2];
    const away = unit([mid[0] - g[0], mid[1] - g[1]]);
    out.push({ id: `${prefix}side-${name}-label`, type: 'text', text, x: mid[0] + away[0] * 0.42, y: mid[1] + away[1] * 0.38, size: 0.32, weight: 600, color: color === '$foreground' ? '$foreground' : color, background: '$background' });
  });
  const marks = labels.marks.map((mark) => angleMark(prefix, V, mark.corner, mark.label, mark.color, mark.later));
  ANGLES.forEach((name, k) => {
    // A marked corner whose label had to go outside shows it in place of its letter (the label names the corner).
    if (marks.some((m) => m.corner === k && m.outside)) return;
    const away = unit([V[k]![0] - g[0], V[k]![1] - g[1]]);
    out.push({ id: `${prefix}vertex-${name}`, type: 'text', text: name, x: V[k]![0] + away[0] * 0.36, y: V[k]![1] + away[1] * 0.36, size: 0.36, weight: 700, color: '$foreground' });
  });
  for (const m of marks) out.push(...m.objects);
  return out;
}

/** The arc (or right-angle square) at a corner, with its label on the bisector just outside it. */
function angleMark(prefix: string, V: [P2, P2, P2], k: number, label: string, color: string, later = label): { corner: number; outside: boolean; objects: SceneObject[] } {
  const [i, j] = others(k);
  const at = V[k]!;
  const d1 = unit([V[i]![0] - at[0], V[i]![1] - at[1]]);
  const d2 = unit([V[j]![0] - at[0], V[j]![1] - at[1]]);
  const shortest = Math.min(Math.hypot(V[i]![0] - at[0], V[i]![1] - at[1]), Math.hypot(V[j]![0] - at[0], V[j]![1] - at[1]));
  const r = Math.max(0.3, Math.min(0.8, shortest * 0.28));
  const a1 = Math.atan2(d1[1], d1[0]);
  let sweep = Math.atan2(d2[1], d2[0]) - a1;
  while (sweep > Math.PI) sweep -= 2 * Math.PI;
  while (sweep <= -Math.PI) sweep += 2 * Math.PI;
  const id = `${prefix}angle-${ANGLES[k]}`;
  const bis = unit([d1[0] + d2[0], d1[1] + d2[1]]);
  const right = Math.abs(Math.abs(sweep) - Math.PI / 2) < 1e-6;
  const mark: SceneObject = right ? rightAngleMark(id, at, d1, d2, r * 0.7, color) : { id, type: 'line', points: arcPoints(at, r, a1, a1 + sweep, 24), color, width: 0.05 };
  // The label sits inside the corner on the bisector, far enough along it that its box clears both sides;
  // where the corner is too narrow for that, it goes outside the corner, where the corner's letter would be.
  const size = 0.3;
  const halfW = (Math.max([...label].length, [...later].length) * size * 0.56) / 2;
  const halfH = size * 0.7;
  const half = Math.abs(sweep) / 2;
  const inside = Math.max(r + 0.15 + halfW * Math.abs(bis[0]) + halfH * Math.abs(bis[1]), (halfW + halfH) / Math.sin(half) + 0.05);
  const outside = inside > shortest * 0.6;
  const d = outside ? -(0.3 + halfW * Math.abs(bis[0]) + halfH * Math.abs(bis[1])) : inside;
  return { corner: k, outside, objects: [mark, { id: `${id}-label`, type: 'text', text: label, x: at[0] + bis[0] * d, y: at[1] + bis[1] * d, size, weight: 600, color }] };
}
