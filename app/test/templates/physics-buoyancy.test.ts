// physics.buoyancy: Archimedes' principle checked against a separate computation (the floating depth found by
// bisecting on the net force, never from ρ/ρf), the object and fluid read from how people ask, no object: the
// analysis asks for one; the scene's arrows drawn to one scale and the block settling at the floating depth.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { buoyancy } from '../../src/templates/science/physics/buoyancy.ts';
import { checkScene, near, object, sameFact, sceneFor, track } from './physics-checks.ts';

const G = 9.81;

/**
 * The same answer another way: a cube of side a = ∛V sunk to depth d feels ρf·g·a²·d up and ρ·g·a³ down.
 * Bisect d over [0, a] for the depth where the two balance; none in [0, a] means it sinks with W − ρf·g·a³.
 */
function reference(rho: number, V: number, rhoF: number): { floats: boolean; fraction: number; net: number; buoyant: number } {
  const a = Math.cbrt(V);
  const net = (d: number) => rho * G * a ** 3 - rhoF * G * a * a * d;
  if (net(a) > 0) return { floats: false, fraction: 1, net: net(a), buoyant: rhoF * G * a ** 3 };
  let [lo, hi] = [0, a];
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (net(mid) > 0) lo = mid;
    else hi = mid;
  }
  return { floats: true, fraction: lo / a, net: 0, buoyant: rhoF * G * a * a * lo };
}

test('floating depth, upthrust and net force agree with a force balance found by bisection', (t) => {
  const cases: [number, number, number][] = [
    [600, 0.002, 1000],
    [917, 0.001, 1025],
    [2700, 0.0005, 1000],
    [7850, 0.001, 13534],
    [11340, 0.0001, 1000],
    [240, 0.05, 920],
    [19300, 1e-5, 13534],
    [1100, 2, 1260],
  ];
  for (const [rho, V, rhoF] of cases) {
    const b = buoyancy({ object: '', density_kgpm3: rho, volume_m3: V, fluid: '', fluid_density_kgpm3: rhoF, g_mps2: G });
    const ref = reference(rho, V, rhoF);
    const label = `${rho} kg/m³, ${V} m³ in ${rhoF} kg/m³`;
    t.is(b.outcome, ref.floats ? 'floats' : 'sinks', label);
    near(t, b.submerged, ref.fraction, 1e-9, `${label}: fraction under`);
    near(t, b.net, ref.net, 1e-9 * Math.max(1, ref.net), `${label}: net force`);
    near(t, b.buoyant, ref.buoyant, 1e-9 * Math.max(1, ref.buoyant), `${label}: upthrust`);
    near(t, b.weight, rho * V * G, 1e-9 * rho * V * G, `${label}: weight`);
  }
  t.is(buoyancy({ object: '', density_kgpm3: 1000, volume_m3: 0.001, fluid: 'water', fluid_density_kgpm3: 1000, g_mps2: G }).outcome, 'neutral');
  const wood = analyze('Buoyancy of a 2 litre block of wood in water');
  sameFact(t, wood.facts.weight_n, 0.6 * 2 * G, 'W = 1.2 kg × 9.81');
  sameFact(t, wood.facts.submerged_fraction, 0.6, '60% under');
  sameFact(t, wood.facts.displaced_volume_m3, 0.0012, '1.2 L displaced');
  sameFact(t, wood.facts.max_buoyant_force_n, 2 * G, 'fully under: 2 kg of water');
  const al = analyze('upthrust on a 500 cm3 block of aluminium in water');
  t.is(al.facts.outcome, 'sinks');
  sameFact(t, al.facts.net_force_n, (2700 - 1000) * 0.0005 * G, 'apparent weight (ρ − ρf)Vg');
});

