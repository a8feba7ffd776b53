// physics.energy_conservation: a mass that starts at rest h above its lowest point and moves with nothing but
// gravity doing work (no friction, no air resistance): dropped, on a frictionless U-shaped track, or swinging as
// a pendulum. PE = mgh turns into KE = ½mv² and back, and the two bars always add up to the same total; at the
// bottom all of it is kinetic, so v = √(2gh). The motion is integrated from the equations of motion (RK4 for
// the track and the pendulum), not from the energy, so the bars showing a constant total are a real check.
import { z } from 'zod';
import type { ParsedText } from '../../../text/parse.ts';
import { defineTemplate, type Composition } from '../../types.ts';
import { TimelineBuilder } from '../../timeline-builder.ts';
import { MASS_LIMIT, gParam, gravityIn, massIn, massParam } from './common-params.ts';
import { fmt, readouts, texUnit, withUnit } from './format.ts';
import { limited, put, type Limit } from './limits.ts';
import { LENGTH_UNITS, allQuantities, angleIn, namedQuantity } from './quantities.ts';
import { choosePlayback, keyframeTweens, times, type SceneObjectInput } from './stage.ts';

const HEIGHT: Limit = { name: 'height', unit: 'm', min: 0, max: 10000, why: 'up to 10 km g stays constant; a mass must start above its lowest point', exclusiveMin: true };
const LENGTH: Limit = { name: 'pendulum length', unit: 'm', min: 0, max: 1000, why: 'a string longer than 1 km is not a pendulum drawn here', exclusiveMin: true };

const params = z.object({
  scenario: z.enum(['track', 'drop', 'pendulum']).default('track').describe('how it moves: on a frictionless U-shaped track, dropped, or swinging on a string'),
  mass_kg: massParam(1),
  height_m: z.number().gt(0).max(HEIGHT.max).default(5).describe('how far above its lowest point it starts, at rest'),
  length_m: z.number().gt(0).max(LENGTH.max).default(2).describe("the pendulum's length (pendulum only); at least the height"),
  g_mps2: gParam,
});
export type EnergyParams = z.infer<typeof params>;

export interface Sample {
  t: number;
  /** Position in metres: x across, y up from the lowest point. */
  x: number;
  y: number;
  v: number;
}

export interface EnergyMotion {
  total: number;
  bottomSpeed: number;
  halfwaySpeed: number;
  /** From release to the lowest point, and (track, pendulum) on up to the far side. */
  samples: Sample[];
  /** Index of the sample at the lowest point. */
  bottom: number;
  amplitudeDeg?: number;
}

/** One RK4 step of y' = f(y) for a state vector. */
function rk4(f: (s: number[]) => number[], s: number[], h: number): number[] {
  const k1 = f(s);
  const k2 = f(s.map((v, i) => v + (h / 2) * k1[i]!));
  const k3 = f(s.map((v, i) => v + (h / 2) * k2[i]!));
  const k4 = f(s.map((v, i) => v + h * k3[i]!));
  return s.map((v, i) => v + (h / 6) * (k1[i]! + 2 * k2[i]! + 2 * k3[i]! + k4[i]!));
}

/** The track: y = h(2x/w − 1)² over 0 ≤ x ≤ w, w = 3h (steep enough at the top to start from rest). */
export function trackShape(h: number): { w: number; y(x: number): number; dy(x: number): number; d2y(x: number): number } {
  const w = 3 * h;
  return { w, y: (x) => h * ((2 * x) / w - 1) ** 2, dy: (x) => ((4 * h) / w) * ((2 * x) / w - 1), d2y: () => (8 * h) / (w * w) };
}

