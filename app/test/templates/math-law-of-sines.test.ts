// trig.law_of_sines: two angles and a side (AAS, ASA) and the ambiguous case (SSA: 0, 1 or 2 triangles),
// each solution checked by building it with coordinates and measuring it (no law of sines in the check);
// the scenes draw every triangle there is and say why there are that many.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { sinesFacts } from '../../src/templates/mathematics/trig-law-of-sines.ts';
import { checkScene, mathScene } from './math-scene-checks.ts';

const RAD = Math.PI / 180;
const near = (a: number, b: number, tol = 1e-9) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
type Solution = { sides: { a: number; b: number; c: number }; angles_deg: { A: number; B: number; C: number } };

/** Corner A at the origin, B on the x axis at distance c, C at distance b in direction A: measure every side and angle back. */
function measured(s: Solution): { a: number; A: number; B: number; C: number } {
  const A = [0, 0];
  const B = [s.sides.c, 0];
  const C = [s.sides.b * Math.cos(s.angles_deg.A * RAD), s.sides.b * Math.sin(s.angles_deg.A * RAD)];
  const angleAt = (p: number[], q: number[], r: number[]) => {
    const u = [q[0]! - p[0]!, q[1]! - p[1]!];
    const v = [r[0]! - p[0]!, r[1]! - p[1]!];
    return Math.atan2(Math.abs(u[0]! * v[1]! - u[1]! * v[0]!), u[0]! * v[0]! + u[1]! * v[1]!) / RAD;
  };
  return { a: Math.hypot(C[0]! - B[0]!, C[1]! - B[1]!), A: angleAt(A, B, C), B: angleAt(B, C, A), C: angleAt(C, A, B) };
}

function consistent(t: { true: (v: boolean, m?: string) => void }, s: Solution, label: string) {
  const m = measured(s);
  t.true(near(m.a, s.sides.a, 1e-7), `${label}: side a measured ${m.a}, stated ${s.sides.a}`);
  t.true(near(m.B, s.angles_deg.B, 1e-7) && near(m.C, s.angles_deg.C, 1e-7), `${label}: angles B ${m.B}, C ${m.C}`);
}

test('AAS and ASA: the triangle built from the answer measures back to the given angles and side', (t) => {
  const f = sinesFacts({ A: 40, B: 60, a: 10 });
  t.is(f.case, 'AAS');
  t.is(f.triangles, 1);
  const s = f.solutions[0]!;
  t.is(s.angles_deg.C, 80);
  consistent(t, s, 'A 40 B 60 a 10');
  t.true(near(s.sides.a, 10) && near(s.angles_deg.A, 40));
  const asa = sinesFacts({ A: 40, B: 75, c: 12 });
  t.is(asa.case, 'ASA');
  consistent(t, asa.solutions[0]!, 'ASA');
  t.true(near(asa.solutions[0]!.sides.c, 12));
  t.true(near(f.ratio[0]!, 10 / Math.sin(40 * RAD)), 'a / sin A');
});

test('SSA: 0, 1 or 2 triangles, each with the given sides and angle', (t) => {
  const two = sinesFacts({ a: 6, b: 8, A: 35 });
  t.is(two.case, 'SSA');
  t.is(two.triangles, 2);
  t.true(near(two.sine!, (8 * Math.sin(35 * RAD)) / 6, 1e-3));
  for (const s of two.solutions) {
    consistent(t, s, 'a 6 b 8 A 35');
    t.true(near(s.sides.a, 6) && near(s.sides.b, 8) && near(s.angles_deg.A, 35));
  }
  t.true(near(two.solutions[0]!.angles_deg.B + two.solutions[1]!.angles_deg.B, 180), 'B and 180° − B');
  const one = sinesFacts({ a: 10, b: 6, A: 50 });
  t.is(one.triangles, 1, 'a longer than b: one triangle');
  consistent(t, one.solutions[0]!, 'a 10 b 6 A 50');
  t.is(sinesFacts({ a: 3, b: 8, A: 40 }).triangles, 0, 'a too short to reach: none');
  const right = sinesFacts({ a: 4, b: 8, A: 30 });
  t.is(right.triangles, 1, 'a exactly the height: one right triangle');
  t.true(near(right.solutions[0]!.angles_deg.B, 90, 1e-6));
});

