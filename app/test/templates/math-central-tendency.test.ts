// stats.central_tendency: the user's numbers, their mean, median (by sorting) and modes, checked against a
// separate computation; no numbers means the analysis asks for them rather than averaging example data.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { centralFacts } from '../../src/templates/mathematics/stats-central-tendency.ts';
import { checkScene, mathScene } from './math-scene-checks.ts';

/**
 * The same three averages another way: the mean as a running average, the median as the value with at most
 * half the list on either side (no sorting), the modes by counting every value against every other.
 */
function reference(values: number[]): { mean: number; median: number; modes: number[] } {
  let mean = 0;
  values.forEach((v, i) => (mean += (v - mean) / (i + 1)));
  const n = values.length;
  const rank = (v: number) => ({ below: values.filter((x) => x < v).length, above: values.filter((x) => x > v).length });
  // Odd n: the one value with at most (n − 1)/2 of the list on each side. Even n: the two middle values, averaged.
  const distinctValues = [...new Set(values)];
  const lower = Math.min(...distinctValues.filter((v) => values.filter((x) => x <= v).length >= n / 2));
  const upper = Math.max(...distinctValues.filter((v) => values.filter((x) => x >= v).length >= n / 2));
  const median = n % 2 ? distinctValues.find((v) => rank(v).below <= (n - 1) / 2 && rank(v).above <= (n - 1) / 2)! : (lower + upper) / 2;
  const tally = values.map((v) => values.filter((x) => x === v).length);
  const top = Math.max(...tally);
  const distinct = new Set(values).size;
  const tops = [...new Set(values.filter((_, i) => tally[i] === top))].sort((a, b) => a - b);
  return { mean, median, modes: tops.length === distinct ? [] : tops };
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

test('mean, median and modes agree with a separate computation', (t) => {
  const lists = [
    [3, 7, 7, 2, 9],
    [4, 8, 15],
    [12, 15, 11, 15, 18, 20],
    [2, 2, 3, 3, 4],
    [1, 2, 3, 4],
    [1, 1, 2, 2],
    [-2, 4, 7, 7, 9, -2],
    [0.1, 0.2, 0.2, 0.5],
    [150, 162, 158, 171, 149],
    [5, 5],
  ];
  for (const values of lists) {
    const f = centralFacts(values);
    const ref = reference(values);
    t.true(near(f.mean, ref.mean), `${values}: mean ${f.mean} vs ${ref.mean}`);
    t.true(near(f.median, ref.median), `${values}: median ${f.median} vs ${ref.median}`);
    t.deepEqual(f.modes, ref.modes, `${values}: modes`);
    t.deepEqual(
      f.sorted,
      [...values].sort((a, b) => a - b),
    );
    t.is(f.count, values.length);
  }
  t.deepEqual(centralFacts([3, 7, 7, 2, 9]), { count: 5, sum: 28, mean: 5.6, sorted: [2, 3, 7, 7, 9], median: 7, modes: [7], mode_count: 2, range: 7 });
  t.is(centralFacts([1, 2, 3, 4]).median, 2.5, 'even count: halfway between the two middle values');
  t.deepEqual(centralFacts([1, 2, 3, 4]).modes, [], 'each value once: no mode');
  t.deepEqual(centralFacts([2, 2, 3, 3, 4]).modes, [2, 3], 'two modes');
  t.deepEqual(centralFacts([1, 1, 2, 2]).modes, [], 'every value equally often: no mode');
  t.is(centralFacts([0.1, 0.2]).mean, 0.15, 'no float dust');
});

test('the numbers are read as the user wrote them, with the unit; no numbers: the analysis asks for them', (t) => {
  const a = analyze('heights in cm: 150, 162, 158, 171, 149 - mean median mode');
  t.is(a.template, 'stats.central_tendency');
  t.true(a.understood);
  t.deepEqual(a.params.values, [150, 162, 158, 171, 149]);
  t.is(a.params.unit, 'cm');
  t.deepEqual(analyze('Show the mean of these marks: 4 7 7 -2 9').params.values, [4, 7, 7, -2, 9]);
  const none = analyze('Mean median and mode for my class');
  t.is(none.template, 'stats.central_tendency');
  t.false(none.understood);
  t.deepEqual(none.needs?.data, ['values']);
  t.is(none.params.values, undefined);
  const many = analyze(`mean of ${Array.from({ length: 20 }, (_, i) => i + 1).join(', ')}`);
  t.is((many.params.values as number[]).length, 15);
  t.true(many.warnings.some((w) => w.includes('20 numbers given')));
});

test('neighbours keep their descriptions: other means, sequences and modes are not averaged', (t) => {
  t.not(analyze('Geometric mean of 4 and 9').template, 'stats.central_tendency');
  t.not(analyze('root mean square of 3 and 4').template, 'stats.central_tendency');
  t.not(analyze('Mean value theorem').template, 'stats.central_tendency');
  t.not(analyze('dark mode toggle').template, 'stats.central_tendency');
  t.is(analyze('arithmetic sequence 3, 7, 11, 15').template, 'series.arithmetic');
  t.is(analyze('Arithmetic mean of 4, 8 and 15').template, 'stats.central_tendency');
});

test('scenes: the median is found by moving the numbers into sorted order; modes, several or none, are said', (t) => {
  for (const text of [
    'Mean, median and mode of 3, 7, 7, 2, 9',
    'what is the mode of 2, 2, 3, 3, 4',
    'mean median mode of 1, 2, 3, 4',
    'heights in cm: 150, 162, 158, 171, 149 - mean median mode',
    `median of ${Array.from({ length: 15 }, (_, i) => (i * 37) % 101).join(', ')}`,
    'mean of -3.5, 0, 2.25, -3.5',
  ]) {
    const { scene } = mathScene(text);
    checkScene(t, scene, text);
  }
  const { scene } = mathScene('Mean, median and mode of 3, 7, 7, 2, 9');
  const xOf = (id: string) => {
    const move = scene.timeline.find((e) => e.type === 'move' && e.target === id);
    return move && move.type === 'move' ? move.to.x! : NaN;
  };
  const shown = [3, 7, 7, 2, 9].map((v, i) => ({ v, x: xOf(`value-${i}`) })).sort((a, b) => a.x - b.x);
  t.deepEqual(
    shown.map((s) => s.v),
    [2, 3, 7, 7, 9],
    'after the move the row reads smallest to largest',
  );
  const captions = scene.narration.steps.map((s) => s.text).join(' ');
  t.regex(captions, /28 ÷ 5 = 5\.6/);
  t.regex(captions, /median is 7/);
  t.regex(captions, /mode is the most common number: 7, seen 2 times/);
  t.regex(
    mathScene('what is the mode of 2, 2, 3, 3, 4')
      .scene.narration.steps.map((s) => s.text)
      .join(' '),
    /modes are 2 and 3/,
  );
  t.regex(
    mathScene('mean median mode of 1, 2, 3, 4')
      .scene.narration.steps.map((s) => s.text)
      .join(' '),
    /no mode/,
  );
  const cm = mathScene('heights in cm: 150, 162, 158, 171, 149 - mean median mode').scene;
  t.true(
    cm.objects.some((o) => o.type === 'text' && o.text === 'mean = 158 cm'),
    'the unit goes with the mean',
  );
});
