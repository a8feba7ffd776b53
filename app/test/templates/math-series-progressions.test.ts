import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { arithmeticFacts } from '../../src/templates/mathematics/series-arithmetic.ts';
import { checkScene, mathScene } from './math-scene-checks.ts';

/** The terms and running totals by plain repeated addition, not by the template's formula. */
function addUp(first: number, d: number, n: number): { terms: number[]; sums: number[] } {
  const terms: number[] = [];
  const sums: number[] = [];
  let term = first;
  let total = 0;
  for (let i = 0; i < n; i++) {
    terms.push(term);
    total += term;
    sums.push(total);
    term += d;
  }
  return { terms, sums };
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

test('arithmetic facts: the terms, partial sums and n/2 (2a₁ + (n − 1)d) agree with adding term by term', (t) => {
  for (const [a, d, n] of [
    [2, 3, 8],
    [5, -2, 9],
    [0.1, 0.2, 10],
    [-4, 0, 3],
    [1, 1, 2],
  ] as const) {
    const f = arithmeticFacts(a, d, n);
    const ref = addUp(a, d, n);
    t.true(
      f.terms.every((v, i) => near(v, ref.terms[i]!)),
      `${a}, ${d}, ${n}: terms`,
    );
    t.true(
      f.partial_sums.every((v, i) => near(v, ref.sums[i]!)),
      `${a}, ${d}, ${n}: partial sums`,
    );
    t.true(near(f.sum, ref.sums[n - 1]!), `${a}, ${d}, ${n}: sum ${f.sum}`);
  }
  // Gauss: 1 + 2 + … + 100.
  t.is(arithmeticFacts(1, 1, 10).sum, 55);
  t.deepEqual(arithmeticFacts(0.1, 0.2, 3).terms, [0.1, 0.3, 0.5], 'no float dust in the terms');
});

test('arithmetic phrasings give the first term, the difference and the number of terms', (t) => {
  const cases: [string, number, number, number][] = [
    ['Arithmetic sequence with first term 2 and common difference 3, sum of the first 8 terms', 2, 3, 8],
    ['arithmetic sequence 3, 7, 11, 15', 3, 4, 6],
    ['arithmatic series a = 5, d = -2, n = 9', 5, -2, 9],
    ['find the sum of the first 10 terms, common difference 4 and first term 1', 1, 4, 10],
    ['arithmetic progression 10, 7.5, 5, 2.5, 0, -2.5, -5', 10, -2.5, 7],
  ];
  for (const [text, first, difference, terms] of cases) {
    const r = analyze(text);
    t.is(r.template, 'series.arithmetic', text);
    t.deepEqual([r.params.first, r.params.difference, r.params.terms], [first, difference, terms], text);
  }
  const notArithmetic = analyze('arithmetic progression 1, 2, 4, 8');
  t.true(notArithmetic.warnings.some((w) => /not arithmetic/.test(w)));
  const many = analyze('arithmetic series with 50 terms');
  t.is(many.params.terms, 10);
  t.true(many.warnings.some((w) => /showing 10/.test(w)));
  t.not(analyze('the arithmetic mean of 4, 8, 15').template, 'series.arithmetic', 'the mean is not a sequence');
});

test('arithmetic scenes animate, typeset and fit the view', (t) => {
  for (const text of ['arithmetic sequence 3, 7, 11, 15', 'arithmetic series a = 5, d = -2, n = 9', 'arithmetic sequence first term 0.5 common difference 0.25 with 10 terms', 'arithmetic series a = -3, d = 0, n = 2']) {
    const { scene } = mathScene(text);
    checkScene(t, scene, text);
    t.true(
      scene.objects.some((o) => o.type === 'math' && /S_\{\d+\} = /.test(o.latex)),
      `${text}: the sum is worked out`,
    );
  }
  const s = mathScene('arithmetic sequence 3, 7, 11, 15').scene;
  t.true(s.objects.some((o) => o.id === 'eq3' && o.type === 'math' && o.latex === 'S_{6} = 78'));
  t.is(s.objects.filter((o) => o.id.startsWith('step')).length, 5, 'the difference is marked between each pair of terms');
});
