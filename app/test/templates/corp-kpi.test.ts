// business.kpi: the user's headline figures, each change computed here again from the two figures given
// (per cent of the earlier figure, points for percentages, the difference for scores) and coloured by
// whether that direction is good for that figure; a figure without an earlier one is asked for, not invented.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { legendProblems } from './emphasis-checks.ts';

const REQ = { width: 1280, height: 720, fps: 30 };
const EXAMPLE = 'Revenue 1.2M up from 1.0M, churn 3% down from 4%, NPS 45 from 38';

type Figure = { label: string; value: number; previous: number; unit: string; suffix: string; higher_is_better: boolean };

test('the example: +20 % revenue, −1 point churn, +7 NPS, every change computed from the user’s figures', (t) => {
  const a = analyze(EXAMPLE);
  t.is(a.template, 'business.kpi');
  t.true(a.understood);
  const figures = a.params.figures as Figure[];
  t.deepEqual(
    figures.map((f) => [f.label, f.value, f.previous, f.unit]),
    [
      ['Revenue', 1_200_000, 1_000_000, ''],
      ['churn', 3, 4, '%'],
      ['NPS', 45, 38, ''],
    ],
  );
  // Independently: (1.2 − 1.0) / 1.0 = 20 %; 3 % − 4 % = −1 point; 45 − 38 = 7.
  t.deepEqual(
    a.facts.change,
    [((1.2 - 1.0) / 1.0) * 100, 3 - 4, 45 - 38].map((x) => Number(x.toPrecision(6))),
  );
  t.deepEqual(a.facts.change_kind, ['percent', 'points', 'difference']);
  // Revenue up is good, churn down is good, NPS up is good.
  t.is(a.facts.better, 3);
  t.is(a.facts.worse, 0);
});

test('the cards show the change with a real minus and the units kept, and the captions say it', (t) => {
  const { scene } = sceneFromDescription(EXAMPLE, REQ);
  const text = (id: string) => (scene.objects.find((o) => o.id === id) as { text: string }).text;
  t.deepEqual(
    [0, 1, 2].map((i) => text(`value-${i}`)),
    ['1.2M', '3%', '45'],
  );
  t.deepEqual(
    [0, 1, 2].map((i) => text(`delta-${i}`)),
    ['+20%', '−1 point', '+7'],
  );
  t.deepEqual(
    [0, 1, 2].map((i) => text(`from-${i}`)),
    ['from 1M', 'from 4%', 'from 38'],
  );
  const captions = scene.narration.steps.map((s) => s.text);
  t.true(captions.includes('Churn: 3%, down 1 point from 4%.'));
  t.true(captions.includes('Revenue: 1.2M, up 20% from 1M.'));
  t.is(captions[captions.length - 1], 'All 3 better than before.');
  // Each figure's caption is about its own card.
  scene.narration.steps.filter((s) => s.refs.length).forEach((s, i) => t.deepEqual(s.refs, [`card-${i}`]));
});

test('up is green only where up is good: rising costs are red, falling churn is green, and a legend names both', (t) => {
  const { scene } = sceneFromDescription('Revenue 540k vs 500k, costs 210k (was 190k), churn 3% down from 4%', REQ);
  const fill = (id: string) => (scene.objects.find((o) => o.id === id) as { fill: string }).fill;
  t.is(fill('arrow-0'), '$success', 'revenue up: better');
  t.is(fill('arrow-1'), '$danger', 'costs up: worse');
  t.is(fill('arrow-2'), '$success', 'churn down: better');
  t.deepEqual(legendProblems(scene), []);
  const legend = scene.objects.filter((o) => o.id.startsWith('legend.') && o.type === 'text').map((o) => (o as { text: string }).text);
  t.deepEqual(legend, ['better', 'worse']);
  const costs = analyze('Revenue 540k vs 500k, costs 210k (was 190k), churn 3% down from 4%');
  // (210 − 190) / 190 and (540 − 500) / 500, computed here.
  t.deepEqual(
    costs.facts.change,
    [((540 - 500) / 500) * 100, ((210 - 190) / 190) * 100, -1].map((x) => Number(x.toPrecision(5))),
  );
  t.is(costs.facts.worse, 1);
});

test('"from A to B", arrows and unit words: the earlier figure is the one the user said came first', (t) => {
  const a = analyze('our kpis this quarter. headcount from 100 to 120, CSAT 4.1 -> 4.4, avg response time 3.2 days down from 4 days');
  t.is(a.params.title, 'Our KPIs this quarter');
  const figures = a.params.figures as Figure[];
  t.deepEqual(
    figures.map((f) => [f.label, f.previous, f.value, f.suffix]),
    [
      ['headcount', 100, 120, ''],
      ['CSAT', 4.1, 4.4, ''],
      ['avg response time', 4, 3.2, 'days'],
    ],
  );
  t.false(figures[2]!.higher_is_better);
  const { scene } = sceneFromDescription('our kpis this quarter. headcount from 100 to 120, CSAT 4.1 -> 4.4, avg response time 3.2 days down from 4 days', REQ);
  t.is((scene.objects.find((o) => o.id === 'value-2') as { text: string }).text, '3.2 days');
  t.is((scene.objects.find((o) => o.id === 'delta-1') as { text: string }).text, '+0.3', 'a score changes by its difference');
});

test('figures without earlier ones are not compared with invented ones: the analysis asks for them', (t) => {
  const a = analyze('KPIs: revenue 1.2M, churn 3%');
  t.is(a.template, 'business.kpi');
  t.false(a.understood);
  t.deepEqual(a.needs?.data, ['figures']);
  t.true(a.warnings.some((w) => w.includes('none of the 2 figures has an earlier one')));
  t.true(analyze('KPIs: revenue 1.2M up from 1.0M, churn 3%').warnings.some((w) => w.includes('"churn 3%" has no earlier figure')));
  const bare = analyze('Show our KPIs');
  t.false(bare.understood);
  t.is(bare.params.figures, undefined);
});

test('a direction that contradicts the figures is warned about and the figures win', (t) => {
  const a = analyze('Revenue 0.9M up from 1.0M, NPS 45 from 38');
  t.true(a.warnings.some((w) => w.includes('said to be up but the figures go down')));
  t.deepEqual((a.facts.change as number[])[0], -10);
  t.is(a.facts.worse, 1);
});

test('charts and funnels keep their figures', (t) => {
  t.is(analyze('Bar chart of revenue: Q1 10, Q2 12, Q3 15').template, 'chart.bar');
  t.is(analyze('Sales funnel: 1000 visitors, 300 leads, 50 customers').template, 'business.funnel');
});
