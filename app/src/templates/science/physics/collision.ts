// physics.collision: two bodies on a line meet. Momentum m₁v₁ + m₂v₂ is conserved in every collision;
// an elastic one also keeps the kinetic energy, a perfectly inelastic one leaves them stuck together.
import { z } from 'zod';
import type { ParsedText } from '../../../text/parse.ts';
import { defineTemplate, type Composition } from '../../types.ts';
import { TimelineBuilder } from '../../timeline-builder.ts';
import { MASS_LIMIT, massesIn } from './common-params.ts';
import { texUnit, withUnit } from './format.ts';
import { limited, type Limit } from './limits.ts';
import { NUM, SPEED_UNITS, allQuantities, parseNum } from './quantities.ts';
import { keyframeTweens, ruler, times, type Keyframe, type SceneObjectInput } from './stage.ts';

const SPEED: Limit = { name: 'velocity', unit: 'm/s', min: -1000, max: 1000, why: 'faster collisions are not drawn on a track' };
const speed = z.number().min(SPEED.min).max(SPEED.max);
const mass = z.number().gt(0).max(MASS_LIMIT.max);

const params = z
  .object({
    m1: mass.default(2),
    v1: speed.default(3),
    m2: mass.default(1),
    v2: speed.default(0),
    type: z.enum(['elastic', 'inelastic']).default('elastic'),
  })
  .refine((p) => p.v1 > p.v2, {
    message: 'v1 must be greater than v2: body 1 starts on the left and must be closing in on body 2, or they never collide',
    path: ['v1'],
  });
export type CollisionParams = z.infer<typeof params>;

export interface CollisionResult {
  v1After: number;
  v2After: number;
  momentum: number;
  keBefore: number;
  keAfter: number;
}

/** One-dimensional collision: elastic (momentum and energy kept) or perfectly inelastic (one common velocity). */
export function collide({ m1, v1, m2, v2, type }: CollisionParams): CollisionResult {
  const M = m1 + m2;
  const [a, b] = type === 'elastic' ? [((m1 - m2) * v1 + 2 * m2 * v2) / M, ((m2 - m1) * v2 + 2 * m1 * v1) / M] : [(m1 * v1 + m2 * v2) / M, (m1 * v1 + m2 * v2) / M];
  return {
    v1After: a,
    v2After: b,
    momentum: m1 * v1 + m2 * v2,
    keBefore: 0.5 * m1 * v1 * v1 + 0.5 * m2 * v2 * v2,
    keAfter: 0.5 * m1 * a * a + 0.5 * m2 * b * b,
  };
}

const REST = /\b(at rest|stationary|resting|not moving|motionless|standing still|still|parked|initially at rest)\b/i;
const LEFTWARD = /\b(to the left|leftwards?|moving left|going left|westwards?|in the negative direction)\b/i;

/** The velocity written in one body's part of the text: a speed, "at rest", with "to the left" making it negative. */
function velocityIn(segment: string): number | undefined {
  const q = allQuantities(segment, SPEED_UNITS)[0];
  const rest = REST.exec(segment);
  if (rest && (!q || rest.index < q.index)) return 0;
  if (!q) return undefined;
  return LEFTWARD.test(segment) && q.value > 0 ? -q.value : q.value;
}

/** "m1 = 2 kg", "m₁ = 2", "v2 = -1 m/s". */
function symbolValue(text: string, letter: 'm' | 'v', index: 1 | 2): number | undefined {
  const sub = index === 1 ? '₁' : '₂';
  const m = new RegExp(String.raw`(?<![\p{L}])${letter}_?(?:${index}|${sub})\s*(?:=|:|is)\s*(${NUM})`, 'iu').exec(text);
  return m ? parseNum(m[1]!) : undefined;
}

