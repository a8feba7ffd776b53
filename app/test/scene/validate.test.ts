import test from 'ava';
import { SCENE_VERSION } from '../../src/scene/schema.ts';
import { parseScene, SceneValidationError } from '../../src/scene/validate.ts';

const base = () => ({
  version: 1,
  width: 1280,
  height: 720,
  fps: 30,
  duration: 4,
  objects: [
    { id: 'a', type: 'rect', width: 2, height: 1 },
    { id: 'n1', type: 'node', label: 'A' },
    { id: 'n2', type: 'node', label: 'B', x: 3 },
  ] as Record<string, unknown>[],
  timeline: [
    { type: 'move', target: 'a', start: 0, duration: 1, to: { x: 2 } },
    { type: 'tween', target: 'a', property: 'width', to: 3, start: 1 },
    { type: 'highlight', target: 'n1', at: 2 },
    { type: 'tween', target: 'a', property: 'opacity', to: 0.5, start: 1, easing: 'easeOutCubic' },
  ] as Record<string, unknown>[],
});

function problems(input: unknown): string[] {
  try {
    parseScene(input);
    return [];
  } catch (err) {
    if (!(err instanceof SceneValidationError)) throw err;
    return err.problems.map((p) => `${p.path}: ${p.message}`);
  }
}

test('a valid spec parses, with defaults filled in', (t) => {
  const scene = parseScene(base());
  t.is(scene.background, '$background');
  t.is(scene.style.theme, 'mathematical');
  t.is(scene.objects[0]!.opacity, 1);
  t.deepEqual(scene.narration.steps, []);
});

test('an unknown easing is named with its path', (t) => {
  const spec = base();
  spec.timeline[3]!.easing = 'bounce2';
  const p = problems(spec);
  t.is(p.length, 1);
  t.regex(p[0]!, /^timeline\[3\]\.easing: unknown easing "bounce2"/);
});

test('cross references are checked: targets, properties, edges, parents, duplicates', (t) => {
  const spec = base();
  spec.objects.push({ id: 'a', type: 'circle', radius: 1 });
  spec.objects.push({ id: 'e', type: 'edge', from: 'n1', to: 'nope' });
  spec.objects.push({ id: 'c', type: 'circle', radius: 1, parent: 'a' });
  spec.timeline.push({ type: 'tween', target: 'ghost', property: 'x', to: 1, start: 0 });
  spec.timeline.push({ type: 'tween', target: 'a', property: 'radius', to: 1, start: 0 });
  spec.timeline.push({ type: 'tween', target: 'a', property: 'fill', to: 12, start: 0 });
  const p = problems(spec);
  t.true(p.includes('objects[3].id: duplicate id "a"'), p.join('\n'));
  t.true(p.includes('objects[4].to: no node with id "nope"'));
  t.true(p.includes('objects[5].parent: "a" is a rect, not a group'));
  t.true(p.includes('timeline[4].target: no object with id "ghost"'));
  t.true(p.some((s) => s.startsWith('timeline[5].property: rect "a" has no animatable property "radius"')));
  t.true(p.some((s) => s.startsWith('timeline[6].to: "fill" takes a color')));
});

test('shape errors: unknown fields, bad colours, wrong types', (t) => {
  const spec = base() as Record<string, unknown>;
  (spec.objects as Record<string, unknown>[])[0]!.fill = 'red';
  (spec.objects as Record<string, unknown>[])[0]!.bogus = true;
  spec.fps = 'thirty';
  const p = problems(spec);
  t.true(
    p.some((s) => s.startsWith('objects[0].fill: invalid colour "red"')),
    p.join('\n'),
  );
  t.true(p.some((s) => s.startsWith('objects[0]') && s.includes('bogus')));
  t.true(p.some((s) => s.startsWith('fps:')));
});

test('the error message lists every problem and where the spec came from', (t) => {
  const spec = base();
  spec.timeline[3]!.easing = 'bounce2';
  const err = t.throws(() => parseScene(spec, 'spec.json'), { instanceOf: SceneValidationError });
  t.regex(err!.message, /invalid scene spec in spec\.json:\n {2}timeline\[3\]\.easing: unknown easing "bounce2"/);
});

test('entries after the end of the scene are refused', (t) => {
  const spec = base();
  spec.timeline.push({ type: 'appear', target: 'a', at: 9 });
  t.true(problems(spec).some((p) => p.startsWith('timeline[4]: starts at 9s, after the scene ends')));
});

test('narration steps: refs must name objects, steps start inside the scene, ids are unique, modes are known', (t) => {
  const spec = {
    ...base(),
    version: SCENE_VERSION,
    narration: {
      steps: [
        { id: 's1', start: 0, duration: 1, text: 'The rectangle', refs: ['a'] },
        { id: 's1', start: 1, duration: 1, text: 'A ghost', refs: ['ghost'] },
        { start: 4, duration: 1, text: 'Too late' },
      ],
    },
  };
  const p = problems(spec);
  t.true(p.includes('narration.steps[1].id: duplicate step id "s1"'), p.join('\n'));
  t.true(p.includes('narration.steps[1].refs[0]: no object with id "ghost" (refs name the objects the step talks about)'));
  t.true(p.includes('narration.steps[2].start: starts at 4s, at or after the scene ends (4s)'));
  const shape = problems({ ...base(), version: SCENE_VERSION, narration: { steps: [{ start: 1, duration: 0, text: 'No time' }] } });
  t.true(shape.length === 1 && shape[0]!.startsWith('narration.steps[0].duration:'), shape.join('\n'));
  t.deepEqual(problems({ ...base(), version: SCENE_VERSION, captions: { mode: 'subtitles' } }), ['captions.mode: unknown captions mode "subtitles" (known: burn_in, sidecar, both)']);
  const ok = parseScene({ ...base(), version: SCENE_VERSION, narration: { steps: [{ start: 0, duration: 1, text: 'Hi' }] } });
  t.deepEqual(ok.narration.steps[0]!.refs, [], 'refs are optional');
});
