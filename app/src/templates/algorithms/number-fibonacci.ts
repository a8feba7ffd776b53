// number.fibonacci: F(0) = 0, F(1) = 1, and each next term is the sum of the two before it.
// Built bottom-up, one addition per term; the ratio of neighbours approaches the golden ratio.
import { roleColor } from '../emphasis/roles.ts';
import { z } from 'zod';
import { numbers } from '../../text/parse.ts';
import { defineTemplate } from '../types.ts';
import { AlgoScene, listText } from './algo-scene.ts';
import { fitTextSize } from './array-cells.ts';
import { formatNumber, subscript } from '../format/index.ts';

/** 30 terms fill three rows of ten; F(29) = 514229 still fits a cell. */
export const MAX_FIB_TERMS = 30;
const params = z.object({ n: z.number().int().min(1).max(MAX_FIB_TERMS).default(10) });
type FibParams = z.infer<typeof params>;

export function fibonacci(n: number): number[] {
  const seq: number[] = [];
  for (let i = 0; i < n; i++) seq.push(i < 2 ? i : seq[i - 1]! + seq[i - 2]!);
  return seq;
}

export const numberFibonacci = defineTemplate<FibParams>({
  id: 'number.fibonacci',
  title: 'Fibonacci sequence',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'First 10 Fibonacci numbers',
  params,
  vocabulary: ['fibonacci', 'sequence'],
  triggers: [
    { pattern: /\bfib+on+ac+i\b|\bfibonnaci\b|\bfibonacci/, score: 0.97 },
    { pattern: /\bfib\b/, score: 0.7 },
  ],
  extract(text, warnings) {
    for (const w of ['fibonacci', 'fib']) if (text.normalized.includes(w)) text.used.add(w);
    const o = text.original;
    let n: number | undefined;
    // "up to 100" / "below 100" bound the values; any other number counts terms.
    const bound = /\b(up ?to|below|under|less than|not exceeding|no more than|at most)\s*(\d+)\b/i.exec(o);
    if (bound && !/\bterms?\b|\bnumbers\b.*\bfirst\b/i.test(o)) {
      const limit = Number(bound[2]) - (/below|under|less/i.test(bound[1]!) ? 1 : 0);
      n = limit < 0 ? 1 : fibonacci(MAX_FIB_TERMS + 1).filter((v) => v <= limit).length;
      if (n > MAX_FIB_TERMS) {
        warnings.push(`the terms up to ${bound[2]} are more than fit on screen; showing the first ${MAX_FIB_TERMS}`);
        n = MAX_FIB_TERMS;
      }
      return { n: Math.max(1, n) };
    }
    const counted = /\b(\d+)\s*(?:terms?|numbers|values|elements)\b|\bfirst\s+(\d+)\b|\bn\s*=\s*(\d+)\b/i.exec(o);
    if (counted) n = Number(counted[1] ?? counted[2] ?? counted[3]);
    else {
      const any = numbers(o).filter((v) => Number.isInteger(v) && v >= 0);
      if (any.length) n = any[0];
    }
    if (n === undefined) return {};
    if (n > MAX_FIB_TERMS) {
      warnings.push(`${n} terms do not fit on screen; showing the first ${MAX_FIB_TERMS}`);
      n = MAX_FIB_TERMS;
    } else if (n < 1) {
      warnings.push('at least one term is needed: showing 1');
      n = 1;
    }
    return { n };
  },
  facts({ n }) {
    const sequence = fibonacci(n);
    return n >= 3 ? { sequence, ratio: sequence[n - 1]! / sequence[n - 2]! } : { sequence };
  },
  compose({ n }, facts) {
    const seq = facts.sequence as number[];
    const perRow = 10;
    const rows = Math.ceil(n / perRow);
    const pitch = 1.36;
    const size = 1.12;
    const textSize = fitTextSize(size, String(seq[n - 1]).length);
    const cellX = (i: number) => ((i % perRow) - (Math.min(n, perRow) - 1) / 2) * pitch;
    const rowGap = 1.75;
    const cellY = (i: number) => (rows - 1) * rowGap * 0.5 + 0.1 - Math.floor(i / perRow) * rowGap;
    let additions = 0;
    const counter = (terms: number) => `terms ${terms} / ${n}   additions ${additions}`;
    const scene = new AlgoScene('Fibonacci sequence', counter(0));
    const tl = scene.tl;
    seq.forEach((v, i) => {
      scene.add(
        { id: `f${i}`, type: 'rect', x: cellX(i), y: cellY(i), width: size, height: size * 0.8, cornerRadius: 0.08, fill: '$surface', stroke: '$primary', strokeWidth: 0.04 },
        { id: `f${i}t`, type: 'text', text: String(v), x: cellX(i), y: cellY(i), size: textSize, font: 'mono', weight: 700, color: '$foreground' },
        { id: `f${i}i`, type: 'text', text: `F${i}`, x: cellX(i), y: cellY(i) - size * 0.4 - 0.28, size: 0.28, font: 'mono', color: '$muted' },
      );
    });
    const k = Math.min(1, 40 / Math.max(1, n * 1.3));
    const show = (i: number) => tl.appear(`f${i}`, 0.35, 'grow').appear(`f${i}t`, 0.35).appear(`f${i}i`, 0.35);

    scene.legend = [
      { role: 'compare', label: 'added' },
      { role: 'found', label: 'new term' },
    ];
    scene.intro(`The Fibonacci sequence: start with 0 and 1; every next term is the sum of the previous two.`, 1.6);
    tl.wait(1.2);
    show(0);
    if (n > 1) show(1);
    scene.counter(counter(Math.min(n, 2))).step(n > 1 ? 'F0 = 0 and F1 = 1 are given.' : 'F0 = 0 is given.', 1.2, n > 1 ? ['f0', 'f1'] : ['f0']);
    tl.wait(1.2);
    for (let i = 2; i < n; i++) {
      additions++;
      for (const j of [i - 2, i - 1]) tl.add({ type: 'highlight', target: `f${j}`, at: tl.t, duration: 0.9 * k, color: roleColor('compare') });
      scene.counter(counter(i + 1)).step(`F${i} = F${i - 1} + F${i - 2} = ${seq[i - 1]} + ${seq[i - 2]} = ${seq[i]}.`, 1.1 * k, [`f${i - 2}`, `f${i - 1}`, `f${i}`]);
      tl.wait(0.35 * k);
      show(i);
      // Short enough to end before the next step highlights this cell again.
      tl.add({ type: 'highlight', target: `f${i}`, at: tl.t + 0.3, duration: 0.35 * k, color: roleColor('found') });
      tl.wait(0.75 * k);
    }
    tl.wait(0.4);
    const ratio = facts.ratio as number | undefined;
    const ratioText = ratio !== undefined ? ` · F${subscript(String(n - 1))}/F${subscript(String(n - 2))} = ${formatNumber(ratio, { sigFigs: 4 })} (φ ≈ 1.618)` : '';
    return scene.finish(`${listText(seq, 12)}${ratioText}`, `The first ${n} Fibonacci numbers: ${listText(seq, 30)}.`);
  },
});
