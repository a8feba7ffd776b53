// What the caption band shows at a time: the step, the backing's and the text's opacity.
import test from 'ava';
import { burnsIn, CAPTION_FADE, captionAt, NO_CAPTION, stepAt } from '../../src/scene/narration.ts';

const steps = [
  { start: 1, duration: 2 },
  { start: 3, duration: 2 },
  { start: 6, duration: 1 },
];

test('no caption before, between and after the steps', (t) => {
  for (const at of [0, 0.99, 5, 5.5, 7, 9]) t.deepEqual(captionAt(steps, at), NO_CAPTION, `t = ${at}`);
});

test('after a gap the band and text fade in; before a gap both fade out', (t) => {
  t.deepEqual(captionAt(steps, 1), { step: 0, band: 0, text: 0 });
  const half = captionAt(steps, 1 + CAPTION_FADE / 2);
  t.true(half.step === 0 && Math.abs(half.band - 0.5) < 1e-9 && Math.abs(half.text - 0.5) < 1e-9, JSON.stringify(half));
  t.deepEqual(captionAt(steps, 2), { step: 0, band: 1, text: 1 });
  const out = captionAt(steps, 5 - CAPTION_FADE / 4);
  t.is(out.step, 1);
  t.true(Math.abs(out.band - 0.25) < 1e-9 && Math.abs(out.text - 0.25) < 1e-9);
});

test('at a join the band stays up and only the new text fades in', (t) => {
  t.deepEqual(captionAt(steps, 3 - 0.01), { step: 0, band: 1, text: 1 }, 'no fade-out into a joined step');
  const joined = captionAt(steps, 3 + CAPTION_FADE / 2);
  t.is(joined.step, 1);
  t.is(joined.band, 1);
  t.true(Math.abs(joined.text - 0.5) < 1e-9);
});

test('overlapping steps: the latest to start shows; sidecar is the only mode that keeps the frame clean', (t) => {
  t.is(
    stepAt(
      [
        { start: 0, duration: 5 },
        { start: 1, duration: 1 },
      ],
      1.5,
    ),
    1,
  );
  t.is(
    stepAt(
      [
        { start: 0, duration: 5 },
        { start: 1, duration: 1 },
      ],
      2.5,
    ),
    0,
  );
  t.true(burnsIn('burn_in'));
  t.true(burnsIn('both'));
  t.false(burnsIn('sidecar'));
});
