// physics.incline: a block on a slope of angle θ with friction coefficient μ. Along the slope
// a = g(sinθ − μcosθ), never below 0 (friction holds the block when tanθ ≤ μ); the normal force is mg·cosθ.
// The block slides from rest along s = ½at², sampled, with the forces on it drawn to scale.
import { z } from 'zod';
import type { ParsedText } from '../../../text/parse.ts';
import { defineTemplate, type Composition } from '../../types.ts';
import { TimelineBuilder } from '../../timeline-builder.ts';
import { MASS_LIMIT, frictionIn, gParam, gravityIn, massIn, massParam } from './common-params.ts';
import { fmt, readouts, texUnit, withUnit } from './format.ts';
import { limited, put, type Limit } from './limits.ts';
import { LENGTH_UNITS, allQuantities, angleIn, namedQuantity } from './quantities.ts';
import { arcPoints, choosePlayback, keyframeTweens, times, type SceneObjectInput } from './stage.ts';

const ANGLE: Limit = { name: 'incline angle', unit: '°', min: 0, max: 90, why: 'a slope rises between flat (0°) and vertical (90°)' };
const FRICTION: Limit = { name: 'friction coefficient μ', unit: '', min: 0, max: 2, why: 'real surfaces have μ between 0 and about 2' };
const LENGTH: Limit = { name: 'incline length', unit: 'm', min: 0, max: 10000, why: 'the block slides along at most 10 km of slope', exclusiveMin: true };

const params = z.object({
  angle_deg: z.number().min(ANGLE.min).max(ANGLE.max).default(30),
  mass_kg: massParam(1),
  friction: z.number().min(FRICTION.min).max(FRICTION.max).default(0),
  length_m: z.number().gt(0).max(LENGTH.max).default(5),
  g_mps2: gParam,
});
export type InclineParams = z.infer<typeof params>;

export interface InclineResult {
  acceleration: number;
  normalForce: number;
  weight: number;
  /** Weight component down the slope, mg·sinθ. */
  along: number;
  /** Friction force on the block: kinetic μN while it slides, otherwise what holds it (mg·sinθ ≤ μN). */
  friction: number;
  slides: boolean;
  timeToBottom?: number;
  speedAtBottom?: number;
}

export function inclineForces({ angle_deg, mass_kg: m, friction: mu, length_m: L, g_mps2: g }: InclineParams): InclineResult {
  const theta = (angle_deg * Math.PI) / 180;
  // At exactly 90° cos is 6e-17: the wall gives no normal force.
  const cos = angle_deg === 90 ? 0 : Math.cos(theta);
  const sin = Math.sin(theta);
  const raw = g * (sin - mu * cos);
  const slides = raw > 1e-12;
  const acceleration = slides ? raw : 0;
  const normalForce = m * g * cos;
  const along = m * g * sin;
  return {
    acceleration,
    normalForce,
    weight: m * g,
    along,
    friction: slides ? mu * normalForce : along,
    slides,
    ...(slides ? { timeToBottom: Math.sqrt((2 * L) / acceleration), speedAtBottom: Math.sqrt(2 * acceleration * L) } : {}),
  };
}

function extract(text: ParsedText, warnings: string[]): Partial<InclineParams> {
  const o = text.original;
  const out: Partial<InclineParams> = {};
  put(out, 'angle_deg', limited(angleIn(o), ANGLE, warnings));
  put(out, 'friction', limited(frictionIn(o), FRICTION, warnings));
  put(out, 'mass_kg', limited(massIn(o), MASS_LIMIT, warnings));
  put(out, 'length_m', limited(namedQuantity(o, ['length', 'long', 'L'], LENGTH_UNITS) ?? allQuantities(o, LENGTH_UNITS)[0]?.value, LENGTH, warnings));
  put(out, 'g_mps2', gravityIn(text, warnings));
  for (const w of ['incline', 'inclined', 'ramp', 'slope', 'friction']) if (text.normalized.includes(w)) text.used.add(w);
  return out;
}

