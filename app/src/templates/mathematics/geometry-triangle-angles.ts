// geometry.triangle_angles: why a triangle's angles add up to 180°: tear off the three corners and
// put them side by side; together they fill a straight angle.
import { z } from 'zod';
import { numberList } from '../../text/parse.ts';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { fmt } from './chart.ts';
import { arcPoints, type P2 } from './shapes.ts';

type SceneObject = Composition['objects'][number];

const angle = z.number().finite().gt(0).lt(180);
const params = z.object({
  angles_deg: z
    .array(angle)
    .length(3)
    .refine((a) => Math.abs(a[0]! + a[1]! + a[2]! - 180) < 1e-6, { error: 'the three angles of a triangle must add up to 180°' })
    .default([50, 60, 70]),
});
type TriangleParams = z.infer<typeof params>;

export function triangleFacts(angles: number[]): { sum: number; kind: string; sides: string } {
  const sum = angles.reduce((s, a) => s + a, 0);
  const max = Math.max(...angles);
  const kind = Math.abs(max - 90) < 1e-9 ? 'right' : max > 90 ? 'obtuse' : 'acute';
  const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;
  const [a, b, c] = angles as [number, number, number];
  const sides = same(a, b) && same(b, c) ? 'equilateral' : same(a, b) || same(b, c) || same(a, c) ? 'isosceles' : 'scalene';
  return { sum, kind, sides };
}

/** Angles from the text: "angles 30, 60 and 90", "50° and 60°" (the third follows), "right triangle with 30°", "equilateral". */
function extractAngles(text: string, normalized: string, warnings: string[]): number[] | undefined {
  // "add up to 180 degrees" states the theorem; it is not one of the angles.
  const original = text.replace(/(?:add(?:s|ing)? up to|sum(?:s)? to|totals?|equals?|=|is|makes?|of)\s*180\s*(?:°|º|degrees?)?/gi, ' ');
  const marked = [...original.matchAll(/(\d+(?:\.\d+)?)\s*(?:°|º|degrees?\b|deg\b)/gi)].map((m) => Number(m[1]));
  let list = marked.length ? marked : numberList(original, 2);
  if (list.length === 0 && /\bequilateral\b/.test(normalized)) return [60, 60, 60];
  if (list.length === 1 && /\bright\b/.test(normalized) && list[0]! < 90) list = [list[0]!, 90 - list[0]!, 90];
  if (list.length === 1 && /\bisosceles\b/.test(normalized) && list[0]! < 180) list = [list[0]!, (180 - list[0]!) / 2, (180 - list[0]!) / 2];
  if (list.length === 0) return undefined;
  if (list.some((a) => !(a > 0 && a < 180))) {
    warnings.push(
      `a triangle's angles are each between 0° and 180°; ${list
        .filter((a) => !(a > 0 && a < 180))
        .map((a) => `${fmt(a)}°`)
        .join(', ')} cannot be one, so the example triangle is used`,
    );
    return undefined;
  }
  if (list.length === 1) {
    warnings.push(`one angle (${fmt(list[0]!)}°) does not fix a triangle; give two or three. Using the example triangle`);
    return undefined;
  }
  if (list.length >= 4) warnings.push(`${list.length} angles given; a triangle has three, so the first three are used`);
  if (list.length === 2) {
    const third = 180 - list[0]! - list[1]!;
    if (third <= 0) {
      warnings.push(`${fmt(list[0]!)}° and ${fmt(list[1]!)}° already make ${fmt(list[0]! + list[1]!)}°, so no third angle is left; using the example triangle`);
      return undefined;
    }
    return [list[0]!, list[1]!, third];
  }
  const three = list.slice(0, 3);
  const sum = three[0]! + three[1]! + three[2]!;
  if (Math.abs(sum - 180) > 1e-6) {
    const third = 180 - three[0]! - three[1]!;
    if (third > 0) {
      warnings.push(`${three.map((a) => `${fmt(a)}°`).join(' + ')} = ${fmt(sum)}°, but a triangle's angles always add up to 180°; keeping ${fmt(three[0]!)}° and ${fmt(three[1]!)}°, the third angle is ${fmt(third)}°`);
      return [three[0]!, three[1]!, third];
    }
    warnings.push(`${three.map((a) => `${fmt(a)}°`).join(' + ')} = ${fmt(sum)}°, not 180°, so they are not a triangle's angles; using the example triangle`);
    return undefined;
  }
  return three;
}

