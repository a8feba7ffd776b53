// linalg.transform: a 2×2 matrix acting on the plane. The grid, the basis vectors î, ĵ and the unit
// square are carried to their images; î and ĵ land on the matrix's columns, the square's area scales by
// the determinant, and the eigenvector directions stay on their own lines.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { fmt, texNumber } from './chart.ts';
import { findAngleDegrees, trigDegrees } from './angles.ts';
import { findMatrices, matrixTex, type Matrix } from './linalg-text.ts';
import type { P2 } from './shapes.ts';

type SceneObject = Composition['objects'][number];

const MAX_ENTRY = 1e3;
const entry = z.number().finite().min(-MAX_ENTRY).max(MAX_ENTRY);
const params = z.object({
  matrix: z
    .array(z.array(entry).length(2))
    .length(2)
    .default([
      [2, 1],
      [1, 2],
    ]),
});
type TransformParams = z.infer<typeof params>;

export interface TransformFacts {
  determinant: number;
  /** Real eigenvalues, largest first; null when they are complex (a rotation, say). */
  eigenvalues: number[] | null;
  /** A unit eigenvector per eigenvalue (one only when the matrix is defective). */
  eigenvectors: number[][] | null;
}

export function transformFacts(M: Matrix): TransformFacts {
  const [[a, b], [c, d]] = M as [[number, number], [number, number]];
  const determinant = a * d - b * c;
  const tr = a + d;
  const disc = (tr * tr) / 4 - determinant;
  const scale = Math.max(1, Math.abs(a), Math.abs(b), Math.abs(c), Math.abs(d));
  if (disc < -1e-12 * scale * scale) return { determinant, eigenvalues: null, eigenvectors: null };
  const root = Math.sqrt(Math.max(0, disc));
  const eigenvalues = root === 0 ? [tr / 2, tr / 2] : [tr / 2 + root, tr / 2 - root];
  // Unit length, first non-zero component positive: one canonical vector per direction.
  const unit = (v: P2) => {
    const n = Math.hypot(v[0], v[1]) * (v[0] < 0 || (v[0] === 0 && v[1] < 0) ? -1 : 1);
    return [v[0] / n + 0, v[1] / n + 0];
  };
  const tiny = 1e-12 * scale;
  const vectorFor = (l: number): P2[] => {
    // v is perpendicular to a non-zero row of M − λI; when both rows vanish, M = λI and every vector works.
    if (Math.hypot(a - l, b) > tiny) return [[b, l - a]];
    if (Math.hypot(c, d - l) > tiny) return [[l - d, c]];
    return [
      [1, 0],
      [0, 1],
    ];
  };
  const vs = root === 0 ? vectorFor(eigenvalues[0]!) : [vectorFor(eigenvalues[0]!)[0]!, vectorFor(eigenvalues[1]!)[0]!];
  return { determinant, eigenvalues, eigenvectors: vs.filter((v) => Math.hypot(v[0], v[1]) > 0).map(unit) };
}

/** A matrix named in words: "rotation by 90°", "shear by 2", "scale by 2 and 3", "reflect across the x axis". */
function namedTransform(normalized: string, original: string): Matrix | undefined {
  const factor = (re: RegExp, dflt: number) => {
    const m = re.exec(original);
    return m ? Number(m[1]) : dflt;
  };
  if (/\brotat/.test(normalized)) {
    const deg = findAngleDegrees(original) ?? 90;
    const { sin, cos } = trigDegrees(deg);
    return [
      [cos, -sin],
      [sin, cos],
    ];
  }
  if (/\bshear/.test(normalized)) {
    const k = factor(/shear\w*\s+(?:\w+\s+)?(?:by|of|factor|k\s*=)?\s*(-?\d+(?:\.\d+)?)/i, 1);
    return /\bvertical/.test(normalized)
      ? [
          [1, 0],
          [k, 1],
        ]
      : [
          [1, k],
          [0, 1],
        ];
  }
  if (/\breflect/.test(normalized)) {
    if (/\by = x\b|\bline y x\b/.test(normalized))
      return [
        [0, 1],
        [1, 0],
      ];
    if (/\by axis\b/.test(normalized))
      return [
        [-1, 0],
        [0, 1],
      ];
    if (/\borigin\b/.test(normalized))
      return [
        [-1, 0],
        [0, -1],
      ];
    return [
      [1, 0],
      [0, -1],
    ];
  }
  if (/\bproject/.test(normalized))
    return /\by axis\b/.test(normalized)
      ? [
          [0, 0],
          [0, 1],
        ]
      : [
          [1, 0],
          [0, 0],
        ];
  if (/\b(?:scal|stretch|dilat)/.test(normalized)) {
    const m = /(?:scal\w*|stretch\w*|dilat\w*)\s+(?:\w+\s+)?(?:by\s+)?(-?\d+(?:\.\d+)?)(?:\s*(?:and|,|in x and)\s*(-?\d+(?:\.\d+)?))?/i.exec(original);
    const sx = m ? Number(m[1]) : 2;
    const sy = m?.[2] !== undefined ? Number(m[2]) : sx;
    return [
      [sx, 0],
      [0, sy],
    ];
  }
  return undefined;
}

