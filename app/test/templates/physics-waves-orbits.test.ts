// Waves, orbits and the solar system: facts against closed forms, phrasings, and motion that follows them.
import { CompiledTimeline } from '../../src/scene/timeline.ts';
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { checkScene, near, object, sameFact, sceneFor, toData, track } from './physics-checks.ts';

const G = 6.6743e-11;
const DAY = 86400;
const AU = 1.495978707e11;

test('wave: v = λf for many waves, and the kind', (t) => {
  for (const [lambda, f, A] of [
    [2, 1, 1],
    [0.5, 4, 0.1],
    [10, 0.2, 2],
    [3.5, 2.5, 0.25],
  ] as const) {
    for (const kind of ['traveling', 'standing'] as const) {
      const a = analyze(`${kind} wave with wavelength ${lambda} m, frequency ${f} Hz and amplitude ${A} m`);
      t.is(a.template, 'physics.wave');
      t.deepEqual(a.params, { amplitude_m: A, wavelength_m: lambda, frequency_hz: f, kind });
      sameFact(t, a.facts.speed_mps, lambda * f, `v for λ ${lambda}, f ${f}`);
      sameFact(t, a.facts.period_s, 1 / f, 'T = 1/f');
    }
  }
  t.is(analyze('standing wave').params.kind, 'standing');
});

test('wave: phrasings, and the speed giving the missing λ or f', (t) => {
  const cases: [string, Partial<Record<string, unknown>>][] = [
    ['Walk me through a travelling wave on a string, λ = 1.5 m, f = 2 Hz', { wavelength_m: 1.5, frequency_hz: 2, kind: 'traveling' }],
    ['How do standing waves form? Use a 4 m wavelength', { wavelength_m: 4, kind: 'standing' }],
    ['Can you animate a transverse wave of 0.3 m amplitude and 5 Hz', { amplitude_m: 0.3, frequency_hz: 5 }],
    ['a sound wave of 440 Hz travelling at 343 m/s', { frequency_hz: 440 }],
    ['STANDING WAVE ON A ROPE WITH FREQUENCY 3 HZ', { frequency_hz: 3, kind: 'standing' }],
  ];
  for (const [text, want] of cases) {
    const a = analyze(text);
    t.is(a.template, 'physics.wave', text);
    for (const [k, v] of Object.entries(want)) t.is(a.params[k], v, `${text}: ${k}`);
  }
  sameFact(t, analyze('a sound wave of 440 Hz travelling at 343 m/s').params.wavelength_m, 343 / 440, 'λ = v/f');
  const bad = analyze('traveling wave with wavelength -2 m and frequency 0 Hz');
  t.is(bad.params.wavelength_m, 2);
  t.is(bad.params.frequency_hz, 1);
  t.true(bad.warnings.some((w) => w.includes('frequency')));
});

test('wave: the string takes the shape y = A sin(kx − ωt) at every keyframe; standing waves keep their nodes still', (t) => {
  const scene = sceneFor('traveling wave with wavelength 2 m and frequency 0.5 Hz, amplitude 0.5 m');
  checkScene(t, scene, 'traveling wave');
  const shapes = track(scene, 'string', 'points');
  t.true(shapes.length >= 96);
  const start = shapes[0]!.start;
  const k = Math.PI;
  const w = Math.PI;
  for (const key of shapes.slice(0, 97)) {
    const time = key.end - start; // real time: 4 periods of 2 s shown in 8 s
    for (const [x, y] of key.to as [number, number][]) near(t, y, 0.5 * Math.sin(k * x - w * time), 1e-6, `y(${x.toFixed(2)}, ${time.toFixed(3)})`);
  }
  const standing = sceneFor('standing wave with wavelength 2 m and amplitude 1 m');
  checkScene(t, standing, 'standing wave');
  const axes = object(standing, 'axes', 'axes');
  for (const key of track(standing, 'string', 'points')) {
    for (const [x, y] of key.to as [number, number][]) {
      // At the nodes x = 0, 1, 2 … m the string never moves.
      if (Math.abs(x - Math.round(x)) < 1e-9) near(t, y, 0, 1e-6, `node at ${x} m`);
    }
  }
  const node = object(standing, 'node1', 'circle');
  near(t, toData(axes, [node.x, node.y])[0], 1, 1e-9, 'second node at λ/2');
});

