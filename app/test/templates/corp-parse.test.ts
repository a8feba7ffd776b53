// The parsing helpers behind the corporate templates: business numbers, lists, titles and dates.
import test from 'ava';
import { findDate, findDates, type FoundDate } from '../../src/templates/corporate/parse/dates.ts';
import { ellipsize, splitHeadBody, splitItems } from '../../src/templates/corporate/parse/lists.ts';
import { labelValuePairs } from '../../src/templates/corporate/parse/pairs.ts';
import { titleFromHead } from '../../src/templates/corporate/parse/title.ts';
import { findValues, formatPercent, formatValue, parseValue } from '../../src/templates/corporate/parse/values.ts';

test('values are read as people write them', (t) => {
  const cases: [string, number, string][] = [
    ['1,000', 1000, ''],
    ['12,345,678', 12345678, ''],
    ['$1.2M', 1_200_000, '$'],
    ['$ 950,000', 950_000, '$'],
    ['€3.5bn', 3_500_000_000, '€'],
    ['45%', 45, '%'],
    ['12.5 percent', 12.5, '%'],
    ['30k', 30_000, ''],
    ['2.5 billion', 2_500_000_000, ''],
    ['4 million', 4_000_000, ''],
    ['-7.5', -7.5, ''],
    ['£80K', 80_000, '£'],
  ];
  for (const [text, value, unit] of cases) {
    const found = findValues(text);
    t.is(found.length, 1, text);
    t.is(found[0]!.value, value, text);
    t.is(found[0]!.unit, unit, text);
  }
});

test('names with digits are not values', (t) => {
  t.deepEqual(findValues('Q1 Dev2 H2O 3D'), []);
  t.deepEqual(
    findValues('Q1 120').map((v) => v.value),
    [120],
  );
  t.is(parseValue('12 months'), 12, 'm followed by letters is not "million"');
});

test('values are formatted compactly and percentages with at most one decimal', (t) => {
  // The house formatter: four digits stay together, five and more are grouped by a narrow no-break space.
  t.is(formatValue(1000), '1000');
  t.is(formatValue(12_500), '12\u202f500');
  t.is(formatValue(1_200_000, '$'), '$1.2M');
  t.is(formatValue(250_000), '250k');
  t.is(formatValue(45, '%'), '45%');
  t.is(formatValue(-3.5), '−3.5');
  t.is(formatValue(2_500_000_000), '2.5B');
  t.is(formatPercent(30), '30%');
  t.is(formatPercent(100 / 6), '16.7%');
});

test('lists split on commas, semicolons, arrows, "then", "and" and numbering', (t) => {
  const expected = ['detect', 'triage', 'contain', 'recover'];
  for (const body of [
    'detect, triage, contain, recover',
    'detect, triage, contain and recover',
    'detect, triage, contain, and finally recover',
    'detect; triage; contain; recover',
    'detect -> triage -> contain -> recover',
    'detect → triage → contain → recover',
    'detect then triage then contain then recover',
    '1. detect 2. triage 3. contain 4. recover',
    '1) detect\n2) triage\n3) contain\n4) recover',
    '- detect\n- triage\n- contain\n- recover',
    'detect > triage > contain > recover',
  ]) {
    t.deepEqual(splitItems(body), expected, body);
  }
});

test('"and" inside an item is kept; thousands separators are not list commas', (t) => {
  t.deepEqual(splitItems('wear a helmet and gloves, report hazards, keep exits clear'), ['wear a helmet and gloves', 'report hazards', 'keep exits clear']);
  t.deepEqual(splitItems('1,000 visitors, 300 leads'), ['1,000 visitors', '300 leads']);
  t.deepEqual(splitItems('100,200,300'), ['100', '200', '300']);
  t.deepEqual(splitItems('application, interview, offer and first day'), ['application', 'interview', 'offer', 'first day']);
});

test('the head before a list is found with or without a colon', (t) => {
  t.deepEqual(splitHeadBody('Sales funnel: 1000 visitors, 300 leads'), { head: 'Sales funnel', body: '1000 visitors, 300 leads' });
  t.deepEqual(splitHeadBody('Sales funnel with 1000 visitors, 300 leads'), { head: 'Sales funnel', body: '1000 visitors, 300 leads' });
  t.deepEqual(splitHeadBody('The onboarding process application, interview, offer'), { head: 'The onboarding process', body: 'application, interview, offer' });
  t.deepEqual(splitHeadBody('Daily schedule 9:00 standup, 10:30 review').head, '');
  t.is(splitHeadBody('Our hiring steps 1. apply 2. interview').body, '1. apply 2. interview');
});

