// Narration paced for reading: the rule (pacing.ts), the builder's hold and groups, a requested duration
// compressed only to the reading floor (with a warning), and every composed catalogue example and held-out
// typical request checked step by step: each step lasts ≥ 1.2 s and runs ≤ 17 characters a second.
import test from 'ava';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { parseScene } from '../../src/scene/validate.ts';
import type { Scene } from '../../src/scene/schema.ts';
import { sceneFromComposition } from '../../src/templates/compose.ts';
import { BEAT_S, MIN_STEP_S, pacingProblem, readingTime, stepDuration } from '../../src/templates/pacing.ts';
import { TEMPLATES } from '../../src/templates/registry.ts';
import { TimelineBuilder } from '../../src/templates/timeline-builder.ts';
import { loadRealDescriptions } from '../helpers/real-descriptions.ts';

const SIZE = { width: 1280, height: 720, fps: 30 };

function problems(scene: Scene): string[] {
  return scene.narration.steps.flatMap((s) => {
    const problem = pacingProblem(s.text, s.duration);
    return problem ? [`${problem}: ${s.text}`] : [];
  });
}

test('reading time: 15 characters a second plus a beat, never under 1.2 s; a step lasts the longest of animation, reading and speech', (t) => {
  t.is(readingTime('Done.'), MIN_STEP_S);
  t.is(readingTime(''), MIN_STEP_S);
  const sentence = 'Compare 5 and 3: out of order, swap.'; // 36 characters
  t.is(readingTime(sentence), 36 / 15 + BEAT_S);
  t.is(readingTime('x² → 4'), MIN_STEP_S, 'code points count once');
  t.is(stepDuration({ animationS: 0.45, text: sentence }), 36 / 15 + BEAT_S);
  t.is(stepDuration({ animationS: 5, text: sentence }), 5);
  t.is(stepDuration({ animationS: 0, text: sentence, speechS: 4 }), 4 + BEAT_S);
  t.is(pacingProblem('Done.', 1), 'shown 1.00 s (under 1.2 s)');
  t.is(pacingProblem(sentence, 1.5), '24.0 characters a second (over 17)');
  t.is(pacingProblem(sentence, readingTime(sentence)), undefined);
});

test('the builder holds the animation until the step before has been read, and the last step until the end', (t) => {
  const tl = new TimelineBuilder();
  tl.caption('Compare 5 and 3: out of order, swap.', 0.45).wait(0.45);
  tl.caption('Next.', 0.45);
  t.is(tl.steps[1]!.start, readingTime('Compare 5 and 3: out of order, swap.'), 'the clock waited for the first step');
  tl.appear('box');
  t.like(tl.entries.at(-1), { type: 'appear', at: tl.steps[1]!.start }, 'what comes next starts after the hold');
  const end = tl.finish(tl.t + 0.1);
  t.true(Math.abs(tl.steps[1]!.duration - MIN_STEP_S) < 1e-9);
  t.is(end, tl.steps[1]!.start + tl.steps[1]!.duration);
});

test('a group narrates its summary once and drops the sentences of the steps inside it', (t) => {
  const tl = new TimelineBuilder();
  tl.caption('Pass 1, step by step.', 1).wait(1);
  tl.group('Pass 2: 4 swaps.');
  for (let i = 0; i < 4; i++) tl.caption(`Swap ${i}.`, 0.3).wait(0.3);
  tl.ungroup();
  tl.caption('Sorted.', 1);
  tl.finish(tl.t);
  t.deepEqual(
    tl.steps.map((s) => s.text),
    ['Pass 1, step by step.', 'Pass 2: 4 swaps.', 'Sorted.'],
  );
  t.true(tl.steps[1]!.duration >= readingTime('Pass 2: 4 swaps.'));
});

test('every catalogue example: each step lasts ≥ 1.2 s and runs ≤ 17 characters a second', (t) => {
  for (const template of TEMPLATES) {
    const { scene } = sceneFromDescription(template.example, SIZE);
    t.deepEqual(problems(scene), [], `${template.id}: ${template.example}`);
  }
});

test('held-out typical requests (the covered rows of analysis-real.jsonl) pace the same way', (t) => {
  const rows = loadRealDescriptions().filter((r) => r.template !== null);
  t.true(rows.length >= 30);
  let composed = 0;
  for (const row of rows) {
    let scene: Scene;
    try {
      scene = sceneFromDescription(row.text, SIZE).scene;
    } catch {
      continue; // Rows the analyser refuses are its own test's business (analysis-real.test.ts), not pacing's.
    }
    composed++;
    t.deepEqual(problems(scene), [], row.text);
  }
  t.true(composed >= 30, `${composed} rows composed`);
});

test('a requested duration stretches freely and keeps the steps in proportion', (t) => {
  const natural = sceneFromDescription('Demonstrate bubble sort on 5 3 8 1', SIZE).scene;
  const { scene, analysis } = sceneFromDescription('Demonstrate bubble sort on 5 3 8 1', { ...SIZE, duration: natural.duration * 2 });
  t.is(scene.duration, natural.duration * 2);
  t.deepEqual(problems(scene), []);
  t.is(scene.narration.steps.length, natural.narration.steps.length);
  t.true(Math.abs(scene.narration.steps[1]!.start - 2 * natural.narration.steps[1]!.start) < 1e-9);
  t.is(scene.meta.warnings, undefined);
  t.false(analysis.warnings.some((w) => w.includes('to be read')));
});

test('a requested duration compresses only down to the reading floor; shorter, the scene keeps the floor and says so', (t) => {
  // A composition with slack: 4 s and 6 s steps whose sentences read in 1.2 s and 2.1 s, so its 10 s compress
  // to about 3.5 s and no further (the second step sets the floor: 2.1 / 6).
  const tl = new TimelineBuilder();
  tl.caption('The box.', 4).wait(4);
  tl.caption('It grows to twice its size.', 6).wait(6);
  const duration = tl.finish(tl.t);
  const composition = { objects: [{ id: 'box', type: 'rect' as const, width: 1, height: 1 }], timeline: tl.entries, narration: tl.steps, duration, title: 'Test' };
  const fits = parseScene(sceneFromComposition(composition, { template: 'test', params: {}, facts: {} }, { ...SIZE, duration: 5, style: 'mathematical' }));
  t.is(fits.duration, 5);
  t.deepEqual(problems(fits), []);
  t.is(fits.meta.warnings, undefined);
  const tooShort = parseScene(sceneFromComposition(composition, { template: 'test', params: {}, facts: {} }, { ...SIZE, duration: 2, style: 'mathematical' }));
  const floor = Math.ceil(10 * (readingTime('It grows to twice its size.') / 6));
  t.is(tooShort.duration, floor);
  t.deepEqual(problems(tooShort), []);
  t.deepEqual(tooShort.meta.warnings, [`this animation needs at least ${floor} s to be read; made it ${floor} s instead of 2 s`]);
});

test('a catalogue request too short to read keeps the shortest readable length, and the warning reaches the analysis', (t) => {
  const { scene, analysis } = sceneFromDescription('Tower of Hanoi with 4 disks', { ...SIZE, duration: 10 });
  t.true(scene.duration > 10);
  t.deepEqual(problems(scene), []);
  const warning = `this animation needs at least ${scene.duration} s to be read; made it ${scene.duration} s instead of 10 s`;
  t.deepEqual(scene.meta.warnings, [warning]);
  t.true(analysis.warnings.includes(warning));
});
