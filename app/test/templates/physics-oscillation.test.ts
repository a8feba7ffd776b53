// Free fall, pendulum and spring: facts against closed forms, phrasings, limits, and motion that follows the equations.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { swing } from '../../src/templates/science/physics/pendulum.ts';
import { checkScene, near, object, sameFact, sceneFor, toData, track } from './physics-checks.ts';

const G = 9.81;

test('free fall: t = √(2h/g) and v = √(2gh) for many heights', (t) => {
  for (const h of [20, 1, 45, 100, 0.5, 2500]) {
    const a = analyze(`A ball dropped from ${h} meters`);
    t.is(a.template, 'physics.free_fall');
    t.is(a.params.height_m, h);
    sameFact(t, a.facts.time_s, Math.sqrt((2 * h) / G), `time from ${h} m`);
    sameFact(t, a.facts.impact_speed_mps, Math.sqrt(2 * G * h), `speed from ${h} m`);
  }
});

test('free fall: phrasings, units and places', (t) => {
  const cases: [string, number, number][] = [
    ['A ball dropped from 20 meters', 20, G],
    ['Walk me through free fall from a height of 45 m', 45, G],
    ['How long does a stone take to fall 80 m? Animate it.', 80, G],
    ['Can you show an apple dropped from 3 metres on the Moon', 3, 1.62],
    ['FREE FALL FROM 1 KM', 1000, G],
    ['an object falls 30 ft', 9.144, G],
    ['freefall h = 12 m with g = 9.8 m/s^2', 12, 9.8],
  ];
  for (const [text, h, g] of cases) {
    const a = analyze(text);
    t.is(a.template, 'physics.free_fall', text);
    near(t, a.params.height_m, h, 1e-9, `${text}: height`);
    t.is(a.params.g_mps2, g, `${text}: g`);
    sameFact(t, a.facts.time_s, Math.sqrt((2 * h) / g), `${text}: time`);
  }
});

test('free fall: impossible heights are refused or clamped with a warning', (t) => {
  const neg = analyze('a ball dropped from -20 m');
  t.is(neg.params.height_m, 20);
  t.true(neg.warnings.some((w) => w.includes('drop height')));
  const huge = analyze('a ball dropped from 1e12 m');
  t.is(huge.params.height_m, 100000);
  t.true(huge.warnings.some((w) => w.includes('above the limit')));
  const zero = analyze('a ball dropped from 0 m');
  t.is(zero.params.height_m, 20);
  t.true(zero.warnings.some((w) => w.includes('must be above')));
});

test('free fall: the ball follows y = h − ½gt² at every sample, in real time', (t) => {
  const scene = sceneFor('A ball dropped from 20 meters');
  checkScene(t, scene, 'free fall');
  const ys = track(scene, 'ball', 'y');
  t.true(ys.length >= 60);
  const start = ys[0]!.start;
  const axes = object(scene, 'scale', 'axes');
  for (const k of ys) {
    const [, y] = toData(axes, [0, k.to as number]);
    const time = k.end - start;
    near(t, y, Math.max(0, 20 - 0.5 * G * time * time), 1e-4, `height at t = ${time.toFixed(3)} s`);
  }
  near(t, ys.at(-1)!.end - start, Math.sqrt(40 / G), 1e-9, 'the fall lasts √(2h/g) on screen');
});

test('pendulum: T = 2π√(L/g) and the exact large-amplitude period', (t) => {
  for (const [L, amp] of [
    [2, 15],
    [1, 5],
    [0.25, 30],
    [10, 60],
    [1, 90],
  ] as const) {
    const a = analyze(`simple pendulum of length ${L} m released from ${amp} degrees`);
    t.is(a.template, 'physics.pendulum');
    t.deepEqual([a.params.length_m, a.params.amplitude_deg], [L, amp]);
    const T0 = 2 * Math.PI * Math.sqrt(L / G);
    sameFact(t, a.facts.period_s, T0, `period of ${L} m`);
    // The exact period by the series T = T0 (1 + θ²/16 + 11θ⁴/3072 + 173θ⁶/737280 + …), checked at small and medium amplitudes.
    const th = (amp * Math.PI) / 180;
    if (amp <= 30) sameFact(t, a.facts.period_exact_s, T0 * (1 + th ** 2 / 16 + (11 * th ** 4) / 3072 + (173 * th ** 6) / 737280), `exact period at ${amp}°`);
    t.true((a.facts.period_exact_s as number) >= (a.facts.period_s as number));
  }
  // At 90° the exact period is T0 · 1.18034 (K(1/√2)·2/π).
  sameFact(t, analyze('pendulum 1 m long, amplitude 90°').facts.period_exact_s, 2 * Math.PI * Math.sqrt(1 / G) * 1.180341, 'exact period at 90°');
});

test('pendulum: phrasings, a period given instead of a length, and limits', (t) => {
  t.is(analyze('simple pendulum of length 2 m').facts.period_s, 2.837);
  t.is(analyze('How does a 2-meter pendulum swing?').params.length_m, 2);
  t.is(analyze('Can you animate a pendulum, L = 50 cm, 10°').params.length_m, 0.5);
  t.is(analyze('PENDULUM WITH A 3 FT STRING').params.length_m, 0.9144);
  const byPeriod = analyze('a pendulum with a period of 2 s');
  sameFact(t, byPeriod.params.length_m, G / (Math.PI * Math.PI), 'L = g(T/2π)²');
  sameFact(t, byPeriod.facts.period_s, 2, 'round trip to the period');
  const wide = analyze('pendulum 1 m swinging from 150 degrees');
  t.is(wide.params.amplitude_deg, 90);
  t.true(wide.warnings.some((w) => w.includes('amplitude') && w.includes('slack')));
  const neg = analyze('pendulum of length -2 m');
  t.is(neg.params.length_m, 2);
});

