// Structure from plain text (issue 13): lists after colons, numbered and bulleted lines, "A then B then C",
// key: value pairs, dates in the common forms, quarters and months, percentages, reporting lines and roles.
// One row per structure: the description, the template, and the user's content exactly as the params hold it.
import test from 'ava';
import { analyze } from '../src/analysis/analyze.ts';
import { findDate, type FoundDate } from '../src/templates/corporate/parse/dates.ts';

const STRUCTURES: [structure: string, description: string, template: string, key: string, expected: unknown][] = [
  ['a list after a colon', 'Our benefits: health, dental, 401k', 'business.bullets', 'points', ['health', 'dental', '401k']],
  ['numbered lines', 'Onboarding steps:\n1. Sign contract\n2. Get laptop\n3. Meet your buddy', 'business.process_flow', 'steps', ['Sign contract', 'Get laptop', 'Meet your buddy']],
  ['bulleted lines', 'Safety rules:\n- wear goggles\n- tie hair back\n- no food', 'business.bullets', 'points', ['wear goggles', 'tie hair back', 'no food']],
  ['A then B then C', 'Incident response: detect then contain then recover', 'business.process_flow', 'steps', ['detect', 'contain', 'recover']],
  [
    'key: value pairs',
    'Headcount by department: Sales: 12, Engineering: 30, HR: 4',
    'chart.bar',
    'data',
    [
      { label: 'Sales', value: 12 },
      { label: 'Engineering', value: 30 },
      { label: 'HR', value: 4 },
    ],
  ],
  [
    'quarters',
    'Quarterly revenue: Q1 120, Q2 150, Q3 170, Q4 210',
    'chart.bar',
    'data',
    [
      { label: 'Q1', value: 120 },
      { label: 'Q2', value: 150 },
      { label: 'Q3', value: 170 },
      { label: 'Q4', value: 210 },
    ],
  ],
  [
    'months',
    'Monthly sales: Jan 40, Feb 55, Mar 70, Apr 65',
    'chart.line',
    'data',
    [
      { label: 'Jan', value: 40 },
      { label: 'Feb', value: 55 },
      { label: 'Mar', value: 70 },
      { label: 'Apr', value: 65 },
    ],
  ],
  [
    'percentages',
    'Survey results: 60% yes, 30% no, 10% unsure',
    'chart.pie',
    'data',
    [
      { label: 'yes', value: 60 },
      { label: 'no', value: 30 },
      { label: 'unsure', value: 10 },
    ],
  ],
  [
    'percentages by group',
    'Training completion by team: Sales 80%, Support 65%, Ops 90%',
    'chart.bar',
    'data',
    [
      { label: 'Sales', value: 80 },
      { label: 'Support', value: 65 },
      { label: 'Ops', value: 90 },
    ],
  ],
  [
    'dates without a year, either order',
    'Exam timeline: 3 May revision starts, May 20 mock, June 12th finals',
    'business.timeline',
    'events',
    [
      { date: '3 May', label: 'revision starts' },
      { date: 'May 20', label: 'mock' },
      { date: 'June 12th', label: 'finals' },
    ],
  ],
  [
    'numeric dates',
    'Timeline: 15/03/2024 kickoff, 02/05/2024 beta, 1st of June launch',
    'business.timeline',
    'events',
    [
      { date: '15/03/2024', label: 'kickoff' },
      { date: '02/05/2024', label: 'beta' },
      { date: '1st of June', label: 'launch' },
    ],
  ],
  [
    'a weekday agenda',
    'Induction week agenda: Monday welcome and IT setup, Tuesday compliance training, Wednesday shadowing',
    'business.timeline',
    'events',
    [
      { date: 'Monday', label: 'welcome and IT setup' },
      { date: 'Tuesday', label: 'compliance training' },
      { date: 'Wednesday', label: 'shadowing' },
    ],
  ],
  [
    '"X reports to Y" with "(CTO)" and "X is CEO"',
    'Org chart: Maria is the CEO. Tom is CTO and reports to Maria. Dev1 and Dev2 report to Tom',
    'business.org_chart',
    'nodes',
    [
      { name: 'Maria (CEO)', parent: null },
      { name: 'Tom (CTO)', parent: 'Maria (CEO)' },
      { name: 'Dev1', parent: 'Tom (CTO)' },
      { name: 'Dev2', parent: 'Tom (CTO)' },
    ],
  ],
  [
    'a role in brackets on a manager',
    'Team structure: Priya (Head of Sales) manages Ken and Lou',
    'business.org_chart',
    'nodes',
    [
      { name: 'Priya (Head of Sales)', parent: null },
      { name: 'Ken', parent: 'Priya (Head of Sales)' },
      { name: 'Lou', parent: 'Priya (Head of Sales)' },
    ],
  ],
];

for (const [structure, description, template, key, expected] of STRUCTURES) {
  test(`structure from plain text: ${structure}`, (t) => {
    const a = analyze(description);
    t.is(a.template, template, description);
    t.true(a.understood, description);
    t.deepEqual(a.params[key], expected, description);
  });
}

test('dates in the common forms are placed in order on one number line', (t) => {
  const kinds: [string, FoundDate['kind'], number][] = [
    ['Mar 15', 'month', 2 + 14 / 31],
    ['15 March', 'month', 2 + 14 / 31],
    ['the 1st of June', 'month', 5],
    ['Monday', 'weekday', 0],
    ['Fri', 'weekday', 4],
  ];
  for (const [text, kind, time] of kinds) {
    const d = findDate(text);
    t.is(d?.kind, kind, text);
    t.true(Math.abs((d?.time ?? NaN) - time) < 1e-9, `${text}: ${d?.time}`);
  }
  // Day first unless that cannot be: 03/15/2024 is March 15th.
  t.true(Math.abs(findDate('15/03/2024')!.time! - findDate('03/15/2024')!.time!) < 1e-9);
  // Abbreviations are read only when capitalised: "sun" and "wed" in prose are words.
  t.is(findDate('the sun rose'), undefined);
  t.is(findDate('they wed in spring'), undefined);
});

test('figures on scales a thousandfold apart are refused as one bar chart, with the reason', (t) => {
  const a = analyze('Team figures: NPS: 42, churn: 3%, revenue: 1.2m');
  t.is(a.template, 'chart.bar');
  t.false(a.understood);
  t.regex(a.needs?.message ?? '', /different measures/);
  // Called KPIs, the same figures are headline figures: the KPI template asks for what they are compared with.
  const kpis = analyze('Team KPIs: NPS: 42, churn: 3%, revenue: 1.2m');
  t.is(kpis.template, 'business.kpi');
  t.false(kpis.understood);
  t.deepEqual(kpis.needs?.data, ['figures']);
});
