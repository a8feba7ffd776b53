// physics.pendulum: a simple pendulum of length L released from rest at θ₀. The bob follows the full
// equation θ'' = −(g/L)·sinθ (RK4), so large swings are honest; the period fact is the catalogue's
// small-angle T = 2π√(L/g), and the exact large-amplitude period is reported beside it.
import { readingTime } from '../../pacing.ts';
import { z } from 'zod';
import type { ParsedText } from '../../../text/parse.ts';
import { defineTemplate, type Composition } from '../../types.ts';
import { TimelineBuilder } from '../../timeline-builder.ts';
import { gParam, gravityIn } from './common-params.ts';
import { fmt, readouts, texUnit, withUnit } from './format.ts';
import { limited, put, type Limit } from './limits.ts';
import { LENGTH_UNITS, TIME_UNITS, angleIn, namedQuantity, quantityIn } from './quantities.ts';
import { PhasedClock, Plane, arcPoints, choosePlayback, keyframeTweens, niceStep, type SceneObjectInput } from './stage.ts';

const LENGTH: Limit = { name: 'pendulum length', unit: 'm', min: 0, max: 1000, why: 'a string longer than 1 km is not a simple pendulum any more', exclusiveMin: true };
const AMPLITUDE: Limit = { name: 'amplitude', unit: '°', min: 0, max: 90, why: 'beyond 90° a string goes slack; a simple pendulum swings up to horizontal at most', exclusiveMin: true };

const params = z.object({
  length_m: z.number().gt(0).max(LENGTH.max).default(1),
  amplitude_deg: z.number().gt(0).max(AMPLITUDE.max).default(15),
  g_mps2: gParam,
});
export type PendulumParams = z.infer<typeof params>;

/** Small-angle period 2π√(L/g). */
export function smallAnglePeriod({ length_m: L, g_mps2: g }: PendulumParams): number {
  return 2 * Math.PI * Math.sqrt(L / g);
}

/** Exact period for amplitude θ₀: T₀ / AGM(1, cos(θ₀/2)) (the complete elliptic integral via the arithmetic-geometric mean). */
export function exactPeriod(p: PendulumParams): number {
  let a = 1;
  let b = Math.cos((p.amplitude_deg * Math.PI) / 360);
  for (let i = 0; i < 30 && Math.abs(a - b) > 1e-15; i++) [a, b] = [(a + b) / 2, Math.sqrt(a * b)];
  return smallAnglePeriod(p) / a;
}

/** θ(t) in radians from rest at θ₀, integrated with RK4 at `steps` steps per small-angle period. */
export function swing(p: PendulumParams, duration: number, steps = 400): { t: number; theta: number; omega: number }[] {
  const k = p.g_mps2 / p.length_m;
  const dt = smallAnglePeriod(p) / steps;
  const accel = (theta: number) => -k * Math.sin(theta);
  let theta = (p.amplitude_deg * Math.PI) / 180;
  let omega = 0;
  const out = [{ t: 0, theta, omega }];
  for (let t = dt; t <= duration + dt / 2; t += dt) {
    const k1t = omega,
      k1w = accel(theta);
    const k2t = omega + (dt / 2) * k1w,
      k2w = accel(theta + (dt / 2) * k1t);
    const k3t = omega + (dt / 2) * k2w,
      k3w = accel(theta + (dt / 2) * k2t);
    const k4t = omega + dt * k3w,
      k4w = accel(theta + dt * k3t);
    theta += (dt / 6) * (k1t + 2 * k2t + 2 * k3t + k4t);
    omega += (dt / 6) * (k1w + 2 * k2w + 2 * k3w + k4w);
    out.push({ t, theta, omega });
  }
  return out;
}

function extract(text: ParsedText, warnings: string[]): Partial<PendulumParams> {
  const o = text.original;
  const out: Partial<PendulumParams> = {};
  put(out, 'g_mps2', gravityIn(text, warnings));
  const length = namedQuantity(o, ['length', 'L', 'string of', 'rod of'], LENGTH_UNITS) ?? quantityIn(o, LENGTH_UNITS);
  put(out, 'length_m', limited(length, LENGTH, warnings));
  // "a pendulum with a period of 2 s": the length that gives it, L = g(T/2π)².
  const period = length === undefined ? namedQuantity(o, ['period', 'T'], TIME_UNITS) : undefined;
  if (period !== undefined && period > 0) {
    const g = out.g_mps2 ?? 9.81;
    put(out, 'length_m', limited(g * (period / (2 * Math.PI)) ** 2, LENGTH, warnings));
    text.used.add('period');
  }
  put(out, 'amplitude_deg', limited(angleIn(o), AMPLITUDE, warnings));
  for (const w of ['pendulum', 'swinging', 'swing']) if (text.normalized.includes(w)) text.used.add(w);
  return out;
}

