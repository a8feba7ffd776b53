// physics.projectile: launch at v₀ and θ from height h₀; no air resistance, so x = v₀cosθ·t and
// y = h₀ + v₀sinθ·t − ½gt². The ball, its velocity vector and its trail follow samples of those equations.
import { readingTime } from '../../pacing.ts';
import { z } from 'zod';
import type { ParsedText } from '../../../text/parse.ts';
import { defineTemplate, type Composition } from '../../types.ts';
import { TimelineBuilder } from '../../timeline-builder.ts';
import { gParam, gravityIn } from './common-params.ts';
import { fmt, readouts, texUnit, withUnit } from './format.ts';
import { limited, put, type Limit } from './limits.ts';
import { LENGTH_UNITS, SPEED_UNITS, allQuantities, angleIn, namedQuantity, quantityIn } from './quantities.ts';
import { Plane, arcPoints, choosePlayback, slowEnough, fitX, keyframeTweens, niceStep, times, type Keyframe, type SceneObjectInput } from './stage.ts';

const SPEED: Limit = { name: 'launch speed', unit: 'm/s', min: 0, max: 1000, why: 'beyond that the flat ground and constant g of this model no longer hold' };
const ANGLE: Limit = { name: 'launch angle', unit: '°', min: -90, max: 90, why: 'an angle is measured from the horizontal, from straight down (−90°) to straight up (90°)' };
const HEIGHT: Limit = { name: 'launch height', unit: 'm', min: 0, max: 10000, why: 'up to 10 km g stays constant to within 0.3%' };

const params = z.object({
  speed_mps: z.number().min(0).max(SPEED.max).default(20),
  angle_deg: z.number().min(ANGLE.min).max(ANGLE.max).default(45),
  height_m: z.number().min(0).max(HEIGHT.max).default(0),
  g_mps2: gParam,
});
export type ProjectileParams = z.infer<typeof params>;

export interface ProjectileMotion {
  vx: number;
  vy: number;
  flightTime: number;
  apexTime: number;
  range: number;
  maxHeight: number;
  impactSpeed: number;
  position(t: number): [number, number];
  velocity(t: number): [number, number];
}

/** The closed-form motion: the ball lands when y(t) = 0 (the positive root of h₀ + v_y t − ½gt² = 0). */
export function projectileMotion({ speed_mps: v, angle_deg, height_m: h, g_mps2: g }: ProjectileParams): ProjectileMotion {
  const theta = (angle_deg * Math.PI) / 180;
  // cos(90°) is 6e-17 in floating point: a vertical shot has no sideways speed at all.
  const vx = Math.abs(angle_deg) === 90 ? 0 : v * Math.cos(theta);
  const vy = v * Math.sin(theta);
  const flightTime = (vy + Math.sqrt(vy * vy + 2 * g * h)) / g;
  const apexTime = Math.max(0, vy / g);
  return {
    vx,
    vy,
    flightTime,
    apexTime,
    range: vx * flightTime,
    maxHeight: h + (vy > 0 ? (vy * vy) / (2 * g) : 0),
    impactSpeed: Math.sqrt(v * v + 2 * g * h),
    position: (t) => [vx * t, h + vy * t - 0.5 * g * t * t],
    velocity: (t) => [vx, vy - g * t],
  };
}

/** The launch height: "from a height of 10 m", "off a 10 m cliff", "h = 10 m"; a distance said to be the range is not it. */
function heightIn(text: string): number | undefined {
  const named = namedQuantity(text, ['height', 'h0', 'h₀', 'h', 'altitude'], LENGTH_UNITS);
  if (named !== undefined) return named;
  for (const q of allQuantities(text, LENGTH_UNITS)) {
    const before = text.slice(Math.max(0, q.index - 24), q.index).toLowerCase();
    if (!/\b(range|distance|lands?|away|target|wall|across)\b/.test(before)) return q.value;
  }
  return undefined;
}

