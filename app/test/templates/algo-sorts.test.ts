// Sorting templates: facts checked against independent expectations (inversion counts, a plain
// sort, closed forms, hand-worked examples) and the phrasings people actually type.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { insertionSortSteps } from '../../src/templates/algorithms/sort-insertion.ts';
import { selectionSortSteps } from '../../src/templates/algorithms/sort-selection.ts';
import { mergeSortSteps } from '../../src/templates/algorithms/sort-merge.ts';
import { quickSortSteps } from '../../src/templates/algorithms/sort-quick.ts';
import { heapSortSteps } from '../../src/templates/algorithms/sort-heap.ts';

function inversions(values: number[], order: 'asc' | 'desc' = 'asc'): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) for (let j = i + 1; j < values.length; j++) if (order === 'asc' ? values[i]! > values[j]! : values[i]! < values[j]!) n++;
  return n;
}

/** Deterministic pseudo-random arrays (with duplicates and negatives) for property checks. */
function arrays(count: number): number[][] {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => Array.from({ length: 2 + Math.floor(next() * 15) }, () => Math.floor(next() * 40) - 10));
}

const ascending = (v: number[]) => [...v].sort((a, b) => a - b);
const descending = (v: number[]) => [...v].sort((a, b) => b - a);

test('every sort returns the values in order, ascending and descending', (t) => {
  for (const values of [...arrays(60), [1], [2, 2, 2], [3, -1.5, 0.25, 1e6]]) {
    for (const run of [insertionSortSteps, selectionSortSteps, mergeSortSteps, quickSortSteps, heapSortSteps]) {
      t.deepEqual(run(values, 'asc').sorted, ascending(values), `${run.name} asc ${values}`);
      t.deepEqual(run(values, 'desc').sorted, descending(values), `${run.name} desc ${values}`);
    }
  }
});

test('insertion sort shifts once per inversion', (t) => {
  for (const values of arrays(60)) {
    t.is(insertionSortSteps(values, 'asc').shifts, inversions(values, 'asc'));
    t.is(insertionSortSteps(values, 'desc').shifts, inversions(values, 'desc'));
  }
  // Sorted input: one comparison per new value and nothing moves.
  t.deepEqual({ ...insertionSortSteps([1, 2, 3, 4, 5], 'asc'), steps: undefined }, { steps: undefined, sorted: [1, 2, 3, 4, 5], shifts: 0, comparisons: 4 });
  // Reversed input: n(n−1)/2 of each.
  const r = insertionSortSteps([5, 4, 3, 2, 1], 'asc');
  t.is(r.shifts, 10);
  t.is(r.comparisons, 10);
});

test('selection sort compares n(n−1)/2 times and swaps only when the minimum moves', (t) => {
  for (const values of arrays(40)) {
    const n = values.length;
    const r = selectionSortSteps(values, 'asc');
    t.is(r.comparisons, (n * (n - 1)) / 2);
    t.true(r.swaps <= n - 1);
  }
  t.is(selectionSortSteps([1, 2, 3, 4], 'asc').swaps, 0);
  // Worked by hand: 11↔64, 12↔25, 22↔25, then 25 is already in place.
  t.is(selectionSortSteps([64, 25, 12, 22, 11], 'asc').swaps, 3);
});

test('merge sort comparisons match the closed forms', (t) => {
  // Sorted input of n = 2^k: every merge of two runs of s takes s comparisons, k·2^(k−1) in all.
  for (const k of [1, 2, 3, 4]) {
    const n = 2 ** k;
    const sorted = Array.from({ length: n }, (_, i) => i);
    t.is(mergeSortSteps(sorted, 'asc').comparisons, k * 2 ** (k - 1));
  }
  // Never more than the worst case n⌈log2 n⌉ − 2^⌈log2 n⌉ + 1.
  for (const values of arrays(50)) {
    const n = values.length;
    const lg = Math.ceil(Math.log2(n));
    t.true(mergeSortSteps(values, 'asc').comparisons <= n * lg - 2 ** lg + 1, `${values}`);
  }
});