function extract(text: ParsedText, warnings: string[]): Partial<CollisionParams> {
  const o = text.original;
  const out: Partial<CollisionParams> = {};
  const masses = massesIn(o);
  // Each body's velocity is written after its mass: split the text at the masses.
  const segments = masses.map((m, i) => o.slice(m.end, masses[i + 1]?.index ?? o.length));
  let [m1, m2] = [masses[0]?.value, masses[1]?.value];
  let [v1, v2] = [segments[0] !== undefined ? velocityIn(segments[0]) : undefined, segments[1] !== undefined ? velocityIn(segments[1]) : undefined];
  // "two 1 kg carts", "identical balls": one mass for both.
  if (masses.length === 1 && /\b(two|both|identical|equal(ly)?|same)\b/i.test(o)) m2 = m1;
  // Speeds listed together ("at 2 m/s and 4 m/s") go to the bodies in order.
  const speeds = allQuantities(o, SPEED_UNITS).map((q) => q.value);
  if ((v1 === undefined || v2 === undefined) && speeds.length >= 2) [v1, v2] = [speeds[0], speeds[1]];
  if (/\b(both|each) (are |is )?(at rest|stationary|not moving)\b/i.test(o)) [v1, v2] = [0, 0];
  if (v1 === undefined && v2 === undefined && speeds.length === 1) [v1, v2] = [speeds[0], REST.test(o) ? 0 : undefined];
  m1 = symbolValue(o, 'm', 1) ?? m1;
  m2 = symbolValue(o, 'm', 2) ?? m2;
  v1 = symbolValue(o, 'v', 1) ?? v1;
  v2 = symbolValue(o, 'v', 2) ?? v2;
  const vals = {
    m1: limited(m1, { ...MASS_LIMIT, name: 'mass m1' }, warnings),
    m2: limited(m2, { ...MASS_LIMIT, name: 'mass m2' }, warnings),
    v1: limited(v1, { ...SPEED, name: 'velocity v1' }, warnings),
    v2: limited(v2, { ...SPEED, name: 'velocity v2' }, warnings),
  };
  for (const [k, v] of Object.entries(vals)) if (v !== undefined) (out as Record<string, number>)[k] = v;
  // "toward each other" / "head-on": the second body moves left.
  if (/\b(towards? each other|head on|opposite directions?|approaching each other|approach each other)\b/i.test(o) && (out.v2 ?? 0) > 0) out.v2 = -out.v2!;
  const a = out.v1 ?? 3;
  const b = out.v2 ?? 0;
  if (a <= b) {
    if (a === 0 && b === 0) {
      warnings.push('neither body moves, so nothing collides: body 1 is given the default 3 m/s');
      out.v1 = 3;
    } else if (a === 0 || b === 0) {
      // One body waits and the other is said to move: it moves toward the one at rest.
      out.v1 = Math.max(Math.abs(a), Math.abs(b));
      out.v2 = 0;
      if (b !== 0) [out.m1, out.m2] = [out.m2, out.m1];
      if (out.m1 === undefined) delete out.m1;
      if (out.m2 === undefined) delete out.m2;
    } else if (b > 0) {
      warnings.push(`with v1 = ${withUnit(a, 'm/s')} and v2 = ${withUnit(b, 'm/s')} they never meet: taking body 2 as moving toward body 1 (v2 = ${withUnit(-b, 'm/s')})`);
      out.v2 = -b;
      if (a <= -b) out.v1 = Math.abs(a);
    } else {
      warnings.push(`with v1 = ${withUnit(a, 'm/s')} and v2 = ${withUnit(b, 'm/s')} they never meet: taking body 1 as moving toward body 2 (v1 = ${withUnit(Math.abs(a), 'm/s')})`);
      out.v1 = Math.abs(a);
      if (out.v1 <= b) out.v1 = b + 1;
    }
  }
  if (/\b(perfectly |completely |totally |fully )?inelastic\b|\bstick(s|ing)? together\b|\bcoalesce\b|\bcouple together\b|\bmove together\b/i.test(o)) out.type = 'inelastic';
  else if (/\belastic\b|\bbounce/i.test(o)) out.type = 'elastic';
  for (const w of ['collision', 'collide', 'elastic', 'inelastic', 'momentum']) if (text.normalized.includes(w)) text.used.add(w);
  return out;
}

export const collision = defineTemplate<CollisionParams>({
  id: 'physics.collision',
  title: 'Collision (1-D)',
  category: 'physics',
  style: 'scientific',
  example: 'Elastic collision between a 2 kg ball at 3 m/s and a 1 kg ball at rest',
  params,
  // "plastic" is listed so typo correction never turns it into "elastic".
  vocabulary: ['collision', 'collisions', 'collide', 'colliding', 'elastic', 'inelastic', 'momentum', 'plastic'],
  triggers: [
    // "hash collision" belongs to hash tables.
    { pattern: /^(?!.*\bhash).*\b(collisions?|collides?|colliding|crash(es|ing)? into)\b/, score: 0.9 },
    { pattern: /^(?!.*\bhash).*\b(elastic|inelastic)\b.*\b(balls?|carts?|blocks?|masses|kg|bodies|objects|particles|trolleys?|cars?)\b/, score: 0.85 },
    { pattern: /\b(conservation of momentum|momentum conservation|conserv\w* momentum|newton cradle)\b/, score: 0.85 },
    { pattern: /\b(hits|strikes|bumps into|runs into|hit by|struck by)\b.*\b(at rest|stationary|kg)\b/, score: 0.8 },
    { pattern: /\b(at rest|stationary|kg)\b.*\b(hits|strikes|bumps into|runs into|hit by|struck by)\b/, score: 0.8 },
    { pattern: /\b(carts?|balls?|blocks?|trolleys?|gliders?|pucks?|cars?)\b.*\b(towards? each other|head on|stick together|bounce off each other)\b/, score: 0.85 },
  ],
  extract,
  facts(p) {
    const r = collide(p);
    return {
      v1_after: r.v1After,
      v2_after: r.v2After,
      momentum: r.momentum,
      ke_before_j: r.keBefore,
      ke_after_j: r.keAfter,
    };
  },
  compose(p) {
    return composeCollision(p);
  },
});

