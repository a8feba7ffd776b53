// Every confident mistake listed in issue 13 ("Confident mistakes seen"), one row each, named after the
// mistake: the description that caused it and what a right answer holds. Where no template exists yet
// for what was asked (Prim's algorithm, mitosis), the right answer is "not understood" with suggestions
// by meaning; the row checks that, never skips.
import test from 'ava';
import { analyze, type Analysis } from '../src/analysis/analyze.ts';
import { parseText } from '../src/analysis/analyze.ts';

interface Mistake {
  mistake: string;
  description: string;
  check(a: Analysis): string | undefined;
}

/** Undefined when every condition holds, else the first that does not (what was wrong). */
function all(...conditions: [boolean, string][]): string | undefined {
  return conditions.find(([ok]) => !ok)?.[1];
}

const notUnderstood = (a: Analysis): [boolean, string] => [a.understood === false, `claims ${a.template} at ${a.confidence} as understood`];
const suggests = (a: Analysis, ids: string[]): [boolean, string] => [
  ids.every((id) => (a.suggestions ?? []).some((s) => s.template === id)),
  `suggestions ${JSON.stringify((a.suggestions ?? []).map((s) => s.template))} lack ${ids.join(', ')}`,
];
const noSortSuggestions = (a: Analysis): [boolean, string] => [!(a.suggestions ?? []).some((s) => s.template.startsWith('sort.')), `suggests sorts for a non-sorting text: ${(a.suggestions ?? []).map((s) => s.template).join(', ')}`];
const is = (a: Analysis, template: string): [boolean, string] => [a.template === template && a.understood, `got ${a.template} (understood: ${a.understood}), expected ${template}`];
const params = (a: Analysis, key: string, expected: unknown): [boolean, string] => [JSON.stringify(a.params[key]) === JSON.stringify(expected), `params.${key} is ${JSON.stringify(a.params[key])}, expected ${JSON.stringify(expected)}`];
const lacks = (a: Analysis, needle: RegExp): [boolean, string] => [!needle.test(JSON.stringify(a.params)), `params ${JSON.stringify(a.params)} contain invented content ${needle}`];
const needsData = (a: Analysis, param: string): [boolean, string] => [a.understood === false && (a.needs?.data ?? []).includes(param), `does not say that ${param} are needed: ${JSON.stringify(a.needs)}`];
type Curve = { roots: number[]; double_roots: number[] };
const curve = (a: Analysis): Curve | undefined => (a.facts.curves as Curve[] | undefined)?.[0];

