// chart.bar, chart.line and chart.pie: data from many phrasings, facts checked against sums and
// shares computed here, nice axis ticks, caps and their warnings.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { niceScale } from '../../src/templates/corporate/chart-axes.ts';
import { describeChange } from '../../src/templates/corporate/chart-line.ts';

const REQ = { width: 1280, height: 720, fps: 30 };
type Datum = { label: string; value: number };
const QUARTERS = [
  { label: 'Q1', value: 120 },
  { label: 'Q2', value: 150 },
  { label: 'Q3', value: 90 },
  { label: 'Q4', value: 200 },
];

test('bar chart: phrasings people use all find the labelled values', (t) => {
  for (const text of [
    'Quarterly revenue bar chart: Q1 120, Q2 150, Q3 90, Q4 200',
    'Show a bar chart of quarterly revenue: Q1: 120; Q2: 150; Q3: 90; Q4: 200',
    'Can you make a column chart of revenue per quarter? Q1 = 120, Q2 = 150, Q3 = 90 and Q4 = 200',
    'bar graph revenue Q1 120 Q2 150 Q3 90 Q4 200',
    'Quarterly revenue bar chart: 120, 150, 90, 200',
    'quartely revenue bar chrat: Q1 120, Q2 150, Q3 90, Q4 200',
  ]) {
    const a = analyze(text);
    t.is(a.template, 'chart.bar', text);
    t.deepEqual(a.params.data, QUARTERS, text);
    t.deepEqual(a.facts, { total: 560, max: 200 }, text);
  }
});

test('bar chart facts are the sum and the largest value of whatever is given', (t) => {
  const cases = [
    [3, 1, 4, 1, 5, 9, 2, 6],
    [-5, 10, -2.5],
    [1_200_000, 800_000, 950_000],
    [0.25, 0.5, 0.125],
  ];
  for (const values of cases) {
    const a = analyze(`bar chart: ${values.map((v, i) => `item${String.fromCharCode(97 + i)} ${v}`).join(', ')}`);
    t.deepEqual(
      (a.params.data as Datum[]).map((d) => d.value),
      values,
    );
    let total = 0;
    let max = -Infinity;
    for (const v of values) {
      total += v;
      if (v > max) max = v;
    }
    t.true(Math.abs((a.facts.total as number) - total) <= Math.abs(total) * 1e-3, String(values));
    t.is(a.facts.max, max);
  }
});

test('money, percentages and magnitudes are read with their unit', (t) => {
  const a = analyze('Bar chart of sales by region: North $1.2M, South $800k, East $950,000, West $1,100,000');
  t.deepEqual(
    (a.params.data as Datum[]).map((d) => d.value),
    [1_200_000, 800_000, 950_000, 1_100_000],
  );
  t.is(a.params.unit, '$');
  t.deepEqual(a.facts, { total: 4_050_000, max: 1_200_000 });
  t.is(a.params.title, 'Sales by region');
});

test('unlabelled values get names from the title; more than twelve bars are capped', (t) => {
  t.deepEqual(
    (analyze('Monthly signups bar chart: 100, 200, 300').params.data as Datum[]).map((d) => d.label),
    ['Jan', 'Feb', 'Mar'],
  );
  t.deepEqual(
    (analyze('Revenue 2019-2023 bar chart: 10, 12, 15, 14, 18').params.data as Datum[]).map((d) => d.label),
    ['2019', '2020', '2021', '2022', '2023'],
  );
  const many = analyze(`bar chart: ${Array.from({ length: 20 }, (_, i) => `b${String.fromCharCode(97 + i)} ${i + 1}`).join(', ')}`);
  t.is((many.params.data as Datum[]).length, 12);
  t.true(many.warnings.some((w) => w.includes('20 bars given') && w.includes('first 12')));
  t.is(many.facts.total, 78, 'facts describe the bars shown');
});