test('pendulum: the bob follows θ(t) from the full equation, and energy is conserved along it', (t) => {
  const p = { length_m: 1.5, amplitude_deg: 40, g_mps2: G };
  const states = swing(p, 5);
  const theta0 = (40 * Math.PI) / 180;
  for (const s of states) {
    // ½L²ω² − gL cosθ is constant along the exact motion.
    const energy = 0.5 * 1.5 * 1.5 * s.omega ** 2 - G * 1.5 * Math.cos(s.theta);
    near(t, energy, -G * 1.5 * Math.cos(theta0), 1e-6, `energy at t = ${s.t.toFixed(3)}`);
  }
  const scene = sceneFor('A 1.5 m pendulum released from 40 degrees');
  checkScene(t, scene, 'pendulum');
  const xs = track(scene, 'bob', 'x');
  const ys = track(scene, 'bob', 'y');
  const string = object(scene, 'string', 'line');
  const pivot = string.points[0]!;
  // The bob stays on the circle around the pivot at every sample.
  for (let i = 0; i < xs.length; i++) near(t, Math.hypot((xs[i]!.to as number) - pivot[0], (ys[i]!.to as number) - pivot[1]), 4.6, 1e-5, `bob sample ${i} on the circle`);
  const texts = scene.objects
    .filter((o) => o.type === 'math')
    .map((o) => (o as { latex: string }).latex)
    .join(' ');
  t.true(texts.includes('2.46\\,\\mathrm{s}'), texts);
});

test('spring: T = 2π√(m/k), ω = √(k/m) for many oscillators', (t) => {
  for (const [m, k, A] of [
    [2, 50, 0.5],
    [1, 10, 0.2],
    [0.5, 200, 0.05],
    [10, 4, 1],
  ] as const) {
    const a = analyze(`mass on a spring, ${m} kg, k = ${k} N/m, amplitude ${A} m`);
    t.is(a.template, 'physics.spring');
    t.deepEqual([a.params.mass_kg, a.params.k_npm, a.params.amplitude_m], [m, k, A]);
    sameFact(t, a.facts.period_s, 2 * Math.PI * Math.sqrt(m / k), `period for ${m} kg, ${k} N/m`);
    sameFact(t, a.facts.angular_frequency, Math.sqrt(k / m), `ω for ${m} kg, ${k} N/m`);
    sameFact(t, a.facts.energy_j, 0.5 * k * A * A, 'energy ½kA²');
  }
  t.is(analyze('mass on a spring, 2 kg, k = 50 N/m').facts.period_s, 1.257);
});

test('spring: phrasings and units', (t) => {
  const cases: [string, number, number][] = [
    ['Walk me through a 500 g block on a spring with spring constant 20 N/m', 0.5, 20],
    ['How does a mass-spring system oscillate? m = 3 kg, k = 12', 3, 12],
    ["Hooke's law: a 2 kilogram mass attached to a spring of stiffness 0.5 N/cm", 2, 50],
    ['simple harmonic motion of a 4 kg mass, k=100 N/m', 4, 100],
  ];
  for (const [text, m, k] of cases) {
    const a = analyze(text);
    t.is(a.template, 'physics.spring', text);
    near(t, a.params.mass_kg, m, 1e-9, `${text}: mass`);
    near(t, a.params.k_npm, k, 1e-9, `${text}: k`);
  }
  const bad = analyze('mass on a spring, -2 kg, k = -50 N/m');
  t.deepEqual([bad.params.mass_kg, bad.params.k_npm], [2, 50]);
  t.is(bad.warnings.length, 2);
});

test('spring: the block follows x = A cos(ωt) and the spring stretches with it', (t) => {
  const scene = sceneFor('mass on a spring, 2 kg, k = 50 N/m');
  checkScene(t, scene, 'spring');
  const xs = track(scene, 'block', 'x');
  const coils = track(scene, 'coil', 'points');
  t.true(xs.length >= 100 && coils.length === xs.length);
  // One tween per real-time sample step (120 over three periods): the pauses on the moments the captions name
  // add none, as the block stands still. World x is linear in metres: recover the scale from x = −A at T/2 and
  // x = A at T.
  const T = 2 * Math.PI * Math.sqrt(2 / 50);
  const n = xs.length;
  const realAt = (i: number) => ((i + 1) / n) * 3 * T;
  const [half, full] = [xs[n / 6 - 1]!.to as number, xs[n / 3 - 1]!.to as number];
  const scale = (half - full) / (-2 * 0.5);
  const centre = (half + full) / 2;
  xs.forEach((k, i) => near(t, ((k.to as number) - centre) / scale, 0.5 * Math.cos(5 * realAt(i)), 1e-5, `x at t = ${realAt(i).toFixed(3)} s`));
  // The block pauses (for its caption to be read) where the phases begin: at equilibrium and at full compression.
  t.true(xs.some((k, i) => i > 0 && k.start > xs[i - 1]!.end + 0.1));
  // The spring's last point is the block's left face at every sample.
  for (let i = 0; i < xs.length; i++) near(t, (coils[i]!.to as [number, number][]).at(-1)![0], (xs[i]!.to as number) - 0.55, 1e-5, `spring end ${i}`);
});
