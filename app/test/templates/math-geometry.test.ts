import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { triangleFacts } from '../../src/templates/mathematics/geometry-triangle-angles.ts';
import { circleFacts } from '../../src/templates/mathematics/geometry-circle-area.ts';
import { checkScene, mathScene } from './math-scene-checks.ts';

test('triangle angle facts: the sum and the kind of triangle', (t) => {
  t.deepEqual(triangleFacts([50, 60, 70]), { sum: 180, kind: 'acute', sides: 'scalene' });
  t.deepEqual(triangleFacts([30, 60, 90]), { sum: 180, kind: 'right', sides: 'scalene' });
  t.deepEqual(triangleFacts([100, 40, 40]), { sum: 180, kind: 'obtuse', sides: 'isosceles' });
  t.deepEqual(triangleFacts([60, 60, 60]), { sum: 180, kind: 'acute', sides: 'equilateral' });
});

test('triangle phrasings find the angles, and fill in the third', (t) => {
  const cases: [string, number[]][] = [
    ['Show that the angles of a triangle add up to 180 degrees', [50, 60, 70]],
    ['triangle with angles 30° and 45°', [30, 45, 105]],
    ['Walk me through why the interior angles 40, 60 and 80 sum to 180', [40, 60, 80]],
    ['what is the missing angle in a triangle with angles of 35 degrees and 75 degrees?', [35, 75, 70]],
    ['angles of an equilateral triangle', [60, 60, 60]],
    ['a right triangle with a 30 degree angle: show the angle sum', [30, 60, 90]],
    ['TRIANGLE ANGLES (20, 30, 130)', [20, 30, 130]],
  ];
  for (const [text, angles] of cases) {
    const r = analyze(text);
    t.is(r.template, 'geometry.triangle_angles', text);
    t.deepEqual(r.params.angles_deg, angles, text);
    t.is(r.facts.sum, 180, text);
  }
});

test('impossible triangles are explained', (t) => {
  const sum = analyze('triangle angles 50, 60, 80');
  t.deepEqual(sum.params.angles_deg, [50, 60, 70]);
  t.true(sum.warnings.some((w) => /= 190°, but a triangle's angles always add up to 180°/.test(w)));
  const full = analyze('triangle with angles 100° and 90°');
  t.deepEqual(full.params.angles_deg, [50, 60, 70]);
  t.true(full.warnings.some((w) => /no third angle is left/.test(w)));
  t.throws(() => analyze('x', { template: 'geometry.triangle_angles', params: { angles_deg: [90, 90, 10] } }), { message: /add up to 180/ });
});

test('circle area and circumference match πr² and 2πr', (t) => {
  for (const r of [1, 2.5, 5, 1e-3, 1e5]) {
    const f = circleFacts(r);
    t.true(Math.abs(f.area - Math.PI * r * r) <= 1e-12 * f.area);
    t.true(Math.abs(f.circumference - 2 * Math.PI * r) <= 1e-12 * f.circumference);
  }
});

test('circle phrasings find the radius (or diameter / circumference) and the unit', (t) => {
  const cases: [string, number, string][] = [
    ['Why is the area of a circle pi r squared? Use radius 5 cm', 5, 'cm'],
    ['area of a circle with diameter 10 m', 5, 'm'],
    ['circumference of a circle of radius 3', 3, ''],
    ['Explain the area of a circle, r = 2.5 inches', 2.5, 'in'],
    ['How do you find the area of a circle whose circumference is 31.4159265 feet?', 5, 'ft'],
    ['circle area', 1, ''],
  ];
  for (const [text, radius, unit] of cases) {
    const r = analyze(text);
    t.is(r.template, 'geometry.circle_area', text);
    t.true(Math.abs((r.params.radius as number) - radius) < 1e-6, `${text}: ${r.params.radius}`);
    t.is(r.params.unit, unit, text);
  }
  const bad = analyze('area of a circle with radius 1e308');
  t.is(bad.params.radius, 1);
  t.true(bad.warnings.some((w) => /cannot be drawn/.test(w)));
});

test('geometry scenes teach the proof and fit the view', (t) => {
  for (const text of [
    'Show that the angles of a triangle add up to 180 degrees',
    'triangle with angles 10° and 20°',
    'triangle angles 1, 1, 178',
    'Why is the area of a circle pi r squared? Use radius 5 cm',
    'circle area radius 0.001 mm',
  ]) {
    const { scene } = mathScene(text);
    checkScene(t, scene, text);
  }
  const tri = mathScene('triangle with angles 30° and 45°').scene;
  t.is(tri.timeline.filter((e) => e.type === 'tween' && e.property === 'rotation').length, 3, 'three corners are turned into place');
  const circle = mathScene('area of a circle radius 2').scene;
  t.is(circle.timeline.filter((e) => e.type === 'move' && e.target.startsWith('slice')).length, 12);
});
