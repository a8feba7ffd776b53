// linalg.matrix_multiply: A · B = C entry by entry: row i of A and column j of B light up, their
// products are summed in a line of working, and c_ij appears in place.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { fmt } from './chart.ts';
import { findMatrices, findVectors, matMul, type Matrix } from './linalg-text.ts';

type SceneObject = Composition['objects'][number];

export const MAX_DIM = 4;
const MAX_ENTRY = 1e6;
const entry = z.number().finite().min(-MAX_ENTRY).max(MAX_ENTRY);
const matrix = z
  .array(z.array(entry).min(1).max(MAX_DIM))
  .min(1)
  .max(MAX_DIM)
  .refine((m) => m.every((r) => r.length === m[0]!.length), { error: 'every row of a matrix needs the same number of entries' });
const params = z
  .object({
    A: matrix.default([
      [1, 2],
      [3, 4],
    ]),
    B: matrix.default([
      [5, 6],
      [7, 8],
    ]),
  })
  .refine((p) => p.A[0]!.length === p.B.length, { error: 'A needs as many columns as B has rows' });
type MultiplyParams = z.infer<typeof params>;

const dims = (m: Matrix) => `${m.length}×${m[0]!.length}`;
const valid = (m: Matrix) => m.length <= MAX_DIM && m[0]!.length <= MAX_DIM && m.flat().every((v) => Number.isFinite(v) && Math.abs(v) <= MAX_ENTRY);

/** A and B from the text: two matrices (or a matrix and a vector), or one matrix "squared". */
function extractPair(text: string, warnings: string[]): { A?: Matrix; B?: Matrix } {
  const problems: string[] = [];
  const found = findMatrices(text, problems);
  warnings.push(...problems);
  const named = (n: string) => found.find((f) => f.name === n)?.matrix;
  const A = named('A') ?? found[0]?.matrix;
  let B = named('B') ?? found.find((f) => f.matrix !== A)?.matrix;
  if (found.length > 2) warnings.push(`${found.length} matrices given; multiplying the first two`);
  if (A && !B) {
    const vector = findVectors(text)[0];
    if (vector && vector.length === A[0]!.length) B = vector.map((v) => [v]);
    else if (/\bsquar|\^\s*2|\bitself\b|²/.test(text) && A.length === A[0]!.length) B = A;
    else {
      warnings.push(`only one matrix found (${dims(A)}); multiplication needs two, so the example matrices are used`);
      return {};
    }
  }
  if (!A || !B) return {};
  for (const [name, m] of [
    ['A', A],
    ['B', B],
  ] as const) {
    if (!valid(m)) {
      warnings.push(`${name} is ${dims(m)} or has entries beyond ±${MAX_ENTRY.toExponential(0)}; at most ${MAX_DIM}×${MAX_DIM} with moderate entries can be shown, so the example matrices are used`);
      return {};
    }
  }
  if (A[0]!.length !== B.length) {
    warnings.push(`A is ${dims(A)} and B is ${dims(B)}: A needs as many columns as B has rows, so AB is not defined; using the example matrices`);
    return {};
  }
  return { A, B };
}

