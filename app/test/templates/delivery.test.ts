// "Slowly", "step by step", "a quick overview": words that say how to tell it change the pace and the depth,
// never which template or what data.
import test from 'ava';
import { readDelivery } from '../../src/analysis/delivery-words.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { pacingProblem } from '../../src/templates/pacing.ts';
import { SLOW_PACE } from '../../src/templates/compose.ts';

const SIZE = { width: 1280, height: 720, fps: 30 };
const scene = (text: string) => sceneFromDescription(text, SIZE);

test('the words are read; "quick sort" is an algorithm, not a pace', (t) => {
  t.like(readDelivery('Demonstrate bubble sort on 5 3 8 1 slowly, step by step, for beginners'), { pace: 'slow', depth: 'detailed' });
  t.like(readDelivery('a quick overview of merge sort on 4 1 3 2'), { pace: 'fast', depth: 'overview' });
  t.like(readDelivery('explain Dijkstra in detail'), { pace: 'normal', depth: 'detailed' });
  t.like(readDelivery('quick sort 5 3 8 1'), { pace: 'normal', depth: 'standard', words: [] });
  t.like(readDelivery('quicksort of 9 2 7, briefly'), { pace: 'fast', depth: 'overview' });
  t.like(readDelivery('slowly but briefly'), { pace: 'normal', depth: 'overview' }, 'a contradiction keeps the standard pace');
});

test('the template and its data are the same whatever the delivery', (t) => {
  const plain = scene('bubble sort 9 8 7 6 5 4 3 2 1').analysis;
  for (const how of ['slowly', 'step by step for beginners', 'a quick overview', 'in detail']) {
    const asked = scene(`bubble sort 9 8 7 6 5 4 3 2 1 ${how}`).analysis;
    t.is(asked.template, plain.template, how);
    t.deepEqual(asked.params, plain.params, how);
    t.deepEqual(asked.facts, plain.facts, how);
  }
});

test('"in detail" narrates every comparison of every pass; "a quick overview" summarises sooner; both stay readable', (t) => {
  const standard = scene('bubble sort 9 8 7 6 5 4 3 2 1').scene;
  const detailed = scene('bubble sort 9 8 7 6 5 4 3 2 1 in detail').scene;
  const overview = scene('a quick overview of bubble sort 9 8 7 6 5 4 3 2 1').scene;
  t.true(detailed.narration.steps.length > standard.narration.steps.length, `${detailed.narration.steps.length} vs ${standard.narration.steps.length}`);
  t.true(overview.narration.steps.length < standard.narration.steps.length, `${overview.narration.steps.length} vs ${standard.narration.steps.length}`);
  t.true(
    detailed.narration.steps.some((s) => /^Compare/.test(s.text) && s.start > standard.narration.steps.find((x) => /^Pass 2/.test(x.text))!.start),
    'pass 2 is told comparison by comparison',
  );
  t.true(overview.duration < standard.duration);
  for (const s of [...detailed.narration.steps, ...overview.narration.steps]) t.is(pacingProblem(s.text, s.duration), undefined, s.text);
});

test('"slowly" holds every step longer; a requested duration wins over it', (t) => {
  const standard = scene('Projectile launched at 20 m/s at 45 degrees').scene;
  const slow = scene('Projectile launched at 20 m/s at 45 degrees, slowly').scene;
  t.true(Math.abs(slow.duration - standard.duration * SLOW_PACE) < 0.01, `${slow.duration} vs ${standard.duration}`);
  const timed = sceneFromDescription('Projectile launched at 20 m/s at 45 degrees, slowly', { ...SIZE, duration: 60 }).scene;
  t.is(timed.duration, 60);
});
