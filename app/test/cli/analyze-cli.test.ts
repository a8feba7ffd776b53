import test from 'ava';
import { devforge } from '../helpers/cli.ts';
import { SCENE_VERSION } from '../../src/scene/schema.ts';

test('analyze --json prints the analysis of docs/template-contract.md', async (t) => {
  const r = await devforge(['analyze', '--json', 'Demonstrate bubble sort on 5 3 8 1']);
  t.is(r.code, 0, r.stderr);
  const a = JSON.parse(r.stdout);
  t.is(a.template, 'sort.bubble');
  t.is(a.style, 'algorithmic');
  t.deepEqual(a.params, { values: [5, 3, 8, 1], order: 'asc' });
  t.deepEqual(a.facts, { swaps: 4, comparisons: 6, sorted: [1, 3, 5, 8] });
  t.true(a.confidence > 0.5);
  t.deepEqual(a.warnings, []);
});

test('analyze --jsonl answers one line per line, in order, errors included', async (t) => {
  const input = ['bubble sort 3 1 2', '', 'bubble sort 9 8'].join('\n') + '\n';
  const r = await devforge(['analyze', '--jsonl'], { input });
  t.is(r.code, 0, r.stderr);
  const lines = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  t.is(lines.length, 3);
  t.deepEqual(lines[0].params.values, [3, 1, 2]);
  t.is(lines[1].error.code, 'empty');
  t.deepEqual(lines[2].params.values, [9, 8]);
});

test('scene --json prints a whole scene spec with meta', async (t) => {
  const r = await devforge(['scene', '--json', 'bubble sort 3 1 2', '--resolution', '720p']);
  t.is(r.code, 0, r.stderr);
  const scene = JSON.parse(r.stdout);
  t.is(scene.version, SCENE_VERSION);
  t.is(scene.width, 1280);
  t.is(scene.meta.template, 'sort.bubble');
  t.deepEqual(scene.meta.params.values, [3, 1, 2]);
  t.deepEqual(scene.meta.facts.sorted, [1, 2, 3]);
  t.true(scene.narration.steps.length > 0);
  t.is(scene.captions.mode, 'burn_in', 'narration is burned in by default');
});

test('scene --captions chooses where the narration shows; an unknown mode lists the known ones', async (t) => {
  const r = await devforge(['scene', '--json', 'bubble sort 3 1 2', '--captions', 'sidecar']);
  t.is(r.code, 0, r.stderr);
  t.is(JSON.parse(r.stdout).captions.mode, 'sidecar');
  const bad = await devforge(['scene', '--json', 'bubble sort 3 1 2', '--captions', 'subtitles']);
  t.is(bad.code, 2);
  t.regex(bad.stderr, /--captions must be one of burn_in, sidecar, both .*got subtitles/);
});

test('scene --aspect shapes the frame, the quality naming its short side; an unknown shape lists the known ones', async (t) => {
  for (const [aspect, width, height] of [
    ['9:16', 720, 1280],
    ['1:1', 720, 720],
    ['4:3', 960, 720],
    ['16:9', 1280, 720],
  ] as const) {
    const r = await devforge(['scene', '--json', 'bubble sort 3 1 2', '--resolution', '720p', '--aspect', aspect]);
    t.is(r.code, 0, r.stderr);
    const scene = JSON.parse(r.stdout);
    t.deepEqual([scene.width, scene.height], [width, height], aspect);
  }
  const bad = await devforge(['scene', '--json', 'bubble sort 3 1 2', '--aspect', '2:1']);
  t.is(bad.code, 2);
  t.regex(bad.stderr, /unknown aspect "2:1": use one of 16:9, 9:16, 1:1, 4:3/);
});

test('analyze of a description not understood prints the analysis, says why and exits 1', async (t) => {
  const r = await devforge(['analyze', '--json', 'Greenhouse effect explained']);
  t.is(r.code, 1);
  t.false(JSON.parse(r.stdout).understood);
  t.regex(r.stderr, /devforge analyze: "Greenhouse effect explained" was not understood well enough to animate/);
});

test('analyze of a topic without its data says what to type and exits 1', async (t) => {
  const r = await devforge(['analyze', '--json', 'American Revolution timeline']);
  t.is(r.code, 1);
  const a = JSON.parse(r.stdout);
  t.is(a.template, 'business.timeline');
  t.deepEqual(a.needs.data, ['events']);
  t.regex(r.stderr, /give the events after a colon, each a date and what happened/);
  const given = await devforge(['analyze', '--json', 'American Revolution timeline: 1765 Stamp Act, 1775 Lexington, 1776 Declaration']);
  t.is(given.code, 0, given.stderr);
  t.deepEqual(
    JSON.parse(given.stdout).params.events.map((e: { date: string }) => e.date),
    ['1765', '1775', '1776'],
  );
});

test('scene refuses to compose a description not understood', async (t) => {
  const r = await devforge(['scene', '--json', 'Seven-stage B2B sales funnel']);
  t.is(r.code, 1);
  t.is(r.stdout, '');
  t.regex(r.stderr, /Funnel needs your own content and none could be used/);
});

test('--fallback title-card: a description not understood becomes a title card (exit 0, said in a warning); without it, exit 1', async (t) => {
  const refused = await devforge(['scene', '--json', 'The fall of the Roman Empire']);
  t.is(refused.code, 1);
  t.regex(refused.stderr, /was not understood well enough to animate/);
  const analysed = await devforge(['analyze', '--json', '--fallback', 'title-card', 'The fall of the Roman Empire']);
  t.is(analysed.code, 0, analysed.stderr);
  const a = JSON.parse(analysed.stdout);
  t.is(a.template, 'text.title');
  t.true(a.understood);
  t.true(a.warnings.some((w: string) => /title card, as asked/.test(w)));
  const scene = await devforge(['scene', '--json', '--fallback', 'title-card', 'The fall of the Roman Empire']);
  t.is(scene.code, 0, scene.stderr);
  t.is(JSON.parse(scene.stdout).meta.template, 'text.title');
  // A topic without its data is not papered over by the fallback.
  const topic = await devforge(['analyze', '--json', '--fallback', 'title-card', 'American Revolution timeline']);
  t.is(topic.code, 1);
  const bad = await devforge(['analyze', '--json', '--fallback', 'blank', 'The fall of the Roman Empire']);
  t.is(bad.code, 2);
  t.regex(bad.stderr, /--fallback must be title-card/);
});
