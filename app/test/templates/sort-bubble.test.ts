import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { bubbleSortSteps } from '../../src/templates/algorithms/sort-bubble.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';

function inversions(values: number[]): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) for (let j = i + 1; j < values.length; j++) if (values[i]! > values[j]!) n++;
  return n;
}

test('swaps equal the number of inversions, and the result is sorted', (t) => {
  for (const values of [
    [5, 3, 8, 1],
    [1, 2, 3],
    [9, 8, 7, 6, 5, 4, 3, 2, 1],
    [2, 2, 1, 1],
    [-3, 10, 0.5, -7],
  ]) {
    const { swaps, sorted } = bubbleSortSteps(values, 'asc');
    t.is(swaps, inversions(values), `values ${values}`);
    t.deepEqual(
      sorted,
      [...values].sort((a, b) => a - b),
    );
  }
});

test('phrasings people use all find bubble sort and its values', (t) => {
  for (const text of ['Demonstrate bubble sort on 5 3 8 1', 'Walk me through bubblesort with [5, 3, 8, 1]', 'How does BUBBLE SORT work on 5, 3, 8 and 1?', 'can you animate a bubble sort of 5;3;8;1']) {
    const a = analyze(text);
    t.is(a.template, 'sort.bubble', text);
    t.deepEqual(a.params.values, [5, 3, 8, 1], text);
    t.deepEqual(a.facts, { swaps: 4, comparisons: 6, sorted: [1, 3, 5, 8] }, text);
  }
});

test('too many values are capped with a warning that says so', (t) => {
  const values = Array.from({ length: 500 }, (_, i) => (i * 37) % 101);
  const a = analyze(`bubble sort ${values.join(' ')}`, { maxLength: 10_000 });
  t.is((a.params.values as number[]).length, 16);
  t.true(a.warnings.some((w) => w.includes('500 values given')));
});

test('the scene swaps bars and writes a caption per step', (t) => {
  const { scene } = sceneFromDescription('bubble sort 5 3 8 1', { width: 1280, height: 720, fps: 30 });
  t.is(scene.meta.template, 'sort.bubble');
  t.true(scene.timeline.filter((e) => e.type === 'move').length === 8, 'two moves per swap, four swaps');
  t.true(scene.narration.steps.length >= 7);
});

test('a requested duration rescales the timeline to fit, compressing only down to the reading floor', (t) => {
  const { scene } = sceneFromDescription('bubble sort 5 3 8 1', { width: 1280, height: 720, fps: 30, duration: 40 });
  t.is(scene.duration, 40);
  for (const e of scene.timeline) t.true(('start' in e ? e.start : e.at) <= 40);
  // 5 s cannot hold 8 sentences: the scene keeps its shortest readable length and says so (pacing.test.ts).
  const short = sceneFromDescription('bubble sort 5 3 8 1', { width: 1280, height: 720, fps: 30, duration: 5 }).scene;
  t.true(short.duration > 5);
  t.regex(short.meta.warnings![0]!, /needs at least \d+ s to be read; made it \d+ s instead of 5 s/);
  for (const e of short.timeline) t.true(('start' in e ? e.start : e.at) <= short.duration);
});

test('content checklist: swapped bars slide along the baseline (never lifted or sunk), so no bar stands for another value mid-swap', (t) => {
  for (const text of ['Demonstrate bubble sort on 5 3 8 1', 'selection sort 4 2 9 1 7', 'insertion sort of 6 5 4 3']) {
    const { scene } = sceneFromDescription(text, { width: 1280, height: 720, fps: 30 });
    const moves = scene.timeline.filter((e) => e.type === 'move');
    t.true(moves.length > 0, `${text}: the bars move`);
    for (const m of moves) {
      if (m.type !== 'move') continue;
      t.is(m.arc, 0, `${text}: ${m.target} moves on an arc`);
      t.is(m.to.y, undefined, `${text}: ${m.target} moves off its baseline`);
    }
  }
});
