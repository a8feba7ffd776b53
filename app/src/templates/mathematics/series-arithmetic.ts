// series.arithmetic: an arithmetic sequence a₁, a₁ + d, a₁ + 2d, … drawn as bars, the common difference
// between each pair, the partial sums, and the sum formula Sₙ = n/2 (2a₁ + (n − 1)d) with the numbers put in,
// shown by Gauss's pairing of the first and last terms.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { subscript } from '../format/index.ts';
import { fmt, texNumber } from './chart.ts';
import { barRow, markUsed, namedNumber, termCount, writtenTerms } from './progression.ts';

type SceneObject = Composition['objects'][number];

export const MAX_ARITHMETIC_TERMS = 10;
const value = z.number().finite().min(-1e6).max(1e6);

const params = z.object({
  first: value.default(2).describe('first term a₁'),
  difference: value.default(3).describe('common difference d, added to each term to get the next'),
  terms: z.number().int().min(2).max(MAX_ARITHMETIC_TERMS).default(8).describe(`number of terms n (2 to ${MAX_ARITHMETIC_TERMS})`),
});
type ArithmeticParams = z.infer<typeof params>;

export function arithmeticFacts(first: number, difference: number, n: number): { terms: number[]; difference: number; partial_sums: number[]; sum: number; last: number } {
  const terms = Array.from({ length: n }, (_, i) => clean(first + i * difference));
  const partial: number[] = [];
  terms.forEach((v, i) => partial.push(clean((partial[i - 1] ?? 0) + v)));
  return { terms, difference, partial_sums: partial, sum: clean((n / 2) * (2 * first + (n - 1) * difference)), last: terms[n - 1]! };
}

/** Float dust from repeated addition of decimals (0.1 + 0.2) is not shown as a digit. */
function clean(v: number): number {
  return Number(v.toPrecision(12));
}

