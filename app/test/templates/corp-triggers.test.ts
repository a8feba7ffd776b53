// The corporate templates claim business descriptions and leave everything else alone.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';

const CORPORATE = /^(business|chart)\./;

test('descriptions for other domains are not taken by a corporate template', (t) => {
  for (const text of [
    'Demonstrate bubble sort on 5 3 8 1',
    'Binary search for 23 in 2, 5, 8, 12, 16, 23, 38, 56, 72, 91',
    'Plot y = sin(x)',
    'Graph x^2 - 4 from -3 to 3',
    'Show the Krebs cycle',
    'Life cycle of a star',
    'Projectile launched at 20 m/s at 45 degrees',
    'balance H2 + O2 -> H2O',
    'BFS on A-B, B-C, A-D, D-C from A',
    'Show how a stack works: push 1, push 2, pop, push 3',
    'queue: enqueue 5, enqueue 7, dequeue',
    'Fourier series of a square wave with 7 terms',
    'Tower of Hanoi with 4 disks',
    'A bullet of 10 g fired at 300 m/s hits a 2 kg block',
    'Explain our procurement process',
    'Three key safety rules',
    'Welcome to the quarterly all-hands',
    'Our overseas offices',
  ]) {
    const a = analyze(text);
    t.false(CORPORATE.test(a.template), `${text} → ${a.template}`);
  }
});

test('business descriptions find their template', (t) => {
  const cases: [string, string][] = [
    ['Our incident response process: detect, triage, contain, recover', 'business.process_flow'],
    ['Company history timeline: 2010 founded, 2015 Series A, 2020 IPO', 'business.timeline'],
    ['Three key safety rules: wear a helmet, report hazards, keep exits clear', 'business.bullets'],
    ['Explain the PDCA cycle', 'business.cycle'],
    ['Sales funnel: 1000 visitors, 300 leads, 50 customers', 'business.funnel'],
    ['CEO manages CTO and CFO; CTO manages two engineers', 'business.org_chart'],
    ['Quarterly revenue bar chart: Q1 120, Q2 150, Q3 90, Q4 200', 'chart.bar'],
    ['Line chart of monthly users: Jan 42, Feb 48, Mar 45', 'chart.line'],
    ['Market share pie chart: Acme 45%, Globex 30%, Initech 25%', 'chart.pie'],
    ['Our line manager approval workflow: request, manager review, HR check, done', 'business.process_flow'],
    ['Budget breakdown: rent $120k, salaries $500k, marketing $80k', 'chart.pie'],
  ];
  for (const [text, template] of cases) t.is(analyze(text).template, template, text);
});
