import test from 'ava';
import { CompiledTimeline } from '../../src/scene/timeline.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { checkScene, near, object, sameFact, sceneFor, toData, track } from './physics-checks.ts';

const G = 9.81;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Closed form, written independently of the template: y(t) = h + v sinθ t − g t²/2 = 0 by the quadratic formula. */
function expected(v: number, angle: number, h = 0, g = G) {
  const a = -g / 2;
  const b = v * Math.sin(rad(angle));
  const c = h;
  const T = (-b - Math.sqrt(b * b - 4 * a * c)) / (2 * a);
  const apexT = Math.max(0, b / g);
  return { T, R: v * Math.cos(rad(angle)) * T, H: h + b * apexT - (g * apexT * apexT) / 2 };
}

test('the issue example: 20 m/s at 45 degrees gives 2.883 s, 40.775 m, 10.194 m', (t) => {
  const a = analyze('Projectile launched at 20 m/s at 45 degrees');
  t.is(a.template, 'physics.projectile');
  t.deepEqual(a.params, { speed_mps: 20, angle_deg: 45, height_m: 0, g_mps2: 9.81 });
  t.is(a.facts.flight_time_s, 2.883);
  t.is(a.facts.range_m, 40.775);
  t.is(a.facts.max_height_m, 10.194);
  t.deepEqual(a.warnings, []);
});

test('facts match the closed form for many launches, with and without a launch height', (t) => {
  for (const [v, angle, h] of [
    [20, 45, 0],
    [10, 30, 0],
    [35.5, 70, 0],
    [15, 45, 10],
    [12, 0, 20],
    [50, 15, 100],
    [8, -20, 30],
    [3, 89, 0],
    [25, 90, 5],
  ] as const) {
    const a = analyze(`projectile at ${v} m/s, angle ${angle} degrees, from a height of ${h} m`);
    t.is(a.template, 'physics.projectile');
    t.deepEqual([a.params.speed_mps, a.params.angle_deg, a.params.height_m], [v, angle, h], `${v} ${angle} ${h}`);
    const e = expected(v, angle, h);
    sameFact(t, a.facts.flight_time_s, e.T, `T for ${v} m/s at ${angle}° from ${h} m`);
    sameFact(t, a.facts.range_m, e.R, `R for ${v} m/s at ${angle}° from ${h} m`);
    sameFact(t, a.facts.max_height_m, e.H, `H for ${v} m/s at ${angle}° from ${h} m`);
    sameFact(t, a.facts.impact_speed_mps, Math.sqrt(v * v + 2 * G * h), `impact speed (energy conservation) for ${v} m/s from ${h} m`);
  }
});

test('a vertical launch goes straight up and lands where it started', (t) => {
  const a = analyze('a ball thrown straight up at 15 m/s');
  t.is(a.template, 'physics.projectile');
  t.is(a.params.angle_deg, 90);
  t.is(a.facts.range_m, 0);
  sameFact(t, a.facts.max_height_m, (15 * 15) / (2 * G), 'H = v²/2g');
});

test('phrasings people use all find the launch', (t) => {
  const cases: [string, number, number, number][] = [
    ['Walk me through a projectile launched at 20 m/s at 45 degrees', 20, 45, 0],
    ['How does projectile motion work for a ball thrown at 20 meters per second at 45°?', 20, 45, 0],
    ['Can you animate a cannonball fired at 72 km/h at a 45-degree angle', 20, 45, 0],
    ['PROJECTILE LAUNCHED AT 20 M/S AT 45 DEGREES', 20, 45, 0],
    ['projectle lauched at 20 m/s at 45 degres', 20, 45, 0],
    ['A ball is thrown at 15 metres per second at pi/4 rad from a height of 10 m', 15, 45, 10],
    ['A stone is kicked horizontally at 12 m/s off a 20 m cliff', 12, 0, 20],
    ['launch a projectile with initial velocity v0 = 30 m/s and θ = 60°', 30, 60, 0],
    ['projectile motion, speed 25, angle of 30', 25, 30, 0],
  ];
  for (const [text, v, angle, h] of cases) {
    const a = analyze(text);
    t.is(a.template, 'physics.projectile', text);
    near(t, a.params.speed_mps, v, 1e-9, `${text}: speed`);
    near(t, a.params.angle_deg, angle, 1e-9, `${text}: angle`);
    t.is(a.params.height_m, h, `${text}: height`);
    const e = expected(v, angle, h);
    sameFact(t, a.facts.range_m, e.R, `${text}: range`);
  }
});