export const pendulum = defineTemplate<PendulumParams>({
  id: 'physics.pendulum',
  title: 'Pendulum',
  category: 'physics',
  style: 'scientific',
  example: 'simple pendulum of length 2 m',
  params,
  vocabulary: ['pendulum', 'pendulums'],
  triggers: [
    { pattern: /\bpendul(um|ums|a)\b/, score: 0.95 },
    { pattern: /\b(swinging|swings) (bob|mass|weight)\b/, score: 0.8 },
    { pattern: /\b(bob|weight) on a (string|rope|rod)\b/, score: 0.8 },
  ],
  extract,
  facts(p) {
    const period = smallAnglePeriod(p);
    const theta0 = (p.amplitude_deg * Math.PI) / 180;
    return {
      period_s: period,
      frequency_hz: 1 / period,
      period_exact_s: exactPeriod(p),
      max_speed_mps: Math.sqrt(2 * p.g_mps2 * p.length_m * (1 - Math.cos(theta0))),
    };
  },
  compose(p) {
    return composePendulum(p);
  },
});

function composePendulum(p: PendulumParams): Composition {
  const { length_m: L, amplitude_deg: a0, g_mps2: g } = p;
  const T0 = smallAnglePeriod(p);
  const T = exactPeriod(p);
  const periods = 2;
  const playback = choosePlayback(periods * T, 3, 7);
  const tl = new TimelineBuilder();
  // The string is drawn 4.6 units long whatever L is; its label gives the real length.
  const pivot: [number, number] = [-4.2, 2.4];
  const rod = 4.6;
  const bobR = 0.28;
  const states = swing(p, periods * T);
  const every = Math.max(1, Math.floor(states.length / (periods * 48)));
  const keyed = states.filter((_, i) => i % every === 0 || i === states.length - 1);
  const graph = new Plane({ left: 0.4, right: 7.2, bottom: -1.0, top: 2.2 }, [0, periods * T * 1.05], [-a0 * 1.25, a0 * 1.25], { independent: true });
  const curve = states.filter((_, i) => i % Math.max(1, Math.floor(states.length / 240)) === 0).map((s) => [s.t, (s.theta * 180) / Math.PI] as [number, number]);
  const bob = (theta: number): [number, number] => [pivot[0] + rod * Math.sin(theta), pivot[1] - rod * Math.cos(theta)];
  const start = bob((a0 * Math.PI) / 180);
  const exactNote = a0 > 10 ? ` (exact at ${withUnit(a0, '°')}: ${withUnit(T, 's')}, +${fmt(((T - T0) / T0) * 100)}%)` : '';
  // One precision for the clock's readings, fixed by the largest, so the figures hold still as they run.
  const readings = readouts({ time: periods * T });
  const clockText = (t: number) => `t = ${readings.format(t, { unit: 's', kind: 'time' })}`;
  const objects: SceneObjectInput[] = [
    { id: 'title', type: 'text', text: 'Simple pendulum', x: 0, y: 3.95, size: 0.55, weight: 700, color: '$foreground' },
    { id: 'givens', type: 'text', text: `L = ${withUnit(L, 'm')} · θ₀ = ${withUnit(a0, '°')} · g = ${withUnit(g, 'm/s²')}`, x: 0, y: 3.3, size: 0.32, color: '$muted' },
    { id: 'support', type: 'rect', x: pivot[0], y: pivot[1] + 0.1, width: 2.4, height: 0.2, fill: '$surface', stroke: '$muted', strokeWidth: 0.02 },
    { id: 'vertical', type: 'line', points: [pivot, [pivot[0], pivot[1] - rod - 0.5]], color: '$muted', width: 0.025, dash: [0.12, 0.1] },
    { id: 'amp-arc', type: 'line', points: arcPoints(pivot[0], pivot[1], 1.3, -90, -90 + a0), color: '$highlight', width: 0.035 },
    { id: 'amp-label', type: 'text', text: `θ₀ = ${withUnit(a0, '°')}`, x: pivot[0] + 0.35, y: pivot[1] - 1.75, size: 0.3, align: 'left', color: '$highlight' },
    { id: 'path', type: 'line', points: arcPoints(pivot[0], pivot[1], rod, -90 - a0, -90 + a0, 48), color: '$muted', width: 0.025, dash: [0.1, 0.1] },
    { id: 'string', type: 'line', points: [pivot, start], color: '$foreground', width: 0.04 },
    { id: 'bob', type: 'circle', x: start[0], y: start[1], radius: bobR, fill: '$accent', stroke: '$foreground', strokeWidth: 0.02 },
    { id: 'length-label', type: 'text', text: `L = ${withUnit(L, 'm')}`, x: pivot[0] - 1.4, y: pivot[1] + 0.1, size: 0.3, align: 'right', color: '$muted' },
    graph.axes('graph', { xLabel: 't (s)', yLabel: 'θ (°)', xStep: niceStep(periods * T * 1.05, 6), yStep: niceStep(a0 * 2.5, 4) }),
    { id: 'curve', type: 'plot', axes: 'graph', points: curve, color: '$secondary', width: 0.05, progress: 0 },
    { id: 'clock', type: 'text', text: clockText(0), x: 3.8, y: -1.75, size: 0.36, color: '$foreground' },
    { id: 'f-T', type: 'math', latex: `T = 2\\pi\\sqrt{\\frac{L}{g}} = ${texUnit(T0, 's')}`, x: 3.8, y: -2.75, size: 0.38, color: '$highlight' },
    { id: 'note', type: 'text', text: `small-angle formula${exactNote} · ${playback.label}`, x: 3.8, y: -3.7, size: 0.28, color: '$muted', maxWidth: 7.4 },
  ];

  tl.narrate(`A bob on a ${withUnit(L, 'm')} string is pulled ${withUnit(a0, '°')} aside and released from rest.`, 2.2, ['bob', 'amp-arc', 'amp-label']);
  tl.appear('title', 0.5).appear('givens', 0.5).appear('support', 0.4).appear('vertical', 0.5, 'draw');
  tl.appear('string', 0.5, 'draw', tl.t + 0.3)
    .appear('bob', 0.4, 'grow', tl.t + 0.5)
    .appear('length-label', 0.4, 'fade', tl.t + 0.5);
  tl.appear('path', 0.6, 'draw', tl.t + 0.6)
    .appear('amp-arc', 0.5, 'draw', tl.t + 0.9)
    .appear('amp-label', 0.4, 'fade', tl.t + 0.9);
  tl.appear('graph', 0.8, 'draw', tl.t + 0.6)
    .appear('clock', 0.4, 'fade', tl.t + 1)
    .appear('note', 0.4, 'fade', tl.t + 1);
  tl.wait(2.2);
  // The motion starts once the caption before it has been read (the builder's hold).
  const t0 = tl.hold().t;
  // Each phase's caption is read while the bob pauses on the moment it names, then swings on (PhasedClock);
  // phases begin on a sample so the pause is a true freeze.
  const snap = (t: number) => keyed.reduce((best, s) => (Math.abs(s.t - t) < Math.abs(best - t) ? s.t : best), keyed[0]!.t);
  const bounds = [0, T / 4, T / 2, T, periods * T].map(snap);
  const clock = new PhasedClock(
    t0,
    playback.factor,
    [
      'Released: gravity pulls the bob back toward the lowest point, speeding it up.',
      `Lowest point: fastest (${withUnit(Math.sqrt(2 * g * L * (1 - Math.cos((a0 * Math.PI) / 180))), 'm/s')}); it swings on past the vertical.`,
      `Far side: it stops at −${withUnit(a0, '°')} and swings back.`,
      `One full swing takes T = 2π√(L/g) = ${withUnit(T0, 's')}; it does not depend on the mass.`,
    ].map((text, i) => ({ from: bounds[i]!, to: bounds[i + 1]!, text })),
    readingTime,
  );
  const frames = clock.keyframes(keyed, (s) => s.t);
  tl.entries.push(
    ...keyframeTweens(
      'bob',
      frames.map(({ item: s, at }) => ({ at, values: { x: bob(s.theta)[0], y: bob(s.theta)[1] } })),
    ),
  );
  tl.entries.push(
    ...keyframeTweens(
      'string',
      frames.map(({ item: s, at }) => ({ at, values: { points: [pivot, bob(s.theta)] } })),
    ),
  );
  for (const { item: s, at } of frames) tl.setText('clock', clockText(s.t), at);
  tl.entries.push(...clock.progressTweens('curve'));
  clock.phases.forEach((phase, i) => {
    tl.t = clock.start(i);
    tl.narrate(phase.text, 0, i === clock.phases.length - 1 ? ['f-T'] : ['bob']);
    if (i === clock.phases.length - 1) {
      tl.appear('f-T', 0.5);
      tl.add({ type: 'highlight', target: 'f-T', at: tl.t + 0.6, duration: 0.8 });
    }
  });
  tl.t = clock.end;
  tl.setText('clock', clockText(periods * T));
  tl.narrate(`Period ${withUnit(T0, 's')} (frequency ${withUnit(1 / T0, 'Hz')}); doubling it needs a string four times as long.`, 3, ['f-T']);
  tl.wait(3);
  tl.finish(tl.t);
  return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: `Pendulum, L = ${withUnit(L, 'm')}` };
}
