import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { findAngleDegrees, trigDegrees } from '../../src/templates/mathematics/angles.ts';
import { unitCircleFacts } from '../../src/templates/mathematics/trig-unit-circle.ts';
import { fourierCoefficients, waveValue } from '../../src/templates/mathematics/series-fourier.ts';
import { checkScene, mathScene } from './math-scene-checks.ts';

const close = (a: number | null, b: number, tol = 1e-9) => a !== null && Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

test('unit circle facts: sin, cos, tan in degrees, exact on the axes', (t) => {
  for (const deg of [0, 15, 30, 45, 60, 120, 210, 300, -45, 405]) {
    const f = unitCircleFacts(deg);
    t.true(close(f.sin, Math.sin((deg * Math.PI) / 180)) && close(f.cos, Math.cos((deg * Math.PI) / 180)), `${deg}°`);
    t.true(close(f.tan, Math.tan((deg * Math.PI) / 180), 1e-9), `${deg}°`);
  }
  t.deepEqual(trigDegrees(180), { sin: 0, cos: -1, tan: 0 });
  t.true(Object.is(trigDegrees(180).tan, 0), 'no negative zero in facts');
  t.is(unitCircleFacts(90).tan, null, 'tan 90° is undefined');
  t.is(unitCircleFacts(270).cos, 0);
  const sweep = unitCircleFacts(null);
  t.is(sweep.angle_deg, 45);
  t.true(close(sweep.sin, Math.SQRT1_2));
});

test('unit circle phrasings and angle units', (t) => {
  const cases: [string, number | null][] = [
    ['unit circle showing sine and cosine', null],
    ['what is sin of 30 degrees', 30],
    ['Show the unit circle at 2π/3', 120],
    ['cos 90°', 90],
    ['Can you animate the unit circle for an angle of 1.2 radians?', (1.2 * 180) / Math.PI],
    ['spin around the unit circle', null],
    ['unit circle with theta = 225', 225],
  ];
  for (const [text, angle] of cases) {
    const r = analyze(text);
    t.is(r.template, 'trig.unit_circle', text);
    if (angle === null) t.is(r.params.angle_deg, null, text);
    else t.true(close(r.params.angle_deg as number, angle, 1e-9), `${text}: ${r.params.angle_deg}`);
  }
  t.is(findAngleDegrees('a pipeline of 3 steps'), undefined, '"pi" inside a word is not π');
  const big = analyze('unit circle at 1000 degrees');
  t.is(big.params.angle_deg, 280);
  t.true(big.warnings.some((w) => /two full turns/.test(w)));
});

test('Fourier coefficients, computed by integration, match the closed forms', (t) => {
  const square = fourierCoefficients('square', 7);
  t.deepEqual(square.harmonics, [1, 3, 5, 7, 9, 11, 13]);
  square.harmonics.forEach((k, i) => t.true(close(square.coefficients[i]!, 4 / (Math.PI * k), 1e-5), `square b${k}`));
  const saw = fourierCoefficients('sawtooth', 6);
  t.deepEqual(saw.harmonics, [1, 2, 3, 4, 5, 6]);
  saw.harmonics.forEach((k, i) => t.true(close(saw.coefficients[i]!, (2 * (-1) ** (k + 1)) / (Math.PI * k), 1e-5), `sawtooth b${k}`));
  const tri = fourierCoefficients('triangle', 50);
  t.is(tri.harmonics.length, 50);
  tri.harmonics.forEach((k, i) => t.true(close(tri.coefficients[i]!, (8 * (-1) ** ((k - 1) / 2)) / (Math.PI ** 2 * k * k), 1e-4), `triangle b${k}`));
  // The partial sums converge to the wave away from the jumps.
  const { harmonics, coefficients } = fourierCoefficients('square', 50);
  const s = harmonics.reduce((acc, k, i) => acc + coefficients[i]! * Math.sin(k * 1), 0);
  t.true(Math.abs(s - waveValue('square', 1)) < 0.02);
});

test('Fourier phrasings pick the wave and the number of terms', (t) => {
  const cases: [string, string, number][] = [
    ['Fourier series of a square wave with 7 terms', 'square', 7],
    ['build a sawtooth wave from 10 harmonics', 'sawtooth', 10],
    ['How do sine waves add up to a triangle wave?', 'triangle', 5],
    ['fourier series', 'square', 5],
    ['Show the Gibbs phenomenon for a square wave, n = 25', 'square', 25],
  ];
  for (const [text, wave, terms] of cases) {
    const r = analyze(text);
    t.is(r.template, 'series.fourier', text);
    t.is(r.params.wave, wave, text);
    t.is(r.params.terms, terms, text);
  }
  const many = analyze('fourier series of a square wave with 1000 terms');
  t.is(many.params.terms, 50);
  t.true(many.warnings.some((w) => /using 50/.test(w)));
});

test('unit circle and Fourier scenes animate and fit the view', (t) => {
  for (const text of [
    'unit circle showing sine and cosine',
    'unit circle at 90 degrees',
    'unit circle at -135°',
    'unit circle at 700°',
    'Fourier series of a square wave with 7 terms',
    'triangle wave fourier 1 term',
    'sawtooth fourier series with 50 terms',
  ]) {
    const { scene } = mathScene(text);
    checkScene(t, scene, text);
  }
  const circle = mathScene('unit circle showing sine and cosine').scene;
  t.true(circle.timeline.filter((e) => e.type === 'morph' && e.target === 'radius').length >= 72, 'the radius turns a full circle');
  const fourier = mathScene('Fourier series of a square wave with 7 terms').scene;
  t.is(fourier.timeline.filter((e) => e.type === 'morph' && e.target === 'sum').length, 6, 'each new term reshapes the sum');
  t.true(JSON.stringify(fourier).length < 3_000_000);
});
