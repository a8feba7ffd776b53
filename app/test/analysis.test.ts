// The analyser on the input people (and scripts) really send.
import test from 'ava';
import { analyze, AnalysisError } from '../src/analysis/analyze.ts';
import { Normalizer } from '../src/analysis/normalize.ts';
import { roundNumber } from '../src/text/round.ts';
import { sceneFromDescription } from '../src/pipeline.ts';

test('empty and whitespace-only descriptions are refused with an example', (t) => {
  for (const text of ['', '   ', '\u0000\u0007']) {
    const err = t.throws(() => analyze(text), { instanceOf: AnalysisError });
    t.is(err!.code, 'empty');
    t.regex(err!.message, /description is empty: say what to animate, e\.g\./);
  }
});

test('100 KB of text is refused with the limit stated', (t) => {
  const err = t.throws(() => analyze('a'.repeat(100_000)), { instanceOf: AnalysisError });
  t.is(err!.code, 'too_long');
  t.regex(err!.message, /100000 characters; the limit is 2000/);
});

test('control characters are removed, with a warning', (t) => {
  const a = analyze('bubble\u0007 sort 3\u0000 1 2');
  t.is(a.template, 'sort.bubble');
  t.true(a.warnings.some((w) => w.includes('control characters')));
});

test('HTML and script stay literal text in the scene, never markup', (t) => {
  const text = '<script>alert(1)</script><b>Welcome</b> & goodbye';
  const { scene, analysis } = sceneFromDescription(text, { width: 1280, height: 720, fps: 30, template: 'text.title' });
  t.is(analysis.template, 'text.title');
  const shown = scene.objects
    .filter((o) => o.type === 'text')
    .map((o) => (o as { text: string }).text)
    .join(' ');
  t.true(shown.includes('<script>alert(1)</script>'), 'kept verbatim as text to draw');
  t.false(JSON.stringify(scene).includes('innerHTML'));
});

test('huge numbers, NaN and Infinity never crash or hang', (t) => {
  for (const text of ['bubble sort 1e308 2 3', 'bubble sort NaN 1 2', 'bubble sort Infinity -Infinity 4', 'bubble sort 1e999 5 6']) {
    const a = analyze(text);
    t.is(a.template, 'sort.bubble', text);
    for (const v of a.params.values as number[]) t.true(Number.isFinite(v) && Math.abs(v) < 1e9, `${text}: ${v}`);
  }
});

// How long capping takes is a figure for the bench (`analysis.capped_10000_values_ms` in npm run bench), not an assert here.
test('10,000-element lists are capped with a warning', (t) => {
  const values = Array.from({ length: 10_000 }, (_, i) => i % 97).join(' ');
  const a = analyze(`bubble sort ${values}`, { maxLength: 100_000 });
  t.is((a.params.values as number[]).length, 16);
  t.true(a.warnings.some((w) => /10000 values given; showing the first 16/.test(w)));
});

test('a description that is a title is understood as a title card', (t) => {
  const a = analyze('Welcome to the quarterly all-hands');
  t.is(a.template, 'text.title');
  t.true(a.understood);
  t.is(a.suggestions, undefined);
});

test('the user style wins; unknown styles and templates are refused clearly', (t) => {
  t.is(analyze('bubble sort 3 2 1', { style: 'corporate training' }).style, 'corporate_training');
  t.throws(() => analyze('bubble sort', { style: 'gothic' }), { message: /unknown style "gothic": use one of mathematical, algorithmic, scientific, corporate_training/ });
  t.throws(() => analyze('x', { template: 'sort.bogo' }), { message: /unknown template "sort.bogo"/ });
});

test('explicit template and params are validated, with the failing field named', (t) => {
  const a = analyze('', { template: 'sort.bubble', params: { values: [3, 1, 2] } });
  t.deepEqual(a.params, { values: [3, 1, 2], order: 'asc' });
  t.throws(() => analyze('', { template: 'sort.bubble', params: { values: 'three' } }), { message: /invalid params for sort\.bubble: values:/ });
});

test('typo correction: run-together words and near misses', (t) => {
  const n = new Normalizer(['bubble', 'sort', 'dijkstra', 'pythagorean', 'insertion']);
  t.is(n.normalize('BubbleSort'), 'bubble sort');
  t.is(n.normalize('Dijkstras algorithm'), 'dijkstra algorithm');
  t.is(n.normalize('insertoin sort'), 'insertion sort');
  t.is(n.normalize('fort'), 'fort', 'short words are left alone');
});

test('facts are rounded to 4 significant digits or 3 decimals, whichever is more precise', (t) => {
  t.is(roundNumber(40.77471967), 40.775);
  t.is(roundNumber(0.000123456), 0.0001235);
  t.is(roundNumber(0.16666), 0.1667);
  t.is(roundNumber(12345.6789), 12345.679);
  t.is(roundNumber(7), 7);
});
