import test from 'ava';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { CompiledTimeline } from '../../src/scene/timeline.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { pythagoreanFacts } from '../../src/templates/mathematics/geometry-pythagorean.ts';
import { checkScene, mathScene } from './math-scene-checks.ts';
import { formatNumber } from '../../src/templates/format/index.ts';

test('c and the three squares agree with integer Pythagorean triples found by brute force', (t) => {
  let checked = 0;
  for (let a = 1; a <= 40; a++) {
    for (let b = a; b <= 40; b++) {
      for (let c = b; c <= 60; c++) {
        if (a * a + b * b !== c * c) continue;
        const facts = pythagoreanFacts(a, b);
        t.is(facts.c, c, `${a}, ${b}`);
        t.deepEqual(facts.squares, [a * a, b * b, c * c]);
        checked++;
      }
    }
  }
  t.true(checked >= 15, `${checked} triples`);
  t.true(Math.abs(pythagoreanFacts(1, 1).c - Math.SQRT2) < 1e-12);
  t.true(Math.abs(pythagoreanFacts(1.5, 2).c - 2.5) < 1e-12);
});

test('phrasings people use find the theorem and its legs', (t) => {
  const cases: [string, number, number][] = [
    ['Show Pythagorean theorem', 3, 4],
    ['Prove the Pythagorean theorem for a right triangle with legs 5 and 12', 5, 12],
    ['Walk me through the pythagorean theorem with a = 8, b = 15', 8, 15],
    ['How does Pythagoras work for a 6-8-10 triangle?', 6, 8],
    ['Can you animate a right-angled triangle with legs of 7 and 24?', 7, 24],
    ['pythagorian theorem, legs [9, 12]', 9, 12],
    ['PYTHAGOREAN THEOREM: A=20; B=21', 20, 21],
    ['find the hypotenuse of a right triangle with legs 1.5 and 2', 1.5, 2],
    ['a^2 + b^2 = c^2 with legs 20 and 21', 20, 21],
    ['a right triangle has hypotenuse 13 and a leg of 5', 5, 12],
  ];
  for (const [text, a, b] of cases) {
    const r = analyze(text);
    t.is(r.template, 'geometry.pythagorean', text);
    t.is(r.params.a, a, text);
    t.true(Math.abs((r.params.b as number) - b) < 1e-9, `${text}: b = ${r.params.b}`);
    t.true(Math.abs((r.facts.c as number) - Math.hypot(a, b)) < 1e-3, text);
  }
});

test('units written out label the sides', (t) => {
  const r = analyze('Pythagorean theorem for legs of 6 centimeters and 8 centimeters');
  t.is(r.params.unit, 'cm');
  t.is(r.facts.c, 10);
  const { scene } = mathScene('Pythagorean theorem for legs 6 cm and 8 cm');
  t.true(scene.objects.some((o) => o.type === 'text' && o.text.includes('cm')));
});

test('unusable sides fall back to 3-4-5 with a warning that says why', (t) => {
  const cases: [string, RegExp][] = [
    ['right triangle with legs 1 and 1000', /differ by more than 50/],
    ['pythagoras with a side of 5', /only one side/],
    ['pythagorean theorem with legs 1e308 and 1e308', /between 0.000001 and 1,000,000/],
    ['hypotenuse 5 and a leg of 7', /shorter than the hypotenuse/],
    ['pythagorean theorem legs -3 and 4', /positive/],
  ];
  for (const [text, why] of cases) {
    const r = analyze(text);
    t.is(r.template, 'geometry.pythagorean', text);
    t.deepEqual([r.params.a, r.params.b], [3, 4], text);
    t.true(
      r.warnings.some((w) => why.test(w)),
      `${text}: ${r.warnings.join(' | ')}`,
    );
  }
  t.throws(() => analyze('x', { template: 'geometry.pythagorean', params: { a: 1, b: 500 } }), { message: /factor of at most 50/ });
  t.throws(() => analyze('x', { template: 'geometry.pythagorean', params: { a: -1, b: 5 } }));
});

test('three sides that are not a right triangle are reported', (t) => {
  const r = analyze('pythagorean theorem for a triangle with sides 3, 4 and 6');
  t.deepEqual([r.params.a, r.params.b], [3, 4]);
  t.true(r.warnings.some((w) => /do not form a right triangle/.test(w)));
});