test('nice ticks cover the data with steps of 1, 2, 2.5 or 5 × 10^k, zero included', (t) => {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let k = 0; k < 300; k++) {
    const n = 1 + Math.floor(random() * 10);
    const scale = 10 ** Math.floor(random() * 12 - 4);
    const values = Array.from({ length: n }, () => (random() - (k % 3 === 0 ? 0.5 : 0)) * scale);
    const s = niceScale(values);
    t.true(s.min <= Math.min(0, ...values) + 1e-12 && s.max >= Math.max(0, ...values) - 1e-12, `covers ${values}`);
    const mantissa = s.step / 10 ** Math.floor(Math.log10(s.step) + 1e-9);
    t.true(
      [1, 2, 2.5, 5].some((m) => Math.abs(mantissa - m) < 1e-6),
      `step ${s.step}`,
    );
    t.true(s.ticks.length >= 2 && s.ticks.length <= 12, `${s.ticks.length} ticks`);
    t.true(
      s.ticks.some((v) => Math.abs(v) < s.step * 1e-9),
      'zero is a tick',
    );
    for (let i = 1; i < s.ticks.length; i++) t.true(Math.abs(s.ticks[i]! - s.ticks[i - 1]! - s.step) < s.step * 1e-6);
  }
  t.deepEqual(niceScale([120, 150, 90, 200]).ticks, [0, 50, 100, 150, 200]);
  t.deepEqual(niceScale([95, 105], 5, true).ticks.slice(0, 1), [94], 'a line far from zero keeps its detail');
});

test('the bar scene grows each bar to its value and labels it', (t) => {
  const { scene } = sceneFromDescription('Quarterly revenue bar chart: Q1 120, Q2 150, Q3 90, Q4 200', REQ);
  const bars = scene.objects.filter((o) => o.type === 'bar');
  t.deepEqual(
    bars.map((b) => (b.type === 'bar' ? b.label : '')),
    ['120', '150', '90', '200'],
  );
  const heights = bars.map((b) => (b.type === 'bar' ? b.height : 0));
  for (let i = 0; i < 4; i++) t.true(Math.abs(heights[i]! / heights[3]! - [120, 150, 90, 200][i]! / 200) < 1e-9, 'heights in proportion');
  for (const b of bars) t.truthy(scene.timeline.find((e) => e.type === 'tween' && e.target === b.id && e.property === 'height' && e.from === 0));
  const summary = scene.objects.find((o) => o.id === 'summary');
  t.is(summary?.type === 'text' ? summary.text : '', 'Total 560   ·   Highest 200 (Q4)');
});

test('pie chart: percentages are each value over the total and add up to 100', (t) => {
  const cases = [
    [450, 300, 150, 100],
    [1, 1, 1],
    [2, 3, 5, 7, 11, 13, 17],
    [0.5, 99.5],
  ];
  for (const values of cases) {
    const a = analyze(`pie chart: ${values.map((v, i) => `part${String.fromCharCode(97 + i)} ${v}`).join(', ')}`);
    const pct = a.facts.percentages as number[];
    const total = values.reduce((s, v) => s + v, 0);
    t.is(pct.length, values.length);
    values.forEach((v, i) => t.true(Math.abs(pct[i]! - (v / total) * 100) < 0.01, `${v} of ${total}`));
    t.true(Math.abs(pct.reduce((s, p) => s + p, 0) - 100) < 0.01);
  }
});

test('pie chart: phrasings, percentages that fall short get an "Other" slice', (t) => {
  for (const text of ['Market share pie chart: Acme 45%, Globex 30%, Initech 25%', 'Show a pie chart of market share with Acme at 45%, Globex at 30% and Initech at 25%', 'market share donut: Acme (45%), Globex (30%), Initech (25%)']) {
    const a = analyze(text);
    t.is(a.template, 'chart.pie', text);
    t.deepEqual(
      (a.params.data as Datum[]).map((d) => [d.label, d.value]),
      [
        ['Acme', 45],
        ['Globex', 30],
        ['Initech', 25],
      ],
      text,
    );
    t.deepEqual(a.facts.percentages, [45, 30, 25], text);
  }
  const short = analyze('Pie chart: Acme 45%, Globex 30%');
  t.deepEqual(
    (short.params.data as Datum[]).map((d) => [d.label, d.value]),
    [
      ['Acme', 45],
      ['Globex', 30],
      ['Other', 25],
    ],
  );
  t.true(short.warnings.some((w) => /add up to 75%/.test(w)));
});