test('gravity can be given or implied by the place', (t) => {
  const moon = analyze('projectile launched at 20 m/s at 45 degrees on the Moon');
  t.is(moon.params.g_mps2, 1.62);
  sameFact(t, moon.facts.range_m, expected(20, 45, 0, 1.62).R, 'range on the Moon');
  const given = analyze('projectile at 20 m/s, 30°, g = 3.71 m/s²');
  t.is(given.params.g_mps2, 3.71);
  sameFact(t, given.facts.flight_time_s, expected(20, 30, 0, 3.71).T, 'flight time with g = 3.71');
});

test('impossible input is clamped or refused with a warning that says which and why', (t) => {
  const fast = analyze('projectile fired at 1e308 m/s at 45 degrees');
  t.is(fast.params.speed_mps, 1000);
  t.true(
    fast.warnings.some((w) => w.includes('launch speed') && w.includes('1000 m/s')),
    fast.warnings.join('; '),
  );
  const steep = analyze('projectile launched at 20 m/s at 120 degrees');
  t.is(steep.params.angle_deg, 90);
  t.true(
    steep.warnings.some((w) => w.includes('launch angle') && w.includes('90°')),
    steep.warnings.join('; '),
  );
  const down = analyze('projectile launched at 20 m/s at -30 degrees');
  t.is(down.params.angle_deg, 0);
  t.true(
    down.warnings.some((w) => w.includes('downward')),
    down.warnings.join('; '),
  );
  const noG = analyze('projectile launched at 20 m/s at 45 degrees with g = 0');
  t.is(noG.params.g_mps2, 9.81);
  t.true(
    noG.warnings.some((w) => w.includes('gravity g')),
    noG.warnings.join('; '),
  );
  const negative = analyze('projectile launched at -20 m/s at 45 degrees');
  t.is(negative.params.speed_mps, 20);
  t.true(negative.warnings.some((w) => w.includes('cannot be negative')));
  t.throws(() => analyze('x', { template: 'physics.projectile', params: { angle_deg: 135 } }), { message: /angle_deg/ });
});

test('the ball and its trail follow the real trajectory, with labelled results and a caption per phase', (t) => {
  const scene = sceneFor('Projectile launched at 20 m/s at 45 degrees');
  checkScene(t, scene, 'projectile');
  const axes = object(scene, 'axes', 'axes');
  const xs = track(scene, 'ball', 'x');
  const ys = track(scene, 'ball', 'y');
  t.true(xs.length >= 40 && ys.length >= 40, 'sampled at many points');
  // Every sample the ball passes through lies on y = x tanθ − g x² / (2 v² cos²θ).
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const [x, y] = toData(axes, [xs[i]!.to as number, ys[i]!.to as number]);
    const curve = x * Math.tan(rad(45)) - (G * x * x) / (2 * 400 * Math.cos(rad(45)) ** 2);
    near(t, y, Math.max(0, curve), 1e-4, `sample ${i} at x = ${x.toFixed(3)} m`);
  }
  const [landX] = toData(axes, [xs.at(-1)!.to as number, 0]);
  near(t, landX, expected(20, 45).R, 1e-4, 'the ball lands at the range');
  // Slowed 5× so the rise and the fall each last their caption's reading time (pacing.ts), as the frame says:
  // the flight takes 5 × 2.883 s of screen time plus the pause at the apex.
  const flight = xs.at(-1)!.end - xs[0]!.start;
  t.regex(scene.objects.find((o) => o.id === 'playback')!.type === 'text' ? (scene.objects.find((o) => o.id === 'playback') as { text: string }).text : '', /slow motion \(5× slower\)/);
  t.true(flight > 5 * 2.883 && flight < 5 * 2.883 + 6, `flight shown in ${flight} s`);
  const trail = object(scene, 'trail', 'plot');
  for (const p of trail.points) if (p) near(t, p[1], Math.max(0, p[0] - (G * p[0] ** 2) / 400), 1e-6, 'trail point on the parabola');
  const texts = scene.objects.filter((o) => o.type === 'text').map((o) => (o as { text: string }).text);
  t.true(texts.includes('H = 10.2 m') && texts.includes('R = 40.8 m'), texts.join(' | '));
  const latex = scene.objects
    .filter((o) => o.type === 'math')
    .map((o) => (o as { latex: string }).latex)
    .join(' ');
  t.true(latex.includes('2.88\\,\\mathrm{s}') && latex.includes('40.8\\,\\mathrm{m}'), latex);
  const captions = scene.narration.steps.map((c) => c.text).join(' ');
  for (const phase of ['Launch', 'Apex', 'Landing']) t.true(captions.includes(phase), `caption for ${phase}`);
});

