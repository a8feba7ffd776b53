// business.timeline: events with dates from many phrasings, in date order, placed in proportion to time.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { eventPositions } from '../../src/templates/corporate/timeline.ts';

const REQ = { width: 1280, height: 720, fps: 30 };
const HISTORY = [
  { date: '2010', label: 'founded' },
  { date: '2015', label: 'Series A' },
  { date: '2020', label: 'IPO' },
];

test('phrasings people use all find the events with their dates', (t) => {
  for (const text of [
    'Company history timeline: 2010 founded, 2015 Series A, 2020 IPO',
    'Timeline of our company: founded in 2010, Series A in 2015, IPO in 2020',
    'Show a timeline: 2010 - founded; 2015 - Series A; 2020 - IPO',
    'Can you animate our company timeline? 2010: founded, 2015: Series A, 2020: IPO',
    'company timline 2010 founded 2015 Series A 2020 IPO',
    'Company history: founded (2010), Series A (2015), IPO (2020)',
  ]) {
    const a = analyze(text);
    t.is(a.template, 'business.timeline', text);
    t.deepEqual(a.params.events, HISTORY, text);
    t.deepEqual(a.facts, { event_count: 3 }, text);
  }
});

test('month, quarter and ISO dates are kept as written', (t) => {
  const a = analyze('Product roadmap: Q1 2024 beta, Q3 2024 launch, March 2025 v2, 2025-09-01 sunset v1');
  t.is(a.template, 'business.timeline');
  t.deepEqual(
    (a.params.events as { date: string }[]).map((e) => e.date),
    ['Q1 2024', 'Q3 2024', 'March 2025', '2025-09-01'],
  );
  t.is(a.facts.event_count, 4);
});

test('events out of date order are sorted oldest first, with a warning', (t) => {
  const a = analyze('Timeline: 2020 IPO, 2010 founded, 2015 Series A');
  t.deepEqual(
    (a.params.events as { date: string }[]).map((e) => e.date),
    ['2010', '2015', '2020'],
  );
  t.true(a.warnings.some((w) => /date order/.test(w)));
});

test('events without dates are kept in order and spaced evenly, with a warning', (t) => {
  const a = analyze('Project timeline: kickoff, design, build, launch');
  t.deepEqual(
    (a.params.events as { label: string }[]).map((e) => e.label),
    ['kickoff', 'design', 'build', 'launch'],
  );
  t.is(a.facts.event_count, 4);
  t.true(a.warnings.some((w) => /no dates/.test(w)));
});

test('more than ten events are capped with a warning', (t) => {
  const events = Array.from({ length: 13 }, (_, i) => `${2000 + i} event ${i}`);
  const a = analyze(`Timeline: ${events.join(', ')}`);
  t.is(a.facts.event_count, 10);
  t.true(a.warnings.some((w) => w.includes('13 events given')));
});

test('positions are proportional to time, with a minimum gap and within the axis', (t) => {
  const xs = eventPositions([2000, 2010, 2020], 3, -6, 6, 1);
  t.deepEqual(xs, [-6, 0, 6]);
  const close = eventPositions([1998, 2004, 2006, 2020], 4, -6, 6, 1.3);
  t.is(close[0], -6);
  t.is(close[3], 6);
  for (let i = 1; i < 4; i++) t.true(close[i]! - close[i - 1]! >= 1.3 - 1e-9, 'neighbours keep the minimum gap');
  t.true(close[1]! - close[0]! > close[2]! - close[1]!, '1998→2004 is drawn longer than 2004→2006');
  t.deepEqual(eventPositions(undefined, 3, -6, 6, 1), [-6, 0, 6], 'no times: even spacing');
  const crowded = eventPositions([1, 1.01, 1.02, 1.03, 1.04, 1.05, 1.06, 1.07, 1.08, 50], 10, -6, 6, 1.3);
  for (let i = 1; i < 10; i++) t.true(crowded[i]! > crowded[i - 1]!);
  t.true(crowded.every((x) => x >= -6 - 1e-9 && x <= 6 + 1e-9));
});

test('the scene shows each event with its date, alternating above and below the axis', (t) => {
  const { scene } = sceneFromDescription('Company history timeline: 2010 founded, 2015 Series A, 2020 IPO', REQ);
  const text = (id: string) => {
    const o = scene.objects.find((x) => x.id === id);
    return o?.type === 'text' ? o : undefined;
  };
  t.is(text('date-0')?.text, '2010');
  t.is(text('event-1')?.text, 'Series A');
  t.true(text('date-0')!.y > -0.35 && text('date-1')!.y < -0.35, 'first above the axis, second below');
  t.is(text('summary')?.text, '3 events, 2010 – 2020 (10 years)');
  t.true(scene.narration.steps.some((c) => c.text === '2015: Series A.'));
});
