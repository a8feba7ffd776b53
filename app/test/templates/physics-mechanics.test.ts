// Collisions and inclines: facts against conservation laws and closed forms, phrasings, limits, motion.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { checkScene, near, object, sameFact, sceneFor, track } from './physics-checks.ts';

const G = 9.81;

test('collision: elastic results keep momentum and kinetic energy; inelastic ones share one velocity', (t) => {
  const cases: [number, number, number, number][] = [
    [2, 3, 1, 0],
    [1, 5, 1, 0],
    [3, 2, 1, -4],
    [0.5, 10, 4, 1],
    [5, -1, 2, -6],
    [1, 1, 1000, 0],
  ];
  for (const [m1, v1, m2, v2] of cases) {
    for (const type of ['elastic', 'inelastic'] as const) {
      const a = analyze(`${type} collision, m1 = ${m1} kg, v1 = ${v1} m/s, m2 = ${m2} kg, v2 = ${v2} m/s`);
      t.is(a.template, 'physics.collision');
      t.deepEqual(a.params, { m1, v1, m2, v2, type });
      const p = m1 * v1 + m2 * v2;
      const a1 = a.facts.v1_after as number;
      const a2 = a.facts.v2_after as number;
      sameFact(t, a.facts.momentum, p, 'total momentum');
      near(t, m1 * a1 + m2 * a2, p, Math.abs(p) * 2e-3 + 2e-3, `${type}: momentum after`);
      if (type === 'elastic') {
        // Independent: in the centre-of-mass frame an elastic collision reverses each velocity.
        const vcm = p / (m1 + m2);
        sameFact(t, a1, 2 * vcm - v1, 'v1 after (centre-of-mass reflection)');
        sameFact(t, a2, 2 * vcm - v2, 'v2 after (centre-of-mass reflection)');
        sameFact(t, a.facts.ke_after_j, 0.5 * m1 * v1 * v1 + 0.5 * m2 * v2 * v2, 'kinetic energy kept');
      } else {
        sameFact(t, a1, p / (m1 + m2), 'common velocity');
        t.is(a1, a2);
        t.true((a.facts.ke_after_j as number) <= (a.facts.ke_before_j as number));
      }
    }
  }
});

test('collision: the catalogue example and the ways people describe collisions', (t) => {
  const ex = analyze('Elastic collision between a 2 kg ball at 3 m/s and a 1 kg ball at rest');
  t.deepEqual([ex.facts.v1_after, ex.facts.v2_after, ex.facts.momentum], [1, 4, 6]);
  const cases: [string, Record<string, unknown>][] = [
    ['Walk me through an elastic collision: a 2 kg cart at 3 m/s hits a 1 kg cart at rest', { m1: 2, v1: 3, m2: 1, v2: 0, type: 'elastic' }],
    ['How does momentum conservation work when two carts of 3 kg and 1 kg moving toward each other at 2 m/s and 4 m/s stick together?', { m1: 3, v1: 2, m2: 1, v2: -4, type: 'inelastic' }],
    ['Can you animate a 1 kg ball at rest being hit by a 2 kg ball moving at 5 meters per second', { m1: 2, v1: 5, m2: 1, v2: 0 }],
    ['perfectly inelastic collision of a 1500 kg car at 20 m/s with a 1000 kg car at 5 m/s', { m1: 1500, v1: 20, m2: 1000, v2: 5, type: 'inelastic' }],
    ['COLLISION: 500 g puck at 4 m/s, 250 g puck moving left at 2 m/s', { m1: 0.5, v1: 4, m2: 0.25, v2: -2 }],
    ['two 1 kg balls collide elastically, one at 2 m/s, the other at rest', { m1: 1, m2: 1, v1: 2, v2: 0 }],
  ];
  for (const [text, want] of cases) {
    const a = analyze(text);
    t.is(a.template, 'physics.collision', text);
    for (const [k, v] of Object.entries(want)) t.is(a.params[k], v, `${text}: ${k}`);
  }
});

test('collision: bodies that would never meet, and negative masses, are fixed with a warning', (t) => {
  const apart = analyze('collision of a 2 kg ball at 1 m/s and a 1 kg ball at 3 m/s');
  t.is(apart.params.v2, -3);
  t.true(
    apart.warnings.some((w) => w.includes('never meet')),
    apart.warnings.join('; '),
  );
  const still = analyze('collision of a 2 kg ball and a 1 kg ball, both at rest');
  t.is(still.params.v1, 3);
  t.true(still.warnings.some((w) => w.includes('neither body moves')));
  const neg = analyze('collision of a -2 kg ball at 3 m/s and a 1 kg ball at rest');
  t.is(neg.params.m1, 2);
  t.true(neg.warnings.some((w) => w.includes('m1') && w.includes('cannot be negative')));
  t.throws(() => analyze('x', { template: 'physics.collision', params: { v1: 1, v2: 2 } }), { message: /never collide/ });
});

