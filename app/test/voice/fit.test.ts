// The rate rule: normal speech where it fits, faster up to the cap where it does not, and "does not fit" past that.
import test from 'ava';
import { MAX_WPM, NORMAL_WPM, rateToFit, speechWindow, STEP_GAP_S } from '../../src/voice/fit.ts';

test('speech that fits is spoken at the normal rate', (t) => {
  t.deepEqual(rateToFit(1.5, 2), { wpm: NORMAL_WPM, fits: true });
});

test('speech a little too long is sped up just enough', (t) => {
  // 2.2 s at 165 wpm into 2 s: 165 × 1.1 = 181.5 → 182.
  t.deepEqual(rateToFit(2.2, 2), { wpm: 182, fits: true });
});

test('speech far too long is spoken at the cap and reported as not fitting', (t) => {
  t.deepEqual(rateToFit(4, 2), { wpm: MAX_WPM, fits: false });
  t.deepEqual(rateToFit(1, 0), { wpm: MAX_WPM, fits: false });
});

test('a step leaves a short gap at its end', (t) => {
  t.is(speechWindow(2), 2 - STEP_GAP_S);
  t.is(speechWindow(0.1), 0);
});