export function energyMotion({ scenario, height_m: h, length_m: L, g_mps2: g, mass_kg: m }: EnergyParams): EnergyMotion {
  const total = m * g * h;
  const bottomSpeed = Math.sqrt(2 * g * h);
  const halfwaySpeed = Math.sqrt(g * h);
  const samples: Sample[] = [];
  let bottom = 0;
  let amplitudeDeg: number | undefined;
  if (scenario === 'drop') {
    const T = Math.sqrt((2 * h) / g);
    for (const t of times(0, T, 60)) samples.push({ t, x: 0, y: Math.max(0, h - 0.5 * g * t * t), v: g * t });
    bottom = samples.length - 1;
  } else if (scenario === 'track') {
    // A bead on a frictionless wire y(x): x'' = −(g + y''·x'²)·y' / (1 + y'²), from rest at x = 0.
    const shape = trackShape(h);
    const f = ([x, u]: number[]) => [u!, (-(g + shape.d2y(x!) * u! * u!) * shape.dy(x!)) / (1 + shape.dy(x!) ** 2)];
    let s = [0, 0];
    let t = 0;
    const dt = Math.sqrt(h / g) / 400;
    const speed = (x: number, u: number) => Math.abs(u) * Math.sqrt(1 + shape.dy(x) ** 2);
    samples.push({ t, x: 0, y: h, v: 0 });
    // On to the far side, where it comes to rest again (x' turns back to zero).
    for (let i = 0; i < 200000; i++) {
      const next = rk4(f, s, dt);
      t += dt;
      if (next[1]! <= 0 && i > 10) break;
      s = next;
      if (i % 8 === 0) samples.push({ t, x: s[0]!, y: shape.y(s[0]!), v: speed(s[0]!, s[1]!) });
      if (bottom === 0 && s[0]! >= shape.w / 2) {
        bottom = samples.length - 1;
      }
    }
    samples.push({ t, x: s[0]!, y: shape.y(s[0]!), v: speed(s[0]!, s[1]!) });
  } else {
    // The pendulum from rest at θ₀, cos θ₀ = 1 − h/L, by θ'' = −(g/L) sin θ.
    const theta0 = Math.acos(1 - h / L);
    amplitudeDeg = (theta0 * 180) / Math.PI;
    const f = ([th, w]: number[]) => [w!, -(g / L) * Math.sin(th!)];
    let s = [theta0, 0];
    let t = 0;
    const dt = Math.sqrt(L / g) / 400;
    const at = (th: number, w: number): Sample => ({ t, x: L * Math.sin(th), y: L * (1 - Math.cos(th)), v: Math.abs(w) * L });
    samples.push(at(theta0, 0));
    for (let i = 0; i < 200000; i++) {
      const next = rk4(f, s, dt);
      t += dt;
      if (next[1]! >= 0 && i > 10) break;
      s = next;
      if (i % 8 === 0) samples.push(at(s[0]!, s[1]!));
      if (bottom === 0 && s[0]! <= 0) bottom = samples.length - 1;
    }
    samples.push(at(s[0]!, s[1]!));
  }
  return { total, bottomSpeed, halfwaySpeed, samples, bottom, ...(amplitudeDeg !== undefined ? { amplitudeDeg } : {}) };
}

function extract(text: ParsedText, warnings: string[]): Partial<EnergyParams> {
  const o = text.original;
  const n = text.normalized;
  const out: Partial<EnergyParams> = {};
  const scenario = /\bpendul(?:um|ums|a)\b|\bswing(?:s|ing)?\b/.test(n)
    ? 'pendulum'
    : /\b(?:drop(?:ped|s)?|falls?|falling|fell|released from a height|free ?fall)\b/.test(n) && !/\b(?:track|roller ?coaster|ramp|slide|skate ?park|half ?pipe|bowl)\b/.test(n)
      ? 'drop'
      : 'track';
  out.scenario = scenario;
  put(out, 'mass_kg', limited(massIn(o), MASS_LIMIT, warnings));
  const height = limited(namedQuantity(o, ['height', 'h', 'high', 'from'], LENGTH_UNITS) ?? allQuantities(o, LENGTH_UNITS).find((q) => !/^\s*(?:long|string|length)/i.test(o.slice(q.end)))?.value, HEIGHT, warnings);
  if (scenario === 'pendulum') {
    const length = limited(namedQuantity(o, ['length', 'long', 'L', 'string of', 'string'], LENGTH_UNITS) ?? allQuantities(o, LENGTH_UNITS).find((q) => /^\s*(?:long|string|length|pendulum)/i.test(o.slice(q.end)))?.value, LENGTH, warnings);
    const angle = angleIn(o);
    if (length !== undefined) out.length_m = length;
    const L = length ?? 2;
    if (angle !== undefined && angle > 0 && angle < 90) out.height_m = Number((L * (1 - Math.cos((angle * Math.PI) / 180))).toPrecision(6));
    else if (height !== undefined && height !== length) {
      out.height_m = height;
      if (height >= L) {
        out.length_m = Number((height * 1.5).toPrecision(3));
        warnings.push(`a pendulum released ${withUnit(height, 'm')} above its lowest point needs a longer string: using ${withUnit(out.length_m, 'm')}`);
      }
    }
  } else put(out, 'height_m', height);
  put(out, 'g_mps2', gravityIn(text, warnings));
  for (const w of ['energy', 'conservation', 'kinetic', 'potential']) if (n.includes(w)) text.used.add(w);
  return out;
}