test('collision: the blocks move at their velocities before and after, and touch at the impact', (t) => {
  const scene = sceneFor('Elastic collision between a 2 kg ball at 3 m/s and a 1 kg ball at rest');
  checkScene(t, scene, 'collision');
  const b1 = track(scene, 'b1', 'x');
  const b2 = track(scene, 'b2', 'x');
  const w1 = object(scene, 'b1', 'rect').width;
  const w2 = object(scene, 'b2', 'rect').width;
  // World units per metre, from block 1's first second of motion at 3 m/s.
  const before = b1.filter((k) => k.end <= b1[0]!.start + 1.5 + 1e-9);
  const s = ((before.at(-1)!.to as number) - (object(scene, 'b1', 'rect').x as number)) / (3 * 1.5);
  t.true(s > 0);
  const impact = before.at(-1)!;
  const b2AtImpact = b2.length ? object(scene, 'b2', 'rect').x : 0;
  near(t, (impact.to as number) + w1 / 2, b2AtImpact - w2 / 2, 1e-5, 'faces touch at the impact');
  const after1 = b1.filter((k) => k.start > impact.end);
  const after2 = b2.filter((k) => k.start > impact.end);
  const speed = (ks: typeof b1) => ((ks.at(-1)!.to as number) - (ks[0]!.to as number)) / (ks.at(-1)!.end - ks[0]!.end) / s;
  near(t, speed(after1), 1, 1e-4, 'body 1 moves at 1 m/s after');
  near(t, speed(after2), 4, 1e-4, 'body 2 moves at 4 m/s after');
});

test('incline: a = g(sinθ − μcosθ), never below zero, and N = mg cosθ', (t) => {
  for (const [angle, mu, m] of [
    [30, 0.2, 1],
    [30, 0, 2],
    [45, 0.5, 5],
    [20, 0.5, 5],
    [60, 0.1, 0.3],
    [10, 0.3, 1],
    [90, 0.4, 1],
    [0, 0, 1],
  ] as const) {
    const a = analyze(`block sliding down a ${angle} degree incline with friction coefficient ${mu}, mass ${m} kg`);
    t.is(a.template, 'physics.incline');
    t.deepEqual([a.params.angle_deg, a.params.friction, a.params.mass_kg], [angle, mu, m]);
    const th = (angle * Math.PI) / 180;
    const acc = Math.max(0, G * (Math.sin(th) - mu * Math.cos(th)));
    sameFact(t, a.facts.acceleration_mps2, acc, `a at ${angle}°, μ ${mu}`);
    sameFact(t, a.facts.normal_force_n, m * G * Math.cos(th), `N at ${angle}°`);
    t.is(a.facts.slides, Math.tan(th) > mu && angle > 0, `slides at ${angle}°, μ ${mu}`);
    if (acc > 0) sameFact(t, a.facts.time_to_bottom_s, Math.sqrt((2 * 5) / acc), 'time down a 5 m slope');
  }
  t.is(analyze('block sliding down a 30 degree incline with friction coefficient 0.2').facts.acceleration_mps2, 3.206);
});

test('incline: phrasings and limits', (t) => {
  const cases: [string, number, number, number][] = [
    ['Walk me through a box sliding down a ramp at 25°, μ = 0.3', 25, 0.3, 1],
    ['How fast does a 5 kg crate slide down a frictionless inclined plane of 40 degrees?', 40, 0, 5],
    ['Can you animate a block on an incline at pi/6 rad with a coefficient of friction of 0.1', 30, 0.1, 1],
    ['INCLINE 35 DEGREES MU = 0.25 MASS 2 KG', 35, 0.25, 2],
  ];
  for (const [text, angle, mu, m] of cases) {
    const a = analyze(text);
    t.is(a.template, 'physics.incline', text);
    near(t, a.params.angle_deg, angle, 1e-9, `${text}: angle`);
    t.is(a.params.friction, mu, `${text}: μ`);
    t.is(a.params.mass_kg, m, `${text}: mass`);
  }
  const steep = analyze('incline at 120 degrees');
  t.is(steep.params.angle_deg, 90);
  t.true(steep.warnings.some((w) => w.includes('incline angle')));
  const sticky = analyze('incline at 30 degrees with friction coefficient -0.2');
  t.is(sticky.params.friction, 0.2);
  t.true(sticky.warnings.some((w) => w.includes('friction')));
});

test('incline: the block slides along s = ½at² on the slope, or stays put when friction holds it', (t) => {
  const scene = sceneFor('block sliding down a 30 degree incline with friction coefficient 0.2');
  checkScene(t, scene, 'incline');
  const xs = track(scene, 'block', 'x');
  const ys = track(scene, 'block', 'y');
  t.true(xs.length >= 40);
  const block = object(scene, 'block', 'rect');
  const a = G * (Math.sin(Math.PI / 6) - 0.2 * Math.cos(Math.PI / 6));
  const start = xs[0]!.start;
  const end = xs.at(-1)!;
  const total = Math.hypot((end.to as number) - block.x, (ys.at(-1)!.to as number) - block.y);
  const T = Math.sqrt(10 / a);
  near(t, end.end - start, T, 1e-6, 'the slide lasts √(2L/a) in real time');
  for (let i = 0; i < xs.length; i++) {
    const dx = (xs[i]!.to as number) - block.x;
    const dy = (ys[i]!.to as number) - block.y;
    // Along the slope (down and to the right at 30°), the distance grows as t².
    if (Math.hypot(dx, dy) > 0.1) near(t, Math.atan2(-dy, dx), Math.PI / 6, 1e-4, 'moves along the slope');
    const time = xs[i]!.end - start;
    near(t, Math.hypot(dx, dy) / total, (time / T) ** 2, 1e-5, `s(t)/L at ${time.toFixed(3)} s`);
  }
  const stuck = sceneFor('a 5 kg box on a 20° ramp, μ = 0.5');
  checkScene(t, stuck, 'incline held by friction');
  t.is(track(stuck, 'block', 'x').length, 0, 'the block does not move');
  t.true(stuck.narration.steps.some((c) => c.text.includes('stays put')));
});
