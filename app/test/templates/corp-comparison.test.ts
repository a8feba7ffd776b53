// business.comparison: exactly the user's two lists under the user's own labels, row by row; a comparison
// with no lists asks for them instead of comparing example points.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { findColumns } from '../../src/templates/corporate/parse/columns.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';

const REQ = { width: 1280, height: 720, fps: 30 };

test('do / don’t, before / after and option A vs B are read as two columns with the user’s labels', (t) => {
  const cases: [string, string, [string, string[]], [string, string[]]][] = [
    ["Email etiquette. Do: reply within a day, use a clear subject. Don't: reply all, write in capitals", 'Email etiquette', ['Do', ['reply within a day', 'use a clear subject']], ["Don't", ['reply all', 'write in capitals']]],
    ['Before: manual invoices, weekly reports; After: automatic invoices, live dashboards', 'Before and After', ['Before', ['manual invoices', 'weekly reports']], ['After', ['automatic invoices', 'live dashboards']]],
    ['Option A: cheaper, slower delivery vs Option B: pricier, next-day delivery', 'Option A and Option B', ['Option A', ['cheaper', 'slower delivery']], ['Option B', ['pricier', 'next-day delivery']]],
    ['Compare our plans: Basic: 1 user, email support; Pro: 10 users, phone support, SSO', 'Compare our plans', ['Basic', ['1 user', 'email support']], ['Pro', ['10 users', 'phone support', 'SSO']]],
  ];
  for (const [text, title, [h0, i0], [h1, i1]] of cases) {
    const a = analyze(text);
    t.is(a.template, 'business.comparison', text);
    t.true(a.understood, text);
    t.is(a.params.title, title, text);
    t.deepEqual(a.params.columns, [
      { heading: h0, items: i0 },
      { heading: h1, items: i1 },
    ]);
    t.deepEqual(a.facts, { rows: Math.max(i0.length, i1.length), counts: [i0.length, i1.length] }, text);
  }
});

test('the column parser finds nothing in a text without two labelled lists', (t) => {
  t.is(findColumns('Meiosis vs mitosis comparison').columns, undefined);
  t.is(findColumns('Agenda: intro, budget, questions').columns, undefined);
  t.is(findColumns('Do: something. Don’t:').columns, undefined, 'an empty second list is not a column');
  t.deepEqual(
    findColumns('Option A: cheap vs Option B: fast').columns,
    [
      { heading: 'Option A', items: ['cheap'] },
      { heading: 'Option B', items: ['fast'] },
    ],
    'a label never takes in the "vs" before it',
  );
});

test('a comparison with no lists is not filled with example points: the analysis asks for them', (t) => {
  const a = analyze('pros and cons of remote working');
  t.is(a.template, 'business.comparison');
  t.false(a.understood);
  t.deepEqual(a.needs?.data, ['columns']);
  t.is(analyze('Meiosis vs mitosis comparison').understood, false, 'a bare "X vs Y" is not a comparison slide with content');
});

test('each row is narrated once, naming both sides, while its band is highlighted and its cells appear', (t) => {
  const { scene } = sceneFromDescription('Pros: flexible hours, no commute, quiet; Cons: isolation, blurred boundaries', REQ);
  const steps = scene.narration.steps;
  const expected = ['Pros: Flexible hours. Cons: Isolation.', 'Pros: No commute. Cons: Blurred boundaries.', 'Pros: Quiet.'];
  expected.forEach((text, r) => {
    const step = steps.find((s) => s.text === text);
    t.truthy(step, text);
    t.deepEqual(step!.refs, [`row-${r}`]);
    const cells = scene.timeline.filter((e) => e.type === 'appear' && (e.target === `cell-0-${r}` || e.target === `cell-1-${r}`)) as { at: number }[];
    t.is(cells.length, r < 2 ? 2 : 1, `row ${r}: a cell only where the user wrote an item`);
    for (const c of cells) t.true(c.at >= step!.start && c.at < step!.start + step!.duration);
  });
  t.is(steps[steps.length - 1]!.text, 'Pros: 3, Cons: 2.');
});

test('more than six items in a column are capped with a warning naming the column', (t) => {
  const a = analyze(`Before: ${Array.from({ length: 8 }, (_, i) => `old ${i}`).join(', ')}; After: new`);
  const cols = a.params.columns as { items: string[] }[];
  t.is(cols[0]!.items.length, 6);
  t.true(a.warnings.some((w) => w.includes('8 items under Before given')));
});