test('orbit: T = 2π√(r³/GM) with the bundled table, and the measured periods agree', (t) => {
  const cases: [string, string, string, number, number, number][] = [
    ['Earth orbiting the Sun', 'Sun', 'Earth', 1.496e11, 1.9885e30, 365.256],
    ['the Moon going around the Earth', 'Earth', 'Moon', 3.844e8, 5.9722e24, 27.32],
    ['orbit of Mars', 'Sun', 'Mars', 2.2794e11, 1.9885e30, 686.98],
    ['How does Jupiter orbit the sun?', 'Sun', 'Jupiter', 7.7848e11, 1.9885e30, 4332.59],
    ['Walk me through Neptune circling the Sun', 'Sun', 'Neptune', 4.49506e12, 1.9885e30, 60195],
  ];
  for (const [text, central, body, r, M, measured] of cases) {
    const a = analyze(text);
    t.is(a.template, 'physics.orbit', text);
    t.deepEqual(a.params, { central, body, radius_m: r, central_mass_kg: M }, text);
    const T = (2 * Math.PI * Math.sqrt(r ** 3 / (G * M))) / DAY;
    sameFact(t, a.facts.period_days, T, `${text}: Kepler's period`);
    sameFact(t, a.facts.orbital_speed_mps, Math.sqrt((G * M) / r), `${text}: speed`);
    // Kepler with a point central mass is within 1% of the measured period (the Moon's own mass explains its 0.5%).
    t.true(Math.abs(T - measured) / measured < 0.01, `${text}: ${T} vs measured ${measured}`);
  }
});

test('orbit: satellites, altitudes, AU and solar masses', (t) => {
  const iss = analyze('ISS orbiting Earth at an altitude of 400 km');
  t.deepEqual([iss.params.central, iss.params.body, iss.params.radius_m], ['Earth', 'ISS', 6.371e6 + 4e5]);
  sameFact(t, iss.facts.period_days, (2 * Math.PI * Math.sqrt(6.771e6 ** 3 / (G * 5.9722e24))) / DAY, 'ISS period (about 92.5 min)');
  const geo = analyze('a geostationary satellite');
  near(t, (geo.facts.period_days as number) * 24, 23.93, 0.01, 'geostationary: one sidereal day');
  const star = analyze('a planet orbiting a star of 2 solar masses at 1 AU');
  t.deepEqual([star.params.central, star.params.body, star.params.radius_m, star.params.central_mass_kg], ['Star', 'Planet', AU, 2 * 1.9885e30]);
  sameFact(t, star.facts.period_days, (2 * Math.PI * Math.sqrt(AU ** 3 / (G * 2 * 1.9885e30))) / DAY, 'a year shortened by √2');
  const inside = analyze('satellite orbiting Earth at a radius of 1000 km');
  t.true(
    inside.warnings.some((w) => w.includes('inside Earth')),
    inside.warnings.join('; '),
  );
  t.true((inside.params.radius_m as number) > 6.371e6);
  const far = analyze('Earth orbiting the Sun at 1e300 m');
  t.is(far.params.radius_m, 1e15);
  t.true(far.warnings.some((w) => w.includes('orbital radius')));
});

test('orbit: the body moves on the circle at constant angular speed, names only in text objects', (t) => {
  const scene = sceneFor('Earth orbiting the Sun');
  checkScene(t, scene, 'orbit');
  const central = object(scene, 'central', 'circle');
  const xs = track(scene, 'body', 'x');
  const ys = track(scene, 'body', 'y');
  t.true(xs.length >= 144);
  const start = xs[0]!.start;
  const perRev = (xs.at(-1)!.end - start) / 2;
  for (let i = 0; i < xs.length; i++) {
    const dx = (xs[i]!.to as number) - central.x;
    const dy = (ys[i]!.to as number) - central.y;
    near(t, Math.hypot(dx, dy), 3.1, 1e-5, 'on the circle');
    const angle = (2 * Math.PI * (xs[i]!.end - start)) / perRev;
    near(t, Math.cos(angle), dx / 3.1, 1e-5, `uniform motion, sample ${i}`);
  }
  const latex = scene.objects
    .filter((o) => o.type === 'math')
    .map((o) => (o as { latex: string }).latex)
    .join(' ');
  t.false(/Earth|Sun/.test(latex), 'body names are text objects, never LaTeX');
  t.true(latex.includes('365\\,\\mathrm{days}'), latex);
});

