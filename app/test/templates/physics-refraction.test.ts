// physics.refraction: Snell's law checked against Fermat's principle (the ray takes the quickest path, found
// here by a numerical search, never by Snell's formula), the critical angle against a bisection, the media and
// angles read from the ways people ask, and a scene whose rays are drawn at their true angles.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { refract } from '../../src/templates/science/physics/refraction.ts';
import { checkScene, near, object, sameFact, sceneFor } from './physics-checks.ts';

/**
 * Fermat: light from A (1 unit above the boundary) to B (1 unit below) crosses where n₁|AP| + n₂|PB| is least.
 * For a given θ₁, A sits at (−tan θ₁, 1) and the crossing is the origin; B is placed where the quickest path
 * from A passes through the origin… which needs θ₂. So instead: fix A and vary B's direction until the
 * quickest crossing point (golden-section search) lands on the origin. The direction found is θ₂.
 */
function fermatAngle(n1: number, n2: number, theta1: number): number {
  const A: [number, number] = [-Math.tan((theta1 * Math.PI) / 180), 1];
  const crossing = (bx: number) => {
    const time = (x: number) => n1 * Math.hypot(x - A[0], A[1]) + n2 * Math.hypot(bx - x, 1);
    let [lo, hi] = [Math.min(A[0], bx) - 1, Math.max(A[0], bx) + 1];
    const g = (Math.sqrt(5) - 1) / 2;
    for (let i = 0; i < 200; i++) {
      const m1 = hi - g * (hi - lo);
      const m2 = lo + g * (hi - lo);
      if (time(m1) < time(m2)) hi = m2;
      else lo = m1;
    }
    return (lo + hi) / 2;
  };
  // B at (bx, −1): the crossing moves right as bx does; bisect for the bx whose quickest crossing is x = 0.
  let [lo, hi] = [0, 1e4];
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (crossing(mid) < 0) lo = mid;
    else hi = mid;
  }
  return (Math.atan((lo + hi) / 2) * 180) / Math.PI;
}

/** The critical angle as the smallest θ₁ with no solution, by bisection on n₁ sin θ₁ ≤ n₂. */
function criticalByBisection(n1: number, n2: number): number {
  let [lo, hi] = [0, 90];
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (n1 * Math.sin((mid * Math.PI) / 180) <= n2) lo = mid;
    else hi = mid;
  }
  return lo;
}

test('the refracted angle is the quickest path (Fermat); the critical angle and total internal reflection agree with a bisection', (t) => {
  const cases: [number, number, number][] = [
    [1, 1.5, 30],
    [1, 1.33, 40],
    [1, 2.42, 60],
    [1.33, 1, 30],
    [1.5, 1, 40],
    [1.5, 1.33, 55],
    [1.2, 1.2, 35],
    [1, 1.5, 0],
  ];
  for (const [n1, n2, a] of cases) {
    const r = refract({ n1, n2, angle_deg: a });
    t.false(r.tir, `${n1} → ${n2} at ${a}°`);
    near(t, r.refracted, fermatAngle(n1, n2, a), 1e-4, `θ₂ for ${n1} → ${n2} at ${a}°`);
    if (n1 > n2) near(t, r.critical, criticalByBisection(n1, n2), 1e-6, `θc for ${n1} → ${n2}`);
    else t.is(r.critical, null, 'no critical angle going into a denser medium');
    t.is(r.bends, a === 0 || n1 === n2 ? 'straight on' : n2 > n1 ? 'towards the normal' : 'away from the normal');
  }
  for (const [n1, n2, a] of [
    [1.5, 1, 45],
    [1.33, 1, 50],
    [2.42, 1, 30],
  ] as const) {
    const r = refract({ n1, n2, angle_deg: a });
    t.true(a > criticalByBisection(n1, n2), 'past the critical angle');
    t.true(r.tir, `${n1} → ${n2} at ${a}°: total internal reflection`);
    t.is(r.refracted, null);
  }
  const glass = analyze('Refraction of light from air into glass at 30 degrees');
  sameFact(t, glass.facts.refracted_angle_deg, 19.47, 'air → glass at 30°: 19.47° (sin⁻¹(0.5/1.5))');
  sameFact(t, glass.facts.speed2_mps, 299792458 / 1.5, 'c/n in glass');
  sameFact(t, analyze('critical angle of glass').facts.critical_angle_deg, 41.81, 'glass → air: 41.8°');
  sameFact(t, analyze('critical angle of water').facts.critical_angle_deg, 48.75, 'water → air: 48.8°');
});