test('titles drop the request and chart words', (t) => {
  const w: string[] = [];
  t.is(titleFromHead('Can you please show me our incident response process', 'X', w), 'Our incident response process');
  t.is(titleFromHead('Walk me through the onboarding process', 'X', w), 'Onboarding process');
  t.is(titleFromHead('How does our hiring process work?', 'X', w), 'Our hiring process');
  t.is(titleFromHead('Quarterly revenue bar chart', 'X', w, { dropChartWords: true }), 'Quarterly revenue');
  t.is(titleFromHead('Create a pie chart of market share', 'X', w, { dropChartWords: true }), 'Market share');
  t.is(titleFromHead('Design thinking cycle', 'X', w), 'Design thinking cycle');
  t.is(titleFromHead('Build process', 'X', w), 'Build process');
  t.is(titleFromHead('show me a bar chart', 'Bar chart', w, { dropChartWords: true }), 'Bar chart');
  t.deepEqual(w, []);
  const long = titleFromHead('A'.repeat(20) + ' ' + 'very long title words '.repeat(5), 'X', w);
  t.true(long.length <= 60 && long.endsWith('…'));
  t.is(w.length, 1);
});

test('ellipsize shortens at a word boundary and keeps the limit', (t) => {
  const s = ellipsize('Offer letter and negotiation with the candidate', 24);
  t.true(s.length <= 24);
  t.true(s.endsWith('…'));
  t.is(ellipsize('short', 24), 'short');
});

test('dates: years, months, quarters, ISO dates, weeks and clock times', (t) => {
  const cases: [string, string, number, FoundDate['kind']][] = [
    ['2010 founded', '2010', 2010, 'year'],
    ['IPO in March 2020', 'March 2020', 2020 + 2 / 12, 'year'],
    ['Q3 2021 launch', 'Q3 2021', 2021.5, 'year'],
    ['2020-07-01 reorg', '2020-07-01', 2020.5, 'year'],
    ['Week 3 pilot', 'Week 3', 3, 'week'],
    ['9:30 standup', '9:30', 9.5, 'clock'],
    ['2pm review', '2pm', 14, 'clock'],
  ];
  for (const [text, found, time, kind] of cases) {
    const d = findDate(text)!;
    t.is(d.text, found, text);
    t.true(Math.abs(d.time! - time) < 1e-9, text);
    t.is(d.kind, kind, text);
  }
  t.deepEqual(
    findDates('1998 founded 2004 IPO 2006 acquisition').map((d) => d.text),
    ['1998', '2004', '2006'],
  );
  t.is(findDate('revenue of $2,019'), undefined, 'a formatted amount is not a year');
});

test('label and value pairs in either order, years as labels', (t) => {
  t.deepEqual(
    labelValuePairs('Q1 120, Q2 150').pairs.map((p) => [p.label, p.value]),
    [
      ['Q1', 120],
      ['Q2', 150],
    ],
  );
  t.deepEqual(
    labelValuePairs('1,000 visitors, 300 leads').pairs.map((p) => [p.label, p.value]),
    [
      ['visitors', 1000],
      ['leads', 300],
    ],
  );
  t.deepEqual(
    labelValuePairs('North: $1.2M; South: $800k').pairs.map((p) => [p.label, p.value, p.unit]),
    [
      ['North', 1_200_000, '$'],
      ['South', 800_000, '$'],
    ],
  );
  t.deepEqual(
    labelValuePairs('2019 10, 2020 12').pairs.map((p) => [p.label, p.value]),
    [
      ['2019', 10],
      ['2020', 12],
    ],
  );
  t.deepEqual(
    labelValuePairs('visitors (1,000) → leads (300)').pairs.map((p) => [p.label, p.value]),
    [
      ['visitors', 1000],
      ['leads', 300],
    ],
  );
  t.deepEqual(
    labelValuePairs('1000 visitors 300 leads 50 customers').pairs.map((p) => [p.label, p.value]),
    [
      ['visitors', 1000],
      ['leads', 300],
      ['customers', 50],
    ],
  );
  t.deepEqual(
    labelValuePairs('Route 66: 12, Route 9: 4').pairs.map((p) => [p.label, p.value]),
    [
      ['Route 66', 12],
      ['Route 9', 4],
    ],
  );
});