function extract(text: ParsedText, warnings: string[]): Partial<ProjectileParams> {
  const o = text.original;
  const out: Partial<ProjectileParams> = {};
  const speed = quantityIn(o, SPEED_UNITS) ?? namedQuantity(o, ['initial velocity', 'initial speed', 'launch speed', 'muzzle velocity', 'speed', 'velocity', 'v0', 'v₀', 'v', 'u'], SPEED_UNITS);
  let angle = angleIn(o);
  if (angle === undefined && /\bhorizontal(ly)?\b/i.test(o)) angle = 0;
  if (angle === undefined && /\b(straight up|vertically|directly up(wards?)?)\b/i.test(o)) angle = 90;
  const height = heightIn(o);
  put(out, 'speed_mps', limited(speed, SPEED, warnings));
  put(out, 'angle_deg', limited(angle, ANGLE, warnings));
  put(out, 'height_m', limited(height, HEIGHT, warnings));
  put(out, 'g_mps2', gravityIn(text, warnings));
  if (out.speed_mps === 0 && !out.height_m) {
    warnings.push('a launch speed of 0 m/s from the ground goes nowhere: using the default 20 m/s');
    delete out.speed_mps;
  }
  if ((out.angle_deg ?? 45) < 0 && !out.height_m) {
    warnings.push(`a downward launch angle (${fmt(out.angle_deg!)}°) from ground level hits the ground at once: using 0° (horizontal)`);
    out.angle_deg = 0;
  }
  for (const w of ['projectile', 'launched', 'thrown', 'fired', 'kicked']) if (text.normalized.includes(w)) text.used.add(w);
  return out;
}

export const projectile = defineTemplate<ProjectileParams>({
  id: 'physics.projectile',
  title: 'Projectile motion',
  category: 'physics',
  style: 'scientific',
  example: 'Projectile launched at 20 m/s at 45 degrees',
  params,
  vocabulary: ['projectile', 'trajectory', 'launched', 'cannonball', 'horizontally'],
  triggers: [
    { pattern: /\bprojectiles?\b/, score: 0.95 },
    { pattern: /\b(cannon ?ball|cannon|parabolic (motion|path|trajectory)|ballistic)\b/, score: 0.85 },
    { pattern: /\b(launch|launched|launches|thrown|throw|throws|fired|fire|kicked|kick|shot|hit|tossed|toss|lobbed|projected)\b.*(\d\s*(°|deg|degrees?|rad)|\bangle\b|\bhorizontally\b|\bpi\b|π)/, score: 0.9 },
    { pattern: /(\bangle\b|°|\bdegrees?\b).*\b(launch|launched|thrown|fired|kicked|shot|tossed)\b/, score: 0.85 },
    { pattern: /\b(thrown|kicked|launched|fired|tossed) (horizontally|upwards?|straight up|vertically)\b/, score: 0.85 },
    { pattern: /\btrajectory\b/, score: 0.6 },
    { pattern: /\b(range|flight time|time of flight|maximum height) of a (ball|projectile|throw)\b/, score: 0.85 },
  ],
  extract,
  facts(p) {
    const m = projectileMotion(p);
    return {
      flight_time_s: m.flightTime,
      range_m: m.range,
      max_height_m: m.maxHeight,
      apex_time_s: m.apexTime,
      impact_speed_mps: m.impactSpeed,
    };
  },
  compose(p) {
    return composeProjectile(p);
  },
});