export const seriesArithmetic = defineTemplate<ArithmeticParams>({
  id: 'series.arithmetic',
  title: 'Arithmetic sequence and series',
  category: 'mathematics',
  style: 'mathematical',
  example: 'Arithmetic sequence with first term 2 and common difference 3, sum of the first 8 terms',
  params,
  vocabulary: ['arithmetic', 'sequence', 'series', 'progression', 'difference', 'terms', 'sum'],
  triggers: [
    { pattern: /\barithm[ae]?tic (?:sequence|series|progression|seq)s?\b/, score: 0.95 },
    { pattern: /\bcommon difference\b/, score: 0.9 },
    { pattern: /\bsum of (?:the )?(?:first )?\d+ terms\b.*\bdifference\b/, score: 0.85 },
    { pattern: /\bgauss\b.*\b(?:sum|add|1 to 100|1 100)\b|\bsum (?:of )?(?:the )?(?:numbers |integers )?(?:from )?1 to 100\b/, score: 0.8 },
  ],
  extract(text, warnings) {
    const out: Partial<ArithmeticParams> = {};
    const src = text.original.replace(/[−–]/g, '-');
    const first = namedNumber(src, ['first term', 'starting at', 'starts at', 'start at', 'a1', 'a₁', 'a_1', 'a']);
    const difference = namedNumber(src, ['common difference', 'difference', 'd']);
    const n = termCount(src);
    const written = writtenTerms(src);
    if (first === undefined && difference === undefined && written.length >= 3) {
      const d = written[1]! - written[0]!;
      const steady = written.every((v, i) => i === 0 || Math.abs(v - written[i - 1]! - d) <= 1e-9 * Math.max(1, Math.abs(v)));
      if (steady) {
        out.first = written[0]!;
        out.difference = clean(d);
        out.terms = Math.min(Math.max(written.length, 6), MAX_ARITHMETIC_TERMS);
      } else {
        warnings.push(`${written.map((v) => fmt(v)).join(', ')} is not arithmetic: the differences are not all the same; give the first term and the common difference instead`);
      }
    }
    if (first !== undefined) out.first = first;
    if (difference !== undefined) out.difference = difference;
    if (n !== undefined) {
      if (n < 2) warnings.push(`a sequence needs at least 2 terms, not ${n}; using ${out.terms ?? 8}`);
      else if (n > MAX_ARITHMETIC_TERMS) {
        warnings.push(`${n} terms are more than can be drawn one by one; showing ${MAX_ARITHMETIC_TERMS} (the formula gives any Sₙ)`);
        out.terms = MAX_ARITHMETIC_TERMS;
      } else out.terms = n;
    }
    for (const k of ['first', 'difference'] as const) {
      const v = out[k];
      if (v !== undefined && Math.abs(v) > 1e6) {
        warnings.push(`${fmt(v)} is too large to draw (at most 1,000,000 in size); using the default`);
        delete out[k];
      }
    }
    markUsed(text, ['arithmetic', 'sequence', 'series', 'progression', 'difference']);
    return out;
  },
  facts({ first, difference, terms }) {
    return arithmeticFacts(first, difference, terms);
  },
  compose({ first, difference, terms: n }) {
    const f = arithmeticFacts(first, difference, n);
    const d = difference;
    const sign = (v: number) => (v < 0 ? `− ${fmt(-v)}` : `+ ${fmt(v)}`);
    const row = barRow(f.terms, () => (d < 0 ? `−${fmt(-d)}` : `+${fmt(d)}`), '$primary');
    const panelX = 4.85;
    const nm1 = n - 1;
    const objects: SceneObject[] = [
      { id: 'title', type: 'text', text: `Arithmetic sequence: a₁ = ${fmt(first)}, d = ${fmt(d)}`, x: 0, y: 3.85, size: 0.5, weight: 700, color: '$foreground' },
      ...row.objects,
      { id: 'rule', type: 'math', latex: `a_k = a_1 + (k - 1)d`, x: panelX, y: 2.75, size: 0.42, color: '$foreground' },
      { id: 'partial', type: 'text', text: '', x: panelX, y: 1.85, size: 0.32, color: '$primary', maxWidth: 5.6 },
      { id: 'pairs', type: 'text', text: `a₁ + aₙ = ${fmt(f.terms[0]!)} + ${fmt(f.last)} = ${fmt(clean(f.terms[0]! + f.last))}, n/2 = ${fmt(n / 2)} pairs`, x: panelX, y: 1.0, size: 0.32, color: '$accent' },
      { id: 'eq0', type: 'math', latex: `S_n = \\frac{n}{2}\\left(2a_1 + (n - 1)d\\right)`, x: panelX, y: 0.05, size: 0.42, color: '$foreground' },
      { id: 'eq1', type: 'math', latex: `S_{${n}} = \\frac{${n}}{2}\\left(2 \\cdot ${texNumber(first)} + ${nm1} \\cdot ${texParen(d)}\\right)`, x: panelX, y: -0.95, size: 0.4, color: '$foreground' },
      { id: 'eq2', type: 'math', latex: `S_{${n}} = ${texNumber(n / 2)} \\cdot ${texParen(clean(2 * first + nm1 * d))}`, x: panelX, y: -1.9, size: 0.4, color: '$foreground' },
      { id: 'eq3', type: 'math', latex: `S_{${n}} = ${texNumber(f.sum)}`, x: panelX, y: -2.85, size: 0.46, color: '$success' },
    ];
    const partialText = (k: number) =>
      `S${subscript(String(k))} = ${f.terms
        .slice(0, k)
        .map((v, i) => (i === 0 ? fmt(v) : sign(v)))
        .join(' ')} = ${fmt(f.partial_sums[k - 1]!)}`;

    const tl = new TimelineBuilder();
    tl.narrate(`An arithmetic sequence starts at a₁ = ${fmt(first)} and adds the same number, d = ${fmt(d)}, each time.`, 2.4, [row.bar[0]!]);
    tl.appear('title', 0.5).appear('zero_line', 0.5, 'draw').appear('rule', 0.5);
    tl.appear(row.bar[0]!, 0.6, 'grow').appear(row.value[0]!, 0.3).appear('index0', 0.3).wait(1.2);
    for (let i = 1; i < n; i++) {
      if (i === 1) tl.narrate(`a₂ = ${fmt(first)} ${sign(d)} = ${fmt(f.terms[1]!)}: the common difference d = ${fmt(d)} is added.`, 1.8, [row.bar[1]!, row.step[0]!]);
      else if (i === 2) tl.group(`Each term adds d again: up to a${subscript(String(n))} = ${fmt(first)} + ${nm1}·${fmt(d)} = ${fmt(f.last)}.`, row.bar.slice(2));
      tl.appear(row.step[i - 1]!, 0.3)
        .appear(row.bar[i]!, 0.5, 'grow', tl.t + 0.2)
        .appear(row.value[i]!, 0.3, 'fade', tl.t + 0.5)
        .appear(`index${i}`, 0.3, 'fade', tl.t + 0.5)
        .wait(i <= 2 ? 1.2 : 0.7);
    }
    tl.ungroup();
    tl.narrate(`The bars climb by the same step: a straight-line pattern, ${d === 0 ? 'flat, since d = 0' : d > 0 ? 'rising' : 'falling'}.`, 1.8, row.bar, { emphasis: 'dim-rest' });
    tl.wait(1.6);
    // Partial sums, one by one: the series is the running total of the sequence.
    tl.narrate(`A series adds the terms: the partial sums S₁ = ${fmt(f.partial_sums[0]!)}, S₂ = ${fmt(f.partial_sums[1]!)}, …`, 2, ['partial']);
    tl.appear('partial', 0.3);
    for (let k = 1; k <= n; k++) tl.setText('partial', partialText(k), tl.t + (k - 1) * 0.45);
    tl.wait(n * 0.45 + 0.6);
    tl.narrate(`Pair the first and the last: ${fmt(f.terms[0]!)} + ${fmt(f.last)} = ${fmt(f.terms[0]! + f.last)}, and there are n/2 = ${fmt(n / 2)} such pairs.`, 2.2, ['pairs']);
    tl.appear('pairs', 0.4).wait(2);
    tl.narrate('That gives the sum formula for n terms.', 1.4, ['eq0']).appear('eq0', 0.5).wait(1.4);
    tl.narrate(`Put in n = ${n}, a₁ = ${fmt(first)} and d = ${fmt(d)}.`, 1.6, ['eq1'])
      .appear('eq1', 0.5)
      .wait(1.6);
    tl.narrate(`${fmt(n / 2)} pairs of ${fmt(clean(2 * first + nm1 * d))} each.`, 1.4, ['eq2'])
      .appear('eq2', 0.5)
      .wait(1.4);
    tl.narrate(`So S${subscript(String(n))} = ${fmt(f.sum)}, the same as adding all ${n} terms one by one.`, 2.2, ['eq3', 'partial'])
      .appear('eq3', 0.5)
      .wait(2.2);
    tl.finish(tl.t);
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: `Arithmetic series ${fmt(first)}, ${fmt(f.terms[1]!)}, ${fmt(f.terms[2] ?? f.last)}, …: sum of ${n} terms` };
  },
});

/** A negative number in brackets, so "7 · (−2)" does not read as a subtraction. */
function texParen(v: number): string {
  return v < 0 ? `\\left(${texNumber(v)}\\right)` : texNumber(v);
}