export const linalgTransform = defineTemplate<TransformParams>({
  id: 'linalg.transform',
  title: 'Linear transformation of the plane',
  category: 'mathematics',
  style: 'mathematical',
  example: 'linear transformation by the matrix [[2,1],[1,2]]',
  params,
  vocabulary: ['linear', 'transformation', 'transform', 'eigenvalues', 'eigenvectors', 'determinant', 'shear', 'rotation', 'reflection'],
  triggers: [
    { pattern: /\blinear (?:transformation|transform|map|mapping)s?\b/, score: 0.95 },
    { pattern: /\b(?:transformation|transform) matri(?:x|ces)\b|\bmatrix (?:as a )?(?:transformation|transform)\b/, score: 0.92 },
    { pattern: /\beigen ?(?:values?|vectors?)\b/, score: 0.88 },
    { pattern: /\bdeterminant\b/, score: 0.85 },
    { pattern: /\bmatri(?:x|ces)\b.*\b(?:transforms?|acts?|acting|applied|deforms?|maps?)\b|\b(?:transform|apply|applying)\b.*\bmatri(?:x|ces)\b/, score: 0.85 },
    { pattern: /\b(?:shear|rotation|reflection|scaling|projection) (?:matrix|transformation|of the plane)\b/, score: 0.85 },
    { pattern: /\b(?:shear|rotate|reflect|stretch)\b.*\b(?:grid|plane)\b/, score: 0.7 },
  ],
  extract(text, warnings) {
    const out: Partial<TransformParams> = {};
    const problems: string[] = [];
    const found = findMatrices(text.original, problems);
    warnings.push(...problems);
    const square = found.find((f) => f.matrix.length === 2 && f.matrix[0]!.length === 2);
    if (found.length && !square) warnings.push(`the transformation of the plane needs a 2×2 matrix; ${found[0]!.matrix.length}×${found[0]!.matrix[0]!.length} given, so the example matrix is used`);
    const M = square?.matrix ?? (found.length ? undefined : namedTransform(text.normalized, text.original));
    if (M) {
      if (M.flat().some((v) => Math.abs(v) > MAX_ENTRY)) warnings.push(`matrix entries beyond ±${MAX_ENTRY} cannot be drawn; using the example matrix`);
      else out.matrix = M.map((r) => r.map((v) => Number(v.toPrecision(12))));
    }
    for (const w of ['linear', 'transformation', 'matrix']) if (text.normalized.includes(w)) text.used.add(w);
    return out;
  },
  facts({ matrix }) {
    return transformFacts(matrix) as unknown as Record<string, unknown>;
  },
  compose({ matrix }) {
    const M = matrix as [[number, number], [number, number]];
    const { determinant, eigenvalues, eigenvectors } = transformFacts(M);
    const apply = ([x, y]: P2): P2 => [M[0][0] * x + M[0][1] * y, M[1][0] * x + M[1][1] * y];
    // The frame shows x, y ∈ [−4.5, 4.5]. The grid reaches as far as the frame's preimage (capped), so the
    // transformed grid still fills the frame; what lands outside is hidden by masks drawn on top of it.
    const K = 4.5;
    const half = 3.6;
    const unit = half / K;
    const O: P2 = [-3.0, -0.5];
    const W = ([x, y]: P2): P2 => [O[0] + x * unit, O[1] + y * unit];
    const frameCorners: P2[] = [
      [K, K],
      [K, -K],
      [-K, K],
      [-K, -K],
    ];
    const reach = determinant === 0 ? 12 : Math.max(...frameCorners.map(([x, y]) => Math.max(Math.abs((M[1][1] * x - M[0][1] * y) / determinant), Math.abs((-M[1][0] * x + M[0][0] * y) / determinant))));
    const G = Math.min(12, Math.max(5, Math.ceil(reach)));
    const objects: SceneObject[] = [{ id: 'frame', type: 'rect', x: O[0], y: O[1], width: half * 2, height: half * 2, stroke: '$grid', strokeWidth: 0.02 }];
    const gridLines: { id: string; from: [P2, P2] }[] = [];
    for (let i = -G; i <= G; i++) {
      gridLines.push({
        id: `gv${i + G}`,
        from: [
          [i, -G],
          [i, G],
        ],
      });
      gridLines.push({
        id: `gh${i + G}`,
        from: [
          [-G, i],
          [G, i],
        ],
      });
    }
    // The original grid stays behind, faint, for comparison; the moving grid has the axes brighter.
    for (const g of gridLines) objects.push({ id: `${g.id}_ref`, type: 'line', points: g.from.map(W), color: '$grid', width: 0.02 });
    for (const g of gridLines) {
      const axis = (g.from[0][0] === 0 && g.from[1][0] === 0) || (g.from[0][1] === 0 && g.from[1][1] === 0);
      objects.push({ id: g.id, type: 'line', points: g.from.map(W), color: axis ? '$foreground' : '$primary', width: axis ? 0.04 : 0.025, opacity: axis ? 0.9 : 0.6 });
    }
    const square: P2[] = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ];
    objects.push({ id: 'unit_square', type: 'polygon', points: square.map(W), fill: '$accent', opacity: 0.35 });
    if (eigenvectors) {
      eigenvectors.forEach((v, i) => {
        const far = half * 1.5;
        const dirW: P2 = [v[0]!, v[1]!];
        const ends: [P2, P2] = [
          [O[0] - dirW[0] * far, O[1] - dirW[1] * far],
          [O[0] + dirW[0] * far, O[1] + dirW[1] * far],
        ];
        objects.push({ id: `eigen${i}`, type: 'line', points: ends, color: '$highlight', width: 0.035, dash: [0.16, 0.12] });
      });
    }
    objects.push(
      { id: 'i_hat', type: 'line', points: [W([0, 0]), W([1, 0])], color: '$success', width: 0.07, arrow: 'end' },
      { id: 'j_hat', type: 'line', points: [W([0, 0]), W([0, 1])], color: '$danger', width: 0.07, arrow: 'end' },
      { id: 'i_label', type: 'text', text: 'î', x: W([1, 0])[0] + 0.1, y: W([1, 0])[1] - 0.3, size: 0.36, weight: 700, color: '$success' },
      { id: 'j_label', type: 'text', text: 'ĵ', x: W([0, 1])[0] - 0.3, y: W([0, 1])[1] + 0.1, size: 0.36, weight: 700, color: '$danger' },
    );
    // Masks around the frame (everything after them is drawn on top: the title and the panel).
    const left = O[0] - half;
    const right = O[0] + half;
    const top = O[1] + half;
    const bottom = O[1] - half;
    objects.push(
      { id: 'mask_l', type: 'rect', x: (left - 8.5) / 2, y: 0, width: left + 8.5, height: 9.2, fill: '$background' },
      { id: 'mask_r', type: 'rect', x: (right + 8.5) / 2, y: 0, width: 8.5 - right, height: 9.2, fill: '$background' },
      { id: 'mask_t', type: 'rect', x: O[0], y: (top + 4.6) / 2, width: half * 2, height: 4.6 - top, fill: '$background' },
      { id: 'mask_b', type: 'rect', x: O[0], y: (bottom - 4.6) / 2, width: half * 2, height: bottom + 4.6, fill: '$background' },
      { id: 'frame_edge', type: 'rect', x: O[0], y: O[1], width: half * 2, height: half * 2, stroke: '$muted', strokeWidth: 0.03 },
      { id: 'title', type: 'text', text: 'A matrix transforms the plane', x: 0, y: 4.0, size: 0.5, weight: 700, color: '$foreground' },
    );
    const panelX = 5.05;
    const mTex = matrixTex(M, (v) => texNumber(v));
    objects.push(
      { id: 'm_def', type: 'math', latex: `M = ${mTex}`, x: panelX, y: 2.6, size: 0.5, color: '$foreground' },
      {
        id: 'columns',
        type: 'math',
        latex: `M\\hat{\\imath} = ${matrixTex([[M[0][0]], [M[1][0]]], (v) => texNumber(v))},\\; M\\hat{\\jmath} = ${matrixTex([[M[0][1]], [M[1][1]]], (v) => texNumber(v))}`,
        x: panelX,
        y: 1.1,
        size: 0.4,
        color: '$foreground',
      },
      {
        id: 'det',
        type: 'math',
        latex: `\\det M = ${texNumber(M[0][0])}\\cdot ${texNumber(M[1][1])} - ${texNumber(M[0][1])}\\cdot ${texNumber(M[1][0])} = ${texNumber(determinant)}`.replace(/\\cdot (-[\d.]+)/g, '\\cdot ($1)').replace(/- (-[\d.]+)/g, '- ($1)'),
        x: panelX,
        y: -0.3,
        size: 0.36,
        color: '$accent',
      },
      {
        id: 'eigen_text',
        type: 'math',
        latex: eigenvalues
          ? Math.abs(eigenvalues[0]! - eigenvalues[1]!) < 1e-12
            ? `\\lambda = ${texNumber(eigenvalues[0]!)}\\ (\\text{repeated})`
            : `\\lambda_1 = ${texNumber(eigenvalues[0]!)},\\ \\lambda_2 = ${texNumber(eigenvalues[1]!)}`
          : '\\text{no real eigenvalues}',
        x: panelX,
        y: -1.6,
        size: 0.4,
        color: '$highlight',
      },
    );
    const tl = new TimelineBuilder();
    tl.narrate(`The matrix M = [${M.map((r) => r.map((v) => fmt(v)).join(', ')).join('; ')}] acts on every point of the plane.`, 2.4, ['m_def']);
    tl.appear('title', 0.5).appear('frame', 0.5).appear('frame_edge', 0.5).appear('m_def', 0.6);
    for (const g of gridLines) tl.appear(`${g.id}_ref`, 0.6).appear(g.id, 0.8, 'draw', tl.t + 0.3);
    tl.wait(1.2);
    tl.appear('unit_square', 0.5).appear('i_hat', 0.6, 'draw').appear('j_hat', 0.6, 'draw').appear('i_label', 0.4).appear('j_label', 0.4).wait(1.4);
    tl.narrate('Watch the basis vectors î = (1, 0), ĵ = (0, 1) and the unit square (area 1).', 1.6, ['i_hat', 'j_hat', 'unit_square']).wait(1.6);
    if (eigenvectors) {
      tl.narrate(
        eigenvectors.length > 1 ? 'The dashed lines are the eigenvector directions: points on them stay on them.' : 'The dashed line is the one eigenvector direction: points on it stay on it.',
        2,
        eigenvectors.map((_, i) => `eigen${i}`),
      );
      for (let i = 0; i < eigenvectors.length; i++) tl.appear(`eigen${i}`, 0.6, 'draw');
      tl.wait(2);
    }
    // The transformation: every line and the square morph to their images; grid lines stay straight
    // and parallel, and the origin stays put.
    const dur = 3;
    tl.narrate('Apply M: grid lines stay straight, parallel and evenly spaced, and the origin stays put.', dur + 0.5, ['frame']);
    for (const g of gridLines) tl.add({ type: 'morph', target: g.id, start: tl.t, duration: dur, points: g.from.map((p) => W(apply(p))) });
    tl.add({ type: 'morph', target: 'unit_square', start: tl.t, duration: dur, points: square.map((p) => W(apply(p))) });
    const iTip = W(apply([1, 0]));
    const jTip = W(apply([0, 1]));
    tl.add({ type: 'morph', target: 'i_hat', start: tl.t, duration: dur, points: [W([0, 0]), iTip] });
    tl.add({ type: 'morph', target: 'j_hat', start: tl.t, duration: dur, points: [W([0, 0]), jTip] });
    tl.add({ type: 'move', target: 'i_label', start: tl.t, duration: dur, to: { x: iTip[0] + 0.1, y: iTip[1] - 0.3 } });
    tl.add({ type: 'move', target: 'j_label', start: tl.t, duration: dur, to: { x: jTip[0] - 0.3, y: jTip[1] + 0.1 } });
    tl.wait(dur + 0.5);
    tl.narrate(`î lands on (${fmt(M[0][0])}, ${fmt(M[1][0])}) and ĵ on (${fmt(M[0][1])}, ${fmt(M[1][1])}): the columns of M.`, 2.6, ['i_hat', 'j_hat'])
      .appear('columns', 0.6)
      .wait(2.6);
    const areaText =
      determinant === 0
        ? 'The square is flattened to zero area: det M = 0, so M cannot be undone.'
        : `The unit square now has area |det M| = ${fmt(Math.abs(determinant))}${determinant < 0 ? '; the negative sign means the plane was flipped over' : ''}.`;
    // The square the sentence measures is surrounded (emphasis/), not recoloured: its fill already means "the unit square".
    tl.narrate(areaText, 2.8, ['unit_square']).appear('det', 0.6);
    tl.wait(2.8);
    if (eigenvalues && eigenvectors) {
      // The eigen lines stand out while they are named: the rest of the plane dims.
      tl.narrate(
        `Along the eigenvector directions M only stretches, by λ = ${eigenvalues.map((l) => fmt(l)).join(' and ')}.`,
        2.8,
        eigenvectors.map((_, i) => `eigen${i}`),
        { emphasis: 'dim-rest' },
      );
      tl.appear('eigen_text', 0.6).wait(2.8);
    } else {
      tl.narrate('No direction stays on its own line (M turns every vector), so there are no real eigenvalues.', 2.8, ['eigen_text']).appear('eigen_text', 0.6).wait(2.8);
    }
    tl.wait(1);
    tl.finish(tl.t);
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: 'Linear transformation' };
  },
});
