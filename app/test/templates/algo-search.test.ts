// Searching templates: results against indexOf and the binary-search invariants, targets and lists
// as people write them, and the unsorted-input warning.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { linearSearch } from '../../src/templates/algorithms/search-linear.ts';
import { binarySearch } from '../../src/templates/algorithms/search-binary.ts';

test('linear search finds the first match, or reports -1 after looking at everything', (t) => {
  const lists = [[3, 9, 7, 1], [5, 5, 5], [1], [2, 4, 6, 8, 4], [-1, 0.5, 0.5]];
  for (const values of lists) {
    for (const target of [...values, 100, -7]) {
      const r = linearSearch(values, target);
      const index = values.indexOf(target);
      t.is(r.index, index);
      t.is(r.found, index >= 0);
      t.is(r.comparisons, index >= 0 ? index + 1 : values.length);
    }
  }
});

test('binary search probes mid = floor((lo + hi) / 2) inside a shrinking range', (t) => {
  t.deepEqual(binarySearch([2, 5, 8, 12, 16, 23, 38, 56, 72, 91], 23).probes, [4, 7, 5]);
  for (let n = 1; n <= 16; n++) {
    const values = Array.from({ length: n }, (_, i) => i * 3);
    for (let target = -2; target <= n * 3 + 1; target++) {
      const r = binarySearch(values, target);
      t.is(r.found, values.includes(target));
      if (r.found) t.is(values[r.index], target);
      else t.is(r.index, -1);
      // Each probe halves the range: at most floor(log2 n) + 1 of them.
      t.true(r.probes.length <= Math.floor(Math.log2(n)) + 1, `n=${n} target=${target}`);
      let [lo, hi] = [0, n - 1];
      for (const mid of r.probes) {
        t.is(mid, Math.floor((lo + hi) / 2));
        if (values[mid]! < target) lo = mid + 1;
        else hi = mid - 1;
      }
    }
  }
});

test('targets and lists are read the way people write them', (t) => {
  const cases: [string, string, number[], number][] = [
    ['linear search for 7 in 3 9 7 1', 'search.linear', [3, 9, 7, 1], 7],
    ['Find 4 in [3, 9, 7, 1] using a sequential search', 'search.linear', [3, 9, 7, 1], 4],
    ['Walk me through linear search: target = 9, list 5, 3, 9', 'search.linear', [5, 3, 9], 9],
    ['binary serach for 5 in [1, 3, 5, 9]', 'search.binary', [1, 3, 5, 9], 5],
    ['How does binary search find 72 in 2 5 8 12 16 23 38 56 72 91?', 'search.binary', [2, 5, 8, 12, 16, 23, 38, 56, 72, 91], 72],
    ['Binary search 23 in the list 2, 5, 8, 23', 'search.binary', [2, 5, 8, 23], 23],
  ];
  for (const [text, template, values, target] of cases) {
    const a = analyze(text);
    t.is(a.template, template, text);
    t.deepEqual(a.params, { values, target }, text);
  }
});

test('binary search sorts unsorted input first and says so', (t) => {
  const a = analyze('binary search for 5 in 9, 1, 5, 3');
  t.deepEqual(a.params.values, [1, 3, 5, 9]);
  t.deepEqual(a.facts, { found: true, index: 2, probes: [1, 2] });
  t.true(a.warnings.some((w) => w.includes('sorted first')));
});

test('a list without a target searches for one of its values, with a warning', (t) => {
  const a = analyze('linear search on 4 8 15 16 23 42');
  t.is(a.template, 'search.linear');
  t.true((a.params.values as number[]).includes(a.params.target as number));
  t.true(a.warnings.some((w) => w.includes('no target given')));
});

test('"binary search tree" belongs to the tree template, not binary search', (t) => {
  t.is(analyze('Insert 5 3 8 into a binary search tree').template, 'ds.bst');
  t.is(analyze('binary search tree inorder traversal of 4 2 6').template, 'ds.bst');
});

test('search scenes validate, show each probe and end with the facts on screen', (t) => {
  for (const text of ['Binary search for 23 in 2, 5, 8, 12, 16, 23, 38, 56, 72, 91', 'binary search for 4 in 1 2 3', 'linear search for 7 in 3 9 7 1', 'linear search for 10 in 3 9 7 1']) {
    const { scene, analysis } = sceneFromDescription(text, { width: 1280, height: 720, fps: 30 });
    const last = scene.narration.steps[scene.narration.steps.length - 1]!.text;
    t.true(last.includes(analysis.facts.found ? 'ound' : 'not found'), last);
    const probes = (analysis.facts.probes as number[] | undefined)?.length ?? (analysis.facts.comparisons as number);
    t.true(scene.timeline.filter((e) => e.type === 'highlight').length >= probes, text);
  }
});