/** Samples of the motion between two times, as keyframes at scene time `start` + factor·(t − t0). */
function flightKeyframes(
  m: ProjectileMotion,
  plane: Plane,
  t0: number,
  t1: number,
  start: number,
  factor: number,
  arrowScale: number,
): { ball: Keyframe[]; arrow: Keyframe[]; vxArrow: Keyframe[]; vyArrow: Keyframe[]; clock: { at: number; t: number }[] } {
  const n = Math.max(8, Math.ceil(((t1 - t0) / Math.max(m.flightTime, 1e-9)) * 64));
  const ball: Keyframe[] = [];
  const arrow: Keyframe[] = [];
  // The components ride with the ball: vx keeps its length all the way, vy shrinks to nothing at the apex and
  // grows downward again, which is the point of the split.
  const vxArrow: Keyframe[] = [];
  const vyArrow: Keyframe[] = [];
  const clock: { at: number; t: number }[] = [];
  for (const t of times(t0, t1, n)) {
    const at = start + (t - t0) * factor;
    const [x, y] = m.position(t);
    const [vx, vy] = m.velocity(t);
    const [wx, wy] = plane.at(x, Math.max(0, y));
    ball.push({ at, values: { x: wx, y: wy } });
    arrow.push({
      at,
      values: {
        points: [
          [wx, wy],
          [wx + vx * arrowScale, wy + vy * arrowScale * plane.stretch],
        ],
      },
    });
    vxArrow.push({
      at,
      values: {
        points: [
          [wx, wy],
          [wx + vx * arrowScale, wy],
        ],
      },
    });
    vyArrow.push({
      at,
      values: {
        points: [
          [wx, wy],
          [wx, wy + vy * arrowScale * plane.stretch],
        ],
      },
    });
    clock.push({ at, t });
  }
  return { ball, arrow, vxArrow, vyArrow, clock };
}

