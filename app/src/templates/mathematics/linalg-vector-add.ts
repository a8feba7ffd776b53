// linalg.vector_add: vectors as arrows from the origin, then placed tip to tail; the arrow from the
// origin to the last tip is the sum, and the components add up entry by entry beside it.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { axesObject, equalAspect, fitMathSize, fmt, texNumber, toWorld, type Chart } from './chart.ts';
import { findVectors, matrixTex } from './linalg-text.ts';
import { niceStep } from './sampling.ts';

type SceneObject = Composition['objects'][number];
type P2 = [number, number];

export const MAX_VECTORS = 6;
const MAX_COMPONENT = 1e6;
const component = z.number().finite().min(-MAX_COMPONENT).max(MAX_COMPONENT);
const params = z.object({
  vectors: z
    .array(z.array(component).min(2).max(3))
    .min(2)
    .max(MAX_VECTORS)
    .refine((vs) => vs.every((v) => v.length === vs[0]!.length), { error: 'all vectors need the same number of components (2 or 3)' })
    .default([
      [2, 1],
      [1, 3],
    ]),
});
type VectorParams = z.infer<typeof params>;

export function vectorSum(vectors: number[][]): { sum: number[]; magnitude: number } {
  const sum = vectors[0]!.map((_, k) => vectors.reduce((s, v) => s + v[k]!, 0));
  return { sum, magnitude: Math.hypot(...sum) };
}

const COLORS = ['$primary', '$accent', '$secondary', '$warning', '$danger', '$highlight'];

function names(n: number): string[] {
  return n <= 3 ? ['u', 'v', 'w'].slice(0, n) : Array.from({ length: n }, (_, i) => `v${'₁₂₃₄₅₆'[i]}`);
}

function tuple(v: number[]): string {
  return `(${v.map((x) => fmt(x)).join(', ')})`;
}

/**
 * 3D vectors are drawn in the textbook oblique view: y to the right, z up, x towards the viewer (down and
 * to the left), so that typical vectors spread out instead of overlapping.
 */
function project(v: number[]): P2 {
  if (v.length < 3) return [v[0]!, v[1]!];
  const k = 0.6;
  const a = (210 * Math.PI) / 180;
  return [v[1]! + v[0]! * k * Math.cos(a), v[2]! + v[0]! * k * Math.sin(a)];
}