const COLORS = ['$primary', '$accent', '$success'];

export const geometryTriangleAngles = defineTemplate<TriangleParams>({
  id: 'geometry.triangle_angles',
  title: 'Angles of a triangle add up to 180°',
  category: 'mathematics',
  style: 'mathematical',
  example: 'Show that the angles of a triangle add up to 180 degrees',
  params,
  vocabulary: ['triangle', 'angles', 'interior', 'degrees', 'equilateral', 'isosceles'],
  triggers: [
    { pattern: /\bangles? (?:of|in) (?:a |the |any )?triangle\b/, score: 0.92 },
    { pattern: /\b(?:angle sum|sum of (?:the )?(?:interior )?angles)\b/, score: 0.88 },
    { pattern: /\binterior angles?\b/, score: 0.85 },
    { pattern: /\btriangle\b.*\b(?:add(?:s)? up to|sum(?:s)? to|total(?:s)?) 180\b|\b180 ?(?:°|degrees?)\b.*\btriangle\b/, score: 0.9 },
    { pattern: /\btriangle\b.*\bangles?\b|\bangles?\b.*\btriangle\b/, score: 0.7 },
    { pattern: /\b(?:third|missing) angle\b/, score: 0.8 },
  ],
  extract(text, warnings) {
    const out: Partial<TriangleParams> = {};
    const angles = extractAngles(text.original, text.normalized, warnings);
    if (angles) {
      out.angles_deg = angles.map((a) => Number(a.toPrecision(12)));
      for (const a of angles) text.used.add(String(a));
    }
    for (const w of ['triangle', 'angles', '180']) if (text.normalized.includes(w)) text.used.add(w);
    return out;
  },
  facts({ angles_deg }) {
    return triangleFacts(angles_deg);
  },
  compose({ angles_deg }) {
    const [A, B, C] = angles_deg as [number, number, number];
    const rad = Math.PI / 180;
    // Vertices: base from P0 to P1, apex where the two base angles' rays meet (law of sines).
    const base = 1;
    const sideB = (base * Math.sin(B * rad)) / Math.sin(C * rad);
    const raw: P2[] = [
      [0, 0],
      [base, 0],
      [sideB * Math.cos(A * rad), sideB * Math.sin(A * rad)],
    ];
    const xs = raw.map((p) => p[0]);
    const ys = raw.map((p) => p[1]);
    const w = Math.max(...xs) - Math.min(...xs);
    const h = Math.max(...ys) - Math.min(...ys);
    const region = { x: -3.9, y: 0.2, width: 7.2, height: 5.6 };
    const s = Math.min(region.width / w, region.height / h);
    const offX = region.x - ((Math.min(...xs) + Math.max(...xs)) / 2) * s;
    const offY = region.y - ((Math.min(...ys) + Math.max(...ys)) / 2) * s;
    const V = raw.map(([x, y]) => [offX + x * s, offY + y * s] as P2);
    // Each corner's angle spans [start, start + angle] counter-clockwise (degrees from the +x direction).
    const dirDeg = (from: P2, to: P2) => (Math.atan2(to[1] - from[1], to[0] - from[0]) * 180) / Math.PI;
    const starts = [dirDeg(V[0]!, V[1]!), dirDeg(V[1]!, V[2]!), dirDeg(V[2]!, V[0]!)];
    const sideLen = (i: number, j: number) => Math.hypot(V[i]![0] - V[j]![0], V[i]![1] - V[j]![1]);
    const r = Math.max(0.45, Math.min(1.05, 0.3 * Math.min(sideLen(0, 1), sideLen(1, 2), sideLen(2, 0))));
    const objects: SceneObject[] = [
      { id: 'title', type: 'text', text: "A triangle's angles add up to 180°", x: 0, y: 4.0, size: 0.5, weight: 700, color: '$foreground' },
      { id: 'triangle', type: 'polygon', points: V, fill: '$surface' },
      { id: 'triangle_edge', type: 'line', points: [...V, V[0]!], color: '$foreground', width: 0.05 },
    ];
    // The assembly point: a straight line on the right where the corners are laid side by side.
    const P: P2 = [4.4, -1.6];
    objects.push(
      {
        id: 'straight',
        type: 'line',
        points: [
          [P[0] - 3.0, P[1]],
          [P[0] + 3.0, P[1]],
        ],
        color: '$muted',
        width: 0.04,
      },
      { id: 'straight_label', type: 'text', text: 'a straight line: 180°', x: P[0], y: P[1] - 0.5, size: 0.32, color: '$muted' },
    );
    angles_deg.forEach((a, i) => {
      const wedge: P2[] = [[0, 0], ...arcPoints([0, 0], r, starts[i]! * rad, (starts[i]! + a) * rad, 24)];
      // A faint copy stays in the corner after the wedge is torn off, so it is clear where it came from.
      objects.push({ id: `ghost${i}`, type: 'polygon', x: V[i]![0], y: V[i]![1], points: wedge, fill: COLORS[i]!, opacity: 0.2 });
      objects.push({ id: `wedge${i}`, type: 'polygon', x: V[i]![0], y: V[i]![1], points: wedge, fill: COLORS[i]!, opacity: 0.75 });
    });
    angles_deg.forEach((a, i) => {
      const mid = (starts[i]! + a / 2) * rad;
      const d = r + 0.42;
      objects.push({ id: `label${i}`, type: 'text', text: `${fmt(a)}°`, x: V[i]![0] + Math.cos(mid) * d, y: V[i]![1] + Math.sin(mid) * d, size: 0.34, weight: 700, color: COLORS[i]! });
    });
    const sumText = `${angles_deg.map((a) => `${fmt(a)}°`).join(' + ')} = ${fmt(A + B + C)}°`;
    objects.push({ id: 'sum', type: 'text', text: sumText, x: P[0], y: -3.0, size: 0.42, weight: 700, color: '$foreground' });

    const tl = new TimelineBuilder();
    tl.narrate(`A triangle with angles ${angles_deg.map((a) => `${fmt(a)}°`).join(', ')}.`, 2, ['triangle']);
    tl.appear('title', 0.5).appear('triangle', 0.6).appear('triangle_edge', 1, 'draw').wait(1);
    angles_deg.forEach((_, i) =>
      tl
        .appear(`wedge${i}`, 0.4, 'grow', tl.t + i * 0.3)
        .appear(`ghost${i}`, 0.4, 'grow', tl.t + i * 0.3)
        .appear(`label${i}`, 0.4, 'fade', tl.t + i * 0.3),
    );
    tl.wait(1.8);
    tl.narrate('Tear off the three corners and lay them side by side on a straight line.', 2.4, ['wedge0', 'wedge1', 'wedge2']);
    tl.appear('straight', 0.8, 'draw').appear('straight_label', 0.5).wait(0.8);
    let at = 0;
    angles_deg.forEach((a, i) => {
      // Turn the wedge so its first edge lies along the directions already filled, then slide it over.
      let turn = at - starts[i]!;
      turn = (((turn % 360) + 540) % 360) - 180;
      const target: P2 = P;
      tl.add({ type: 'move', target: `wedge${i}`, start: tl.t, duration: 1.2, to: { x: target[0], y: target[1] }, arc: 0.6 });
      tl.add({ type: 'tween', target: `wedge${i}`, property: 'rotation', to: turn, start: tl.t, duration: 1.2 });
      const mid = (at + a / 2) * rad;
      const d = r + 0.42;
      tl.add({ type: 'move', target: `label${i}`, start: tl.t, duration: 1.2, to: { x: target[0] + Math.cos(mid) * d, y: target[1] + Math.sin(mid) * d }, arc: 0.6 });
      tl.wait(1.5);
      at += a;
    });
    tl.narrate(`Together they fill the straight angle exactly: ${sumText}. That holds for every triangle.`, 3.2, ['straight', 'sum']);
    tl.appear('sum', 0.6).wait(3.2);
    tl.finish(tl.t);
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: 'Angles of a triangle' };
  },
});