test('media, indices and angles are read as people write them', (t) => {
  const cases: [string, Record<string, unknown>][] = [
    ['Refraction of light from air into water at 40 degrees', { medium1: 'air', n1: 1, medium2: 'water', n2: 1.33, angle_deg: 40 }],
    ["Snell's law: light going from water into air at 30°", { medium1: 'water', medium2: 'air', angle_deg: 30 }],
    ['Refraction of light through a glass block', { medium1: 'air', medium2: 'glass', n2: 1.5, angle_deg: 30 }],
    ['refraction n1 = 1.33 n2 = 1.0 angle of incidence 35', { medium1: '', n1: 1.33, medium2: '', n2: 1, angle_deg: 35 }],
    ['light ray entering glass of refractive index 1.6 at 45 degrees', { medium1: 'air', medium2: 'glass', n2: 1.6, angle_deg: 45 }],
    ['GCSE physics - refraction of a laser beam leaving a perspex block at 20 degrees', { medium1: 'perspex', n1: 1.49, medium2: 'air', angle_deg: 20 }],
    ['total internal reflection in a diamond', { medium1: 'diamond', n1: 2.42, medium2: 'air', n2: 1 }],
    ['snells law from glass to water, incident angle 50', { medium1: 'glass', medium2: 'water', n2: 1.33, angle_deg: 50 }],
  ];
  for (const [text, want] of cases) {
    const a = analyze(text);
    t.is(a.template, 'physics.refraction', text);
    t.true(a.understood, text);
    for (const [k, v] of Object.entries(want)) t.is(a.params[k], v, `${text}: ${k}`);
  }
  const example = analyze('Refraction of light through a glass block');
  t.true(
    example.warnings.some((w) => w.includes('example angle of 30°')),
    'a missing angle is said to be an example',
  );
  // Asked about total internal reflection without an angle: an example past the critical angle.
  const tir = analyze('critical angle and total internal reflection in water');
  t.true(tir.facts.total_internal_reflection as boolean);
  t.true((tir.params.angle_deg as number) > (tir.facts.critical_angle_deg as number));
  const steep = analyze('refraction from air into glass at 95 degrees');
  t.is(steep.params.angle_deg, 89);
  t.true(steep.warnings.some((w) => w.includes('angle of incidence')));
  t.throws(() => analyze('x', { template: 'physics.refraction', params: { n2: 0.5 } }), { message: /n2/ });
});

test('neighbours keep their descriptions: prisms, lenses, fibres and sound are not one boundary', (t) => {
  for (const text of [
    'dispersion of white light through a prism',
    'ray diagram for a converging lens',
    'how a rainbow forms',
    'refraction of sound waves at night',
    'optical fibres and total internal reflection',
    'reflection in a plane mirror',
  ]) {
    t.not(analyze(text).template, 'physics.refraction', text);
  }
});

test('scene: rays drawn at their true angles from the normal, θ₂ from Snell, total internal reflection said', (t) => {
  for (const text of [
    'Refraction of light from air into water at 40 degrees',
    "Snell's law: light from water into air at 50°",
    'refraction n1 = 1 n2 = 4 at 89 degrees',
    'light from diamond into air at 10°',
    'light straight into glass at 0 degrees',
  ]) {
    checkScene(t, sceneFor(text), text);
  }
  const scene = sceneFor('Refraction of light from air into water at 40 degrees');
  const angleFromNormal = (id: string) => {
    const l = object(scene, id, 'line');
    const [[x0, y0], [x1, y1]] = [l.points[0]!, l.points[l.points.length - 1]!];
    return (Math.atan2(Math.abs(x1 - x0), Math.abs(y1 - y0)) * 180) / Math.PI;
  };
  near(t, angleFromNormal('incident'), 40, 1e-6, 'incident ray at 40° from the normal');
  near(t, angleFromNormal('refracted'), (Math.asin(Math.sin((40 * Math.PI) / 180) / 1.33) * 180) / Math.PI, 1e-6, 'refracted ray at θ₂');
  const captions = scene.narration.steps.map((s) => s.text).join(' ');
  t.regex(captions, /θ₂ = 28\.9°/);
  t.regex(captions, /bends towards the normal/);
  t.true(
    scene.narration.steps.every((s) => s.refs!.every((r) => scene.objects.some((o) => o.id === r))),
    'refs name objects',
  );
  const tir = sceneFor("Snell's law: light from water into air at 50°");
  t.false(
    tir.objects.some((o) => o.id === 'refracted'),
    'no refracted ray past the critical angle',
  );
  t.regex(tir.narration.steps.map((s) => s.text).join(' '), /total internal reflection/);
  t.is(object(tir, 'reflected', 'line').opacity, 1, 'all the light is reflected');
  t.regex(tir.meta.title ?? '', /Total internal reflection/);
});
