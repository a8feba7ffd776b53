// geometry.heron: the area from three sides by Heron's formula, checked against ½ab·sin C with C found from
// a construction by coordinates (and the shoelace area of those coordinates); sides read from the text;
// impossible triangles refused in words; the scene puts the user's numbers into s and the formula.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { heronFacts } from '../../src/templates/mathematics/geometry-heron.ts';
import { checkScene, mathScene } from './math-scene-checks.ts';

const near = (a: number, b: number, tol = 1e-9) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

/** Corner C at the origin, B at (a, 0), A where circles of radius b (about C) and c (about B) meet above the axis. */
function byCoordinates(a: number, b: number, c: number): { halfAbSinC: number; shoelace: number } {
  const x = (a * a + b * b - c * c) / (2 * a);
  const y = Math.sqrt(b * b - x * x);
  const C = Math.atan2(y, x);
  const pts = [
    [0, 0],
    [a, 0],
    [x, y],
  ];
  let twice = 0;
  for (let i = 0; i < 3; i++) twice += pts[i]![0]! * pts[(i + 1) % 3]![1]! - pts[(i + 1) % 3]![0]! * pts[i]![1]!;
  return { halfAbSinC: 0.5 * a * b * Math.sin(C), shoelace: Math.abs(twice) / 2 };
}

test("Heron's area agrees with ½ab·sin C and with the shoelace area of the constructed triangle", (t) => {
  for (const [a, b, c] of [
    [5, 6, 7],
    [13, 14, 15],
    [3, 4, 5],
    [7, 8, 9],
    [6, 6, 6],
    [2, 3, 4.9],
    [0.3, 0.4, 0.5],
    [100, 101, 2],
  ] as const) {
    const f = heronFacts({ a, b, c });
    const ref = byCoordinates(a, b, c);
    t.true(near(f.area, ref.halfAbSinC, 1e-7), `${a}, ${b}, ${c}: ${f.area} vs ½ab·sin C ${ref.halfAbSinC}`);
    t.true(near(f.area, ref.shoelace, 1e-7), `${a}, ${b}, ${c}: shoelace ${ref.shoelace}`);
    t.true(near(f.s, (a + b + c) / 2));
    t.deepEqual(
      f.terms.map((x) => Number(x.toFixed(9))),
      [a, b, c].map((x) => Number(((a + b + c) / 2 - x).toFixed(9))),
    );
  }
  t.deepEqual(heronFacts({ a: 13, b: 14, c: 15 }), { s: 21, terms: [8, 7, 6], product: 7056, area: 84, kind: 'acute' });
  t.is(heronFacts({ a: 3, b: 4, c: 5 }).area, 6);
});

test('sides read from the text; impossible triangles refused in words; no sides: it asks', (t) => {
  const a = analyze('herons formula area of triangle sides 13 cm 14 cm 15 cm');
  t.is(a.template, 'geometry.heron');
  t.true(a.understood);
  t.deepEqual(a.params.triangle, { a: 13, b: 14, c: 15 });
  t.is(a.params.unit, 'cm');
  const flat = analyze("heron's formula sides 1, 2, 3");
  t.false(flat.understood);
  t.regex(flat.needs!.message, /no triangle has sides 1, 2 and 3/);
  const angles = analyze("Heron's formula with a = 5, b = 6 and C = 40°");
  t.false(angles.understood);
  t.regex(angles.needs!.message, /needs the three sides/);
  const none = analyze('Herons formula worked example');
  t.is(none.template, 'geometry.heron');
  t.deepEqual(none.needs?.data, ['triangle']);
  t.not(analyze('Heron of Alexandria and his steam engine').template, 'geometry.heron');
});

test('scenes: s, the three differences and the formula with the numbers in, and the check by ½ab·sin C', (t) => {
  for (const text of ["Heron's formula: the area of a triangle with sides 5, 6 and 7", 'herons formula area of triangle sides 13 cm 14 cm 15 cm', "heron's formula 100, 101, 2", "heron's formula 0.3, 0.4, 0.5 m"]) {
    checkScene(t, mathScene(text).scene, text);
  }
  const { scene } = mathScene("Heron's formula: the area of a triangle with sides 5, 6 and 7");
  const captions = scene.narration.steps.map((s) => s.text).join(' ');
  t.regex(captions, /s = \(5 \+ 6 \+ 7\) ÷ 2 = 9/);
  t.regex(captions, /4, 3 and 2/);
  t.regex(captions, /√\(9 · 4 · 3 · 2\) = √216: the area ≈ 14\.7/);
  t.regex(captions, /½ab·sin C.*gives 14\.7/);
  t.true(scene.objects.some((o) => o.type === 'math' && o.latex.includes('\\sqrt{216}')));
});