test('a launch height draws the platform and the ball starts on it', (t) => {
  const scene = sceneFor('A ball is thrown at 15 m/s at 30 degrees from a height of 10 m');
  checkScene(t, scene, 'projectile from 10 m');
  const axes = object(scene, 'axes', 'axes');
  const ball = object(scene, 'ball', 'circle');
  const [x, y] = toData(axes, [ball.x, ball.y]);
  near(t, x, 0, 1e-9, 'starts at x = 0');
  near(t, y, 10, 1e-9, 'starts 10 m up');
  t.truthy(scene.objects.find((o) => o.id === 'platform'));
});

test('extreme but valid launches still fit the screen', (t) => {
  for (const text of ['projectile at 1000 m/s at 5 degrees', 'projectile at 0.5 m/s at 80 degrees', 'projectile at 2 m/s at 0 degrees from a height of 10000 m', 'projectile at 300 m/s at 89.9 degrees']) {
    checkScene(t, sceneFor(text), text);
  }
});

test('content checklist: vx and vy are drawn on the ball through the flight, vx constant, vy shrinking to 0 at the apex and growing downward', (t) => {
  const scene = sceneFor('Projectile launched at 20 m/s at 45 degrees');
  const tl = new CompiledTimeline(scene);
  const ball = track(scene, 'ball', 'x');
  const [start, end] = [ball[0]!.start, ball.at(-1)!.end];
  const arrow = (id: string, at: number) => tl.valueAt(id, 'points', at) as [number, number][];
  const launchVx = arrow('vx-arrow', start);
  const vxLength = launchVx[1]![0] - launchVx[0]![0];
  t.true(vxLength > 0.5, 'vx is drawn at launch');
  const vyLengths: number[] = [];
  for (let i = 1; i < 10; i++) {
    const at = start + ((end - start) * i) / 10;
    t.true((tl.valueAt('vx-arrow', 'opacity', at) as number) > 0.99 && (tl.valueAt('vy-arrow', 'opacity', at) as number) > 0.99, `both components shown at ${at.toFixed(1)} s`);
    const vx = arrow('vx-arrow', at);
    const vy = arrow('vy-arrow', at);
    // Both start at the ball, vx horizontal and as long as at launch, vy vertical.
    near(t, vx[0]![0], tl.valueAt('ball', 'x', at) as number, 1e-6, 'vx starts at the ball');
    near(t, vy[0]![1], tl.valueAt('ball', 'y', at) as number, 1e-6, 'vy starts at the ball');
    near(t, vx[1]![1], vx[0]![1], 1e-9, 'vx is horizontal');
    near(t, vy[1]![0], vy[0]![0], 1e-9, 'vy is vertical');
    near(t, vx[1]![0] - vx[0]![0], vxLength, 1e-6, 'vx keeps its length');
    vyLengths.push(vy[1]![1] - vy[0]![1]);
  }
  t.true(vyLengths[0]! > 0 && vyLengths.at(-1)! < 0, `vy points up early and down late: ${vyLengths.map((v) => v.toFixed(2)).join(' ')}`);
  // At 45° the two components are equal at launch, as the caption says (vx = vy = 14.1 m/s).
  near(t, arrow('vy-arrow', start)[1]![1] - arrow('vy-arrow', start)[0]![1], vxLength, 1e-6, 'vy = vx at 45°');
  const launch = scene.narration.steps.find((s) => s.text.startsWith('Launch'))!;
  t.true(launch.refs.includes('v-arrow') && launch.text.includes('vx = 14.1 m/s') && launch.text.includes('vy = 14.1 m/s'));
  // The caption writes vx and vy in their arrows' colour.
  t.deepEqual(
    launch.terms?.filter((x) => x.text === 'vx' || x.text === 'vy'),
    [
      { text: 'vx', ref: 'vx-arrow' },
      { text: 'vy', ref: 'vy-arrow' },
    ],
  );
  t.true(scene.objects.some((o) => o.id === 'legend.component.label' && o.type === 'text' && o.text === 'vx and vy'));
});