function composeCollision(p: CollisionParams): Composition {
  const { m1, v1, m2, v2, type } = p;
  const r = collide(p);
  const tl = new TimelineBuilder();
  // Real time: 1.5 s before contact, 2 s after; distances in metres on the ruler, blocks drawn by mass.
  const before = 1.5;
  const after = 2;
  const faces = (t: number): [number, number] => (t <= before ? [v1 * (t - before), v2 * (t - before)] : [r.v1After * (t - before), r.v2After * (t - before)]);
  const all = [0, before, before + after].flatMap(faces);
  const xMin = Math.min(...all);
  const xMax = Math.max(...all, xMin + 1e-6);
  const heavier = Math.max(m1, m2);
  const w1 = Math.max(0.55, 1.3 * Math.cbrt(m1 / heavier));
  const w2 = Math.max(0.55, 1.3 * Math.cbrt(m2 / heavier));
  // Blocks stay within ±6.2 so velocity arrows (up to 1.6 long) stay on screen.
  const left = -6.2 + w1;
  const s = (12.4 - w1 - w2) / (xMax - xMin);
  const wx = (x: number) => left + (x - xMin) * s;
  const trackY = 0.5;
  const vScale = 1.6 / Math.max(Math.abs(v1), Math.abs(v2), Math.abs(r.v1After), Math.abs(r.v2After));
  const arrowY1 = trackY + w1 + 0.35;
  const arrowY2 = trackY + w2 + 0.35;
  const arrow = (cx: number, v: number, y: number): [number, number][] => [
    [cx, y],
    [cx + v * vScale + (v === 0 ? 0.001 : 0), y],
  ];
  const center1 = (t: number) => wx(faces(t)[0]) - w1 / 2;
  const center2 = (t: number) => wx(faces(t)[1]) + w2 / 2;
  const vLabel = (name: string, v: number) => (v === 0 ? `${name} = 0 (at rest)` : `${name} = ${withUnit(v, 'm/s')}`);
  const elastic = type === 'elastic';
  const objects: SceneObjectInput[] = [
    { id: 'title', type: 'text', text: `${elastic ? 'Elastic' : 'Perfectly inelastic'} collision`, x: 0, y: 3.95, size: 0.55, weight: 700, color: '$foreground' },
    { id: 'givens', type: 'text', text: `m₁ = ${withUnit(m1, 'kg')}, v₁ = ${withUnit(v1, 'm/s')} · m₂ = ${withUnit(m2, 'kg')}, v₂ = ${withUnit(v2, 'm/s')} · no friction`, x: 0, y: 3.3, size: 0.32, color: '$muted' },
    {
      id: 'track',
      type: 'line',
      points: [
        [-7.4, trackY],
        [7.4, trackY],
      ],
      color: '$muted',
      width: 0.04,
    },
    ...ruler('scale', xMin, xMax, wx, trackY - 0.45),
    { id: 'b1', type: 'rect', x: center1(0), y: trackY + w1 / 2, width: w1, height: w1, cornerRadius: 0.06, fill: '$secondary', stroke: '$foreground', strokeWidth: 0.02 },
    { id: 'b1-label', type: 'text', text: withUnit(m1, 'kg'), x: center1(0), y: trackY + w1 / 2, size: 0.3, weight: 600, color: '$background' },
    { id: 'b2', type: 'rect', x: center2(0), y: trackY + w2 / 2, width: w2, height: w2, cornerRadius: 0.06, fill: '$accent', stroke: '$foreground', strokeWidth: 0.02 },
    { id: 'b2-label', type: 'text', text: withUnit(m2, 'kg'), x: center2(0), y: trackY + w2 / 2, size: 0.3, weight: 600, color: '$background' },
    // A body at rest has no arrow (opacity 0) until it moves.
    { id: 'a1', type: 'line', points: arrow(center1(0), v1, arrowY1), color: '$secondary', width: 0.06, arrow: 'end', opacity: v1 === 0 ? 0 : 1 },
    { id: 'a2', type: 'line', points: arrow(center2(0), v2, arrowY2), color: '$accent', width: 0.06, arrow: 'end', opacity: v2 === 0 ? 0 : 1 },
    { id: 'v1-label', type: 'text', text: vLabel('v₁', v1), x: center1(0), y: arrowY1 + 0.4, size: 0.3, color: '$secondary' },
    // A row above v₁'s label: at impact the bodies touch and the two labels would run into each other.
    { id: 'v2-label', type: 'text', text: vLabel('v₂', v2), x: center2(0), y: Math.max(arrowY2 + 0.4, arrowY1 + 0.4 + 0.42), size: 0.3, color: '$accent' },
    { id: 'clock', type: 'text', text: 'before', x: 0, y: -0.75, size: 0.34, color: '$muted' },
    { id: 'f-p', type: 'math', latex: `p = m_1 v_1 + m_2 v_2 = ${texUnit(r.momentum, 'kg·m/s')}`, x: -3.7, y: -1.45, size: 0.34, color: '$highlight' },
    ...(elastic
      ? ([
          { id: 'f-v1', type: 'math', latex: `v_1' = \\frac{(m_1 - m_2)v_1 + 2m_2 v_2}{m_1 + m_2} = ${texUnit(r.v1After, 'm/s')}`, x: -3.7, y: -2.5, size: 0.32, color: '$secondary' },
          { id: 'f-v2', type: 'math', latex: `v_2' = \\frac{(m_2 - m_1)v_2 + 2m_1 v_1}{m_1 + m_2} = ${texUnit(r.v2After, 'm/s')}`, x: -3.7, y: -3.65, size: 0.32, color: '$accent' },
        ] as SceneObjectInput[])
      : ([{ id: 'f-v1', type: 'math', latex: `v' = \\frac{m_1 v_1 + m_2 v_2}{m_1 + m_2} = ${texUnit(r.v1After, 'm/s')}`, x: -3.7, y: -2.7, size: 0.34, color: '$secondary' }] as SceneObjectInput[])),
    { id: 'f-p2', type: 'math', latex: `p' = m_1 v_1' + m_2 v_2' = ${texUnit(m1 * r.v1After + m2 * r.v2After, 'kg·m/s')}`, x: 3.8, y: -1.45, size: 0.34, color: '$highlight' },
    { id: 'f-ke', type: 'math', latex: `E_k = ${texUnit(r.keBefore, 'J')} \\rightarrow E_k' = ${texUnit(r.keAfter, 'J')}`, x: 3.8, y: -2.5, size: 0.34, color: '$foreground' },
    {
      id: 'ke-note',
      type: 'text',
      text: elastic ? 'elastic: kinetic energy is kept' : `inelastic: ${withUnit(r.keBefore - r.keAfter, 'J')} of kinetic energy turned into heat and deformation`,
      x: 3.8,
      y: -3.4,
      size: 0.28,
      color: '$muted',
      maxWidth: 7,
    },
  ];

  const motion = (t0: number, t1: number, startAt: number) => {
    const ts = times(t0, t1, 12);
    const k = (f: (t: number) => Keyframe['values']) => ts.map((t) => ({ at: startAt + (t - t0), values: f(t) }));
    const v = (t: number): [number, number] => (t < before ? [v1, v2] : [r.v1After, r.v2After]);
    tl.entries.push(
      ...keyframeTweens(
        'b1',
        k((t) => ({ x: center1(t) })),
      ),
      ...keyframeTweens(
        'b1-label',
        k((t) => ({ x: center1(t) })),
      ),
      ...keyframeTweens(
        'v1-label',
        k((t) => ({ x: center1(t) })),
      ),
      ...keyframeTweens(
        'a1',
        k((t) => ({ points: arrow(center1(t), v(t)[0], arrowY1) })),
      ),
      ...keyframeTweens(
        'b2',
        k((t) => ({ x: center2(t) })),
      ),
      ...keyframeTweens(
        'b2-label',
        k((t) => ({ x: center2(t) })),
      ),
      ...keyframeTweens(
        'v2-label',
        k((t) => ({ x: center2(t) })),
      ),
      ...keyframeTweens(
        'a2',
        k((t) => ({ points: arrow(center2(t), v(t)[1], arrowY2) })),
      ),
    );
  };

  tl.narrate(`Body 1 (${withUnit(m1, 'kg')}) moves at ${withUnit(v1, 'm/s')} toward body 2 (${withUnit(m2, 'kg')}, ${v2 === 0 ? 'at rest' : `at ${withUnit(v2, 'm/s')}`}).`, 2, ['b1', 'b2']);
  for (const id of ['title', 'givens', 'track']) tl.appear(id, 0.5);
  for (const o of objects) if (o.id.startsWith('scale-')) tl.appear(o.id, 0.5);
  for (const id of ['b1', 'b2']) tl.appear(id, 0.4, 'grow', tl.t + 0.4);
  for (const id of ['b1-label', 'b2-label', 'clock']) tl.appear(id, 0.4, 'fade', tl.t + 0.6);
  if (v1 !== 0) tl.appear('a1', 0.4, 'draw', tl.t + 0.9);
  if (v2 !== 0) tl.appear('a2', 0.4, 'draw', tl.t + 0.9);
  for (const id of ['v1-label', 'v2-label']) tl.appear(id, 0.4, 'fade', tl.t + 0.9);
  tl.appear('f-p', 0.4, 'fade', tl.t + 1.2);
  tl.wait(1.8);
  tl.narrate(`Before: total momentum p = m₁v₁ + m₂v₂ = ${withUnit(r.momentum, 'kg·m/s')}.`, before, ['f-p']);
  motion(0, before, tl.t);
  tl.wait(before);
  // Contact: the velocities change in an instant; show the rule that decides them.
  tl.narrate(elastic ? 'Impact: they push apart, keeping both momentum and kinetic energy.' : 'Impact: they lock together and move as one; only momentum is kept.', 2.2, ['b1', 'b2']);
  tl.setText('clock', 'impact');
  for (const id of ['b1', 'b2']) tl.add({ type: 'highlight', target: id, at: tl.t, duration: 0.6, color: '$highlight' });
  tl.setText('v1-label', vLabel(elastic ? "v₁'" : "v'", r.v1After)).setText('v2-label', elastic ? vLabel("v₂'", r.v2After) : '');
  tl.entries.push(
    { type: 'tween', target: 'a1', property: 'points', to: arrow(center1(before), r.v1After, arrowY1), start: tl.t, duration: 0.4, easing: 'linear' },
    { type: 'tween', target: 'a2', property: 'points', to: arrow(center2(before), r.v2After, arrowY2), start: tl.t, duration: 0.4, easing: 'linear' },
  );
  // Arrows of bodies that start or stop moving fade in or out; the merged pair of an inelastic hit keeps one.
  const visible: [string, number, number][] = [
    ['a1', v1, r.v1After],
    ['a2', v2, elastic ? r.v2After : 0],
  ];
  for (const [id, was, now] of visible) {
    if (was === 0 && now !== 0) tl.add({ type: 'tween', target: id, property: 'opacity', to: 1, start: tl.t, duration: 0.3 });
    if (was !== 0 && now === 0) tl.add({ type: 'tween', target: id, property: 'opacity', to: 0, start: tl.t, duration: 0.3 });
  }
  tl.appear('f-v1', 0.5, 'fade', tl.t + 0.3);
  if (elastic) tl.appear('f-v2', 0.5, 'fade', tl.t + 0.8);
  tl.wait(2.2);
  tl.setText('clock', 'after');
  tl.narrate(elastic ? `After: v₁' = ${withUnit(r.v1After, 'm/s')}, v₂' = ${withUnit(r.v2After, 'm/s')}.` : `After: both move at v' = ${withUnit(r.v1After, 'm/s')}.`, after, elastic ? ['f-v1', 'f-v2'] : ['f-v1']);
  motion(before, before + after, tl.t);
  tl.wait(after);
  tl.narrate(`Momentum before and after: ${withUnit(r.momentum, 'kg·m/s')}. Kinetic energy ${withUnit(r.keBefore, 'J')} → ${withUnit(r.keAfter, 'J')}${elastic ? ' (kept).' : ` (${withUnit(r.keBefore - r.keAfter, 'J')} lost).`}`, 3.2, [
    'f-p2',
    'f-ke',
  ]);
  tl.appear('f-p2', 0.5)
    .appear('f-ke', 0.5, 'fade', tl.t + 0.6)
    .appear('ke-note', 0.5, 'fade', tl.t + 0.9);
  tl.add({ type: 'highlight', target: 'f-p', at: tl.t + 1.4, duration: 0.8 }).add({ type: 'highlight', target: 'f-p2', at: tl.t + 1.4, duration: 0.8 });
  tl.wait(3.2);
  tl.finish(tl.t);
  return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: `${elastic ? 'Elastic' : 'Inelastic'} collision` };
}