test('the scene draws three squares, writes the algebra and shows c', (t) => {
  for (const text of ['Show Pythagorean theorem', 'legs 5 and 12 pythagoras', 'right triangle with legs 1 cm and 20 cm', 'pythagoras legs 0.5 and 0.7']) {
    const { scene, analysis } = mathScene(text);
    checkScene(t, scene, text);
    for (const key of ['a', 'b', 'c'])
      t.truthy(
        scene.objects.find((o) => o.id === `sq_${key}`),
        `${text}: square on ${key}`,
      );
    const c = analysis.facts.c as number;
    const shown = scene.objects
      .filter((o) => o.type === 'math')
      .map((o) => (o as { latex: string }).latex)
      .join(' ');
    t.true(shown.includes('a^2 + b^2 = c^2'), text);
    t.true(
      scene.timeline.some((e) => e.type === 'set' && typeof e.value === 'string' && e.value.startsWith(`c = ${formatNumber(c, { sigFigs: 4 })}`)),
      `${text}: c is revealed`,
    );
  }
  // Whole-number sides get countable unit cells.
  const { scene } = mathScene('Show Pythagorean theorem');
  t.truthy(scene.objects.find((o) => o.id === 'sq_c_grid'));
});

test('content checklist: Pythagoras is proved by rearrangement, not only shown for 3-4-5: four triangles leave c² uncovered, then a² and b²', (t) => {
  for (const [a, b] of [
    [5, 12],
    [3, 4],
    [1, 7],
  ] as const) {
    const { scene } = sceneFromDescription(`Prove the Pythagorean theorem for a right triangle with legs ${a} and ${b}`, { width: 1280, height: 720, fps: 30 });
    const tl = new CompiledTimeline(scene);
    const steps = scene.narration.steps;
    const at = (re: RegExp) => steps.find((s) => re.test(s.text))!;
    const [build, holeC, slide, holes] = [at(/four copies of the triangle/), at(/uncovered is a square on the hypotenuse/), at(/^Slide three of the triangles/), at(/a² \+ b² = c²/)];
    t.true(build.start < holeC.start && holeC.start < slide.start && slide.start < holes.start, 'the proof in order');
    t.deepEqual(holes.refs, ['proof_hole_a', 'proof_hole_b']);
    // World polygons of the pieces at a moment: every point of the big square is covered by exactly one piece.
    const piece = (id: string, when: number) => {
      const o = scene.objects.find((x) => x.id === id)!;
      if (o.type !== 'polygon') throw new Error(id);
      const [x, y] = [tl.valueAt(id, 'x', when) as number, tl.valueAt(id, 'y', when) as number];
      return o.points.map(([px, py]) => [px + x, py + y] as [number, number]);
    };
    const inside = (poly: [number, number][], [x, y]: [number, number]) => {
      let c = false;
      for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
        const [xi, yi] = poly[i]!;
        const [xj, yj] = poly[j]!;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
      }
      return c;
    };
    const frame = scene.objects.find((o) => o.id === 'proof_square')!;
    if (frame.type !== 'line') return t.fail();
    const xs = frame.points.map((p) => p[0] + frame.x);
    const ys = frame.points.map((p) => p[1] + frame.y);
    const tiles = (ids: string[], when: number) => {
      const polys = ids.map((id) => piece(id, when));
      let bad = 0;
      for (let i = 1; i < 40; i++)
        for (let j = 1; j < 40; j++) {
          const p: [number, number] = [Math.min(...xs) + ((Math.max(...xs) - Math.min(...xs)) * (i + 0.37)) / 40, Math.min(...ys) + ((Math.max(...ys) - Math.min(...ys)) * (j + 0.41)) / 40];
          if (polys.filter((poly) => inside(poly, p)).length !== 1) bad++;
        }
      return bad;
    };
    const triangles = ['proof_t1', 'proof_t2', 'proof_t3', 'proof_t4'];
    t.is(tiles([...triangles, 'proof_hole_c'], holeC.start + holeC.duration / 2), 0, `${a}, ${b}: four triangles and c² fill the square`);
    t.is(tiles([...triangles, 'proof_hole_a', 'proof_hole_b'], holes.start + holes.duration / 2), 0, `${a}, ${b}: the same four triangles and a², b² fill it`);
    // The squares are drawn to the given legs: a² is a × a, b² is b × b, in the figure's units.
    const side = (id: string) => {
      const p = piece(id, holes.start + 1);
      return Math.max(...p.map((q) => q[0])) - Math.min(...p.map((q) => q[0]));
    };
    t.true(Math.abs(side('proof_hole_a') / side('proof_hole_b') - a / b) < 1e-6);
  }
});