export const incline = defineTemplate<InclineParams>({
  id: 'physics.incline',
  title: 'Sliding down an incline',
  category: 'physics',
  style: 'scientific',
  example: 'block sliding down a 30 degree incline with friction coefficient 0.2',
  params,
  // Short, common neighbours ("included", "fraction") must not be corrected into physics words: keep this list small.
  vocabulary: ['incline'],
  triggers: [
    { pattern: /\binclined? (plane|ramp|slope|surface)\b|\bincline\b/, score: 0.95 },
    { pattern: /\b(block|box|crate|sled|sledge|mass|object|cart|ball|skier)\b.*\b(slides?|sliding|slid)\b.*\b(ramp|slope|hill|plane)\b/, score: 0.9 },
    { pattern: /\b(slides?|sliding|slid) down\b/, score: 0.8 },
    { pattern: /\bramp\b.*(\d\s*(°|degrees?)|friction|μ)|(°|degrees?|μ).*\bramp\b/, score: 0.85 },
    // "ramp up" is business talk, not a slope.
    { pattern: /\bramps?\b(?! up)/, score: 0.7 },
    { pattern: /\bfriction\b.*\b(block|slope|ramp)\b|\b(block|slope|ramp)\b.*\bfriction\b/, score: 0.8 },
  ],
  extract,
  facts(p) {
    const r = inclineForces(p);
    return {
      acceleration_mps2: r.acceleration,
      normal_force_n: r.normalForce,
      friction_force_n: r.friction,
      slides: r.slides,
      ...(r.timeToBottom !== undefined ? { time_to_bottom_s: r.timeToBottom, speed_at_bottom_mps: r.speedAtBottom } : {}),
    };
  },
  compose(p) {
    return composeIncline(p);
  },
});

