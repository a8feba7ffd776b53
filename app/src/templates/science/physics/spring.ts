// physics.spring: a block of mass m on a frictionless floor, tied to a wall by a spring of stiffness k,
// pulled A from equilibrium and released: x(t) = A·cos(ωt) with ω = √(k/m), T = 2π/ω. The block, the
// spring's coils and the restoring force F = −kx follow samples of x(t); x(t) is plotted as it happens.
import { readingTime } from '../../pacing.ts';
import { z } from 'zod';
import type { ParsedText } from '../../../text/parse.ts';
import { defineTemplate, type Composition } from '../../types.ts';
import { TimelineBuilder } from '../../timeline-builder.ts';
import { MASS_LIMIT, massIn, massParam } from './common-params.ts';
import { readouts, texUnit, withUnit } from './format.ts';
import { limited, put, type Limit } from './limits.ts';
import { LENGTH_UNITS, NUM, STIFFNESS_UNITS, allQuantities, namedQuantity, parseNum, quantityIn } from './quantities.ts';
import { PhasedClock, Plane, choosePlayback, keyframeTweens, niceStep, ruler, times, type SceneObjectInput } from './stage.ts';

const STIFFNESS: Limit = { name: 'spring constant k', unit: 'N/m', min: 0, max: 1e7, why: 'a spring constant is positive', exclusiveMin: true };
const AMPLITUDE: Limit = { name: 'amplitude', unit: 'm', min: 0, max: 100, why: 'a spring stretched further than 100 m is not in its linear (Hooke) range', exclusiveMin: true };

const params = z.object({
  mass_kg: massParam(1),
  k_npm: z.number().gt(0).max(STIFFNESS.max).default(10),
  amplitude_m: z.number().gt(0).max(AMPLITUDE.max).default(0.5),
});
export type SpringParams = z.infer<typeof params>;

export function springMotion({ mass_kg: m, k_npm: k, amplitude_m: A }: SpringParams) {
  const omega = Math.sqrt(k / m);
  return {
    omega,
    period: (2 * Math.PI) / omega,
    position: (t: number) => A * Math.cos(omega * t),
    velocity: (t: number) => -A * omega * Math.sin(omega * t),
  };
}

function extract(text: ParsedText, warnings: string[]): Partial<SpringParams> {
  const o = text.original;
  const out: Partial<SpringParams> = {};
  const k = quantityIn(o, STIFFNESS_UNITS) ?? namedQuantity(o, ['spring constant', 'stiffness', 'k'], STIFFNESS_UNITS);
  put(out, 'k_npm', limited(k, STIFFNESS, warnings));
  put(out, 'mass_kg', limited(massIn(o), MASS_LIMIT, warnings));
  // "A = 0.3 m" only with a capital A and "=": a lone "a" is an article.
  const symbol = new RegExp(String.raw`(?<![\p{L}])A\s*=\s*(${NUM})`, 'u').exec(o);
  const amplitude =
    (symbol ? parseNum(symbol[1]!) : undefined) ??
    namedQuantity(o, ['amplitude', 'stretched by', 'stretched', 'pulled', 'compressed by', 'compressed', 'displaced by', 'displacement of', 'displaced'], LENGTH_UNITS) ??
    allQuantities(o, LENGTH_UNITS)[0]?.value;
  put(out, 'amplitude_m', limited(amplitude, AMPLITUDE, warnings));
  for (const w of ['spring', 'oscillat', 'hooke']) if (text.normalized.includes(w)) text.used.add(w);
  return out;
}

export const spring = defineTemplate<SpringParams>({
  id: 'physics.spring',
  title: 'Harmonic oscillator',
  category: 'physics',
  style: 'scientific',
  example: 'mass on a spring, 2 kg, k = 50 N/m',
  params,
  // Not "spring" (nor in the title): typo correction would turn "string" and "sprint" into it.
  vocabulary: ['oscillator', 'oscillation', 'oscillating'],
  triggers: [
    { pattern: /\b(mass|block|weight|object|cart) (on|attached to|hanging from|connected to) a spring\b/, score: 0.95 },
    { pattern: /\bspring\b.*\b(mass|oscillat\w*|hooke|constant|n\/m|stiffness|kg)\b/, score: 0.9 },
    { pattern: /\b(mass|oscillat\w*|hooke|kg)\b.*\bspring\b/, score: 0.9 },
    { pattern: /\bhooke\b/, score: 0.85 },
    { pattern: /\bsimple harmonic (motion|oscillator|oscillation)\b|\bshm\b/, score: 0.85 },
    { pattern: /\bharmonic oscillator\b/, score: 0.85 },
    // A bare "spring" is weak evidence, and none at all next to seasons or sprint words.
    { pattern: /^(?!.*\b(planning|retro\w*|backlog|scrum|agile|season|break|cleaning|collection|summer|winter|autumn|fall)\b).*\bsprings?\b/, score: 0.45 },
  ],
  extract,
  facts(p) {
    const s = springMotion(p);
    return {
      period_s: s.period,
      angular_frequency: s.omega,
      frequency_hz: 1 / s.period,
      max_speed_mps: p.amplitude_m * s.omega,
      max_force_n: p.k_npm * p.amplitude_m,
      energy_j: 0.5 * p.k_npm * p.amplitude_m ** 2,
    };
  },
  compose(p) {
    return composeSpring(p);
  },
});