test('read from the text; the law of cosines’ cases and too little are refused in words; no triangle: asks', (t) => {
  const cases: [string, Record<string, number>][] = [
    ['Law of sines: A = 40°, B = 60° and a = 10, find b and c', { A: 40, B: 60, a: 10 }],
    ['sine rule ambiguous case a = 6, b = 8, A = 35°', { a: 6, b: 8, A: 35 }],
    ['sine rule angles 40 and 75 degrees with the side between them 12 cm', { A: 40, B: 75, c: 12 }],
    ['sine rule: two angles 50° and 60° and a side of 8', { A: 50, B: 60, a: 8 }],
  ];
  for (const [text, triangle] of cases) {
    const a = analyze(text);
    t.is(a.template, 'trig.law_of_sines', text);
    t.true(a.understood, text);
    t.deepEqual(a.params.triangle, triangle, text);
  }
  const few = analyze('Law of sines for a triangle with A = 30 and a = 5');
  t.false(few.understood);
  t.regex(few.needs!.message, /only a = 5 and A = 30° were given/);
  const cos = analyze('sine rule with sides 5, 6 and 7');
  t.false(cos.understood);
  t.regex(cos.needs!.message, /law of cosines solves that/);
  t.true(cos.suggestions!.some((s) => s.template === 'trig.law_of_cosines'));
  t.false(analyze('sine rule A = 100°, B = 90°, a = 4').understood, 'angles over 180°');
  const none = analyze('sine rule lesson');
  t.is(none.template, 'trig.law_of_sines');
  t.deepEqual(none.needs?.data, ['triangle']);
  t.not(analyze('graph of sine waves').template, 'trig.law_of_sines');
});

test('scenes: every triangle there is drawn, and the number of triangles said', (t) => {
  for (const text of [
    'Law of sines: A = 40°, B = 60° and a = 10, find b and c',
    'sine rule ambiguous case a = 6, b = 8, A = 35°',
    'sine rule a = 10, b = 6, A = 50°',
    'sine rule a = 3, b = 8, A = 40°',
    'sine rule a = 4, b = 8, A = 30°',
    'sine rule angles 40 and 75 degrees with the side between them 12 cm',
  ]) {
    checkScene(t, mathScene(text).scene, text);
  }
  const captions = (text: string) =>
    mathScene(text)
      .scene.narration.steps.map((s) => s.text)
      .join(' ');
  const two = mathScene('sine rule ambiguous case a = 6, b = 8, A = 35°').scene;
  t.truthy(two.objects.find((o) => o.id === 'tri0-side'));
  t.truthy(
    two.objects.find((o) => o.id === 'tri1-side'),
    'both triangles drawn',
  );
  t.regex(captions('sine rule ambiguous case a = 6, b = 8, A = 35°'), /sin B = b·sin A ÷ a = 8 · sin 35° ÷ 6 ≈ 0\.765.*two triangles/);
  t.regex(captions('sine rule a = 3, b = 8, A = 40°'), /never more than 1.*No triangle/);
  t.falsy(
    mathScene('sine rule a = 3, b = 8, A = 40°').scene.objects.find((o) => o.id === 'tri0-side'),
    'no triangle drawn when there is none',
  );
  t.regex(captions('sine rule a = 10, b = 6, A = 50°'), /one triangle/);
  const aas = captions('Law of sines: A = 40°, B = 60° and a = 10, find b and c');
  t.regex(aas, /C = 180° − 40° − 60° = 80°/);
  t.regex(aas, /a ÷ sin A = 10 ÷ sin 40° ≈ 15\.6/);
  t.regex(aas, /b = 15\.6 × sin 60° ≈ 13\.5/);
});