test('the object, its size and the fluid are read as people write them; no object: the analysis asks', (t) => {
  const cases: [string, Record<string, unknown>][] = [
    ['Buoyancy of a 2 litre block of wood in water', { object: 'wood', density_kgpm3: 600, volume_m3: 0.002, fluid: 'water' }],
    ['will a steel ball float in mercury', { object: 'steel', density_kgpm3: 7850, fluid: 'mercury', fluid_density_kgpm3: 13534 }],
    ['a 3 kg object of volume 0.002 m³ in water', { object: '', density_kgpm3: 1500, volume_m3: 0.002 }],
    ['does ice float on sea water', { object: 'ice', fluid: 'sea water', fluid_density_kgpm3: 1025 }],
    ['archimedes principle - 50 cm3 cork in cooking oil', { object: 'cork', volume_m3: 0.00005, fluid: 'oil', fluid_density_kgpm3: 920 }],
    ['upthrust on a 2 kg lump of lead in water', { object: 'lead', volume_m3: 2 / 11340 }],
    ['object with density 0.8 g/cm3 and volume 100 cm3 in a liquid of density 1200 kg/m3', { density_kgpm3: 800, volume_m3: 0.0001, fluid: 'liquid', fluid_density_kgpm3: 1200 }],
  ];
  for (const [text, want] of cases) {
    const a = analyze(text);
    t.is(a.template, 'physics.buoyancy', text);
    t.true(a.understood, text);
    for (const [k, v] of Object.entries(want)) {
      if (typeof v === 'number') near(t, a.params[k], v, Math.abs(v) * 1e-3, `${text}: ${k}`);
      else t.is(a.params[k], v, `${text}: ${k}`);
    }
  }
  t.true(analyze('does ice float on sea water').warnings.some((w) => w.includes('example volume')));
  for (const text of ["Buoyancy and Archimedes' principle", 'explain upthrust to year 8', 'a 2 kg block in water, does it float?']) {
    const none = analyze(text);
    t.is(none.template, 'physics.buoyancy', text);
    t.false(none.understood, text);
    t.deepEqual(none.needs?.data, ['density_kgpm3'], text);
  }
  t.throws(() => analyze('x', { template: 'physics.buoyancy', params: { density_kgpm3: 600, fluid_density_kgpm3: 100 } }), { message: /fluid_density_kgpm3/ });
});

test('neighbours keep their descriptions: ships, balloons, floating point and sinks are not a block in a fluid', (t) => {
  for (const text of [
    'why do steel ships float',
    'hot air balloon physics',
    'floating point numbers in binary',
    'heat sink design for a CPU',
    'carbon sinks and the carbon cycle',
    'how a submarine dives and surfaces',
    'ball dropped from 20 m',
  ]) {
    t.not(analyze(text).template, 'physics.buoyancy', text);
  }
});

test('scene: weight and upthrust to one scale, the block settles at the floating depth or sinks with the net force', (t) => {
  for (const text of [
    'Buoyancy of a 2 litre block of wood in water',
    'upthrust on a 500 cm3 block of aluminium in water',
    'an object of density 1000 kg/m3 in water',
    'a 1000 m3 block of concrete in sea water',
    'a 1 cm3 cube of gold in water',
    'a polystyrene block floating in mercury',
  ]) {
    checkScene(t, sceneFor(text), text);
  }
  const scene = sceneFor('Buoyancy of a 2 litre block of wood in water');
  const length = (pts: [number, number][]) => Math.hypot(pts[1]![0] - pts[0]![0], pts[1]![1] - pts[0]![1]);
  const up = track(scene, 'upthrust', 'points');
  const down = object(scene, 'weight', 'line');
  // Floating: the upthrust has grown to the weight when the block stops.
  near(t, length(up[up.length - 1]!.to as [number, number][]), length(down.points as [number, number][]), 1e-6, 'B = W at rest, drawn the same length');
  const y = track(scene, 'block', 'y');
  const fluid = object(scene, 'fluid', 'rect');
  const surface = fluid.y! + fluid.height / 2;
  const block = object(scene, 'block', 'rect');
  const bottom = (y[y.length - 1]!.to as number) - block.height / 2;
  near(t, (surface - bottom) / block.height, 0.6, 1e-6, '60% of the block under the surface');
  const captions = scene.narration.steps.map((s) => s.text).join(' ');
  t.regex(captions, /60% of it is under/);
  t.regex(captions, /W = ρVg = 11\.8 N/);
  const al = sceneFor('upthrust on a 500 cm3 block of aluminium in water');
  const net = object(al, 'net', 'line');
  const w = object(al, 'weight', 'line');
  const ratio = length(net.points as [number, number][]) / length(w.points as [number, number][]);
  near(t, ratio, (2700 - 1000) / 2700, 1e-6, 'net force arrow to the same scale as the weight');
  t.regex(al.narration.steps.map((s) => s.text).join(' '), /net force of 8\.34 N/);
});