/** The spring as a zigzag from the wall to the block's left face: coils stretch evenly, so it is linear in `end`. */
function coil(wall: number, end: number, y: number, coils = 10, amp = 0.28): [number, number][] {
  const lead = 0.3;
  const a = wall + lead;
  const b = end - lead;
  const pts: [number, number][] = [
    [wall, y],
    [a, y],
  ];
  for (let i = 0; i < coils * 2; i++) pts.push([a + ((b - a) * (i + 0.5)) / (coils * 2), y + (i % 2 === 0 ? amp : -amp)]);
  pts.push([b, y], [end, y]);
  return pts;
}

function composeSpring(p: SpringParams): Composition {
  const { mass_kg: m, k_npm: k, amplitude_m: A } = p;
  const s = springMotion(p);
  const periods = 3;
  const playback = choosePlayback(periods * s.period, 4, 8);
  const tl = new TimelineBuilder();
  // The block moves along a metre scale: A is drawn 1.7 units whatever it is in metres.
  const track = new Plane({ left: -4.7, right: -1.3, bottom: 0, top: 1 }, [-A, A], [0, 1], { independent: true });
  const wall = -7.3;
  const y = 1.4;
  const blockW = 1.1;
  const face = (x: number) => track.x(x) - blockW / 2;
  const start = track.x(A);
  const forceScale = 1.4 / (k * A);
  const forceArrow = (x: number): [number, number][] => [
    [track.x(x), y + 0.95],
    [track.x(x) - k * x * forceScale, y + 0.95],
  ];
  const graph = new Plane({ left: -6.6, right: 6.9, bottom: -3.0, top: -0.7 }, [0, periods * s.period * 1.04], [-A * 1.3, A * 1.3], { independent: true });
  const curve = times(0, periods * s.period, 240).map((t) => [t, s.position(t)] as [number, number]);
  // One precision for the clock's readings, fixed by the largest, so the figures hold still as they run.
  const readings = readouts({ time: periods * s.period, position: A });
  const clockText = (t: number) => `t = ${readings.format(t, { unit: 's', kind: 'time' })}    x = ${readings.format(s.position(t), { unit: 'm', kind: 'position' })}`;
  const objects: SceneObjectInput[] = [
    { id: 'title', type: 'text', text: 'Mass on a spring', x: 0, y: 3.95, size: 0.55, weight: 700, color: '$foreground' },
    { id: 'givens', type: 'text', text: `m = ${withUnit(m, 'kg')} · k = ${withUnit(k, 'N/m')} · A = ${withUnit(A, 'm')} · no friction`, x: 0, y: 3.3, size: 0.32, color: '$muted' },
    { id: 'wall', type: 'rect', x: wall - 0.15, y: y + 0.2, width: 0.3, height: 1.8, fill: '$surface', stroke: '$muted', strokeWidth: 0.02 },
    {
      id: 'floor',
      type: 'line',
      points: [
        [wall, y - 0.55],
        [0.2, y - 0.55],
      ],
      color: '$muted',
      width: 0.035,
    },
    {
      id: 'equilibrium',
      type: 'line',
      points: [
        [track.x(0), y - 0.55],
        [track.x(0), y + 1.35],
      ],
      color: '$muted',
      width: 0.025,
      dash: [0.1, 0.08],
    },
    ...ruler('scale', -A, A, (x) => track.x(x), y - 0.95),
    { id: 'coil', type: 'line', points: coil(wall, face(A), y), color: '$secondary', width: 0.045 },
    { id: 'block', type: 'rect', x: start, y, width: blockW, height: 1.1, cornerRadius: 0.06, fill: '$accent', stroke: '$foreground', strokeWidth: 0.02 },
    { id: 'block-label', type: 'text', text: withUnit(m, 'kg'), x: start, y, size: 0.3, weight: 600, color: '$background' },
    { id: 'force', type: 'line', points: forceArrow(A), color: '$danger', width: 0.06, arrow: 'end' },
    { id: 'force-label', type: 'text', text: 'F = −kx', x: start, y: y + 1.3, size: 0.3, color: '$danger' },
    { id: 'f-T', type: 'math', latex: `T = 2\\pi\\sqrt{\\frac{m}{k}} = ${texUnit(s.period, 's')}`, x: 4.6, y: 2.2, size: 0.36, color: '$highlight' },
    { id: 'f-w', type: 'math', latex: `\\omega = \\sqrt{\\frac{k}{m}} = ${texUnit(s.omega, 'rad/s')}`, x: 4.6, y: 1.05, size: 0.36, color: '$foreground' },
    { id: 'f-x', type: 'math', latex: `x(t) = A\\cos(\\omega t)`, x: 4.6, y: 0.05, size: 0.36, color: '$secondary' },
    graph.axes('graph', { xLabel: 't (s)', yLabel: 'x (m)', xStep: niceStep(periods * s.period, 8), yStep: niceStep(2.6 * A, 4) }),
    { id: 'curve', type: 'plot', axes: 'graph', points: curve, color: '$secondary', width: 0.05, progress: 0 },
    { id: 'clock', type: 'text', text: clockText(0), x: -6.6, y: -3.75, size: 0.32, align: 'left', color: '$foreground' },
    { id: 'note', type: 'text', text: playback.label, x: 6.9, y: -3.75, size: 0.28, align: 'right', color: '$muted' },
  ];

  tl.narrate(`A ${withUnit(m, 'kg')} block on a spring with k = ${withUnit(k, 'N/m')} is pulled ${withUnit(A, 'm')} from equilibrium.`, 2.4, ['block', 'block-label']);
  for (const id of ['title', 'givens', 'wall', 'floor', 'equilibrium']) tl.appear(id, 0.5);
  for (const o of objects) if (o.id.startsWith('scale-')) tl.appear(o.id, 0.5);
  tl.appear('coil', 0.6, 'draw', tl.t + 0.3)
    .appear('block', 0.4, 'grow', tl.t + 0.5)
    .appear('block-label', 0.4, 'fade', tl.t + 0.6);
  tl.appear('graph', 0.8, 'draw', tl.t + 0.6)
    .appear('clock', 0.4, 'fade', tl.t + 0.8)
    .appear('note', 0.4, 'fade', tl.t + 0.8);
  tl.wait(1.4);
  tl.appear('force', 0.4, 'draw').appear('force-label', 0.4).appear('f-x', 0.4);
  tl.narrate(`Hooke's law: the spring pulls back with F = −kx, here ${withUnit(k * A, 'N')} at full stretch.`, 1.6, ['force', 'force-label']);
  tl.wait(1.6);
  // The motion starts once the caption before it has been read (the builder's hold).
  const t0 = tl.hold().t;
  const T = s.period;
  // Each phase's caption is read while the block pauses on the moment it names, then moves (PhasedClock).
  const clock = new PhasedClock(
    t0,
    playback.factor,
    [
      { from: 0, to: T / 4, text: 'Released: the spring pulls the block back toward equilibrium, speeding it up.' },
      { from: T / 4, to: T / 2, text: `Equilibrium: no force, top speed Aω = ${withUnit(A * s.omega, 'm/s')}; the block overshoots and compresses the spring.` },
      { from: T / 2, to: T, text: 'Full compression: the block stops for an instant and the spring pushes it back.' },
      { from: T, to: periods * T, text: `One cycle takes T = 2π√(m/k) = ${withUnit(s.period, 's')}, whatever the amplitude.` },
    ],
    readingTime,
  );
  const samples = clock.keyframes(times(0, periods * s.period, periods * 40), (t) => t);
  tl.entries.push(
    ...keyframeTweens(
      'block',
      samples.map(({ item: t, at }) => ({ at, values: { x: track.x(s.position(t)) } })),
    ),
  );
  tl.entries.push(
    ...keyframeTweens(
      'block-label',
      samples.map(({ item: t, at }) => ({ at, values: { x: track.x(s.position(t)) } })),
    ),
  );
  tl.entries.push(
    ...keyframeTweens(
      'force-label',
      samples.map(({ item: t, at }) => ({ at, values: { x: track.x(s.position(t)) } })),
    ),
  );
  tl.entries.push(
    ...keyframeTweens(
      'coil',
      samples.map(({ item: t, at }) => ({ at, values: { points: coil(wall, face(s.position(t)), y) } })),
    ),
  );
  tl.entries.push(
    ...keyframeTweens(
      'force',
      samples.map(({ item: t, at }) => ({ at, values: { points: forceArrow(s.position(t)) } })),
    ),
  );
  for (const { item: t, at } of samples) tl.setText('clock', clockText(t), at);
  tl.entries.push(...clock.progressTweens('curve'));
  clock.phases.forEach((phase, i) => {
    tl.t = clock.start(i);
    tl.narrate(phase.text, clock.start(i + 1 < clock.phases.length ? i + 1 : i) - clock.start(i), i === clock.phases.length - 1 ? ['f-T'] : ['block']);
    if (i === clock.phases.length - 1) {
      tl.appear('f-T', 0.5).appear('f-w', 0.5, 'fade', tl.t + 0.5);
      tl.add({ type: 'highlight', target: 'f-T', at: tl.t + 1, duration: 0.8 });
    }
  });
  tl.t = clock.end;
  tl.narrate(`Period ${withUnit(s.period, 's')}, angular frequency ${withUnit(s.omega, 'rad/s')}: a heavier block swings slower, a stiffer spring faster.`, 3, ['f-T', 'f-w']);
  tl.wait(3);
  tl.finish(tl.t);
  return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: `Mass on a spring, T = ${withUnit(s.period, 's')}` };
}
