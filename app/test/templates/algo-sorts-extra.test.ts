// Shell, counting and radix sort: facts checked against independent values (a plain sort, inversion
// counts, hand-worked textbook runs) and the phrasings people type, params and their limits.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { shellGaps, shellParams, shellSortSteps } from '../../src/templates/algorithms/sort-shell.ts';
import { insertionSortSteps } from '../../src/templates/algorithms/sort-insertion.ts';
import { countingSort } from '../../src/templates/algorithms/sort-counting.ts';
import { radixSort } from '../../src/templates/algorithms/sort-radix.ts';

const SIZE = { width: 1280, height: 720, fps: 30 };

function inversions(values: number[]): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) for (let j = i + 1; j < values.length; j++) if (values[i]! > values[j]!) n++;
  return n;
}

/** Deterministic pseudo-random arrays (duplicates and negatives included). */
function arrays(count: number, lo = -10, span = 40): number[][] {
  let seed = 4242;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => Array.from({ length: 2 + Math.floor(next() * 15) }, () => lo + Math.floor(next() * span)));
}

const ascending = (v: number[]) => [...v].sort((a, b) => a - b);
const descending = (v: number[]) => [...v].sort((a, b) => b - a);

test('Shell sort: gaps halve from n/2 (Shell 1959), and every gap sequence ending in 1 sorts', (t) => {
  t.deepEqual(shellGaps(8), [4, 2, 1]);
  t.deepEqual(shellGaps(9), [4, 2, 1]);
  t.deepEqual(shellGaps(16), [8, 4, 2, 1]);
  t.deepEqual(shellGaps(3), [1]);
  for (const values of arrays(60)) {
    t.deepEqual(shellSortSteps(values, 'asc').sorted, ascending(values), `${values}`);
    t.deepEqual(shellSortSteps(values, 'desc').sorted, descending(values), `${values}`);
    t.deepEqual(shellSortSteps(values, 'asc', [5, 3, 1]).sorted, ascending(values), `${values} gaps 5 3 1`);
  }
});

test('Shell sort with the single gap 1 is insertion sort: one swap per inversion, the same comparisons', (t) => {
  for (const values of arrays(40)) {
    const run = shellSortSteps(values, 'asc', [1]);
    t.is(run.swaps, inversions(values));
    t.is(run.comparisons, insertionSortSteps(values, 'asc').comparisons);
  }
});

test('Shell sort on 5 3 8 1 9 2 7 4 with gaps 4, 2, 1, worked by hand', (t) => {
  // Gap 4: 3↔2 and 8↔7 (4 comparisons, 2 swaps) → 5 2 7 1 9 3 8 4. Gap 2: 2↔1 and 9↔8 (7 comparisons) →
  // 5 1 7 2 8 3 9 4. Gap 1: insertion sort on a list with 10 inversions, 16 comparisons.
  const run = shellSortSteps([5, 3, 8, 1, 9, 2, 7, 4], 'asc');
  t.deepEqual(run.gaps, [4, 2, 1]);
  t.is(run.swaps, 2 + 2 + 10);
  t.is(run.comparisons, 4 + 7 + 16);
  t.deepEqual(run.sorted, [1, 2, 3, 4, 5, 7, 8, 9]);
});

test('Shell sort: gaps are read apart from the values, made usable with a warning, and refused when given wrong as params', (t) => {
  const a = analyze('Shell sort 9 8 7 6 5 4 3 2 1 with gaps 4, 2, 1');
  t.is(a.template, 'sort.shell');
  t.deepEqual(a.params, { values: [9, 8, 7, 6, 5, 4, 3, 2, 1], order: 'asc', gaps: [4, 2, 1] });
  const noOne = analyze('shellsort 6 5 4 3 2 1 gaps 3 2');
  t.deepEqual(noOne.params.gaps, [3, 2, 1]);
  t.true(noOne.warnings.some((w) => w.includes('last gap of 1')));
  t.deepEqual(analyze('Shell sort with gaps 5, 3, 1').params, { values: [5, 3, 8, 1, 9, 2, 7, 4], order: 'asc', gaps: [5, 3, 1] });
  const bad = shellParams.safeParse({ gaps: [3, 2] });
  t.false(bad.success);
  t.regex(bad.error!.issues[0]!.message, /last gap must be 1/);
  t.false(shellParams.safeParse({ gaps: [1, 3] }).success);
  t.throws(() => analyze('', { template: 'sort.shell', params: { gaps: [2, 4, 1] } }), { message: /gaps must shrink/ });
});

