import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { arithmeticFacts } from '../../src/templates/mathematics/series-arithmetic.ts';
import { geometricFacts } from '../../src/templates/mathematics/series-geometric.ts';
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

/** The terms and running totals by repeated multiplication, not by the template's formula. */
function multiplyUp(first: number, r: number, n: number): { terms: number[]; sums: number[] } {
  const terms: number[] = [];
  const sums: number[] = [];
  let term = first;
  let total = 0;
  for (let i = 0; i < n; i++) {
    terms.push(term);
    total += term;
    sums.push(total);
    term *= r;
  }
  return { terms, sums };
}

test('geometric facts: terms, partial sums and a₁(1 − rⁿ)/(1 − r) agree with multiplying term by term; S∞ only when |r| < 1', (t) => {
  for (const [a, r, n] of [
    [3, 0.5, 6],
    [2, 3, 5],
    [5, -2, 7],
    [4, 1, 4],
    [1, -0.5, 8],
    [-2, 1.5, 3],
  ] as const) {
    const f = geometricFacts(a, r, n);
    const ref = multiplyUp(a, r, n);
    t.true(
      f.terms.every((v, i) => near(v, ref.terms[i]!)),
      `${a}, ${r}, ${n}: terms`,
    );
    t.true(
      f.partial_sums.every((v, i) => near(v, ref.sums[i]!)),
      `${a}, ${r}, ${n}: partial sums`,
    );
    t.true(near(f.sum, ref.sums[n - 1]!), `${a}, ${r}, ${n}: sum ${f.sum}`);
  }
  // The infinite sum is the limit of the partial sums: 400 terms are far past any difference shown.
  for (const [a, r] of [
    [3, 0.5],
    [1, -0.5],
    [7, 0.9],
  ] as const) {
    const limit = multiplyUp(a, r, 400).sums[399]!;
    t.true(near(geometricFacts(a, r, 5).infinite_sum!, limit), `${a}, ${r}: S∞`);
  }
  t.is(geometricFacts(2, 3, 4).infinite_sum, null);
  t.is(geometricFacts(2, -1, 4).infinite_sum, null);
  t.is(geometricFacts(2, 1, 4).infinite_sum, null);
});

test('geometric phrasings give the first term, the ratio and the number of terms', (t) => {
  const cases: [string, number, number, number][] = [
    ['Geometric series with first term 3 and common ratio 1/2, sum of 6 terms and the infinite sum', 3, 0.5, 6],
    ['geometric sequence 2, 6, 18, 54', 2, 3, 5],
    ['geometric progression 1, 1/2, 1/4, 1/8', 1, 0.5, 5],
    ['geometic series a = 5, r = -2, n = 7', 5, -2, 7],
    ['sum to infinity of 1 + 1/2 + 1/4 + ...', 1, 0.5, 5],
  ];
  for (const [text, first, ratio, terms] of cases) {
    const r = analyze(text);
    t.is(r.template, 'series.geometric', text);
    t.deepEqual([r.params.first, r.params.ratio, r.params.terms], [first, ratio, terms], text);
  }
  t.true(analyze('geometric sequence 1, 2, 4, 7').warnings.some((w) => /not geometric/.test(w)));
  const big = analyze('geometric series a = 1, r = 100, n = 8');
  t.is(big.params.terms, 5, 'terms past 1,000,000,000 are not drawn');
  t.true(big.warnings.some((w) => /showing 5/.test(w)));
  t.true(analyze('geometric series with common ratio 0').warnings.some((w) => /must be non-zero/.test(w)));
  t.is(analyze('arithmetic sequence 2, 4, 6, 8').template, 'series.arithmetic', 'the neighbour keeps its own');
});

test('geometric scenes animate, typeset and fit the view; S∞ is drawn only when |r| < 1', (t) => {
  for (const text of [
    'geometric progression 1, 1/2, 1/4, 1/8',
    'geometric series a = 5, r = -2, n = 7',
    'geometric series a = 4, r = 1, n = 3',
    'geometric sequence a = 1 r = 10 with 8 terms',
    'geometric series first term 2 ratio -0.5 with 8 terms',
  ]) {
    const { scene } = mathScene(text);
    checkScene(t, scene, text);
  }
  const shrinking = mathScene('geometric progression 1, 1/2, 1/4, 1/8').scene;
  t.true(shrinking.objects.some((o) => o.id === 'infinite' && o.type === 'math' && /S_\\infty = .* = 2$/.test(o.latex)));
  const growing = mathScene('geometric sequence 2, 6, 18, 54').scene;
  t.true(growing.objects.some((o) => o.id === 'infinite' && o.type === 'math' && /no/.test(o.latex)));
  t.true(growing.narration.steps.some((s) => /no finite sum/.test(s.text)));
});
