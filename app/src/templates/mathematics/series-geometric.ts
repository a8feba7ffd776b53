// series.geometric: a geometric sequence a₁, a₁r, a₁r², … drawn as bars, the common ratio between each pair,
// the partial sums, and Sₙ = a₁(1 − rⁿ)/(1 − r) with the numbers put in. The infinite sum a₁/(1 − r) is shown
// only when |r| < 1, the one case where the partial sums settle on a limit.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { subscript, superscript } from '../format/index.ts';
import { fmt, texNumber } from './chart.ts';
import { barRow, markUsed, namedNumber, termCount, writtenTerms } from './progression.ts';

type SceneObject = Composition['objects'][number];

export const MAX_GEOMETRIC_TERMS = 8;
/** The largest term drawn: beyond it the bars of the first terms are invisible and the labels unreadable. */
const MAX_TERM = 1e9;

const params = z
  .object({
    first: z
      .number()
      .finite()
      .min(-1e6)
      .max(1e6)
      .refine((v) => v !== 0, { error: 'the first term must not be 0 (every term would be 0)' })
      .default(1)
      .describe('first term a₁'),
    ratio: z
      .number()
      .finite()
      .min(-100)
      .max(100)
      .refine((v) => v !== 0, { error: 'the common ratio must not be 0' })
      .default(2)
      .describe('common ratio r, each term times r gives the next'),
    terms: z.number().int().min(2).max(MAX_GEOMETRIC_TERMS).default(6).describe(`number of terms n (2 to ${MAX_GEOMETRIC_TERMS})`),
  })
  .refine((p) => Math.abs(p.first * p.ratio ** (p.terms - 1)) <= MAX_TERM, { error: `the last term a₁rⁿ⁻¹ must be at most ${MAX_TERM.toLocaleString('en')} in size to be drawn: use fewer terms or a smaller ratio` });
type GeometricParams = z.infer<typeof params>;

export type GeometricFacts = {
  terms: number[];
  ratio: number;
  partial_sums: number[];
  sum: number;
  /** a₁/(1 − r) when |r| < 1; null otherwise (the series has no finite sum). */
  infinite_sum: number | null;
};

export function geometricFacts(first: number, ratio: number, n: number): GeometricFacts {
  const terms = Array.from({ length: n }, (_, i) => clean(first * ratio ** i));
  const partial: number[] = [];
  terms.forEach((v, i) => partial.push(clean((partial[i - 1] ?? 0) + v)));
  const sum = ratio === 1 ? n * first : clean((first * (1 - ratio ** n)) / (1 - ratio));
  return { terms, ratio, partial_sums: partial, sum, infinite_sum: Math.abs(ratio) < 1 ? clean(first / (1 - ratio)) : null };
}

function clean(v: number): number {
  return Number(v.toPrecision(12));
}

/** A negative number in brackets, so "2 · (−3)" does not read as a subtraction. */
function texParen(v: number): string {
  return v < 0 ? `\\left(${texNumber(v)}\\right)` : texNumber(v);
}

