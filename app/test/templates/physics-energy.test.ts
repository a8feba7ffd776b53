// physics.energy_conservation: the speed at the bottom checked against a separate simulation (a small-step
// semi-implicit Euler of the forces, not the template's RK4 and never v = √(2gh)), PE + KE constant along the
// template's own motion, the bars always filling the same total, and the three ways a mass is set moving.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { energyMotion, trackShape, type EnergyParams } from '../../src/templates/science/physics/energy-conservation.ts';
import { CompiledTimeline } from '../../src/scene/timeline.ts';
import { checkScene, near, sameFact, sceneFor, track } from './physics-checks.ts';

const G = 9.81;
const params = (p: Partial<EnergyParams>): EnergyParams => ({ scenario: 'track', mass_kg: 1, height_m: 5, length_m: 2, g_mps2: G, ...p });

/** The speed at the lowest point by stepping the forces: gravity along the track's slope, or on the pendulum's arc. */
function simulatedBottomSpeed(p: EnergyParams): number {
  const dt = 1e-5;
  if (p.scenario === 'drop') {
    let [y, v] = [p.height_m, 0];
    while (y > 0) {
      v += G * dt;
      y -= v * dt;
    }
    return v;
  }
  if (p.scenario === 'pendulum') {
    let th = Math.acos(1 - p.height_m / p.length_m);
    let w = 0;
    while (th > 0) {
      w -= (G / p.length_m) * Math.sin(th) * dt;
      th += w * dt;
    }
    return Math.abs(w) * p.length_m;
  }
  // Along the track by arc length s: s'' = −g sin(slope); the bottom is at x = w/2.
  const shape = trackShape(p.height_m);
  let [x, u] = [0, 0];
  while (x < shape.w / 2) {
    const slope = Math.atan(shape.dy(x));
    u += -G * Math.sin(slope) * dt; // along the track, positive to the right
    x += u * Math.cos(slope) * dt;
  }
  return Math.abs(u);
}

test('speed at the bottom agrees with a separate simulation; PE + KE stays the total along the motion', (t) => {
  for (const p of [
    params({}),
    params({ height_m: 0.3, mass_kg: 3 }),
    params({ scenario: 'drop', height_m: 20 }),
    params({ scenario: 'pendulum', height_m: 0.5, length_m: 2 }),
    params({ scenario: 'pendulum', height_m: 1.9, length_m: 2 }),
    params({ height_m: 12, g_mps2: 1.62 }),
  ]) {
    const e = energyMotion(p);
    const label = `${p.scenario} from ${p.height_m} m`;
    const g = p.g_mps2;
    if (g === G) near(t, e.bottomSpeed, simulatedBottomSpeed(p), 2e-3 * e.bottomSpeed, `${label}: speed at the bottom`);
    near(t, e.samples[e.bottom]!.v, e.bottomSpeed, 1e-3 * e.bottomSpeed, `${label}: the motion's own speed at its lowest point`);
    for (const s of e.samples) {
      near(t, p.mass_kg * g * s.y + 0.5 * p.mass_kg * s.v * s.v, e.total, 1e-6 * e.total, `${label}: PE + KE at t = ${s.t.toFixed(3)}`);
    }
    if (p.scenario !== 'drop') near(t, e.samples[e.samples.length - 1]!.y, p.height_m, 1e-3 * p.height_m, `${label}: back up to the start height`);
  }
  const cart = analyze('Conservation of energy: a 2 kg cart on a frictionless track released from 5 m');
  sameFact(t, cart.facts.total_energy_j, 2 * G * 5, 'mgh');
  sameFact(t, cart.facts.speed_at_bottom_mps, 9.905, '√(2 × 9.81 × 5)');
  sameFact(t, cart.facts.speed_halfway_mps, Math.sqrt(G * 5), 'halfway: √(gh)');
  const swing = analyze('energy conservation in a pendulum of length 2 m released at 30 degrees');
  sameFact(t, swing.params.height_m, 2 * (1 - Math.cos(Math.PI / 6)), 'h = L(1 − cos θ)');
  sameFact(t, swing.facts.amplitude_deg, 30, 'the amplitude back from the height');
});

test('scenarios, masses and heights are read as people write them', (t) => {
  const cases: [string, Record<string, unknown>][] = [
    ['Conservation of energy: a 2 kg cart on a frictionless track released from 5 m', { scenario: 'track', mass_kg: 2, height_m: 5 }],
    ['conservation of energy on a roller coaster 30 m high', { scenario: 'track', height_m: 30 }],
    ['kinetic and potential energy of a ball dropped from 20 m', { scenario: 'drop', height_m: 20 }],
    ['KE and GPE of a skateboarder in a half pipe 3 m high', { scenario: 'track', height_m: 3 }],
    ['energy conservation in a pendulum of length 2 m released at 30 degrees', { scenario: 'pendulum', length_m: 2 }],
    ['GPE to KE: 500 g mass falls from a height of 1.5 m', { scenario: 'drop', mass_kg: 0.5, height_m: 1.5 }],
  ];
  for (const [text, want] of cases) {
    const a = analyze(text);
    t.is(a.template, 'physics.energy_conservation', text);
    for (const [k, v] of Object.entries(want)) t.is(a.params[k], v, `${text}: ${k}`);
  }
  for (const text of ['Free fall of a ball dropped from 45 m', 'Simple pendulum, length 1.5 m', 'energy transfers in photosynthesis', 'elastic potential energy in a spring', 'Sankey diagram of a light bulb efficiency']) {
    t.not(analyze(text).template, 'physics.energy_conservation', text);
  }
});

test('scene: the bars always add up to the same total while the mass moves', (t) => {
  for (const text of [
    'Conservation of energy: a 2 kg cart on a frictionless track released from 5 m',
    'kinetic and potential energy of a ball dropped from 20 m',
    'energy conservation in a pendulum of length 2 m released at 30 degrees',
    'conservation of energy on a roller coaster 3000 m high',
    'conservation of energy for a pendulum released 0.01 m above its lowest point',
  ]) {
    checkScene(t, sceneFor(text), text);
  }
  const scene = sceneFor('Conservation of energy: a 2 kg cart on a frictionless track released from 5 m');
  t.true(track(scene, 'pe-bar', 'height').length > 20, 'the PE bar follows the motion');
  const timeline = new CompiledTimeline(scene);
  const height = (id: string, at: number) => timeline.valueAt(id, 'height', at) as number;
  let moved = 0;
  for (let i = 0; i <= 200; i++) {
    const at = (scene.duration * i) / 200;
    // Bars at rest are drawn 0.002 tall rather than not at all: the sum is the total to within that.
    near(t, height('pe-bar', at) + height('ke-bar', at), 3.6, 0.005, `PE + KE bars at ${at.toFixed(2)} s`);
    if (height('ke-bar', at) > 1) moved++;
  }
  t.true(moved > 10, 'kinetic energy is shown while it moves');
  const captions = scene.narration.steps.map((s) => s.text).join(' ');
  t.regex(captions, /v = √\(2gh\) = √\(2 × 9\.81 × 5\) = 9\.9 m\/s/);
  t.regex(captions, /98\.1 J/);
});
