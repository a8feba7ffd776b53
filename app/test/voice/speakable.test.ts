// The house notation in words before espeak-ng speaks it: the caption keeps x², 12 500 and b₃, the voice says
// "x squared", "twelve thousand five hundred" and "b 3" (espeak-ng alone says "x two" and "twelve five hundred").
import test from 'ava';
import { speakable } from '../../src/voice/speakable.ts';

test('powers, digit groups, powers of ten, subscripts and primes become words', (t) => {
  t.is(speakable('y = x² − 4'), 'y = x squared − 4');
  t.is(speakable('x³ + 1'), 'x cubed + 1');
  t.is(speakable('the minimum: 2⁴ − 1.'), 'the minimum: 2 to the power 4 − 1.');
  t.is(speakable('10⁻³ m'), '10 to the power minus 3 m');
  t.is(speakable('12\u202f500 visitors'), '12500 visitors');
  t.is(speakable('G = 6.67 × 10⁻¹¹'), 'G = 6.67 times ten to the power minus 11');
  t.is(speakable('b₁₃ = 0.10'), 'b 13 = 0.10');
  t.is(speakable('f′(2) = 12'), 'f prime(2) = 12');
  t.is(speakable('Plain words stay as they are.'), 'Plain words stay as they are.');
});
