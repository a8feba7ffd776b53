// business.bullets: points from lists, the count promised by the title checked, long lists capped.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { promisedCount } from '../../src/templates/corporate/bullets.ts';

const REQ = { width: 1280, height: 720, fps: 30 };
const RULES = ['wear a helmet', 'report hazards', 'keep exits clear'];

test('phrasings people use all find the points', (t) => {
  for (const text of [
    'Three key safety rules: wear a helmet, report hazards, keep exits clear',
    'Three key safety rules: wear a helmet, report hazards and keep exits clear.',
    'Show 3 safety rules: wear a helmet; report hazards; keep exits clear',
    'Bullet points on safety: 1. wear a helmet 2. report hazards 3. keep exits clear',
    'safety rules:\n- wear a helmet\n- report hazards\n- keep exits clear',
    'THREE KEY SAFTEY RULES: WEAR A HELMET, REPORT HAZARDS, KEEP EXITS CLEAR',
  ]) {
    const a = analyze(text);
    t.is(a.template, 'business.bullets', text);
    t.deepEqual(
      (a.params.points as string[]).map((p) => p.toLowerCase()),
      RULES,
      text,
    );
    t.deepEqual(a.warnings, [], text);
  }
});

test('the count in the title is read from words and digits', (t) => {
  t.is(promisedCount('Three key safety rules'), 3);
  t.is(promisedCount('Top 5 tips for meetings'), 5);
  t.is(promisedCount('Our four core values'), 4);
  t.is(promisedCount('Ten commandments of code review'), 10);
  t.is(promisedCount('Safety rules'), undefined);
  t.is(promisedCount('Q3 results in 2 minutes'), undefined, 'a number not counting points');
});

test('a mismatch between the promised and the listed count is a warning naming both', (t) => {
  const fewer = analyze('Three key safety rules: wear a helmet, report hazards');
  t.deepEqual(fewer.params.points, ['wear a helmet', 'report hazards']);
  t.true(
    fewer.warnings.some((w) => /promises 3 points but 2 were listed/.test(w)),
    fewer.warnings.join('; '),
  );
  const more = analyze('Two golden rules: be kind, be on time, be curious');
  t.is((more.params.points as string[]).length, 3);
  t.true(more.warnings.some((w) => /promises 2 points but 3 were listed/.test(w)));
});

test('more than seven points are capped; the warning says why', (t) => {
  const points = Array.from({ length: 10 }, (_, i) => `point number ${i + 1}`);
  const a = analyze(`Ten key takeaways: ${points.join(', ')}`);
  t.is((a.params.points as string[]).length, 7);
  t.true(a.warnings.some((w) => w.includes('10 points given') && w.includes('first 7')));
  t.false(
    a.warnings.some((w) => /promises/.test(w)),
    'ten were promised and ten were written',
  );
});

test('bullet points asked for without a list are not drawn from example points: the analysis asks for them', (t) => {
  const a = analyze('Make a bullet list slide about onboarding');
  t.is(a.template, 'business.bullets');
  t.false(a.understood);
  t.deepEqual(a.needs?.data, ['points']);
  t.regex(a.needs!.message, /list the points after a colon/);
  t.is(a.params.points, undefined, 'no invented points');
  t.false(analyze('Three key safety rules').understood, 'nothing to list: not understood');
});

test('each point is revealed with its own caption and laid out top to bottom', (t) => {
  const { scene } = sceneFromDescription('Three key safety rules: wear a helmet, report hazards, keep exits clear', REQ);
  const points = scene.objects.filter((o) => o.id.startsWith('point-'));
  t.is(points.length, 3);
  for (let i = 1; i < 3; i++) t.true(points[i]!.y < points[i - 1]!.y);
  for (const [i, p] of ['Wear a helmet', 'Report hazards', 'Keep exits clear'].entries()) t.true(scene.narration.steps.some((c) => c.text === `${i + 1}. ${p}.`));
});

test('items after a colon are the points, without the word "bullets"; figures after a colon are not', (t) => {
  const a = analyze('Our benefits: health, dental, 401k');
  t.is(a.template, 'business.bullets');
  t.true(a.understood);
  t.deepEqual(a.params.points, ['health', 'dental', '401k']);
  t.not(analyze('Budget breakdown: rent $120k, salaries $500k, marketing $80k').template, 'business.bullets');
  t.not(analyze('Product history: 1998 founded, 2004 IPO, 2006 first acquisition').template, 'business.bullets');
  t.is(analyze('Our product cycle: empathize; define; ideate; prototype; and test').template, 'business.cycle', 'a named kind of list keeps its template');
});