function composeIncline(p: InclineParams): Composition {
  const { angle_deg: angle, mass_kg: m, friction: mu, length_m: L, g_mps2: g } = p;
  const r = inclineForces(p);
  const theta = (angle * Math.PI) / 180;
  const tl = new TimelineBuilder();
  // The slope is drawn to fit a 7.4 x 4 area on the left whatever its length (room above for the forces); labels give metres.
  const bottomRight: [number, number] = [0.6, -3.2];
  const slope = Math.min(8.4, 4.0 / Math.max(Math.sin(theta), 1e-6), 7.4 / Math.max(Math.cos(theta), 1e-6));
  const dir: [number, number] = [-Math.cos(theta), Math.sin(theta)]; // from the foot up the slope
  const top: [number, number] = [bottomRight[0] + dir[0] * slope, bottomRight[1] + dir[1] * slope];
  const normal: [number, number] = [Math.sin(theta), Math.cos(theta)]; // out of the surface
  const size = 0.8;
  // Block centre when its lower edge is `d` world units down from the top of the slope.
  const along = (d: number): [number, number] => {
    const base: [number, number] = [top[0] - dir[0] * (d + size / 2 + 0.05), top[1] - dir[1] * (d + size / 2 + 0.05)];
    return [base[0] + (normal[0] * size) / 2, base[1] + (normal[1] * size) / 2];
  };
  const travel = slope - size - 0.1;
  const worldPerMetre = travel / L;
  const start = along(0);
  // Forces drawn at 1.8 units for the weight, the others in proportion.
  const fScale = 1.8 / r.weight;
  const vec = (from: [number, number], dx: number, dy: number): [number, number][] => [from, [from[0] + dx, from[1] + dy]];
  const forces: { id: string; pts: [number, number][]; color: string; label: string; at: [number, number]; align?: 'left' | 'right' }[] = [
    // Left of the arrow where the screen has room (steep slopes), else right of it (inside the ramp).
    (() => {
      const label = `mg = ${withUnit(r.weight, 'N')}`;
      const roomLeft = start[0] - 0.15 - label.length * 0.16 > -7.7;
      return {
        id: 'weight',
        pts: vec(start, 0, -r.weight * fScale),
        color: '$danger',
        label,
        at: [start[0] + (roomLeft ? -0.15 : 0.15), start[1] - r.weight * fScale + 0.15] as [number, number],
        align: roomLeft ? ('right' as const) : ('left' as const),
      };
    })(),
    {
      id: 'normal',
      pts: vec(start, normal[0] * r.normalForce * fScale, normal[1] * r.normalForce * fScale),
      color: '$secondary',
      label: `N = ${withUnit(r.normalForce, 'N')}`,
      at: [start[0] + normal[0] * r.normalForce * fScale + 0.15, start[1] + normal[1] * r.normalForce * fScale + 0.25],
    },
  ];
  // Friction acts at the surface (labelled "f" only: its value is in the formula panel, and a long label
  // would leave the screen on shallow slopes), up the slope: drawn from the block's uphill face so it shows outside the block.
  const uphill: [number, number] = [start[0] + (dir[0] * size) / 2 - (normal[0] * size) / 2, start[1] + (dir[1] * size) / 2 - (normal[1] * size) / 2];
  const fTip: [number, number] = [uphill[0] + dir[0] * r.friction * fScale, uphill[1] + dir[1] * r.friction * fScale];
  if (r.friction > 0) forces.push({ id: 'friction-force', pts: [uphill, fTip], color: '$warning', label: 'f', at: [fTip[0] - 0.1, fTip[1] + 0.25], align: 'right' });
  const tTotal = r.timeToBottom ?? 0;
  const playback = choosePlayback(tTotal, 1.5, 5);
  const cx = 4.6;
  const muText = mu === 0 ? 'no friction' : `μ = ${fmt(mu)}`;
  // One precision for the clock's readings, fixed by the largest, so the figures hold still as they run.
  const readings = readouts({ time: tTotal, speed: r.acceleration * tTotal });
  const clockText = (t: number) => `t = ${readings.format(t, { unit: 's', kind: 'time' })}   v = ${readings.format(r.acceleration * t, { unit: 'm/s', kind: 'speed' })}`;
  const objects: SceneObjectInput[] = [
    { id: 'title', type: 'text', text: 'Block on an incline', x: 0, y: 3.95, size: 0.55, weight: 700, color: '$foreground' },
    { id: 'givens', type: 'text', text: `θ = ${withUnit(angle, '°')} · m = ${withUnit(m, 'kg')} · ${muText} · slope ${withUnit(L, 'm')} · g = ${withUnit(g, 'm/s²')}`, x: 0, y: 3.3, size: 0.32, color: '$muted' },
    { id: 'ramp', type: 'polygon', points: [bottomRight, top, [top[0], bottomRight[1]]], fill: '$surface', stroke: '$muted', strokeWidth: 0.03 },
    {
      id: 'ground',
      type: 'line',
      points: [
        [-7.6, bottomRight[1]],
        [bottomRight[0] + 0.6, bottomRight[1]],
      ],
      color: '$muted',
      width: 0.04,
    },
    { id: 'angle-arc', type: 'line', points: arcPoints(bottomRight[0], bottomRight[1], 0.9, 180 - angle, 180), color: '$highlight', width: 0.035 },
    { id: 'angle-label', type: 'text', text: `${withUnit(angle, '°')}`, x: bottomRight[0] - 1.25, y: bottomRight[1] + 0.25, size: 0.3, align: 'right', color: '$highlight' },
    { id: 'block', type: 'rect', x: start[0], y: start[1], width: size, height: size, rotation: -angle, cornerRadius: 0.04, fill: '$accent', stroke: '$foreground', strokeWidth: 0.02 },
    ...forces.flatMap((f) => [
      { id: f.id, type: 'line' as const, points: f.pts, color: f.color, width: 0.05, arrow: 'end' as const },
      { id: `${f.id}-label`, type: 'text' as const, text: f.label, x: f.at[0], y: f.at[1], size: 0.28, align: f.align ?? ('left' as const), color: f.color },
    ]),
    { id: 'f-a', type: 'math', latex: `a = g(\\sin\\theta - \\mu\\cos\\theta) = ${texUnit(r.acceleration, 'm/s^2')}`, x: cx, y: 2.2, size: 0.32, color: '$highlight' },
    { id: 'f-n', type: 'math', latex: `N = mg\\cos\\theta = ${texUnit(r.normalForce, 'N')}`, x: cx, y: 1.3, size: 0.32, color: '$secondary' },
    {
      id: 'f-f',
      type: 'math',
      latex: r.slides ? `f = \\mu N = ${texUnit(r.friction, 'N')}` : `mg\\sin\\theta = ${texUnit(r.along, 'N')} \\le \\mu N = ${texUnit(mu * r.normalForce, 'N')}`,
      x: cx,
      y: 0.45,
      size: 0.32,
      color: '$warning',
    },
    ...(r.slides
      ? ([
          { id: 'f-t', type: 'math', latex: `t = \\sqrt{\\frac{2L}{a}} = ${texUnit(tTotal, 's')}`, x: cx, y: -0.6, size: 0.32, color: '$foreground' },
          { id: 'clock', type: 'text', text: clockText(0), x: cx, y: -1.75, size: 0.32, color: '$foreground' },
          { id: 'note', type: 'text', text: playback.label, x: cx, y: -2.4, size: 0.28, color: '$muted' },
        ] as SceneObjectInput[])
      : ([{ id: 'stuck', type: 'text', text: `tan θ = ${fmt(Math.tan(theta))} ≤ μ: friction holds the block at rest`, x: cx, y: -0.6, size: 0.3, color: '$warning', maxWidth: 5.6 }] as SceneObjectInput[])),
  ];

  tl.narrate(`A ${withUnit(m, 'kg')} block rests on a ${withUnit(angle, '°')} slope${mu > 0 ? ` with friction coefficient μ = ${fmt(mu)}` : ' without friction'}.`, 2, ['block', 'angle-label']);
  for (const id of ['title', 'givens', 'ground']) tl.appear(id, 0.5);
  tl.appear('ramp', 0.5, 'fade', tl.t + 0.2)
    .appear('angle-arc', 0.4, 'draw', tl.t + 0.5)
    .appear('angle-label', 0.4, 'fade', tl.t + 0.5);
  tl.appear('block', 0.4, 'grow', tl.t + 0.7);
  tl.wait(1.6);
  // Forces one by one, each with its size in newtons.
  tl.narrate(`Gravity pulls straight down with mg = ${withUnit(r.weight, 'N')}.`, 1.2, ['weight', 'weight-label']);
  tl.appear('weight', 0.4, 'draw').appear('weight-label', 0.4).wait(1.2);
  tl.narrate(`The slope pushes back perpendicular to its surface: N = mg cos θ = ${withUnit(r.normalForce, 'N')}.`, 1.4, ['normal', 'normal-label']);
  tl.appear('normal', 0.4, 'draw').appear('normal-label', 0.4).appear('f-n', 0.4).wait(1.4);
  if (r.friction > 0) {
    tl.narrate(r.slides ? `Friction opposes the sliding: f = μN = ${withUnit(r.friction, 'N')}, up the slope.` : `Friction up the slope balances the pull down it (${withUnit(r.along, 'N')}).`, 1.4, [
      'friction-force',
      'friction-force-label',
    ]);
    tl.appear('friction-force', 0.4, 'draw').appear('friction-force-label', 0.4).wait(1.4);
  }
  tl.appear('f-f', 0.4);
  tl.narrate(`Along the slope: a = g(sin θ − μ cos θ) = ${withUnit(r.acceleration, 'm/s²')}.`, 1.6, ['f-a']);
  tl.appear('f-a', 0.4).wait(1.6);
  if (r.slides) {
    const ids = forces.flatMap((f) => [f.id, `${f.id}-label`]);
    for (const id of ids) tl.add({ type: 'disappear', target: id, at: tl.t, duration: 0.3 });
    tl.appear('clock', 0.3).appear('note', 0.3).wait(0.4);
    // The motion starts once the caption before it has been read (the builder's hold).
    const t0 = tl.hold().t;
    const samples = times(0, tTotal, 48);
    const s = (t: number) => 0.5 * r.acceleration * t * t;
    tl.entries.push(
      ...keyframeTweens(
        'block',
        samples.map((t) => ({ at: t0 + t * playback.factor, values: { x: along(s(t) * worldPerMetre)[0], y: along(s(t) * worldPerMetre)[1] } })),
      ),
    );
    for (const t of samples) tl.setText('clock', clockText(t), t0 + t * playback.factor);
    tl.narrate(`Sliding from rest: s = ½at², so it covers the ${withUnit(L, 'm')} slope faster and faster.`, tTotal * playback.factor, ['block']);
    tl.wait(tTotal * playback.factor);
    tl.narrate(`It reaches the bottom after ${withUnit(tTotal, 's')} at ${withUnit(r.speedAtBottom!, 'm/s')}.`, 3, ['block', 'f-t']);
    tl.appear('f-t', 0.4);
    tl.add({ type: 'highlight', target: 'block', at: tl.t, duration: 0.6, color: '$highlight' });
    tl.add({ type: 'highlight', target: 'f-a', at: tl.t + 0.6, duration: 0.8 });
    tl.wait(3);
  } else {
    tl.narrate(`Friction can hold up to μN = ${withUnit(mu * r.normalForce, 'N')}, more than the ${withUnit(r.along, 'N')} pulling down the slope: the block stays put.`, 3.4, ['friction-force', 'f-f']);
    tl.appear('stuck', 0.4);
    tl.add({ type: 'highlight', target: 'block', at: tl.t, duration: 0.8, color: '$highlight' });
    tl.wait(3.4);
  }
  tl.finish(tl.t);
  return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: `Incline at ${withUnit(angle, '°')}` };
}