function composeProjectile(p: ProjectileParams): Composition {
  const m = projectileMotion(p);
  const { speed_mps: v0, angle_deg: angle, height_m: h0, g_mps2: g } = p;
  // A near-vertical shot still gets some width, so the rise and fall are not squeezed into a line.
  const xMax = Math.max(m.range, 0.3 * m.maxHeight, 1e-3) * 1.08;
  const yMax = Math.max(m.maxHeight, 1e-3) * 1.15;
  const plane = new Plane({ left: -7.2, right: 2.5, bottom: -3.2, top: 2.55 }, [0, xMax], [0, yMax], { maxStretch: 6, valign: 'middle' });
  const [lx, ly] = plane.at(0, h0);
  const flightCaption = `Flight: vx stays the same while gravity takes ${withUnit(g, 'm/s')} off vy every second.`;
  const descentCaption = 'Descent: vy grows downward again; the path is a parabola.';
  const levelCaption = 'Flight: launched level or downward, the ball only gains downward speed on the way to the ground.';
  // Slow enough that the rise and the fall each last their caption's reading time: the narration stays on the
  // part of the flight it describes.
  const needed = m.apexTime > 0 ? Math.max(readingTime(flightCaption) / m.apexTime, readingTime(descentCaption) / Math.max(1e-9, m.flightTime - m.apexTime)) : readingTime(levelCaption) / m.flightTime;
  const playback = slowEnough(choosePlayback(m.flightTime, 2, 5), needed);
  const tl = new TimelineBuilder();
  const cx = 5.25;
  // Velocity arrows: the launch speed is 1.5 world units long, the rest in proportion.
  const arrowScale = 1.5 / Math.max(v0 * Math.max(1, plane.stretch), 1e-9);
  const launchTip: [number, number] = [lx + m.vx * arrowScale, ly + m.vy * arrowScale * plane.stretch];
  const [apexX, apexY] = m.position(m.apexTime);
  const apexW = plane.at(apexX, apexY);
  const landW = plane.at(m.range, 0);
  const ground = plane.y(0);
  const givens = `v₀ = ${withUnit(v0, 'm/s')}   θ = ${withUnit(angle, '°')}   h₀ = ${withUnit(h0, 'm')}   g = ${withUnit(g, 'm/s²')}`;
  const fullTraj = times(0, m.flightTime, 120)
    .map((t) => m.position(t))
    .map(([x, y]) => [x, Math.max(0, y)] as [number, number]);
  const flightFormula = h0 > 0 ? 'T = \\frac{v_y + \\sqrt{v_y^2 + 2 g h_0}}{g}' : 'T = \\frac{2 v_y}{g}';
  const heightFormula = h0 > 0 ? 'H = h_0 + \\frac{v_y^2}{2g}' : 'H = \\frac{v_y^2}{2g}';
  // One precision for the clock's readings, fixed by the largest, so the figures hold still as they run.
  const readings = readouts({ time: m.flightTime });
  const clockText = (t: number) => `t = ${readings.format(t, { unit: 's', kind: 'time' })}`;

  const objects: SceneObjectInput[] = [
    { id: 'title', type: 'text', text: 'Projectile motion', x: 0, y: 3.95, size: 0.55, weight: 700, color: '$foreground' },
    { id: 'givens', type: 'text', text: givens, x: 0, y: 3.3, size: 0.32, color: '$muted' },
    // The launch platform is the y-axis itself, drawn as a thick post up to h₀ (a block beside it would hide the tick labels).
    ...(h0 > 0
      ? [
          {
            id: 'platform',
            type: 'line' as const,
            points: [
              [lx, ground],
              [lx, ly],
            ] as [number, number][],
            color: '$warning',
            width: 0.12,
          },
        ]
      : []),
    // About one tick per 0.6 units of screen: short axes get fewer, larger steps.
    plane.axes('axes', { xLabel: 'x (m)', yLabel: 'y (m)', xStep: niceStep(xMax, Math.max(3, plane.width / 1.1)), yStep: niceStep(yMax, Math.max(2, plane.height / 0.6)) }),
    { id: 'trail', type: 'plot', axes: 'axes', points: fullTraj, color: '$secondary', width: 0.05, progress: 0 },
    { id: 'angle-arc', type: 'line', points: arcPoints(lx, ly, 0.7, 0, (Math.atan2(launchTip[1] - ly, launchTip[0] - lx) * 180) / Math.PI), color: '$highlight', width: 0.035 },
    { id: 'angle-label', type: 'text', text: `θ = ${withUnit(angle, '°')}`, x: lx + 0.85, y: ly + 0.28, size: 0.3, align: 'left', color: '$highlight' },
    {
      id: 'vx-arrow',
      type: 'line',
      points: [
        [lx, ly],
        [launchTip[0], ly],
      ],
      color: '$warning',
      width: 0.045,
      arrow: 'end',
    },
    {
      id: 'vy-arrow',
      type: 'line',
      points: [
        [lx, ly],
        [lx, launchTip[1]],
      ],
      color: '$warning',
      width: 0.045,
      arrow: 'end',
    },
    { id: 'v-arrow', type: 'line', points: [[lx, ly], launchTip], color: '$accent', width: 0.06, arrow: 'end' },
    ...(m.apexTime > 0
      ? ([
          { id: 'apex-drop', type: 'line', points: [apexW, [apexW[0], ground]], color: '$highlight', width: 0.03, dash: [0.12, 0.1] },
          { id: 'apex-dot', type: 'circle', x: apexW[0], y: apexW[1], radius: 0.09, fill: '$highlight' },
          { id: 'apex-label', type: 'text', text: `H = ${withUnit(m.maxHeight, 'm')}`, x: apexW[0] + 0.2, y: apexW[1] + 0.42, size: 0.32, align: 'left', color: '$highlight' },
        ] as SceneObjectInput[])
      : []),
    { id: 'range-line', type: 'line', points: [[lx, ground], landW], color: '$accent', width: 0.07 },
    { id: 'range-label', type: 'text', text: `R = ${withUnit(m.range, 'm')}`, x: fitX((lx + landW[0]) / 2, `R = ${withUnit(m.range, 'm')}`, 0.32), y: ground - 0.7, size: 0.32, color: '$accent' },
    { id: 'ball', type: 'circle', x: lx, y: ly, radius: 0.15, fill: '$accent', stroke: '$foreground', strokeWidth: 0.02 },
    { id: 'clock', type: 'text', text: clockText(0), x: cx, y: 2.55, size: 0.38, color: '$foreground' },
    { id: 'f-vx', type: 'math', latex: `v_x = v_0\\cos\\theta = ${texUnit(m.vx, 'm/s')}`, x: cx, y: 1.7, size: 0.34, color: '$warning' },
    { id: 'f-vy', type: 'math', latex: `v_y = v_0\\sin\\theta = ${texUnit(m.vy, 'm/s')}`, x: cx, y: 1.0, size: 0.34, color: '$warning' },
    { id: 'f-h', type: 'math', latex: `${heightFormula} = ${texUnit(m.maxHeight, 'm')}`, x: cx, y: 0.15, size: 0.34, color: '$highlight' },
    { id: 'f-t', type: 'math', latex: `${flightFormula} = ${texUnit(m.flightTime, 's')}`, x: cx, y: -0.9, size: 0.34, color: '$foreground' },
    { id: 'f-r', type: 'math', latex: `R = v_x T = ${texUnit(m.range, 'm')}`, x: cx, y: -1.9, size: 0.34, color: '$accent' },
    {
      id: 'playback',
      type: 'text',
      text: ['no air resistance', playback.label, ...(plane.stretch > 1.05 ? [`heights drawn ${fmt(Number(plane.stretch.toPrecision(2)))}× taller`] : [])].join('\n'),
      x: cx,
      y: -2.85,
      size: 0.28,
      color: '$muted',
      maxWidth: 4.8,
    },
  ];

  // The words that name an arrow are written in its colour in the caption band.
  const components = [
    { text: 'v₀', ref: 'v-arrow' },
    { text: 'vx', ref: 'vx-arrow' },
    { text: 'vy', ref: 'vy-arrow' },
  ];
  // Set-up: axes, the launch point and the givens.
  tl.narrate(
    `A projectile leaves ${h0 > 0 ? `a ${withUnit(h0, 'm')} platform` : 'the ground'} at ${withUnit(v0, 'm/s')}, ${angle === 0 ? 'horizontally' : `${withUnit(Math.abs(angle), '°')} ${angle > 0 ? 'above' : 'below'} the horizontal`} (g = ${withUnit(g, 'm/s²')}).`,
    2.2,
    ['ball'],
  );
  tl.appear('title', 0.5).appear('givens', 0.5).appear('playback', 0.5);
  tl.appear('axes', 0.8, 'draw');
  if (h0 > 0) tl.appear('platform', 0.5);
  tl.appear('ball', 0.4, 'grow', tl.t + 0.5);
  tl.wait(1.3);
  // Launch: the velocity splits into components that the rest of the motion keeps (x) or loses to g (y).
  tl.narrate(`Launch: v₀ splits into vx = ${withUnit(m.vx, 'm/s')} (constant) and vy = ${withUnit(m.vy, 'm/s')} (gravity slows it).`, 2.6, ['v-arrow', 'f-vx', 'f-vy'], { terms: components });
  tl.appear('v-arrow', 0.4, 'draw').appear('angle-arc', 0.4, 'draw').appear('angle-label', 0.4);
  tl.wait(0.5);
  tl.appear('vx-arrow', 0.4, 'draw').appear('f-vx', 0.4).wait(0.4);
  tl.appear('vy-arrow', 0.4, 'draw').appear('f-vy', 0.4).wait(1.2);
  for (const id of ['angle-arc', 'angle-label']) tl.add({ type: 'disappear', target: id, at: tl.t, duration: 0.3 });
  tl.appear('clock', 0.3).wait(0.3);

  // The motion starts once the caption before it has been read (the builder's hold).
  const flightStart = tl.hold().t;
  const up = flightKeyframes(m, plane, 0, m.apexTime, flightStart, playback.factor, arrowScale);
  const apexAt = flightStart + m.apexTime * playback.factor;
  const hold = m.apexTime > 0 ? readingTime(`Apex at t = ${withUnit(m.apexTime, 's')}: vy = 0, the ball is ${withUnit(m.maxHeight, 'm')} up and moves only sideways.`) : 0;
  const down = flightKeyframes(m, plane, m.apexTime, m.flightTime, apexAt + hold, playback.factor, arrowScale);
  const landAt = apexAt + hold + (m.flightTime - m.apexTime) * playback.factor;
  for (const part of [up, down]) {
    if (part.ball.length < 2 || part.ball[part.ball.length - 1]!.at === part.ball[0]!.at) continue;
    tl.entries.push(...keyframeTweens('ball', part.ball), ...keyframeTweens('v-arrow', part.arrow), ...keyframeTweens('vx-arrow', part.vxArrow), ...keyframeTweens('vy-arrow', part.vyArrow));
    for (const c of part.clock.filter((_, i) => i % 2 === 0)) tl.setText('clock', clockText(c.t), c.at);
  }
  // The trail draws with the ball: progress is by sample count, and the samples are evenly spaced in time.
  const apexShare = m.apexTime / m.flightTime;
  if (m.apexTime > 0) tl.add({ type: 'tween', target: 'trail', property: 'progress', from: 0, to: apexShare, start: flightStart, duration: apexAt - flightStart, easing: 'linear' });
  tl.add({ type: 'tween', target: 'trail', property: 'progress', from: apexShare, to: 1, start: apexAt + hold, duration: landAt - apexAt - hold, easing: 'linear' });

  if (m.apexTime > 0) {
    tl.t = flightStart;
    tl.narrate(flightCaption, apexAt - flightStart, ['vy-arrow', 'f-vy'], { terms: components });
    tl.t = apexAt;
    tl.narrate(`Apex at t = ${withUnit(m.apexTime, 's')}: vy = 0, the ball is ${withUnit(m.maxHeight, 'm')} up and moves only sideways.`, hold + 0.6, ['apex-dot', 'apex-label']);
    tl.setText('clock', clockText(m.apexTime));
    tl.appear('apex-dot', 0.3, 'grow').appear('apex-drop', 0.4, 'draw').appear('apex-label', 0.3).appear('f-h', 0.4);
    tl.wait(hold);
    tl.narrate(descentCaption, landAt - tl.t, ['ball'], { terms: components });
  } else {
    tl.t = flightStart;
    tl.narrate(levelCaption, landAt - flightStart, ['vy-arrow']);
    tl.appear('f-h', 0.4);
  }
  tl.t = landAt;
  tl.setText('clock', clockText(m.flightTime));
  tl.narrate(`Landing at t = ${withUnit(m.flightTime, 's')}, ${withUnit(m.range, 'm')} from the launch point, at ${withUnit(m.impactSpeed, 'm/s')}.`, 2.5, ['range-line', 'range-label']);
  tl.add({ type: 'highlight', target: 'ball', at: tl.t, duration: 0.6, color: '$highlight' });
  for (const id of ['v-arrow', 'vx-arrow', 'vy-arrow']) tl.add({ type: 'disappear', target: id, at: tl.t, duration: 0.3 });
  tl.appear('range-line', 0.5, 'draw').appear('range-label', 0.4).appear('f-t', 0.4);
  tl.wait(0.6);
  tl.appear('f-r', 0.4).wait(1.2);
  tl.narrate(`Flight time ${withUnit(m.flightTime, 's')}, range ${withUnit(m.range, 'm')}, maximum height ${withUnit(m.maxHeight, 'm')}.`, 3, ['f-h', 'f-t', 'f-r']);
  for (const id of ['f-t', 'f-r', 'f-h']) tl.add({ type: 'highlight', target: id, at: tl.t, duration: 0.8 });
  tl.wait(2.6);
  tl.finish(tl.t);
  // The arrows' colours are the formulas' colours: the legend names them once.
  const legend = [
    { role: 'velocity' as const, label: 'velocity v', swatch: 'line' as const },
    { role: 'component' as const, label: 'vx and vy', swatch: 'line' as const },
    { role: 'marked' as const, label: 'apex', swatch: 'dot' as const },
  ];
  return { legend, objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: `Projectile at ${withUnit(v0, 'm/s')}, ${withUnit(angle, '°')}` };
}
