// The narration track from templates to the scene: the timeline builder records steps, compose writes
// them (rescaled with the timeline) and where they show; the API body and the .vtt read the same track.
import test from 'ava';
import { generateBody } from '../../src/platform/api/schemas/animations.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { toWebVtt } from '../../src/render/captions.ts';
import { parseScene } from '../../src/scene/validate.ts';
import { sceneFromComposition } from '../../src/templates/compose.ts';
import { TimelineBuilder } from '../../src/templates/timeline-builder.ts';

const SIZE = { width: 1280, height: 720, fps: 30 };

test('the builder records steps with refs; a step replaces the one before it, at once when it starts at the same instant', (t) => {
  const tl = new TimelineBuilder();
  tl.caption('Gone before it shows', 2);
  tl.narrate('The box', 2, ['box']).wait(1.5);
  tl.caption('Then the rest', 3).wait(1);
  tl.finish(5);
  t.deepEqual(tl.steps, [
    { start: 0, duration: 1.5, text: 'The box', refs: ['box'] },
    { start: 1.5, duration: 3.5, text: 'Then the rest', refs: [] },
  ]);
});

test('compose writes the narration, rescaled with the timeline to a requested duration, and the captions mode', (t) => {
  const tl = new TimelineBuilder();
  tl.narrate('The box', 2, ['box']).wait(2);
  tl.caption('Done', 2).wait(2);
  tl.finish(tl.t);
  const composition = { objects: [{ id: 'box', type: 'rect' as const, width: 1, height: 1 }], timeline: tl.entries, narration: tl.steps, duration: tl.t, title: 'Test' };
  const scene = parseScene(sceneFromComposition(composition, { template: 'test', params: {}, facts: {} }, { ...SIZE, duration: 8, style: 'mathematical', captions: 'sidecar' }));
  t.deepEqual(
    scene.narration.steps.map((s) => [s.start, s.duration, s.text, s.refs]),
    [
      [0, 4, 'The box', ['box']],
      [4, 4, 'Done', []],
    ],
  );
  t.is(scene.captions.mode, 'sidecar');
  t.false('captions' in scene.meta);
  const vtt = toWebVtt(scene.narration.steps, scene.duration);
  t.is(vtt, 'WEBVTT\n\n1\n00:00:00.000 --> 00:00:04.000\nThe box\n\n2\n00:00:04.000 --> 00:00:08.000\nDone\n');
});

test('catalogue scenes burn their narration in by default, and every step lies inside the scene', (t) => {
  for (const text of ['Demonstrate bubble sort on 5 3 8 1', 'Bohr model of sodium', 'Projectile launched at 20 m/s at 45 degrees']) {
    const { scene } = sceneFromDescription(text, SIZE);
    t.is(scene.captions.mode, 'burn_in', text);
    t.true(scene.narration.steps.length >= 3, text);
    for (const s of scene.narration.steps) t.true(s.duration > 0 && s.start + s.duration <= scene.duration + 1e-9, `${text}: ${s.text}`);
  }
  t.is(sceneFromDescription('Bohr model of sodium', { ...SIZE, captions: 'both' }).scene.captions.mode, 'both');
});

test('the API generate body takes captions burn_in | sidecar | both, burn_in by default', (t) => {
  t.is(generateBody.parse({ description: 'bubble sort 3 2 1' }).captions, 'burn_in');
  t.is(generateBody.parse({ description: 'bubble sort 3 2 1', captions: 'sidecar' }).captions, 'sidecar');
  const bad = generateBody.safeParse({ description: 'bubble sort 3 2 1', captions: 'subtitles' });
  t.false(bad.success);
  t.deepEqual(bad.error!.issues[0]!.path, ['captions']);
});