// Energy that turns into heat, light or chemical energy is a different story: left for the fallback.
const NOT_MECHANICAL = String.raw`^(?!.*\b(?:photosynthesis|food|chemical|nuclear|solar panels?|renewable|electricity bills?|power stations?|sankey|efficiency|thermal|heat(?:ing)?|respiration|calories|kinetic theory|fossil fuels?|springs?|elastic potential|circuits?)\b)`;

export const energyConservation = defineTemplate<EnergyParams>({
  id: 'physics.energy_conservation',
  title: 'Conservation of energy',
  category: 'physics',
  style: 'scientific',
  example: 'Conservation of energy: a 2 kg cart on a frictionless track released from 5 m',
  params,
  vocabulary: ['kinetic', 'potential'],
  triggers: [
    { pattern: new RegExp(`${NOT_MECHANICAL}.*\\b(?:conservation of (?:mechanical )?energy|energy conservation|energy is conserved|conserv(?:e|es|ing) (?:mechanical )?energy)\\b`), score: 0.98 },
    { pattern: new RegExp(`${NOT_MECHANICAL}.*\\b(?:kinetic|ke)\\b.*\\b(?:potential|gpe|pe)\\b|\\b(?:potential|gpe)\\b.*\\b(?:kinetic|ke)\\b`), score: 0.97 },
    { pattern: new RegExp(`${NOT_MECHANICAL}.*\\b(?:gravitational potential energy|mechanical energy)\\b`), score: 0.85 },
    { pattern: new RegExp(`${NOT_MECHANICAL}.*\\broller ?coasters?\\b.*\\b(?:energy|speed|frictionless|height)\\b`), score: 0.85 },
    { pattern: /\bv ?= ?(?:√|sqrt|root) ?\(? ?2 ?g ?h\b/, score: 0.85 },
  ],
  extract,
  facts(p) {
    const e = energyMotion(p);
    return {
      total_energy_j: e.total,
      potential_top_j: e.total,
      kinetic_bottom_j: e.total,
      speed_at_bottom_mps: e.bottomSpeed,
      speed_halfway_mps: e.halfwaySpeed,
      ...(e.amplitudeDeg !== undefined ? { amplitude_deg: e.amplitudeDeg } : {}),
    };
  },
  compose(p) {
    return composeEnergy(p);
  },
});

function composeEnergy(p: EnergyParams): Composition {
  const { scenario, mass_kg: m, height_m: h, length_m: L, g_mps2: g } = p;
  const e = energyMotion(p);
  const tl = new TimelineBuilder();
  // The motion, in true shape, in a box on the left.
  const box = { left: -6.8, right: -0.8, bottom: -3.0, top: 2.4 };
  const span = scenario === 'drop' ? { x0: -1, x1: 1, y0: 0, y1: h } : scenario === 'track' ? { x0: 0, x1: trackShape(h).w, y0: 0, y1: h } : { x0: -L, x1: L, y0: 0, y1: L };
  const k = Math.min((box.right - box.left) / (span.x1 - span.x0), (box.top - box.bottom) / (span.y1 - span.y0));
  const ox = (box.left + box.right) / 2 - ((span.x0 + span.x1) / 2) * k;
  const oy = box.bottom;
  const W = (x: number, y: number): [number, number] => [ox + x * k, oy + y * k];
  const r = 0.2;
  const pos = (s: Sample): [number, number] => {
    const [x, y] = W(s.x, s.y);
    return [x, y + (scenario === 'pendulum' ? 0 : r)];
  };
  const objects: SceneObjectInput[] = [];
  const how = scenario === 'drop' ? `dropped from ${withUnit(h, 'm')}` : scenario === 'track' ? `on a frictionless track from ${withUnit(h, 'm')}` : `on a pendulum, released ${withUnit(h, 'm')} up`;
  objects.push(
    { id: 'title', type: 'text', text: `Energy conserved: ${withUnit(m, 'kg')} ${how}`, x: 0, y: 3.95, size: 0.44, weight: 700, color: '$foreground' },
    { id: 'givens', type: 'text', text: `m = ${withUnit(m, 'kg')} · h = ${withUnit(h, 'm')} · g = ${withUnit(g, 'm/s²')} · no friction, no air resistance`, x: 0, y: 3.3, size: 0.3, color: '$muted' },
  );
  const ground = W(span.x0, 0);
  objects.push({
    id: 'ground',
    type: 'line',
    points: [
      [box.left, ground[1]],
      [box.right, ground[1]],
    ],
    color: '$muted',
    width: 0.04,
  });
  if (scenario === 'track') {
    const shape = trackShape(h);
    objects.push({ id: 'track', type: 'line', points: times(0, shape.w, 80).map((x) => W(x, shape.y(x))), color: '$foreground', width: 0.05 });
  } else if (scenario === 'pendulum') {
    const pivot = W(0, L);
    objects.push({ id: 'pivot', type: 'circle', x: pivot[0], y: pivot[1], radius: 0.07, fill: '$foreground' }, { id: 'string', type: 'line', points: [pivot, pos(e.samples[0]!)], color: '$foreground', width: 0.03 });
  } else {
    const top = W(0, h);
    objects.push({ id: 'ledge', type: 'rect', x: top[0] - 0.5, y: top[1] - 0.08, width: 0.8, height: 0.16, fill: '$surface', stroke: '$muted', strokeWidth: 0.02 });
  }
  const start = pos(e.samples[0]!);
  // The height of the start, marked, so the far side can be seen to reach it again.
  objects.push(
    {
      id: 'start-level',
      type: 'line',
      points: [
        [box.left, W(0, h)[1]],
        [box.right, W(0, h)[1]],
      ],
      color: '$muted',
      width: 0.025,
      dash: [0.12, 0.1],
    },
    { id: 'start-level-label', type: 'text', text: `h = ${withUnit(h, 'm')}`, x: box.left + 0.1, y: W(0, h)[1] + 0.22, size: 0.26, align: 'left', color: '$muted' },
    { id: 'mass', type: 'circle', x: start[0], y: start[1], radius: r, fill: '$accent', stroke: '$foreground', strokeWidth: 0.02 },
  );

  // The bars: PE, KE and their sum, one scale (the total is 3.6 units tall).
  const barBottom = -2.6;
  const barH = 3.6;
  const bars = [
    { id: 'pe', x: 0.4, color: '$secondary', label: 'PE' },
    { id: 'ke', x: 1.5, color: '$warning', label: 'KE' },
  ];
  const precision = readouts({ energy: e.total, speed: e.bottomSpeed, time: e.samples[e.samples.length - 1]!.t });
  const J = (x: number) => precision.format(x, { unit: 'J', kind: 'energy' });
  for (const b of bars) {
    objects.push(
      { id: `${b.id}-bar`, type: 'rect', x: b.x, y: barBottom + (b.id === 'pe' ? barH : 0.001) / 2, width: 0.8, height: b.id === 'pe' ? barH : 0.002, fill: b.color },
      { id: `${b.id}-label`, type: 'text', text: b.label, x: b.x, y: barBottom - 0.3, size: 0.3, color: b.color, weight: 600 },
      { id: `${b.id}-value`, type: 'text', text: J(b.id === 'pe' ? e.total : 0), x: b.x, y: barBottom + barH + 0.3, size: 0.26, color: '$foreground' },
    );
  }
  objects.push(
    { id: 'total-bar', type: 'rect', x: 2.6, y: barBottom + barH / 2, width: 0.8, height: barH, stroke: '$foreground', strokeWidth: 0.04 },
    { id: 'total-label', type: 'text', text: 'total', x: 2.6, y: barBottom - 0.3, size: 0.3, color: '$foreground', weight: 600 },
    { id: 'total-value', type: 'text', text: J(e.total), x: 2.6, y: barBottom + barH + 0.3, size: 0.26, color: '$foreground' },
    { id: 'total-pe', type: 'rect', x: 2.6, y: barBottom + barH / 2, width: 0.72, height: barH, fill: '$secondary', opacity: 0.85 },
    { id: 'total-ke', type: 'rect', x: 2.6, y: barBottom + barH, width: 0.72, height: 0.002, fill: '$warning', opacity: 0.85 },
  );
  // The working, on the right.
  const fx = 5.3;
  objects.push(
    { id: 'f-pe', type: 'math', latex: `PE = mgh = ${texUnit(e.total, 'J')}`, x: fx, y: 1.8, size: 0.3, color: '$secondary' },
    { id: 'f-ke', type: 'math', latex: `KE = \\tfrac{1}{2}mv^2`, x: fx, y: 0.9, size: 0.3, color: '$warning' },
    { id: 'f-v', type: 'math', latex: `v = \\sqrt{2gh} = ${texUnit(e.bottomSpeed, 'm/s')}`, x: fx, y: -0.1, size: 0.3, color: '$foreground' },
    { id: 'readout', type: 'text', text: `v = ${precision.format(0, { unit: 'm/s', kind: 'speed' })}`, x: fx, y: -1.2, size: 0.3, color: '$foreground' },
  );

  const what = scenario === 'pendulum' ? 'the bob' : scenario === 'drop' ? 'the ball' : 'the cart';
  tl.narrate(`A ${withUnit(m, 'kg')} mass starts at rest ${withUnit(h, 'm')} above its lowest point: all its energy is potential, PE = mgh = ${withUnit(e.total, 'J')}.`, 2.4, ['mass', 'pe-bar']);
  tl.appear('title', 0.5).appear('givens', 0.5).appear('ground', 0.4);
  for (const id of ['track', 'pivot', 'string', 'ledge']) if (objects.some((o) => o.id === id)) tl.appear(id, 0.5, id === 'track' ? 'draw' : 'fade', tl.t + 0.3);
  tl.appear('start-level', 0.4, 'fade', tl.t + 0.5).appear('start-level-label', 0.4, 'fade', tl.t + 0.5);
  tl.appear('mass', 0.4, 'grow', tl.t + 0.6);
  for (const id of ['pe-bar', 'pe-label', 'pe-value', 'ke-bar', 'ke-label', 'ke-value', 'total-bar', 'total-label', 'total-value', 'total-pe', 'total-ke']) tl.appear(id, 0.4, 'fade', tl.t + 0.9);
  tl.appear('f-pe', 0.4, 'fade', tl.t + 1.2)
    .appear('f-ke', 0.4, 'fade', tl.t + 1.2)
    .appear('readout', 0.4, 'fade', tl.t + 1.2);
  tl.wait(2.4);

  // The motion, with the bars following it: PE = mgy, KE = ½mv², sampled together.
  const last = e.samples.length - 1;
  const down = e.samples.slice(0, e.bottom + 1);
  const up = e.samples.slice(e.bottom);
  const tDown = e.samples[e.bottom]!.t;
  const tUp = e.samples[last]!.t - tDown;
  const playback = choosePlayback(tDown, 2.5, 5);
  const play = (list: Sample[], t0: number, offset: number) => {
    const at = (s: Sample) => t0 + (s.t - offset) * playback.factor;
    const frames = list.map((s) => {
      const pe = m * g * s.y;
      const ke = 0.5 * m * s.v * s.v;
      const hp = (pe / e.total) * barH;
      const hk = (ke / e.total) * barH;
      return { s, pe, ke, hp, hk, at: at(s) };
    });
    tl.entries.push(
      ...keyframeTweens(
        'mass',
        frames.map((f) => ({ at: f.at, values: { x: pos(f.s)[0], y: pos(f.s)[1] } })),
      ),
      ...keyframeTweens(
        'pe-bar',
        frames.map((f) => ({ at: f.at, values: { height: Math.max(0.002, f.hp), y: barBottom + Math.max(0.002, f.hp) / 2 } })),
      ),
      ...keyframeTweens(
        'ke-bar',
        frames.map((f) => ({ at: f.at, values: { height: Math.max(0.002, f.hk), y: barBottom + Math.max(0.002, f.hk) / 2 } })),
      ),
      // The total's column: PE stacked under KE, always filling the same outline.
      ...keyframeTweens(
        'total-pe',
        frames.map((f) => ({ at: f.at, values: { height: Math.max(0.002, f.hp), y: barBottom + Math.max(0.002, f.hp) / 2 } })),
      ),
      ...keyframeTweens(
        'total-ke',
        frames.map((f) => ({ at: f.at, values: { height: Math.max(0.002, f.hk), y: barBottom + f.hp + Math.max(0.002, f.hk) / 2 } })),
      ),
    );
    if (scenario === 'pendulum') {
      const pivot = W(0, L);
      tl.entries.push(
        ...keyframeTweens(
          'string',
          frames.map((f) => ({ at: f.at, values: { points: [pivot, pos(f.s)] } })),
        ),
      );
    }
    frames.forEach((f, i) => {
      if (i % 3 === 0 || i === frames.length - 1) {
        tl.setText('pe-value', J(f.pe), f.at).setText('ke-value', J(f.ke), f.at);
        tl.setText('readout', `v = ${precision.format(f.s.v, { unit: 'm/s', kind: 'speed' })}`, f.at);
      }
    });
  };
  tl.narrate(`Going down, PE turns into KE, and the two always add up to the same ${withUnit(e.total, 'J')}.`, tDown * playback.factor, ['pe-bar', 'ke-bar', 'total-bar']);
  const t0 = tl.t;
  play(down, t0, 0);
  tl.wait(tDown * playback.factor);
  tl.narrate(`At the bottom PE = 0: all ${withUnit(e.total, 'J')} is kinetic, ½mv² = mgh, so v = √(2gh) = √(2 × ${fmt(g)} × ${fmt(h)}) = ${withUnit(e.bottomSpeed, 'm/s')}.`, 3, ['ke-bar', 'f-v']);
  tl.appear('f-v', 0.4).wait(3);
  if (scenario !== 'drop') {
    tl.narrate(`Climbing the far side, KE turns back into PE; ${what} stops at the same ${withUnit(h, 'm')} it started from.`, tUp * playback.factor, ['mass', 'start-level']);
    const t1 = tl.t;
    play(up, t1, tDown);
    tl.wait(tUp * playback.factor);
  }
  tl.narrate(`Halfway down, PE and KE are ${withUnit(e.total / 2, 'J')} each, and v = √(gh) = ${withUnit(e.halfwaySpeed, 'm/s')}: the mass does not change the speed.`, 3, ['total-bar', 'f-ke']);
  tl.wait(3);
  tl.finish(tl.t);
  return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: `Energy: ${withUnit(m, 'kg')} from ${withUnit(h, 'm')}, v = ${withUnit(e.bottomSpeed, 'm/s')} at the bottom` };
}
