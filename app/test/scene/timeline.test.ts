import test from 'ava';
import { parseScene } from '../../src/scene/validate.ts';
import { CompiledTimeline } from '../../src/scene/timeline.ts';
import { THEMES } from '../../src/scene/themes.ts';

function compile(timeline: unknown[], objects: unknown[] = [{ id: 'a', type: 'rect', width: 1, height: 1, fill: '$primary' }]) {
  return new CompiledTimeline(parseScene({ version: 1, width: 160, height: 90, fps: 10, duration: 5, style: { theme: 'algorithmic' }, objects, timeline }));
}

test('a tween interpolates with its easing and holds its end value', (t) => {
  const tl = compile([{ type: 'tween', target: 'a', property: 'x', from: 0, to: 10, start: 1, duration: 2, easing: 'linear' }]);
  t.is(tl.valueAt('a', 'x', 0), 0);
  t.is(tl.valueAt('a', 'x', 2), 5);
  t.is(tl.valueAt('a', 'x', 4), 10);
});

test('a tween without `from` starts where the property is at its start', (t) => {
  const tl = compile([
    { type: 'tween', target: 'a', property: 'x', to: 4, start: 0, duration: 1, easing: 'linear' },
    { type: 'tween', target: 'a', property: 'x', to: 0, start: 2, duration: 1, easing: 'linear' },
  ]);
  t.is(tl.valueAt('a', 'x', 2.5), 2);
});

test('palette colours resolve and a highlight returns to the colour before it', (t) => {
  const tl = compile([{ type: 'highlight', target: 'a', at: 1, duration: 1, color: '$highlight' }]);
  const palette = THEMES.algorithmic.palette;
  t.is(tl.valueAt('a', 'fill', 0), palette.primary);
  t.is(tl.valueAt('a', 'fill', 1.5), palette.highlight);
  t.is(tl.valueAt('a', 'fill', 3), palette.primary);
});

test('appear starts an object invisible; set changes text at its time', (t) => {
  const tl = compile(
    [
      { type: 'appear', target: 't', at: 1, duration: 0.5 },
      { type: 'set', target: 't', at: 2, property: 'text', value: 'after' },
    ],
    [{ id: 't', type: 'text', text: 'before' }],
  );
  t.is(tl.valueAt('t', 'opacity', 0.5), 0);
  t.is(tl.valueAt('t', 'opacity', 2), 1);
  t.is(tl.valueAt('t', 'text', 1.9), 'before');
  t.is(tl.valueAt('t', 'text', 2), 'after');
});

test('changed frames mark exactly where something moves', (t) => {
  // fps 10, 50 frames; a tween over [1, 2] s changes frames 11..20; a set at 3 s changes frame 30.
  const tl = compile([
    { type: 'tween', target: 'a', property: 'x', to: 4, start: 1, duration: 1 },
    { type: 'set', target: 'a', at: 3, property: 'fill', value: '#ff0000' },
  ]);
  const changed = tl.changedFrames(10, 50);
  const frames = [...changed].flatMap((c, i) => (c ? [i] : []));
  t.deepEqual(frames, [0, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 30]);
});

test('a move with an arc lifts the object half-way and lands it', (t) => {
  const tl = compile([{ type: 'move', target: 'a', start: 0, duration: 2, to: { x: 4 }, arc: 1, easing: 'linear' }]);
  t.is(tl.valueAt('a', 'y', 1), 1);
  t.is(tl.valueAt('a', 'y', 2), 0);
  t.is(tl.valueAt('a', 'x', 2), 4);
});