test('pie chart: too many slices merge the smallest into "Other", keeping the total', (t) => {
  const values = [40, 25, 10, 8, 6, 4, 3, 2, 1, 1];
  const a = analyze(`pie chart: ${values.map((v, i) => `slice${String.fromCharCode(97 + i)} ${v}`).join(', ')}`);
  const data = a.params.data as Datum[];
  t.is(data.length, 8);
  t.is(data[7]!.label, 'Other');
  t.is(data[7]!.value, 2 + 1 + 1);
  t.is(
    data.reduce((s, d) => s + d.value, 0),
    100,
  );
  t.true(a.warnings.some((w) => /merged into "Other"/.test(w)));
  const neg = analyze('pie chart: a 10, b -5, c 0, d 20');
  t.deepEqual(
    (neg.params.data as Datum[]).map((d) => d.value),
    [10, 20],
  );
  t.true(neg.warnings.some((w) => /zero or negative/.test(w)));
});

test('pie scene: slices sweep in from collapsed to full, each labelled', (t) => {
  const { scene } = sceneFromDescription('Market share pie chart: Acme 45%, Globex 30%, Initech 25%', REQ);
  for (let i = 0; i < 3; i++) {
    const sweep = scene.timeline.find((e) => e.type === 'tween' && e.target === `slice-${i}` && e.property === 'points');
    t.truthy(sweep);
    const from = (sweep as { from: [number, number][] }).from;
    t.true(
      from.slice(1).every((p) => p[0] === from[1]![0] && p[1] === from[1]![1]),
      'starts as a line',
    );
  }
  const texts = scene.objects.flatMap((o) => (o.type === 'text' ? [o.text] : []));
  for (const s of ['45%', '30%', '25%', 'Acme', 'Globex', 'Initech']) t.true(texts.includes(s), s);
});

test('line chart: one series from label/value pairs, several from named lists', (t) => {
  const one = analyze('Monthly active users line chart: Jan 42, Feb 48, Mar 45, Apr 57');
  t.is(one.template, 'chart.line');
  t.deepEqual(one.params.data, [
    { label: 'Jan', value: 42 },
    { label: 'Feb', value: 48 },
    { label: 'Mar', value: 45 },
    { label: 'Apr', value: 57 },
  ]);
  for (const text of ['Line chart of sales vs costs: sales 10, 20, 30; costs 5, 15, 25', 'line graph: Sales: 10, 20, 30; Costs: 5, 15, 25', 'Plot a line chart with sales = [10, 20, 30] and costs = [5, 15, 25]']) {
    const a = analyze(text);
    t.is(a.template, 'chart.line', text);
    t.is((a.params.name as string).toLowerCase(), 'sales', text);
    t.deepEqual(
      (a.params.data as Datum[]).map((d) => d.value),
      [10, 20, 30],
      text,
    );
    t.deepEqual(
      (a.params.series as { name: string; values: number[] }[]).map((s) => [s.name.toLowerCase(), s.values]),
      [['costs', [5, 15, 25]]],
      text,
    );
  }
  t.is(analyze('Show the trend of revenue over time: 2019 10, 2020 12, 2021 15').template, 'chart.line');
});

test('line chart: the described change is computed from the first and last values', (t) => {
  t.is(describeChange(10, 30), 'rose 200% from 10 to 30');
  t.is(describeChange(80, 60), 'fell 25% from 80 to 60');
  t.is(describeChange(5, 5), 'stayed at 5');
  t.is(describeChange(-10, 10), 'rose from −10 to 10');
  const { scene } = sceneFromDescription('Line chart of sales vs costs: sales 10, 20, 30; costs 5, 15, 25', REQ);
  t.is(scene.objects.filter((o) => o.id.startsWith('line-')).length, 2);
  t.true(scene.narration.steps.some((c) => c.text === 'Sales rose 200% from 10 to 30.'));
  t.true(scene.narration.steps.some((c) => c.text === 'Costs rose 400% from 5 to 25.'));
});

test('a value for each quarter is a bar chart without the words "bar chart"', (t) => {
  const a = analyze('Quarterly revenue: Q1 120, Q2 150, Q3 90, Q4 200');
  t.is(a.template, 'chart.bar');
  t.true(a.understood);
  t.deepEqual(a.params.data, [
    { label: 'Q1', value: 120 },
    { label: 'Q2', value: 150 },
    { label: 'Q3', value: 90 },
    { label: 'Q4', value: 200 },
  ]);
});
