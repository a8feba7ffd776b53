// business.funnel: stages with counts written many ways; conversion = each stage over the one before.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';

const REQ = { width: 1280, height: 720, fps: 30 };

/** Independent expectation: ratio of consecutive counts, to 4 significant digits like the analyser. */
function ratios(values: number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < values.length; i++) out.push(Number((values[i]! / values[i - 1]!).toPrecision(4)));
  return out;
}

test('phrasings people use all find the stages and their conversion', (t) => {
  for (const text of [
    'Sales funnel: 1000 visitors, 300 leads, 50 customers',
    'Sales funnel with 1,000 visitors, 300 leads and 50 customers',
    'Show our sales funnel: visitors 1000 -> leads 300 -> customers 50',
    'Can you animate a sales funnel? Visitors: 1,000; Leads: 300; Customers: 50',
    'sales funnle: 1k visitors, 300 leads, 50 customers',
    'Sales funnel: visitors (1000), leads (300), customers (50)',
    'Sales funnel 1000 visitors 300 leads 50 customers',
  ]) {
    const a = analyze(text);
    t.is(a.template, 'business.funnel', text);
    t.deepEqual(
      (a.params.stages as { label: string; value: number }[]).map((s) => [s.label.toLowerCase(), s.value]),
      [
        ['visitors', 1000],
        ['leads', 300],
        ['customers', 50],
      ],
      text,
    );
    t.deepEqual(a.facts.conversion, [0.3, 0.1667], text);
  }
});

test('conversion is each stage over the previous one, for any counts', (t) => {
  const cases = [
    [10000, 2500, 400],
    [500, 120, 40, 12, 9],
    [7, 7, 7],
    [123456, 654, 321, 3],
  ];
  for (const values of cases) {
    const labels = values.map((_, i) => `stage${String.fromCharCode(97 + i)}`);
    const a = analyze(`funnel: ${values.map((v, i) => `${labels[i]} ${v}`).join(', ')}`);
    t.deepEqual(
      (a.params.stages as { value: number }[]).map((s) => s.value),
      values,
    );
    t.deepEqual(a.facts.conversion, ratios(values), String(values));
  }
});

test('money and magnitudes are read, and the unit is kept', (t) => {
  const a = analyze('Pipeline funnel: prospects $2.5M, qualified $1.2M, won $300k');
  t.deepEqual(
    (a.params.stages as { value: number }[]).map((s) => s.value),
    [2_500_000, 1_200_000, 300_000],
  );
  t.is(a.params.unit, '$');
  t.deepEqual(a.facts.conversion, [0.48, 0.25]);
});

test('a stage larger than the one before is kept with a warning; zero counts are left out', (t) => {
  const grows = analyze('Funnel: 100 trials, 150 signups, 20 paid');
  t.deepEqual(grows.facts.conversion, [1.5, 0.1333]);
  t.true(grows.warnings.some((w) => /larger than the stage before/.test(w)));
  const zero = analyze('Funnel: 100 visits, 0 trials, 20 paid');
  t.deepEqual(
    (zero.params.stages as { value: number }[]).map((s) => s.value),
    [100, 20],
  );
  t.true(zero.warnings.some((w) => /zero or negative/.test(w)));
});

test('more than seven stages are capped with a warning', (t) => {
  const a = analyze(`Funnel: ${Array.from({ length: 9 }, (_, i) => `${1000 - i * 100} step${String.fromCharCode(97 + i)}`).join(', ')}`);
  t.is((a.params.stages as unknown[]).length, 7);
  t.is((a.facts.conversion as number[]).length, 6);
  t.true(a.warnings.some((w) => w.includes('9 stages given')));
});

test('the scene labels every stage and rate, and states the overall conversion', (t) => {
  const { scene } = sceneFromDescription('Sales funnel: 1000 visitors, 300 leads, 50 customers', REQ);
  const texts = scene.objects.flatMap((o) => (o.type === 'text' ? [o.text] : []));
  for (const s of ['Visitors', 'Leads', 'Customers', '1000', '300', '50', '30% convert', '16.7% convert']) t.true(texts.includes(s), s);
  t.true(texts.includes('Overall: 5% of Visitors reach Customers'));
  const bands = scene.objects.filter((o) => o.id.startsWith('band-')) as { y: number; points: [number, number][] }[];
  t.is(bands.length, 3);
  // Widths follow the counts: each band is narrower at its top than the one above it.
  const topWidth = (b: { points: [number, number][] }) => b.points[1]![0] - b.points[0]![0];
  t.true(topWidth(bands[0]!) > topWidth(bands[1]!) && topWidth(bands[1]!) > topWidth(bands[2]!));
  t.true(bands[0]!.y > bands[1]!.y && bands[1]!.y > bands[2]!.y);
});
