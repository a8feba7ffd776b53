// An analysis says whether it understood: a title is a title card, a weak match is "not understood"
// with the closest templates as suggestions, and a template without the user's content asks for it.
import test from 'ava';
import { analyze, AnalysisError } from '../src/analysis/analyze.ts';
import { sceneFromDescription } from '../src/pipeline.ts';

const REQ = { width: 1280, height: 720, fps: 30 };

test('descriptions that are a title become a title card, understood', (t) => {
  for (const [text, title] of [
    ['Welcome to the 2025 compliance training', 'Welcome to the 2025 compliance training'],
    ['Title: Introduction to Data Privacy', 'Introduction to Data Privacy'],
    ['title slide for the quarterly review', 'title slide for the quarterly review'],
  ]) {
    const a = analyze(text);
    t.is(a.template, 'text.title', text);
    t.true(a.understood, text);
    t.is(a.params.title, title);
  }
});

test('a description nothing fits is not understood, with suggestions by meaning and an example each', (t) => {
  const a = analyze('Sorting algorithms compared');
  t.false(a.understood);
  t.true(a.confidence < 0.5);
  t.deepEqual(
    a.suggestions?.map((s) => s.template.split('.')[0]),
    ['sort', 'sort', 'sort'],
  );
  for (const s of a.suggestions!) t.truthy(s.example && s.title);
  const graph = analyze('Explain recursion to beginners');
  t.false(graph.understood);
  t.is(graph.suggestions?.[0]?.template, 'recursion.hanoi');
});

test('a generic phrase in another subject is not a match: "step by step" is no process flow for Kruskal', (t) => {
  const a = analyze("Kruskal's algorithm step by step");
  t.is(a.template, 'graph.mst_kruskal');
  t.true(a.understood);
  // Without its own template, the computing words still keep the business phrase out.
  const b = analyze("Borůvka's spanning tree algorithm step by step");
  t.not(b.template, 'business.process_flow');
});

test('a topic without its data gets "needs" saying what to type, and no invented content', (t) => {
  const cases: [string, string, string, RegExp][] = [
    ['American Revolution timeline', 'business.timeline', 'events', /American Revolution timeline: 1765 Stamp Act, 1775 Lexington, 1776 Declaration/],
    ['Seven-stage B2B sales funnel', 'business.funnel', 'stages', /each stage with its count/],
    ['Quarterly sales figures bar chart', 'chart.bar', 'data', /labels and values/],
    ['Org chart of the sales team', 'business.org_chart', 'nodes', /who reports to whom/],
    ['Product roadmap', 'business.timeline', 'events', /give the events/],
    ['Stoichiometry practice problems', 'chemistry.reaction', 'equation', /give the equation/],
  ];
  for (const [text, template, param, ask] of cases) {
    const a = analyze(text);
    t.is(a.template, template, text);
    t.false(a.understood, text);
    t.deepEqual(a.needs?.data, [param], text);
    t.regex(a.needs!.message, ask, text);
    t.is(a.params[param], undefined, `${text}: no example ${param}`);
    t.deepEqual(a.facts, {});
  }
});

test('data given explicitly still works', (t) => {
  const a = analyze('American Revolution timeline: 1765 Stamp Act, 1775 Lexington, 1776 Declaration');
  t.true(a.understood);
  t.deepEqual(a.params.events, [
    { date: '1765', label: 'Stamp Act' },
    { date: '1775', label: 'Lexington' },
    { date: '1776', label: 'Declaration' },
  ]);
  t.true(analyze('Recruiting funnel: 500 applicants, 120 screened, 30 interviewed, 8 hired').understood);
  const chosen = analyze('American Revolution', { template: 'business.timeline', params: { events: [{ date: '1776', label: 'Declaration' }] } });
  t.true(chosen.understood);
});

test('a template chosen by id with no description shows its example, and says so', (t) => {
  const a = analyze('', { template: 'business.timeline' });
  t.true(a.understood);
  t.is((a.params.events as unknown[]).length, 3);
  t.true(a.warnings.some((w) => /no events were given: showing the example events of business\.timeline/.test(w)));
  const named = analyze('American Revolution timeline', { template: 'business.timeline' });
  t.false(named.understood, 'a description with no events is not drawn from the example');
});

test('no scene is composed from an analysis not understood: the error says why and carries the suggestions', (t) => {
  const notUnderstood = t.throws(() => sceneFromDescription('Greenhouse effect explained', REQ), { instanceOf: AnalysisError });
  t.is(notUnderstood!.code, 'not_understood');
  t.regex(notUnderstood!.message, /"Greenhouse effect explained" was not understood well enough to animate/);
  t.true(Array.isArray(notUnderstood!.details.suggestions));
  const needs = t.throws(() => sceneFromDescription('phases of mitosis', REQ), { instanceOf: AnalysisError });
  t.regex(needs!.code, /not_understood|needs_data/);
  const timeline = t.throws(() => sceneFromDescription('American Revolution timeline', REQ), { instanceOf: AnalysisError });
  t.is(timeline!.code, 'needs_data');
  t.deepEqual((timeline!.details.needs as { data: string[] }).data, ['events']);
  t.is(sceneFromDescription('Title: Introduction to Data Privacy', REQ).analysis.template, 'text.title');
});

test('fallback: title_card turns a description not understood into a title card, with a warning', (t) => {
  const a = analyze('Greenhouse effect explained', { fallback: 'title_card' });
  t.is(a.template, 'text.title');
  t.true(a.understood);
  t.is(a.params.title, 'Greenhouse effect explained');
  t.true(a.warnings.some((w) => /not understood; it is shown as a title card, as asked/.test(w)));
  t.is(sceneFromDescription('Greenhouse effect explained', { ...REQ, fallback: 'title_card' }).analysis.template, 'text.title');
  t.false(analyze('American Revolution timeline', { fallback: 'title_card' }).understood, 'a template missing its data still asks for it');
});

test('asked to compare two things, a template that draws one is no answer; a chart is', (t) => {
  for (const text of ['Photosynthesis and cellular respiration compared', 'Meiosis vs mitosis comparison', 'bubble sort versus insertion sort on 5 3 1']) {
    const a = analyze(text);
    t.false(a.understood, text);
  }
  t.is(analyze('Line chart of sales vs costs: sales 10, 20, 30; costs 5, 15, 25').template, 'chart.line');
  t.true(analyze('bubble sort: compare and swap 5 3 8 1').understood, 'a sort compares values; that is no comparison of topics');
});

test("Simpson's rule is not drawn as midpoint rectangles", (t) => {
  t.false(analyze("Simpson's rule for the integral of sin x from 0 to pi").understood);
  t.is(analyze('integral of sin x from 0 to pi').template, 'calculus.integral');
});

test('suggestions follow the subject the words name, not letters they happen to share', (t) => {
  const kirchhoff = analyze("Kirchhoff's laws in a circuit");
  t.false(kirchhoff.understood);
  t.false(
    kirchhoff.suggestions!.some((s) => s.template === 'geometry.circle_area'),
    '"circuit" is not "circle"',
  );
  t.true(
    kirchhoff.suggestions!.every((s) => s.template.startsWith('physics.')),
    kirchhoff.suggestions!.map((s) => s.template).join(' '),
  );
  t.is(analyze('Cell division for year 10 biology').suggestions?.[0]?.template, 'biology.dna');
});