export const seriesGeometric = defineTemplate<GeometricParams>({
  id: 'series.geometric',
  title: 'Geometric sequence and series',
  category: 'mathematics',
  style: 'mathematical',
  example: 'Geometric series with first term 3 and common ratio 1/2, sum of 6 terms and the infinite sum',
  params,
  vocabulary: ['geometric', 'sequence', 'series', 'progression', 'ratio', 'terms', 'sum', 'infinite'],
  triggers: [
    { pattern: /\bgeome?tr?ic (?:sequence|series|progression|seq)s?\b/, score: 0.95 },
    { pattern: /\bcommon ratio\b/, score: 0.9 },
    { pattern: /\binfinite (?:geometric )?series\b|\bsum to infinity\b/, score: 0.8 },
    { pattern: /\b1 \+ 1 \/ 2 \+ 1 \/ 4\b|\b1 2 \+ 1 4 \+ 1 8\b/, score: 0.8 },
  ],
  extract(text, warnings) {
    const out: Partial<GeometricParams> = {};
    const src = text.original.replace(/[−–]/g, '-').replace(/½/g, '1/2').replace(/¼/g, '1/4');
    const first = namedNumber(src, ['first term', 'starting at', 'starts at', 'start at', 'a1', 'a₁', 'a_1', 'a']);
    const ratio = namedNumber(src, ['common ratio', 'ratio', 'multiplier', 'r']);
    const n = termCount(src);
    const written = writtenTerms(src);
    if (first === undefined && ratio === undefined && written.length >= 3) {
      const r = written[0] ? written[1]! / written[0] : NaN;
      const steady = Number.isFinite(r) && r !== 0 && written.every((v, i) => i === 0 || Math.abs(v - written[i - 1]! * r) <= 1e-9 * Math.max(1, Math.abs(v)));
      if (steady) {
        out.first = written[0]!;
        out.ratio = clean(r);
        out.terms = Math.min(Math.max(written.length, 5), MAX_GEOMETRIC_TERMS);
      } else warnings.push(`${written.map((v) => fmt(v)).join(', ')} is not geometric: the ratios between the terms are not all the same; give the first term and the common ratio instead`);
    }
    if (first !== undefined) {
      if (first === 0) warnings.push('a first term of 0 makes every term 0; using 1');
      else out.first = first;
    }
    if (ratio !== undefined) {
      if (ratio === 0 || Math.abs(ratio) > 100) warnings.push(`a common ratio of ${fmt(ratio)} cannot be drawn (it must be non-zero and at most 100 in size); using 2`);
      else out.ratio = ratio;
    }
    if (n !== undefined) {
      if (n < 2) warnings.push(`a sequence needs at least 2 terms, not ${n}; using ${out.terms ?? 6}`);
      else if (n > MAX_GEOMETRIC_TERMS) {
        warnings.push(`${n} terms are more than can be drawn one by one; showing ${MAX_GEOMETRIC_TERMS} (the formula gives any Sₙ)`);
        out.terms = MAX_GEOMETRIC_TERMS;
      } else out.terms = n;
    }
    // Too many terms of a large ratio run off any scale: fewer terms, said so, rather than an error.
    const a = out.first ?? 1;
    const r = out.ratio ?? 2;
    let count = out.terms ?? 6;
    while (count > 2 && Math.abs(a * r ** (count - 1)) > MAX_TERM) count--;
    if (count !== (out.terms ?? 6)) {
      warnings.push(`with a ratio of ${fmt(r)} the terms pass ${MAX_TERM.toLocaleString('en')} after ${count} terms; showing ${count}`);
      out.terms = count;
    }
    markUsed(text, ['geometric', 'sequence', 'series', 'progression', 'ratio', 'infinite']);
    return out;
  },
  facts({ first, ratio, terms }) {
    return geometricFacts(first, ratio, terms);
  },
  compose({ first, ratio: r, terms: n }) {
    const f = geometricFacts(first, r, n);
    const last = f.terms[n - 1]!;
    const row = barRow(f.terms, () => `×${fmt(r)}`, '$primary');
    const panelX = 4.85;
    const converges = f.infinite_sum !== null;
    const rn = clean(r ** n);
    const sumLatex =
      r === 1
        ? [`S_n = n\\,a_1`, `S_{${n}} = ${n} \\cdot ${texParen(first)}`, `S_{${n}} = ${texNumber(f.sum)}`]
        : [
            `S_n = a_1\\,\\frac{1 - r^n}{1 - r}`,
            `S_{${n}} = ${texParen(first)} \\cdot \\frac{1 - ${texParen(r)}^{${n}}}{1 - ${texParen(r)}}`,
            `S_{${n}} = ${texParen(first)} \\cdot \\frac{${texNumber(clean(1 - rn))}}{${texNumber(clean(1 - r))}} = ${texNumber(f.sum)}`,
          ];
    const objects: SceneObject[] = [
      { id: 'title', type: 'text', text: `Geometric sequence: a₁ = ${fmt(first)}, r = ${fmt(r)}`, x: 0, y: 3.85, size: 0.5, weight: 700, color: '$foreground' },
      ...row.objects,
      { id: 'rule', type: 'math', latex: 'a_k = a_1\\,r^{k - 1}', x: panelX, y: 2.75, size: 0.42, color: '$foreground' },
      { id: 'partial', type: 'text', text: '', x: panelX, y: 1.75, size: 0.32, color: '$primary', maxWidth: 5.6 },
      ...sumLatex.map((latex, i): SceneObject => ({ id: `eq${i}`, type: 'math', latex, x: panelX, y: 0.55 - i * 1.0, size: 0.4, color: i === 2 ? '$success' : '$foreground' })),
      {
        id: 'infinite',
        type: 'math',
        latex: converges ? `S_\\infty = \\frac{a_1}{1 - r} = \\frac{${texNumber(first)}}{${texNumber(clean(1 - r))}} = ${texNumber(f.infinite_sum!)}` : `|r| = ${texNumber(Math.abs(r))} \\ge 1:\\ \\text{no } S_\\infty`,
        x: panelX,
        y: -2.75,
        size: 0.4,
        color: converges ? '$accent' : '$muted',
      },
    ];
    const sign = (v: number) => (v < 0 ? `− ${fmt(-v)}` : `+ ${fmt(v)}`);
    const partialText = (k: number) => {
      const shown = f.terms.slice(0, k).map((v, i) => (i === 0 ? fmt(v) : sign(v)));
      const body = k > 5 ? [...shown.slice(0, 3), '+ …', shown[k - 1]!] : shown;
      return `S${subscript(String(k))} = ${body.join(' ')} = ${fmt(f.partial_sums[k - 1]!)}`;
    };

    const tl = new TimelineBuilder();
    tl.narrate(`A geometric sequence starts at a₁ = ${fmt(first)} and multiplies by the same number, r = ${fmt(r)}, each time.`, 2.4, [row.bar[0]!]);
    tl.appear('title', 0.5).appear('zero_line', 0.5, 'draw').appear('rule', 0.5);
    tl.appear(row.bar[0]!, 0.6, 'grow').appear(row.value[0]!, 0.3).appear('index0', 0.3).wait(1.2);
    for (let i = 1; i < n; i++) {
      if (i === 1) tl.narrate(`a₂ = ${fmt(first)} × ${fmt(r)} = ${fmt(f.terms[1]!)}: times the common ratio.`, 1.8, [row.bar[1]!, row.step[0]!]);
      else if (i === 2) tl.group(`Each term multiplies by r again: a${subscript(String(n))} = ${fmt(first)} × ${fmt(r)}${superscript(String(n - 1))} = ${fmt(last)}.`, row.bar.slice(2));
      tl.appear(row.step[i - 1]!, 0.3)
        .appear(row.bar[i]!, 0.5, 'grow', tl.t + 0.2)
        .appear(row.value[i]!, 0.3, 'fade', tl.t + 0.5)
        .appear(`index${i}`, 0.3, 'fade', tl.t + 0.5)
        .wait(i <= 2 ? 1.2 : 0.7);
    }
    tl.ungroup();
    const shape = Math.abs(r) > 1 ? 'grow faster and faster' : Math.abs(r) < 1 ? 'shrink towards 0' : 'stay the same size';
    tl.narrate(`With |r| = ${fmt(Math.abs(r))} the terms ${shape}${r < 0 ? ', switching sign each time' : ''}.`, 1.8, row.bar, { emphasis: 'dim-rest' });
    tl.wait(1.6);
    tl.narrate(`A series adds the terms: S₁ = ${fmt(f.partial_sums[0]!)}, S₂ = ${fmt(f.partial_sums[1]!)}, …`, 2, ['partial']);
    tl.appear('partial', 0.3);
    for (let k = 1; k <= n; k++) tl.setText('partial', partialText(k), tl.t + (k - 1) * 0.45);
    tl.wait(n * 0.45 + 0.6);
    tl.narrate(r === 1 ? 'With r = 1 every term is a₁, so the sum is n·a₁.' : 'Multiply Sₙ by r and subtract: all but two terms cancel, which gives the sum formula.', 2.2, ['eq0'])
      .appear('eq0', 0.5)
      .wait(2);
    tl.narrate(`Put in a₁ = ${fmt(first)}, r = ${fmt(r)} and n = ${n}.`, 1.6, ['eq1'])
      .appear('eq1', 0.5)
      .wait(1.6);
    tl.narrate(`So S${subscript(String(n))} = ${fmt(f.sum)}, the same as adding the ${n} terms.`, 2, ['eq2', 'partial'])
      .appear('eq2', 0.5)
      .wait(2);
    if (converges) {
      tl.narrate(`Since |r| < 1, rⁿ shrinks to 0, so the sums approach a₁/(1 − r) = ${fmt(f.infinite_sum!)}.`, 2.6, ['infinite'])
        .appear('infinite', 0.5)
        .wait(2.6);
    } else {
      tl.narrate(`Since |r| ≥ 1 the terms do not shrink, so the infinite series has no finite sum.`, 2.4, ['infinite']).appear('infinite', 0.5).wait(2.4);
    }
    tl.finish(tl.t);
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: `Geometric series ${fmt(f.terms[0]!)}, ${fmt(f.terms[1]!)}, ${fmt(f.terms[2] ?? last)}, …: sum of ${n} terms` };
  },
});