const MISTAKES: Mistake[] = [
  // Typo correction rewrote real words into catalogue words.
  {
    mistake: 'phishing → hashing (a phishing-awareness course became a hash table)',
    description: 'Phishing awareness course for new employees',
    check: (a) => all([a.template !== 'ds.hash_table', `drew ${a.template}`], notUnderstood(a), [/\bphishing\b/.test(parseText('Phishing awareness course').normalized), 'phishing was rewritten']),
  },
  {
    mistake: 'integrity → integrate (a code-of-conduct course became an integral)',
    description: 'Code of conduct: integrity and respect at work',
    check: (a) =>
      all([!a.template.startsWith('calculus.'), `drew ${a.template}`], [!/x\^2/.test(JSON.stringify(a.params)), 'an integral of x² was drawn'], [/\bintegrity\b/.test(parseText('integrity at work').normalized), 'integrity was rewritten']),
  },
  {
    mistake: "prims → prime (Prim's algorithm became a sieve); now the Prim template answers",
    description: 'prims algorithm on a weighted graph',
    check: (a) => all([a.template !== 'number.primes_sieve', 'drew a sieve of primes'], is(a, 'graph.mst_prim')),
  },
  // Templates filled in their example data when the user gave a topic but no data.
  {
    mistake: 'American Revolution timeline drew "Founded 2010 / Series A 2015 / IPO 2020"',
    description: 'American Revolution timeline',
    check: (a) => all([a.template === 'business.timeline', `got ${a.template}`], needsData(a, 'events'), lacks(a, /Founded|Series A|IPO/)),
  },
  {
    mistake: 'phases of mitosis drew Plan/Build/Test/Release (no mitosis template yet: not understood, no invented steps)',
    description: 'phases of mitosis',
    check: (a) => all(notUnderstood(a), lacks(a, /Plan|Build|Test|Release/)),
  },
  {
    mistake: 'a seven-stage B2B funnel drew Visitors/Leads/Customers',
    description: 'Seven-stage B2B sales funnel',
    check: (a) => all([a.template === 'business.funnel', `got ${a.template}`], needsData(a, 'stages'), lacks(a, /Visitors|Leads|Customers/)),
  },
  // Structure in the text was missed.
  {
    mistake: '"Our benefits: health, dental, 401k" became a subtitle instead of bullets',
    description: 'Our benefits: health, dental, 401k',
    check: (a) => all(is(a, 'business.bullets'), params(a, 'points', ['health', 'dental', '401k'])),
  },
  {
    mistake: '"Mar 15"-style dates were not read',
    description: 'Project timeline: kickoff Mar 15, beta Apr 30, launch Jun 1',
    check: (a) =>
      all(
        is(a, 'business.timeline'),
        params(a, 'events', [
          { date: 'Mar 15', label: 'kickoff' },
          { date: 'Apr 30', label: 'beta' },
          { date: 'Jun 1', label: 'launch' },
        ]),
      ),
  },
  {
    mistake: 'weekday schedules were not read',
    description: 'Weekly schedule: Monday planning, Wednesday review, Friday demo',
    check: (a) =>
      all(
        is(a, 'business.timeline'),
        params(a, 'events', [
          { date: 'Monday', label: 'planning' },
          { date: 'Wednesday', label: 'review' },
          { date: 'Friday', label: 'demo' },
        ]),
      ),
  },
  {
    mistake: '`y = …` after "solve … graphically" was missed',
    description: 'Solve x^2 - 5x + 6 = 0 graphically using y = x^2 - 5x + 6',
    check: (a) => all(is(a, 'function.plot'), params(a, 'expressions', ['x^2 - 5x + 6']), [JSON.stringify(curve(a)?.roots) === '[2,3]', `roots ${JSON.stringify(curve(a)?.roots)}`]),
  },
  {
    mistake: '`y = …` after "exponential growth" was missed',
    description: 'exponential growth y = 2^x',
    check: (a) => all(is(a, 'function.plot'), params(a, 'expressions', ['2^x'])),
  },
  {
    mistake: '"(CTO)" and "X is CEO" broke the org chart',
    description: 'Org chart: Alice is CEO, Bob (CTO) reports to Alice, Carol (CFO) reports to Alice',
    check: (a) =>
      all(
        is(a, 'business.org_chart'),
        params(a, 'nodes', [
          { name: 'Alice (CEO)', parent: null },
          { name: 'Bob (CTO)', parent: 'Alice (CEO)' },
          { name: 'Carol (CFO)', parent: 'Alice (CEO)' },
        ]),
      ),
  },
  {
    mistake: '"Quarterly revenue: Q1 120, …" was a title card unless it said "bar chart"',
    description: 'Quarterly revenue: Q1 120, Q2 150, Q3 170, Q4 210',
    check: (a) =>
      all(
        is(a, 'chart.bar'),
        params(a, 'data', [
          { label: 'Q1', value: 120 },
          { label: 'Q2', value: 150 },
          { label: 'Q3', value: 170 },
          { label: 'Q4', value: 210 },
        ]),
      ),
  },
  {
    mistake: 'a pie chart was drawn for rates adding up to 355% (a pie is refused for non-parts)',
    description: 'Pie chart of pass rates: maths 90%, english 85%, science 95%, art 85%',
    check: (a) => all(notUnderstood(a), [/355%/.test(a.needs?.message ?? ''), `the reason does not give the sum: ${a.needs?.message}`], suggests(a, ['chart.bar'])),
  },
  {
    mistake: '"Dijkstra on a graph with 5 nodes" drew 6',
    description: 'Dijkstra on a graph with 5 nodes',
    check: (a) => all(is(a, 'graph.dijkstra'), [(a.params.nodes as string[]).length === 5, `${(a.params.nodes as string[]).length} nodes`], [Object.keys(a.facts.distances as object).length === 5, 'distances are not for 5 nodes']),
  },
  {
    mistake: 'the double root of y = x^2 was reported as no roots',
    description: 'graph y = x^2',
    check: (a) =>
      all(is(a, 'function.plot'), [JSON.stringify(curve(a)?.roots) === '[0]', `roots ${JSON.stringify(curve(a)?.roots)}`], [JSON.stringify(curve(a)?.double_roots) === '[0]', `double roots ${JSON.stringify(curve(a)?.double_roots)}`]),
  },
  {
    mistake: 'the double root of y = (x-1)^2 was reported as no roots',
    description: 'plot y = (x-1)^2',
    check: (a) =>
      all(is(a, 'function.plot'), [JSON.stringify(curve(a)?.roots) === '[1]', `roots ${JSON.stringify(curve(a)?.roots)}`], [JSON.stringify(curve(a)?.double_roots) === '[1]', `double roots ${JSON.stringify(curve(a)?.double_roots)}`]),
  },
  // When nothing fits.
  {
    mistake: 'suggestions were bubble, insertion and selection sort whatever was asked (biology)',
    description: 'the human heart and blood circulation for year 9 biology',
    check: (a) => all(notUnderstood(a), noSortSuggestions(a), [(a.suggestions ?? []).some((s) => s.template.startsWith('biology.')), `no biology template suggested: ${JSON.stringify(a.suggestions?.map((s) => s.template))}`]),
  },
  {
    mistake: 'suggestions were bubble, insertion and selection sort whatever was asked (corporate)',
    description: 'Customer service training on handling complaints',
    check: (a) => all(notUnderstood(a), noSortSuggestions(a), [(a.suggestions ?? []).some((s) => s.template.startsWith('business.')), `no business template suggested: ${JSON.stringify(a.suggestions?.map((s) => s.template))}`]),
  },
  {
    mistake: "a title card of the user's words was presented as success",
    description: 'The fall of the Roman Empire',
    check: (a) => all(notUnderstood(a), [a.confidence < 0.5, `confidence ${a.confidence}`]),
  },
];

for (const m of MISTAKES) {
  test(`confident mistake: ${m.mistake}`, (t) => {
    const a = analyze(m.description);
    const wrong = m.check(a);
    t.is(wrong, undefined, `${m.description}: ${wrong}`);
  });
}

test('a title card is drawn only when asked for with fallback: title_card, and then says so', (t) => {
  const asked = analyze('The fall of the Roman Empire', { fallback: 'title_card' });
  t.is(asked.template, 'text.title');
  t.true(asked.understood);
  t.true(
    asked.warnings.some((w) => /not understood.*title card/.test(w)),
    asked.warnings.join('; '),
  );
  // A description that needs its data is not turned into a title card by the fallback.
  const needs = analyze('American Revolution timeline', { fallback: 'title_card' });
  t.false(needs.understood);
  t.deepEqual(needs.needs?.data, ['events']);
});