export const linalgMatrixMultiply = defineTemplate<MultiplyParams>({
  id: 'linalg.matrix_multiply',
  title: 'Matrix multiplication',
  category: 'mathematics',
  style: 'mathematical',
  example: 'multiply matrices [[1,2],[3,4]] and [[5,6],[7,8]]',
  params,
  vocabulary: ['matrix', 'matrices', 'multiply', 'multiplication', 'product'],
  triggers: [
    { pattern: /\bmatri(?:x|ces) (?:multiplication|product)\b|\b(?:multiply|multiplying|multiplication of|product of) (?:two |the |these )?(?:\d+ ?x ?\d+ )?matri/, score: 0.95 },
    { pattern: /\bmatri(?:x|ces)\b.*\b(?:multipl\w*|product|times|squared)\b|\b(?:multipl\w*|product|times)\b.*\bmatri(?:x|ces)\b/, score: 0.9 },
    { pattern: /\brow (?:by|times) column\b/, score: 0.85 },
    { pattern: /\btimes (?:the |a )?(?:column )?vector\b/, score: 0.8 },
    { pattern: /\bmatri(?:x|ces)\b/, score: 0.5 },
    // Two matrices given, "multiply A = [1 2; 3 4] by B = […]" or "the product of ((1, 2), (3, 4)) and (…)" (brackets are gone once normalised).
    { pattern: /\b(multiply( [a-z] =)?( -?[\d.]+){2,} (by|and|with)( [a-z] =)?( -?[\d.]+){2,}|product of( -?[\d.]+){4,} and( -?[\d.]+){4,})/, score: 0.9 },
    { pattern: /\bmultiply\b|\bproduct of\b/, score: 0.45 },
  ],
  extract(text, warnings) {
    const out: Partial<MultiplyParams> = {};
    const { A, B } = extractPair(text.original, warnings);
    if (A && B) {
      out.A = A;
      out.B = B;
    }
    for (const w of ['matrix', 'matrices', 'multiply']) if (text.normalized.includes(w)) text.used.add(w);
    return out;
  },
  facts({ A, B }) {
    return { product: matMul(A, B) };
  },
  compose({ A, B }) {
    const C = matMul(A, B);
    const [m, n, p] = [A.length, B.length, B[0]!.length];
    const widest = Math.max(...[...A.flat(), ...B.flat(), ...C.flat()].map((v) => fmt(v).length));
    // Cell size from the longest entry; everything shrinks together if the three matrices are too wide.
    let size = 0.42;
    let cw = Math.max(0.95, widest * size * 0.6 + 0.4);
    const opW = 0.9;
    const natural = cw * (n + p + p) + 2 * opW + 6 * 0.3;
    const k = Math.min(1, 14.6 / natural);
    size = Math.max(0.3, size * k);
    cw *= k;
    const rh = Math.max(0.55, 0.78 * Math.min(1, k * 1.1));
    const total = cw * (n + p + p) + 2 * opW * k + 6 * 0.3;
    const cy = 1.1;
    let x = -total / 2;
    const objects: SceneObject[] = [{ id: 'title', type: 'text', text: `Multiplying a ${dims(A)} matrix by a ${dims(B)} matrix`, x: 0, y: 4.0, size: 0.5, weight: 700, color: '$foreground' }];
    const cellX: Record<string, number[]> = {};
    const cellY = (rows: number, i: number) => cy + ((rows - 1) / 2 - i) * rh;
    const place = (name: 'A' | 'B' | 'C', M: Matrix, show: boolean) => {
      x += 0.3;
      const cols = M[0]!.length;
      const left = x;
      cellX[name] = Array.from({ length: cols }, (_, j) => left + cw * (j + 0.5));
      const top = cellY(M.length, 0) + rh / 2;
      const bottom = cellY(M.length, M.length - 1) - rh / 2;
      const right = left + cw * cols;
      objects.push(
        {
          id: `${name}_lb`,
          type: 'line',
          points: [
            [left + 0.12, top],
            [left - 0.05, top],
            [left - 0.05, bottom],
            [left + 0.12, bottom],
          ],
          color: '$muted',
          width: 0.04,
        },
        {
          id: `${name}_rb`,
          type: 'line',
          points: [
            [right - 0.12, top],
            [right + 0.05, top],
            [right + 0.05, bottom],
            [right - 0.12, bottom],
          ],
          color: '$muted',
          width: 0.04,
        },
        { id: `${name}_name`, type: 'text', text: name === 'C' ? 'C = AB' : name, x: (left + right) / 2, y: top + 0.45, size: 0.4, weight: 700, color: name === 'A' ? '$primary' : name === 'B' ? '$accent' : '$success' },
        { id: `${name}_dims`, type: 'text', text: dims(M), x: (left + right) / 2, y: bottom - 0.38, size: 0.3, color: '$muted' },
      );
      M.forEach((r, i) => r.forEach((v, j) => objects.push({ id: `${name}_${i}_${j}`, type: 'text', text: fmt(v), x: cellX[name]![j]!, y: cellY(M.length, i), size, font: 'mono', color: show ? '$foreground' : '$success' })));
      x = right + 0.3;
    };
    // Highlight bars go first so the numbers are drawn over them.
    objects.push(
      { id: 'row_hl', type: 'rect', x: 0, y: 0, width: cw * n, height: rh * 0.92, cornerRadius: 0.08, fill: '$primary', opacity: 0 },
      { id: 'col_hl', type: 'rect', x: 0, y: 0, width: cw * 0.92, height: rh * n, cornerRadius: 0.08, fill: '$accent', opacity: 0 },
      { id: 'cell_hl', type: 'rect', x: 0, y: 0, width: cw * 0.92, height: rh * 0.92, cornerRadius: 0.08, fill: '$success', opacity: 0 },
    );
    place('A', A, true);
    objects.push({ id: 'times', type: 'text', text: '×', x: x + (opW * k) / 2, y: cy, size: 0.5, color: '$muted' });
    x += opW * k;
    place('B', B, true);
    objects.push({ id: 'equals', type: 'text', text: '=', x: x + (opW * k) / 2, y: cy, size: 0.5, color: '$muted' });
    x += opW * k;
    place('C', C, false);
    objects.push({ id: 'working', type: 'text', text: '', x: 0, y: -2.35, size: 0.4, font: 'mono', color: '$foreground', maxWidth: 15 }, { id: 'which', type: 'text', text: '', x: 0, y: -1.55, size: 0.32, color: '$muted' });

    const tl = new TimelineBuilder();
    tl.narrate(`A is ${dims(A)} and B is ${dims(B)}: A has as many columns as B has rows, so C = AB is ${dims(C)}.`, 2.6, ['A_dims', 'B_dims', 'C_dims']);
    tl.appear('title', 0.5);
    for (const name of ['A', 'B'] as const) for (const part of ['lb', 'rb', 'name', 'dims']) tl.appear(`${name}_${part}`, 0.5);
    for (const id of objects.filter((o) => /^[AB]_\d/.test(o.id)).map((o) => o.id)) tl.appear(id, 0.5);
    tl.appear('times', 0.5).wait(1.2);
    for (const part of ['lb', 'rb', 'name', 'dims']) tl.appear(`C_${part}`, 0.5);
    tl.appear('equals', 0.5).appear('working', 0.3).appear('which', 0.3).wait(1.4);
    tl.narrate('Each entry of C pairs a row of A with a column of B: multiply matching entries and add.', 2, ['row_hl', 'col_hl']);
    tl.wait(0.3);
    const perTerm = m * p <= 9 ? 0.45 : 0;
    let first = true;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < p; j++) {
        const rowY = cellY(m, i);
        const colX = cellX.B![j]!;
        const rowMid = (cellX.A![0]! + cellX.A![n - 1]!) / 2;
        const colMid = cellY(n, (n - 1) / 2);
        const move = (id: string, to: { x: number; y: number }) => {
          if (first)
            tl.add({ type: 'set', target: id, at: tl.t, property: 'x', value: to.x })
              .add({ type: 'set', target: id, at: tl.t, property: 'y', value: to.y })
              .add({ type: 'tween', target: id, property: 'opacity', to: 0.3, start: tl.t, duration: 0.3 });
          else tl.add({ type: 'move', target: id, start: tl.t, duration: 0.4, to });
        };
        move('row_hl', { x: rowMid, y: rowY });
        move('col_hl', { x: colX, y: colMid });
        move('cell_hl', { x: cellX.C![j]!, y: cellY(m, i) });
        first = false;
        const terms = A[i]!.map((a, k) => `${fmtTerm(a)}·${fmtTerm(B[k]![j]!)}`);
        tl.setText('which', `row ${i + 1} of A · column ${j + 1} of B`, tl.t);
        const cText = `c${sub(i + 1)}${sub(j + 1)} = `;
        if (perTerm) {
          tl.wait(0.4);
          for (let k = 0; k < n; k++) {
            tl.add({ type: 'highlight', target: `A_${i}_${k}`, at: tl.t, duration: perTerm, color: '$highlight' });
            tl.add({ type: 'highlight', target: `B_${k}_${j}`, at: tl.t, duration: perTerm, color: '$highlight' });
            tl.setText('working', cText + terms.slice(0, k + 1).join(' + '));
            tl.wait(perTerm);
          }
        } else {
          tl.setText('working', cText + terms.join(' + '), tl.t + 0.4);
          tl.wait(0.8);
        }
        tl.setText('working', `${cText}${terms.join(' + ')} = ${fmt(C[i]![j]!)}`);
        tl.appear(`C_${i}_${j}`, 0.35).wait(perTerm ? 0.8 : 0.5);
        if (i === 0 && j === 0) tl.narrate(`c₁₁ = ${terms.join(' + ')} = ${fmt(C[0]![0]!)}. The same for every row and column.`, 120, ['working', `C_0_0`]);
      }
    }
    for (const id of ['row_hl', 'col_hl', 'cell_hl', 'which']) tl.add({ type: 'disappear', target: id, at: tl.t, duration: 0.4 });
    tl.narrate(`Done: C = AB is the ${dims(C)} matrix of all ${m * p} row-by-column sums.`, 2.5, ['C_lb', 'C_rb']);
    tl.wait(0.5);
    for (const id of objects.filter((o) => o.id.startsWith('C_') && /\d$/.test(o.id)).map((o) => o.id)) tl.add({ type: 'highlight', target: id, at: tl.t, duration: 0.8, color: '$highlight' });
    tl.wait(2.5);
    tl.finish(tl.t);
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: 'Matrix multiplication' };
  },
});

/** Negative factors in brackets, so "2·(−3)" reads as a product. */
function fmtTerm(v: number): string {
  return v < 0 ? `(${fmt(v)})` : fmt(v);
}

function sub(n: number): string {
  return String(n)
    .split('')
    .map((d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)])
    .join('');
}
