// trig.law_of_cosines: the third side (SAS) and an angle (SSS) checked against a construction with
// coordinates (no law of cosines in the check); the user's sides and angles read as teachers write them;
// triangles that cannot exist and facts for the law of sines refused in words; the scene draws the triangle
// to scale with the angle marked and puts the user's numbers into the formula.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { cosinesFacts } from '../../src/templates/mathematics/trig-law-of-cosines.ts';
import type { Scene } from '../../src/scene/schema.ts';
import { checkScene, mathScene } from './math-scene-checks.ts';

const RAD = Math.PI / 180;
const near = (a: number, b: number, tol = 1e-9) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

/** Corner C at the origin, side a along the x axis, side b at angle C: the distance between their ends is c. */
function thirdSideByCoordinates(a: number, b: number, Cdeg: number): number {
  const B = [a, 0];
  const A = [b * Math.cos(Cdeg * RAD), b * Math.sin(Cdeg * RAD)];
  return Math.hypot(A[0]! - B[0]!, A[1]! - B[1]!);
}

test('SAS: the third side agrees with a construction by coordinates', (t) => {
  for (const [a, b, C] of [
    [5, 7, 60],
    [8, 11, 40],
    [9, 6, 110],
    [3, 4, 90],
    [1, 1, 179],
    [100, 0.5, 5],
  ] as const) {
    const f = cosinesFacts({ a, b, C });
    t.is(f.case, 'SAS');
    t.is(f.found, 'c');
    t.true(near(f.value, thirdSideByCoordinates(a, b, C)), `${a}, ${b}, ${C}°: ${f.value}`);
    t.true(near(f.angles_deg.A + f.angles_deg.B + f.angles_deg.C, 180), 'the angles add up to 180°');
    t.is(f.angles_deg.C, C, 'the given angle is kept as given');
  }
  // Other corners: b and c round A give a.
  t.true(near(cosinesFacts({ b: 3, c: 4, A: 90 }).value, 5));
  t.true(near(cosinesFacts({ a: 5, c: 7, B: 60 }).value, thirdSideByCoordinates(5, 7, 60)));
});

test('SSS: the angle found, built back with coordinates, gives the third side again; the largest angle by default', (t) => {
  for (const sides of [
    [4, 5, 7],
    [5, 7, 8],
    [3, 4, 5],
    [6, 6, 6],
    [2, 3, 4.9],
  ] as const) {
    const [a, b, c] = sides;
    const f = cosinesFacts({ a, b, c });
    t.is(f.case, 'SSS');
    const longest = ([...sides] as number[]).indexOf(Math.max(...sides));
    t.is(f.found as string, 'ABC'[longest]!);
    const C = f.angles_deg.C;
    t.true(near(thirdSideByCoordinates(a, b, C), c, 1e-9), `${sides}: C = ${C}° rebuilds c`);
    const A = f.angles_deg.A;
    t.true(near(thirdSideByCoordinates(b, c, A), a, 1e-9), `${sides}: A = ${A}° rebuilds a`);
  }
  t.true(near(cosinesFacts({ a: 3, b: 4, c: 5 }).value, 90), '3-4-5 has a right angle');
  t.is(cosinesFacts({ a: 3, b: 4, c: 5 }).kind, 'right');
  t.is(cosinesFacts({ a: 4, b: 5, c: 7 }).kind, 'obtuse');
  t.true(near(cosinesFacts({ a: 6, b: 6, c: 6 }).value, 60));
  const asked = cosinesFacts({ a: 7, b: 5, c: 8 }, 'A');
  t.is(asked.found, 'A');
  t.true(near(asked.value, 60), 'angle A of 7, 5, 8 is 60°');
});

test('sides and angles are read as teachers write them', (t) => {
  const cases: [string, Record<string, number>, string?][] = [
    ['Law of cosines: find side c when a = 5, b = 7 and C = 60°', { a: 5, b: 7, C: 60 }],
    ['Use the cosine rule to find the largest angle of a triangle with sides 4, 5 and 7', { a: 4, b: 5, c: 7 }],
    ['cosine rule: sides 8 cm and 11 cm with an angle of 40 degrees between them, find the third side', { a: 8, b: 11, C: 40 }],
    ['Cosine rule: BC = 9 cm, AC = 6 cm, angle ACB = 110°. Find AB', { a: 9, b: 6, C: 110 }],
    ['cos rule find angle A when a = 7, b = 5, c = 8', { a: 7, b: 5, c: 8 }, 'A'],
    ['law of cosines b=10 c=12 angle A=35', { b: 10, c: 12, A: 35 }],
  ];
  for (const [text, triangle, find] of cases) {
    const a = analyze(text);
    t.is(a.template, 'trig.law_of_cosines', text);
    t.true(a.understood, text);
    t.deepEqual(a.params.triangle, triangle, text);
    if (find) t.is(a.params.find, find, text);
  }
  t.is(analyze('cosine rule: sides 8 cm and 11 cm with an angle of 40 degrees between them').params.unit, 'cm');
  const rad = analyze('law of cosines with b = 3, c = 4 and A = pi/2');
  t.deepEqual(rad.params.triangle, { b: 3, c: 4, A: 90 });
  t.is(rad.params.angle_unit, 'rad', 'radians asked for: angles shown in radians');
  t.is(analyze('Law of cosines: a = 5, b = 7, C = 60°').params.angle_unit, 'deg');
});