test('quicksort (Lomuto, last element as pivot) picks pivots in the order worked by hand', (t) => {
  // [10, 80, 30, 90, 40, 50, 70]: 70 splits off [10,30,40,50] | [90,80]; then 50, 40, 30 on the left, 80 on the right.
  t.deepEqual(quickSortSteps([10, 80, 30, 90, 40, 50, 70], 'asc').pivots, [70, 50, 40, 30, 80]);
  // Sorted input is Lomuto's worst case: pivots n, n−1, …, 2 and n(n−1)/2 comparisons.
  const r = quickSortSteps([1, 2, 3, 4, 5], 'asc');
  t.deepEqual(r.pivots, [5, 4, 3, 2]);
  t.is(r.comparisons, 10);
  t.deepEqual(quickSortSteps([3, 1, 2], 'asc').pivots, [2]);
});

test('the catalogue examples and the phrasings people use pick the right sort and values', (t) => {
  const cases: [string, string, number[], 'asc' | 'desc'][] = [
    ['Walk me through quicksort on [3, 1, 2]', 'sort.quick', [3, 1, 2], 'asc'],
    ['quik sort 3 1 2', 'sort.quick', [3, 1, 2], 'asc'],
    ['Quick-sort these: 9, 4, 7', 'sort.quick', [9, 4, 7], 'asc'],
    ['insertionsort 5 2 4', 'sort.insertion', [5, 2, 4], 'asc'],
    ['How does insertion sort work on 4, 3, 2 and 1?', 'sort.insertion', [4, 3, 2, 1], 'asc'],
    ['Can you animate merge sort of 5, 2, 9, 1?', 'sort.merge', [5, 2, 9, 1], 'asc'],
    ['mergesort (8; 3; 5)', 'sort.merge', [8, 3, 5], 'asc'],
    ['heapsort 4 10 3 5 1 in descending order', 'sort.heap', [4, 10, 3, 5, 1], 'desc'],
    ['SELECTION SORT [3 2 1]', 'sort.selection', [3, 2, 1], 'asc'],
    ['selction sort 3 2 1 from largest to smallest', 'sort.selection', [3, 2, 1], 'desc'],
  ];
  for (const [text, template, values, order] of cases) {
    const a = analyze(text);
    t.is(a.template, template, text);
    t.deepEqual(a.params, { values, order }, text);
  }
  t.deepEqual(analyze('Animate insertion sort for the list [12, 11, 13, 5, 6]').facts, { swaps: 7, comparisons: 9, sorted: [5, 6, 11, 12, 13] });
});

// How long each takes is a figure for the bench (`analysis.capped_10000_values_ms` in npm run bench), not an assert here.
test('a 10,000-value list is capped to 16 with a warning, for every sort', (t) => {
  const values = Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 1000);
  for (const name of ['insertion sort', 'selection sort', 'merge sort', 'quicksort', 'heap sort']) {
    const a = analyze(`${name} ${values.join(', ')}`, { maxLength: 100_000 });
    t.is((a.params.values as number[]).length, 16, name);
    t.true(
      a.warnings.some((w) => w.includes('10000 values given') && w.includes('16')),
      name,
    );
  }
});

test('sort scenes show every compare and swap with captions, and stay watchable at 16 values', (t) => {
  const worst = Array.from({ length: 16 }, (_, i) => 16 - i).join(' ');
  for (const name of ['insertion sort', 'selection sort', 'merge sort', 'quick sort', 'heap sort']) {
    const { scene, analysis } = sceneFromDescription(`${name} ${worst}`, { width: 1280, height: 720, fps: 30 });
    t.true(scene.duration > 10 && scene.duration < 150, `${name}: ${scene.duration}s`);
    t.true(scene.narration.steps.length > 15, name);
    t.true(scene.timeline.filter((e) => e.type === 'highlight').length >= 15, name);
    t.is(scene.meta.template, analysis.template);
  }
  const { scene } = sceneFromDescription('insertion sort 3 1 2', { width: 1280, height: 720, fps: 30 });
  // Two inversions: two shifts, each a pair of bar moves.
  t.is(scene.timeline.filter((e) => e.type === 'move').length, 4);
});