export const linalgVectorAdd = defineTemplate<VectorParams>({
  id: 'linalg.vector_add',
  title: 'Vector addition',
  category: 'mathematics',
  style: 'mathematical',
  example: 'add vectors (2,1) and (1,3)',
  params,
  vocabulary: ['vector', 'vectors', 'addition', 'resultant', 'tail'],
  triggers: [
    { pattern: /\bvector (?:addition|sum)\b|\b(?:sum|addition) of (?:two |three |the )?vectors\b/, score: 0.95 },
    { pattern: /\b(?:add|adding|plus|combine|combining)\b.*\bvectors?\b|\bvectors?\b.*\b(?:add|added|adding|plus|sum)\b/, score: 0.9 },
    { pattern: /\btip to tail\b|\bhead to tail\b|\bparallelogram (?:rule|law)\b/, score: 0.9 },
    { pattern: /\bresultant (?:vector|force|of)\b/, score: 0.75 },
    { pattern: /\bvectors?\b/, score: 0.55 },
    // "3i - 2j + k" arrives as "3i 2j + k" (minus signs are dropped from the normalised text).
    { pattern: /\b\d*(?:\.\d+)?i (?:\+ )?\d*(?:\.\d+)?j\b/, score: 0.7 },
  ],
  extract(text, warnings) {
    const out: Partial<VectorParams> = {};
    let vectors = findVectors(text.original);
    if (vectors.length === 0) return out;
    const bad = vectors.filter((v) => v.some((x) => !Number.isFinite(x) || Math.abs(x) > MAX_COMPONENT));
    if (bad.length) {
      warnings.push(`dropped ${bad.length} vector(s) with components too large to draw (limit ±${MAX_COMPONENT.toExponential(0)})`);
      vectors = vectors.filter((v) => !bad.includes(v));
    }
    const dim = vectors[0]?.length;
    if (vectors.some((v) => v.length !== dim)) {
      warnings.push(`vectors of different sizes cannot be added; using the ${dim}D ones`);
      vectors = vectors.filter((v) => v.length === dim);
    }
    if (vectors.length > MAX_VECTORS) {
      warnings.push(`${vectors.length} vectors given; adding the first ${MAX_VECTORS}`);
      vectors = vectors.slice(0, MAX_VECTORS);
    }
    if (vectors.length === 1) {
      warnings.push('only one vector found; addition needs at least two, so the example vectors are used');
      return out;
    }
    if (vectors.length >= 2) out.vectors = vectors;
    for (const w of ['vector', 'vectors', 'add']) if (text.normalized.includes(w)) text.used.add(w);
    return out;
  },
  facts({ vectors }) {
    return vectorSum(vectors);
  },
  compose({ vectors }) {
    const { sum, magnitude } = vectorSum(vectors);
    const dim = vectors[0]!.length;
    const label = names(vectors.length);
    const partial: number[][] = [vectors[0]!.map(() => 0)];
    for (const v of vectors) partial.push(partial[partial.length - 1]!.map((s, k) => s + v[k]!));
    // Everything drawn: the origin, each vector from the origin, and each partial sum.
    // In 3D the axis lines are drawn too, each a little longer than anything along it.
    const ext = [0, 1, 2].map((k) => Math.max(1, ...vectors.map((v) => Math.abs(v[k] ?? 0)), ...partial.map((p) => Math.abs(p[k] ?? 0))) * 1.15);
    const axisEnds = dim === 3 ? [0, 1, 2].flatMap((k) => [0, 1].map((s) => [0, 1, 2].map((j) => (j === k ? (s ? ext[k]! * 1.08 : -ext[k]! * 0.35) : 0)))) : [];
    const pts = [...vectors, ...partial, ...axisEnds].map(project);
    const bounds = { xmin: Math.min(0, ...pts.map((p) => p[0])), xmax: Math.max(0, ...pts.map((p) => p[0])), ymin: Math.min(0, ...pts.map((p) => p[1])), ymax: Math.max(0, ...pts.map((p) => p[1])) };
    const box = { x: -2.9, y: -0.45, width: 9.4, height: 7.3 };
    const { xRange, yRange } = equalAspect(box.width, box.height, bounds, 0.1);
    const chart: Chart = { id: 'axes', ...box, xRange, yRange };
    const W = (v: number[]): P2 => toWorld(chart, project(v));
    const O = W(vectors[0]!.map(() => 0));
    const objects: SceneObject[] = [{ id: 'title', type: 'text', text: 'Adding vectors tip to tail', x: 0, y: 4.0, size: 0.5, weight: 700, color: '$foreground' }];
    if (dim === 2) {
      const step = niceStep(Math.max(xRange[1] - xRange[0], yRange[1] - yRange[0]), 10);
      objects.push(axesObject(chart, { xLabel: 'x', yLabel: 'y', xStep: step, yStep: step }));
    } else {
      // Three axis lines through the origin, long enough for every vector.
      ['x', 'y', 'z'].forEach((name, k) => {
        const e = [0, 0, 0];
        e[k] = ext[k]!;
        const neg = e.map((x) => -x * 0.35);
        objects.push({ id: `axis_${name}`, type: 'line', points: [W(neg), W(e)], color: '$muted', width: 0.03, arrow: 'end' });
        const tip = W(e.map((x) => x * 1.06));
        objects.push({ id: `axis_${name}_label`, type: 'text', text: name, x: tip[0], y: tip[1], size: 0.32, color: '$muted' });
      });
    }
    // Each arrow is a line from (0, 0) in its own frame, placed at its tail: moving the tail moves the arrow.
    // Labels sit beside their arrow, far enough that the text box clears it, on the side away from the
    // middle of the tip-to-tail chain (where the other arrows are).
    const chain = partial.map((p) => W(p));
    const middle: P2 = [chain.reduce((s, p) => s + p[0], 0) / chain.length, chain.reduce((s, p) => s + p[1], 0) / chain.length];
    const labelOffset = (a: P2, b: P2, text: string, size: number): P2 => {
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const len = Math.hypot(dx, dy) || 1;
      let n: P2 = [-dy / len, dx / len];
      const mid: P2 = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
      if ((middle[0] - mid[0]) * n[0] + (middle[1] - mid[1]) * n[1] > 0) n = [-n[0], -n[1]];
      const halfW = text.length * 0.29 * size;
      const halfH = size * 0.75;
      const d = Math.abs(n[0]) * halfW + Math.abs(n[1]) * halfH + 0.12;
      return [mid[0] + n[0] * d, mid[1] + n[1] * d];
    };
    vectors.forEach((v, i) => {
      const tip = W(v);
      objects.push({ id: `vec${i}`, type: 'line', x: O[0], y: O[1], ...arrowPoints([0, 0], [tip[0] - O[0], tip[1] - O[1]]), color: COLORS[i]!, width: 0.07 });
      const text = `${label[i]} = ${tuple(v)}`;
      const at = labelOffset(O, tip, text, 0.3);
      objects.push({ id: `vec${i}_label`, type: 'text', text, x: at[0], y: at[1], size: 0.3, weight: 600, color: COLORS[i]! });
    });
    const S = W(sum);
    objects.push({ id: 'resultant', type: 'line', ...arrowPoints(O, S), color: '$success', width: 0.085 });
    const sText = `${label.join(' + ')} = ${tuple(sum)}`;
    const sAt = labelOffset(O, S, sText, 0.32);
    objects.push({ id: 'resultant_label', type: 'text', text: sText, x: sAt[0], y: sAt[1], size: 0.32, weight: 700, color: '$success', background: '$background' });

    // The components, added entry by entry.
    const col = (v: number[]) =>
      matrixTex(
        v.map((x) => [x]),
        (x) => texNumber(x),
      );
    const lhs = vectors.map(col).join(' + ');
    const eq = `${lhs} = ${col(sum)}`;
    const panelX = 5.05;
    objects.push(
      { id: 'components', type: 'math', latex: lhs, x: panelX, y: 1.6, size: fitMathSize(lhs, 5.4, 0.46), color: '$foreground' },
      { id: 'components_sum', type: 'math', latex: eq, x: panelX, y: 1.6, size: fitMathSize(eq, 5.4, 0.46), color: '$foreground' },
      { id: 'magnitude', type: 'math', latex: `\\lVert ${label.join(' + ')} \\rVert = ${texNumber(magnitude)}`, x: panelX, y: -0.4, size: 0.42, color: '$success' },
    );

    const tl = new TimelineBuilder();
    tl.narrate(
      `${vectors.length} vectors${dim === 3 ? ' in 3D (x points towards you, y right, z up)' : ''}, each drawn as an arrow from the origin.`,
      2,
      vectors.map((_, i) => `vec${i}`),
    );
    tl.appear('title', 0.5);
    if (dim === 2) tl.appear('axes', 1, 'draw');
    else for (const k of ['x', 'y', 'z']) tl.appear(`axis_${k}`, 0.8, 'draw').appear(`axis_${k}_label`, 0.4, 'fade', tl.t + 0.6);
    tl.wait(1.2);
    vectors.forEach((v, i) => {
      tl.narrate(`${label[i]} = ${tuple(v)}: ${describe(v)}.`, 1.6, [`vec${i}`]);
      tl.appear(`vec${i}`, 0.8, 'draw')
        .appear(`vec${i}_label`, 0.4, 'fade', tl.t + 0.5)
        .wait(1.6);
    });
    tl.narrate(
      'Tip to tail: slide each arrow, without turning it, so it starts where the previous one ends.',
      1.6 * (vectors.length - 1) + 0.6,
      vectors.slice(1).map((_, i) => `vec${i + 1}`),
    );
    tl.appear('components', 0.6).wait(0.6);
    for (let i = 1; i < vectors.length; i++) {
      const tail = W(partial[i]!);
      const tip = W(partial[i + 1]!);
      tl.add({ type: 'move', target: `vec${i}`, start: tl.t, duration: 1.1, to: { x: tail[0], y: tail[1] } });
      const at = labelOffset(tail, tip, `${label[i]} = ${tuple(vectors[i]!)}`, 0.3);
      tl.add({ type: 'move', target: `vec${i}_label`, start: tl.t, duration: 1.1, to: { x: at[0], y: at[1] } });
      tl.wait(1.6);
    }
    tl.narrate(`The sum goes from the origin to the last tip: ${label.join(' + ')} = ${tuple(sum)}, adding x${dim === 3 ? ', y and z' : ' and y'} separately.`, 3, ['resultant']);
    tl.appear('resultant', 1, 'draw').appear('resultant_label', 0.4, 'fade', tl.t + 0.8);
    tl.add({ type: 'disappear', target: 'components', at: tl.t + 0.8, duration: 0.3 });
    tl.appear('components_sum', 0.5, 'fade', tl.t + 0.8).wait(3);
    tl.narrate(`Its length is √(${sum.map((x) => `${fmt(x)}²`).join(' + ')}) = ${fmt(magnitude)}.`, 2.5, ['magnitude'])
      .appear('magnitude', 0.5)
      .wait(2.5);
    if (vectors.length === 2 && dim === 2) {
      // The other order, dashed: v then u lands on the same point (the parallelogram rule).
      const V = W(vectors[1]!);
      objects.push(
        { id: 'ghost_v', type: 'line', points: [O, V], color: COLORS[1]!, width: 0.04, dash: [0.14, 0.1], arrow: 'end', opacity: 0.8 },
        { id: 'ghost_u', type: 'line', points: [V, S], color: COLORS[0]!, width: 0.04, dash: [0.14, 0.1], arrow: 'end', opacity: 0.8 },
      );
      tl.narrate(`Adding in the other order, ${label[1]} + ${label[0]}, reaches the same point: the two paths make a parallelogram.`, 3, ['ghost_v', 'ghost_u']);
      tl.appear('ghost_v', 0.8, 'draw')
        .appear('ghost_u', 0.8, 'draw', tl.t + 0.7)
        .wait(3);
    }
    tl.wait(1);
    tl.finish(tl.t);
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: 'Vector addition' };
  },
});

/** An arrow from a to b; a zero vector has no direction, so it is drawn as a dot-sized stub without a head. */
function arrowPoints(a: P2, b: P2): { points: P2[]; arrow: 'end' | 'none' } {
  if (Math.hypot(b[0] - a[0], b[1] - a[1]) < 1e-6) return { points: [a, [a[0] + 1e-3, a[1]]], arrow: 'none' };
  return { points: [a, b], arrow: 'end' };
}

function describe(v: number[]): string {
  const dir = (x: number, pos: string, neg: string) => (x === 0 ? '' : `${fmt(Math.abs(x))} ${x > 0 ? pos : neg}`);
  const parts = v.length > 2 ? [dir(v[0]!, 'towards you', 'away'), dir(v[1]!, 'right', 'left'), dir(v[2]!, 'up', 'down')] : [dir(v[0]!, 'right', 'left'), dir(v[1]!, 'up', 'down')];
  return parts.filter(Boolean).length ? parts.filter(Boolean).join(', ') : 'the zero vector';
}