test('solar system: all eight planets with Kepler periods, and subsets people ask for', (t) => {
  const a = analyze('Solar system with planets orbiting');
  t.is(a.template, 'astronomy.solar_system');
  t.deepEqual(a.facts.planets, ['Mercury', 'Venus', 'Earth', 'Mars', 'Jupiter', 'Saturn', 'Uranus', 'Neptune']);
  const periods = a.facts.orbital_periods_days as Record<string, number>;
  const distances = a.facts.distances_au as Record<string, number>;
  // Kepler's third law in solar units: T (years) = a (AU)^1.5.
  for (const [name, days] of Object.entries(periods)) near(t, days / 365.256, distances[name]! ** 1.5, 0.002 * distances[name]! ** 1.5, `${name}: T² = a³`);
  const cases: [string, string[]][] = [
    ['Walk me through the inner planets orbiting the Sun', ['Mercury', 'Venus', 'Earth', 'Mars']],
    ['How do the outer planets move?', ['Jupiter', 'Saturn', 'Uranus', 'Neptune']],
    ['Can you animate the solar system with Jupiter, Earth and Mars', ['Earth', 'Mars', 'Jupiter']],
    ['show me all 8 planets', ['Mercury', 'Venus', 'Earth', 'Mars', 'Jupiter', 'Saturn', 'Uranus', 'Neptune']],
    ['THE SOLAR SYSTEM', ['Mercury', 'Venus', 'Earth', 'Mars', 'Jupiter', 'Saturn', 'Uranus', 'Neptune']],
  ];
  for (const [text, planets] of cases) {
    const r = analyze(text);
    t.is(r.template, 'astronomy.solar_system', text);
    t.deepEqual(r.params.planets, planets, text);
  }
  const pluto = analyze('solar system including Pluto');
  t.true(pluto.warnings.some((w) => w.includes('dwarf planet')));
});

test('solar system: readable not-to-scale layout stated on screen, planets moving at their real relative rates', (t) => {
  const scene = sceneFor('Solar system with planets orbiting');
  checkScene(t, scene, 'solar system');
  const note = scene.objects.find((o) => o.id === 'scale-note') as { text: string };
  t.regex(note.text, /Not to scale/);
  t.regex(note.text, /1 Earth year = \d+ s/);
  const sun = object(scene, 'sun', 'circle');
  // Angular speed ∝ 1/T: compare Mercury and Earth over the same stretch of the timeline.
  const sweep = (i: number) => {
    const xs = track(scene, `planet-${i}`, 'x');
    const ys = track(scene, `planet-${i}`, 'y');
    const rx = Math.max(...xs.map((k) => Math.abs((k.to as number) - sun.x)));
    let total = 0;
    let prev = Math.atan2(((ys[0]!.to as number) - sun.y) / 0.45, (xs[0]!.to as number) - sun.x);
    for (let k = 1; k < xs.length; k++) {
      const a = Math.atan2(((ys[k]!.to as number) - sun.y) / 0.45, (xs[k]!.to as number) - sun.x);
      total += ((a - prev + 3 * Math.PI) % (2 * Math.PI)) - Math.PI;
      prev = a;
    }
    return { turns: total / (2 * Math.PI), rx, span: xs.at(-1)!.end - xs[0]!.end };
  };
  const mercury = sweep(0);
  const earth = sweep(2);
  near(t, mercury.turns / mercury.span / (earth.turns / earth.span), 365.256 / 87.969, 0.02, 'Mercury turns 4.15× as fast as Earth');
  t.true(mercury.rx < earth.rx, 'orbits ordered outward');
});