test('impossible triangles and the law of sines’ cases are refused in words; no numbers: it asks for them', (t) => {
  const bad = analyze('law of cosines triangle with sides 1, 2 and 10');
  t.is(bad.template, 'trig.law_of_cosines');
  t.false(bad.understood);
  t.regex(bad.needs!.message, /no triangle has sides 1, 2 and 10: 1 \+ 2 = 3, which is not more than 10/);
  t.false(analyze('cosine rule sides 3, 4, 7').understood, 'a flat triangle (3 + 4 = 7) is no triangle either');
  const sines = analyze('law of cosines A = 40°, B = 60°, a = 10');
  t.false(sines.understood);
  t.regex(sines.needs!.message, /law of sines solves that/);
  t.true(
    sines.suggestions!.some((s) => s.template === 'trig.law_of_sines'),
    'the law of sines is suggested instead',
  );
  const few = analyze('cosine rule with a = 5 and b = 7');
  t.false(few.understood);
  t.regex(few.needs!.message, /three of its sides and angles/);
  const none = analyze('Law of cosines worked example');
  t.is(none.template, 'trig.law_of_cosines');
  t.false(none.understood);
  t.deepEqual(none.needs?.data, ['triangle']);
  t.throws(() => analyze('', { template: 'trig.law_of_cosines', params: { triangle: { a: -1, b: 2, C: 30 } } }), { message: /invalid params/ });
});

function pointsOf(scene: Scene, id: string): [number, number][] {
  const o = scene.objects.find((x) => x.id === id);
  if (!o || o.type !== 'line') throw new Error(`no line ${id}`);
  return o.points as [number, number][];
}

const lengthOf = (p: [number, number][]) => Math.hypot(p[1]![0] - p[0]![0], p[1]![1] - p[0]![1]);

test('scenes: the triangle to scale with the angle marked, and the user’s numbers put into the formula', (t) => {
  for (const text of [
    'Law of cosines: find side c when a = 5, b = 7 and C = 60°',
    'Use the cosine rule to find the largest angle of a triangle with sides 4, 5 and 7',
    'cosine rule: sides 8 cm and 11 cm with an angle of 40 degrees between them, find the third side',
    'law of cosines with b = 3, c = 4 and A = pi/2',
    'cosine rule sides 3, 4, 5',
    'cosine rule a = 100, b = 0.5, C = 5°',
  ]) {
    const { scene } = mathScene(text);
    checkScene(t, scene, text);
  }
  const { scene, analysis } = mathScene('Law of cosines: find side c when a = 5, b = 7 and C = 60°');
  const f = analysis.facts as ReturnType<typeof cosinesFacts>;
  // To scale: the drawn sides are in the proportions of the real ones (one scale both ways).
  const [la, lb, lc] = ['side-a', 'side-b', 'side-c'].map((id) => lengthOf(pointsOf(scene, id)));
  t.true(near(la! / lb!, 5 / 7, 1e-6), 'a : b as drawn');
  t.true(near(lc! / la!, f.sides.c / 5, 1e-6), 'c : a as drawn');
  t.truthy(
    scene.objects.find((o) => o.id === 'angle-C'),
    'angle C is marked',
  );
  t.true(scene.objects.some((o) => o.id === 'angle-C-label' && o.type === 'text' && o.text === 'C = 60°'));
  const captions = scene.narration.steps.map((s) => s.text).join(' ');
  t.regex(captions, /c² = a² \+ b² − 2ab·cos C/);
  t.regex(captions, /c² = 5² \+ 7² − 2 · 5 · 7 · cos 60°/);
  t.regex(captions, /cos 60° = 0\.5, so c² = 39/);
  t.regex(captions, /c ≈ 6\.24/);
  t.true(scene.objects.some((o) => o.type === 'math' && o.latex.includes('\\sqrt{39}')));
  t.true(scene.timeline.some((e) => e.type === 'set' && e.target === 'side-c-label' && e.value === 'c ≈ 6.24'));

  const sss = mathScene('Use the cosine rule to find the largest angle of a triangle with sides 4, 5 and 7').scene;
  const s2 = sss.narration.steps.map((s) => s.text).join(' ');
  t.regex(s2, /cos C = 10 ÷ 40 = 0\.25|cos C = −8 ÷ 40 = −0\.2/);
  t.regex(s2, /C ≈ 102°/);
  t.regex(s2, /obtuse/);
  const rad = mathScene('law of cosines with b = 3, c = 4 and A = pi/2').scene;
  t.true(rad.objects.some((o) => o.id === 'angle-A-label' && o.type === 'text' && o.text === 'A = 1.57 rad'));
});