test('Shell sort: the phrasings people type, and the calculus shell method is not a sort', (t) => {
  for (const text of ["Shell's method for sorting 5 3 8 1", 'shel sort 4 3 1', 'shellsort on [7, 2, 9, 4]', 'Sorting with diminishing increments: 9 4 7 1']) t.is(analyze(text).template, 'sort.shell', text);
  t.not(analyze('volume by the shell method').template, 'sort.shell');
  t.not(analyze('Bohr model of sodium, outer shell').template, 'sort.shell');
  // Worked by hand: gap 4 makes 6 comparisons and 5 swaps (2 sinks from the end to the front in two), gap 2
  // 9 and 3, and gap 1 meets the one inversion left (9 before 7): 9 comparisons, 1 swap.
  t.deepEqual(analyze('Shell sort on 23, 29, 15, 19, 31, 7, 9, 5, 2').facts, { gaps: [4, 2, 1], swaps: 9, comparisons: 24, sorted: [2, 5, 7, 9, 15, 19, 23, 29, 31] });
});

test('Shell sort scene: a step per gap, later ones grouped under "Gap n", the sorted values at the end', (t) => {
  const { scene } = sceneFromDescription('Shell sort on 23, 29, 15, 19, 31, 7, 9, 5, 2', SIZE);
  const texts = scene.narration.steps.map((s) => s.text);
  t.true(texts.some((s) => s.startsWith('Gap 4: insertion sort on values 4 apart')));
  t.true(texts.some((s) => /^(The rest of gap 2|Gap 2):/.test(s)));
  t.true(texts.some((s) => s.startsWith('Gap 1: ')));
  t.true(texts.at(-1)!.startsWith('Sorted with 9 swaps and 24 comparisons'));
});

test('counting sort: the CLRS example (2 5 3 0 2 3 0 3) gives its counts, running totals and output', (t) => {
  // CLRS 3rd ed. figure 8.2: C = 2 0 2 3 0 1 after counting, 2 2 4 7 7 8 after the running totals.
  const run = countingSort([2, 5, 3, 0, 2, 3, 0, 3], 'asc');
  t.deepEqual(run.keys, [0, 1, 2, 3, 4, 5]);
  t.deepEqual(run.counts, [2, 0, 2, 3, 0, 1]);
  t.deepEqual(run.totals, [2, 2, 4, 7, 7, 8]);
  t.deepEqual(run.sorted, [0, 0, 2, 2, 3, 3, 3, 5]);
  // Placed right to left: the last 3 goes to position 6 (C[3] = 7 − 1), the last 0 to position 1.
  t.deepEqual(
    run.steps
      .filter((s) => s.kind === 'place')
      .slice(0, 2)
      .map((s) => (s.kind === 'place' ? [s.key, s.pos] : [])),
    [
      [3, 6],
      [0, 1],
    ],
  );
});

test('counting sort: counts and totals agree with a brute-force count, and the output with a plain sort', (t) => {
  for (const values of arrays(60, -5, 15)) {
    for (const order of ['asc', 'desc'] as const) {
      const run = countingSort(values, order);
      t.deepEqual(run.sorted, order === 'asc' ? ascending(values) : descending(values), `${values} ${order}`);
      run.keys.forEach((key, k) => {
        t.is(run.counts[k], values.filter((v) => v === key).length);
        t.is(run.totals[k], values.filter((v) => (order === 'asc' ? v <= key : v >= key)).length);
      });
      // Each position is filled exactly once.
      const places = run.steps.filter((s) => s.kind === 'place').map((s) => (s.kind === 'place' ? s.pos : -1));
      t.deepEqual(
        [...places].sort((a, b) => a - b),
        values.map((_, i) => i),
      );
    }
  }
});

test('counting sort: fractions and wide ranges are refused with what to do instead, never drawn with other values', (t) => {
  const wide = analyze('counting sort 170 45 75 90 802 24 2 66');
  t.is(wide.template, 'sort.counting');
  t.false(wide.understood);
  t.regex(wide.needs!.message, /one count cell per key fits at most 20.*radix sort/);
  t.deepEqual(wide.params.values, [170, 45, 75, 90, 802, 24, 2, 66], 'the values read are kept, not replaced by defaults');
  const fraction = analyze('count sort 1.5 2 3');
  t.false(fraction.understood);
  t.regex(fraction.needs!.message, /whole numbers, and 1\.5 is not one/);
  t.is(fraction.suggestions![0]!.template, 'sort.quick');
  const ok = analyze('counting sort on -3 0 2 -1 2 in descending order');
  t.true(ok.understood);
  t.deepEqual(ok.facts.sorted, [2, 2, 0, -1, -3]);
});