/** Hue in degrees (0–360) and saturation (0–1) of a #rrggbb colour. */
function hueOf(hex: string): { hue: number; sat: number; light: number } {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  const light = (max + min) / 2;
  const sat = d === 0 ? 0 : d / (1 - Math.abs(2 * light - 1));
  let hue = 0;
  if (d > 0) hue = max === r ? 60 * (((g - b) / d) % 6) : max === g ? 60 * ((b - r) / d + 2) : 60 * ((r - g) / d + 4);
  return { hue: (hue + 360) % 360, sat, light };
}

test('content checklist: the solar system draws each planet in its real colour (Saturn pale gold, not pink) and no name over the Sun', (t) => {
  const scene = sceneFor('Solar system with planets orbiting');
  const fill = (name: string) => {
    const label = scene.objects.find((o) => o.type === 'text' && o.text === name && o.id.startsWith('label-'))!;
    const disc = scene.objects.find((o) => o.id === label.id.replace('label-', 'planet-'))!;
    return disc.type === 'circle' ? disc.fill! : '';
  };
  // Fixed colours, not theme roles: the scientific theme's accent is pink, and Saturn used to take it.
  for (const name of ['Mercury', 'Venus', 'Earth', 'Mars', 'Jupiter', 'Saturn', 'Uranus', 'Neptune']) t.regex(fill(name), /^#[0-9a-f]{6}$/, name);
  const saturn = hueOf(fill('Saturn'));
  t.true(saturn.hue >= 35 && saturn.hue <= 60, `Saturn is pale gold (hue ${saturn.hue.toFixed(0)}°)`);
  const mars = hueOf(fill('Mars'));
  t.true(mars.hue <= 25 || mars.hue >= 350, `Mars is rust red (hue ${mars.hue.toFixed(0)}°)`);
  for (const blue of ['Earth', 'Neptune']) t.true(Math.abs(hueOf(fill(blue)).hue - 222) <= 25, `${blue} is blue`);
  t.true(Math.abs(hueOf(fill('Uranus')).hue - 185) <= 15, 'Uranus is pale cyan');
  t.true(hueOf(fill('Mercury')).sat < 0.15, 'Mercury is grey');
  const sunFill = scene.objects.find((o) => o.id === 'sun');
  t.true(sunFill?.type === 'circle' && Math.abs(hueOf(sunFill.fill!).hue - 43) <= 12, 'the Sun is yellow-orange');
  // No label ever lies over the Sun, and the names keep apart (a rare crossing of two fast inner planets aside).
  const tl = new CompiledTimeline(scene);
  const sun = scene.objects.find((o) => o.id === 'sun')!;
  if (sun.type !== 'circle') return t.fail();
  const labels = scene.objects.filter((o) => /^label-\d$/.test(o.id)).flatMap((o) => (o.type === 'text' ? [o] : []));
  let samples = 0;
  let crossings = 0;
  for (let at = 0; at <= scene.duration; at += 0.05) {
    const boxes = labels.map((l) => {
      const [x, y] = [tl.valueAt(l.id, 'x', at) as number, tl.valueAt(l.id, 'y', at) as number];
      const hw = (l.text.length * 0.28 * 0.56) / 2;
      return { name: l.text, x0: x - hw, x1: x + hw, y0: y - 0.15, y1: y + 0.15 };
    });
    for (const b of boxes) {
      const [nx, ny] = [Math.max(b.x0, Math.min(sun.x, b.x1)), Math.max(b.y0, Math.min(sun.y, b.y1))];
      t.true(Math.hypot(nx - sun.x, ny - sun.y) >= sun.radius, `${b.name}'s label is over the Sun at ${at.toFixed(2)} s`);
    }
    samples += boxes.length;
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (boxes[i]!.x0 < boxes[j]!.x1 && boxes[j]!.x0 < boxes[i]!.x1 && boxes[i]!.y0 < boxes[j]!.y1 && boxes[j]!.y0 < boxes[i]!.y1) crossings++;
  }
  t.true(crossings <= samples * 0.005, `${crossings} label overlaps in ${samples} label samples`);
});