test('counting sort: the phrasings people type pick it, and its scene counts, adds up, then places', (t) => {
  for (const text of ['counting sort 4 2 2 8 3 3 1', 'Countingsort of [1, 4, 1, 2, 7, 5, 2]', 'sort these exam marks by counting: 3 1 2 3 1', 'Key-indexed counting on 2 0 1 1 0']) t.is(analyze(text).template, 'sort.counting', text);
  const { scene } = sceneFromDescription('Counting sort on 2 5 3 0 2 3 0 3', SIZE);
  const texts = scene.narration.steps.map((s) => s.text);
  t.true(texts.includes('Read 2: its count goes up to 1.'));
  t.true(texts.includes('2 + 2 = 4: 4 values are ≤ 2.'));
  t.true(texts.includes('3: 7 values are ≤ 3, so it goes to position 6.'));
  t.true(texts.at(-1)!.startsWith('Sorted without a single comparison'));
});

test('radix sort: the CLRS and Wikipedia examples pass by pass', (t) => {
  // CLRS 3rd ed. figure 8.3.
  const clrs = radixSort([329, 457, 657, 839, 436, 720, 355], 'asc');
  const orderAfter = (run: ReturnType<typeof radixSort>, values: number[]) => run.passes.map((p) => p.after.map((i) => values[i]));
  t.deepEqual(orderAfter(clrs, [329, 457, 657, 839, 436, 720, 355]), [
    [720, 355, 436, 457, 657, 329, 839],
    [720, 329, 436, 839, 355, 457, 657],
    [329, 355, 436, 457, 657, 720, 839],
  ]);
  // en.wikipedia.org/wiki/Radix_sort, "Least significant digit".
  const wiki = [170, 45, 75, 90, 802, 24, 2, 66];
  t.deepEqual(orderAfter(radixSort(wiki, 'asc'), wiki), [
    [170, 90, 802, 2, 24, 45, 75, 66],
    [802, 2, 24, 45, 66, 170, 75, 90],
    [2, 24, 45, 66, 75, 90, 170, 802],
  ]);
});

test('radix sort: each pass leaves the list stably sorted on its last digits, and the last pass sorted', (t) => {
  for (const values of arrays(60, 0, 1200)) {
    for (const order of ['asc', 'desc'] as const) {
      const run = radixSort(values, order);
      t.deepEqual(run.sorted, order === 'asc' ? ascending(values) : descending(values), `${values} ${order}`);
      run.passes.forEach((pass, p) => {
        const key = (i: number) => values[i]! % 10 ** (p + 1);
        // A stable sort of the original indexes by the last p + 1 digits (JS sort is stable).
        const expected = values.map((_, i) => i).sort((a, b) => (order === 'asc' ? key(a) - key(b) : key(b) - key(a)) || 0);
        t.deepEqual(pass.after.map(key), expected.map(key), `${values} pass ${p}`);
      });
    }
  }
});

test('radix sort: negatives, fractions and five-digit values are refused with what to do instead; the phrasings people type pick it', (t) => {
  for (const [text, why] of [
    ['radix sort -3 4 5', /whole numbers ≥ 0/],
    ['radix sort 2.5 3 1', /whole numbers ≥ 0/],
    ['radix sort 12345 3 1', /up to 9999/],
  ] as const) {
    const a = analyze(text);
    t.is(a.template, 'sort.radix', text);
    t.false(a.understood, text);
    t.regex(a.needs!.message, why, text);
  }
  for (const text of ['Radix sort on 170 45 75 90 802 24 2 66', 'radixsort 53 89 150 36 633 233', 'sort 121 432 564 23 1 45 788 digit by digit', 'LSD radix: 9 81 27 3']) t.is(analyze(text).template, 'sort.radix', text);
  t.deepEqual(analyze('LSD radix sort of 329 457 657 839 436 720 355').facts.digits, 3);
  const { scene } = sceneFromDescription('LSD radix sort of 329 457 657 839 436 720 355', SIZE);
  const texts = scene.narration.steps.map((s) => s.text);
  t.true(texts.includes('329: ones digit 9, into bucket 9.'));
  t.true(texts.includes('Collect the buckets 0 to 9, bottom up: 720, 355, 436, 457, 657, 329, 839.'));
  t.true(texts.at(-1)!.startsWith('Sorted after 3 passes'));
});
