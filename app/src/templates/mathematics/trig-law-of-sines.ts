// trig.law_of_sines: a/sin A = b/sin B = c/sin C on the triangle the user gave. Two angles and a side (AAS,
// ASA): the third angle from the 180°, then each side from the known pair's ratio. Two sides and an angle
// not between them (SSA, the ambiguous case) is drawn as the construction it is: the given side swings from
// its corner and meets the base line in 0, 1 or 2 places, so there are that many triangles, all drawn.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { roleColor } from '../emphasis/roles.ts';
import { fmt, texNumber } from './chart.ts';
import { markUsed } from './progression.ts';
import { arcPoints, type P2 } from './shapes.ts';
import { findLengthUnit, unitSuffix, unitTex } from './units.ts';
import { readTriangle } from './triangle-text.ts';
import { ANGLES, SIDES, classify, corners, cosD, describeGiven, fitInto, fromSSA, fromTwoAngles, named, showAngle, sinD, ssaSine, texAngle, triangleExtras, triangleGiven, triangleObjects, type Given, type Solved } from './triangle.ts';

type SceneObject = Composition['objects'][number];

const params = z.object({ triangle: triangleGiven.default({ A: 40, B: 60, a: 10 }), ...triangleExtras });
type SinesParams = z.infer<typeof params>;

function problemOf(g: Given): { message: string; instead?: string } | undefined {
  const c = classify(g);
  if ('problem' in c) return { message: c.problem };
  if (c.case === 'SSS' || c.case === 'SAS') {
    const what = c.case === 'SSS' ? 'three sides' : 'two sides and the angle between them';
    return { message: `${describeGiven(g)} are ${what}: no angle is known with its opposite side, so the law of cosines solves that`, instead: 'trig.law_of_cosines' };
  }
  if (c.case === 'SSA') return undefined;
  const r = fromTwoAngles(g);
  return 'problem' in r ? { message: r.problem } : undefined;
}

export interface SinesSolution {
  case: 'AAS' | 'ASA' | 'SSA';
  triangles: Solved[];
  /** SSA: the corner of the given angle and the other given side's corner, with the sine worked out for it. */
  ssa?: { k: number; j: number; sine: number };
}

export function solveSines(g: Given): SinesSolution {
  const problem = problemOf(g);
  if (problem) throw new Error(`trig.law_of_sines: ${problem.message}`);
  const c = classify(g);
  if ('problem' in c || c.case === 'SSS' || c.case === 'SAS') throw new Error('trig.law_of_sines: unsolvable');
  if (c.case === 'SSA') {
    const { j, sine } = ssaSine(g, c.key);
    return { case: 'SSA', triangles: fromSSA(g, c.key), ssa: { k: c.key, j, sine } };
  }
  return { case: c.case, triangles: [fromTwoAngles(g) as Solved] };
}

export function sinesFacts(g: Given) {
  const r = solveSines(g);
  return {
    case: r.case,
    triangles: r.triangles.length,
    solutions: r.triangles.map(named),
    /** a / sin A, the same for every side (the diameter of the circle through the corners). */
    ratio: r.triangles.map((t) => t.sides[0] / sinD(t.angles[0])),
    ...(r.ssa ? { sine: r.ssa.sine } : {}),
  };
}

export const trigLawOfSines = defineTemplate<SinesParams>({
  id: 'trig.law_of_sines',
  title: 'Law of sines',
  category: 'mathematics',
  style: 'mathematical',
  example: 'Law of sines: A = 40°, B = 60° and a = 10, find b and c',
  content: { param: 'triangle', ask: 'give two angles and a side, or two sides and an angle opposite one of them, e.g. "Law of sines: A = 40°, B = 60°, a = 10" or "sine rule ambiguous case a = 6, b = 8, A = 35°"' },
  params,
  vocabulary: ['sine', 'sines', 'sine rule', 'ambiguous', 'aas', 'asa', 'ssa'],
  triggers: [
    { pattern: /(?<!spherical |hyperbolic )\b(?:law|rule|formula|theorem) of sines?\b|(?<!spherical |hyperbolic )\bsines? (?:law|rule|formula)\b|\bsin rule\b/, score: 0.96 },
    { pattern: /\bambiguous case\b/, score: 0.9 },
    { pattern: /\ba ?\/ ?sin ?a ?= ?b ?\/ ?sin ?b\b/, score: 0.96 },
  ],
  extract(text, warnings) {
    const out: Partial<SinesParams> = {};
    const reading = readTriangle(text.original, warnings, 'opposite');
    if (Object.keys(reading.given).length) out.triangle = reading.given;
    const unit = findLengthUnit(text.original);
    if (unit) out.unit = unit;
    if (reading.radians) out.angle_unit = 'rad';
    markUsed(text, ['sine', 'sines', 'triangle', 'ambiguous', 'angle']);
    return out;
  },
  misfit: ({ triangle }) => problemOf(triangle),
  facts: ({ triangle }) => sinesFacts(triangle),
  compose({ triangle, unit, angle_unit }) {
    const r = solveSines(triangle);
    return r.case === 'SSA' ? composeAmbiguous(triangle, r, unit, angle_unit) : composeTwoAngles(triangle, r, unit, angle_unit);
  },
});

const SOLVED = roleColor('solved');

function composeTwoAngles(g: Given, r: SinesSolution, unit: string, angleUnit: 'deg' | 'rad'): Composition {
  const t = r.triangles[0]!;
  const u = unitSuffix(unit);
  const len = (v: number) => `${fmt(v)}${u}`;
  const ang = (d: number) => showAngle(d, angleUnit);
  const givenAngles = [0, 1, 2].filter((i) => g[ANGLES[i]!] !== undefined);
  const third = [0, 1, 2].find((i) => !givenAngles.includes(i))!;
  const s = [0, 1, 2].find((i) => g[SIDES[i]!] !== undefined)!;
  const unknownSides = [0, 1, 2].filter((i) => i !== s);
  const V = corners(t, givenAngles[0]!, givenAngles[1]!);
  const P = V.map(fitInto(V, { x: -4.1, y: -0.2, width: 5.4, height: 4.9 })) as typeof V;
  const objects: SceneObject[] = [
    { id: 'title', type: 'text', text: `Law of sines: ${describeGiven(g, angleUnit, unit)}`, x: 0, y: 3.85, size: 0.44, weight: 700, color: '$foreground', maxWidth: 14 },
    ...triangleObjects('', P, {
      sides: SIDES.map((n, i) => (i === s ? `${n} = ${len(t.sides[i]!)}` : `${n} = ?`)),
      sideColors: SIDES.map((_, i) => (i === s ? '$foreground' : SOLVED)),
      marks: [0, 1, 2].map((i) => ({ corner: i, label: i === third ? `${ANGLES[i]} = ?` : `${ANGLES[i]} = ${ang(t.angles[i]!)}`, later: `${ANGLES[i]} = ${ang(t.angles[i]!)}`, color: i === third ? SOLVED : '$primary' })),
    }),
  ];
  const tx = (v: number) => texNumber(v, 4);
  const ratio = t.sides[s]! / sinD(t.angles[s]!);
  const [p, q] = givenAngles;
  const lines = [
    `${ANGLES[third]}=180^\\circ-${texAngle(t.angles[p!]!, 'deg')}-${texAngle(t.angles[q!]!, 'deg')}=${texAngle(t.angles[third]!, 'deg')}`,
    `\\frac{a}{\\sin A}=\\frac{b}{\\sin B}=\\frac{c}{\\sin C}`,
    `\\frac{${SIDES[s]}}{\\sin ${ANGLES[s]}}=\\frac{${tx(t.sides[s]!)}}{\\sin ${texAngle(t.angles[s]!, angleUnit)}}\\approx ${tx(ratio)}`,
    ...unknownSides.map((i) => `${SIDES[i]}=${tx(ratio)}\\cdot\\sin ${texAngle(t.angles[i]!, angleUnit)}\\approx ${texNumber(t.sides[i]!)}${unitTex(unit)}`),
  ];
  const panelX = 3.3;
  lines.forEach((latex, n) => objects.push({ id: `eq${n}`, type: 'math', latex, x: panelX, y: 2.6 - n * 1.15, size: n === 1 ? 0.48 : 0.4, color: n >= 3 ? SOLVED : '$foreground' }));

  const tl = new TimelineBuilder();
  tl.appear('title', 0.5).appear('fill', 0.6);
  for (const n of SIDES) tl.appear(`side-${n}`, 0.6, 'draw');
  ANGLES.forEach((n) => objects.some((o) => o.id === `vertex-${n}`) && tl.appear(`vertex-${n}`, 0.3, 'fade', tl.t + 0.4));
  const gp = ANGLES[p!]!;
  const gq = ANGLES[q!]!;
  tl.narrate(`Two angles and a side: ${gp} = ${ang(t.angles[p!]!)}, ${gq} = ${ang(t.angles[q!]!)} and ${SIDES[s]} = ${len(t.sides[s]!)}.`, 2.4, ['fill', 'side-a', 'side-b', 'side-c']);
  for (const i of givenAngles) tl.appear(`angle-${ANGLES[i]}`, 0.5, 'draw', tl.t + 0.6).appear(`angle-${ANGLES[i]}-label`, 0.4, 'fade', tl.t + 0.8);
  tl.appear(`side-${SIDES[s]}-label`, 0.4, 'fade', tl.t + 1).wait(2.4);
  const C = ANGLES[third]!;
  tl.narrate(`The angles add up to 180°, so ${C} = 180° − ${fmt(t.angles[p!]!)}° − ${fmt(t.angles[q!]!)}° = ${fmt(t.angles[third]!)}°.`, 2.4, ['eq0', `angle-${C}`]);
  tl.appear('eq0', 0.5).appear(`angle-${C}`, 0.5, 'draw').appear(`angle-${C}-label`, 0.4);
  tl.setText(`angle-${C}-label`, `${C} = ${ang(t.angles[third]!)}`, tl.t + 0.8).wait(2.4);
  tl.narrate('The law of sines: each side divided by the sine of the angle facing it gives the same number.', 2.4, ['eq1']);
  tl.appear('eq1', 0.5).wait(2.4);
  tl.narrate(`The known pair: ${SIDES[s]} ÷ sin ${ANGLES[s]} = ${fmt(t.sides[s]!)} ÷ sin ${ang(t.angles[s]!)} ≈ ${fmt(ratio)}.`, 2.4, ['eq2', `side-${SIDES[s]}`]);
  tl.appear('eq2', 0.5).wait(2.4);
  unknownSides.forEach((i, n) => {
    const name = SIDES[i]!;
    tl.narrate(`So ${name} = ${fmt(ratio)} × sin ${ang(t.angles[i]!)} ≈ ${len(t.sides[i]!)}.`, 2.2, [`eq${3 + n}`, `side-${name}`]);
    tl.appear(`eq${3 + n}`, 0.5).appear(`side-${name}-label`, 0.4, 'fade', tl.t + 0.3);
    tl.setText(`side-${name}-label`, `${name} ≈ ${len(t.sides[i]!)}`, tl.t + 0.3).wait(2.2);
  });
  const big = t.angles.indexOf(Math.max(...t.angles));
  tl.narrate(`The largest angle, ${ANGLES[big]}, faces the longest side, ${SIDES[big]}: the sines grow with the sides.`, 2.6, [`side-${SIDES[big]}`, `angle-${ANGLES[big]}`]);
  tl.wait(2.6);
  tl.finish(tl.t);
  const answer = unknownSides.map((i) => `${SIDES[i]} ≈ ${len(t.sides[i]!)}`).join(', ');
  return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: `Law of sines: ${answer}`, legend: [{ role: 'solved', label: 'found by the law of sines', swatch: 'line' }] };
}

/** The two triangles' own colours: they only name which triangle is which (each is labelled), so they are no role. */
const TRIANGLE_COLOURS = ['$primary', '$accent'];
const SUB = ['₁', '₂'];

function composeAmbiguous(g: Given, r: SinesSolution, unit: string, angleUnit: 'deg' | 'rad'): Composition {
  const { k, j, sine } = r.ssa!;
  const i = 3 - k - j;
  const [K, J] = [ANGLES[k]!, ANGLES[j]!];
  const [sk, sj] = [SIDES[k]!, SIDES[j]!];
  const u = unitSuffix(unit);
  const len = (v: number) => `${fmt(v)}${u}`;
  const ang = (d: number) => showAngle(d, angleUnit);
  const kAngle = g[ANGLES[k]!]!;
  const [lk, lj] = [g[sk]!, g[sj]!];
  // The construction in the triangle's units: corner K at the origin, the base line along +x, corner I at the
  // end of the given side next to K; the side opposite K swings round I and meets the base where J can be.
  const I: P2 = [lj * cosD(kAngle), lj * sinD(kAngle)];
  const Js: P2[] = r.triangles.map((t) => [t.sides[i]!, 0]);
  const reach = Math.max(I[0] + lk, ...Js.map((p) => p[0]), lj) * 1.08;
  const arc = arcPoints(I, lk, Math.PI, 2 * Math.PI, 48);
  const pts = [[0, 0] as P2, I, [reach, 0] as P2, ...arc];
  const W = fitInto(pts, { x: -3.7, y: -0.1, width: 6.2, height: 5 });
  const [o, iw] = [W([0, 0]), W(I)];
  // The side's label sits off its upper-left face, along the normal, clear of the line.
  const normal = [Math.sin(kAngle * (Math.PI / 180)), Math.cos(kAngle * (Math.PI / 180))];
  const objects: SceneObject[] = [
    { id: 'title', type: 'text', text: `Law of sines, the ambiguous case: ${describeGiven(g, angleUnit, unit)}`, x: 0, y: 3.85, size: 0.42, weight: 700, color: '$foreground', maxWidth: 14 },
    { id: 'base', type: 'line', points: [o, W([reach, 0])], color: '$muted', width: 0.04 },
    { id: `side-${sj}`, type: 'line', points: [o, iw], color: '$foreground', width: 0.055 },
    { id: `side-${sj}-label`, type: 'text', text: `${sj} = ${len(lj)}`, x: (o[0] + iw[0]) / 2 - normal[0] * 0.5, y: (o[1] + iw[1]) / 2 + normal[1] * 0.5, size: 0.32, weight: 600, color: '$foreground', background: '$background' },
    { id: `vertex-${ANGLES[i]}`, type: 'text', text: ANGLES[i]!, x: iw[0], y: iw[1] + 0.38, size: 0.36, weight: 700, color: '$foreground' },
    { id: `vertex-${K}`, type: 'text', text: `${K} = ${ang(kAngle)}`, x: o[0] - 0.2, y: o[1] - 0.38, size: 0.32, weight: 700, color: '$foreground' },
    { id: 'swing', type: 'line', points: arc.map(W), color: '$muted', width: 0.035, dash: [0.12, 0.09] },
    { id: 'swing-label', type: 'text', text: `${sk} = ${len(lk)} swings from ${ANGLES[i]}`, x: iw[0] + 0.4, y: iw[1] - 0.05, size: 0.3, color: '$muted', align: 'left' },
  ];
  const angleArc = arcPoints(o, 0.55, 0, kAngle * (Math.PI / 180), 24);
  objects.push({ id: `angle-${K}`, type: 'line', points: angleArc, color: '$foreground', width: 0.045 });
  r.triangles.forEach((t, n) => {
    const colour = TRIANGLE_COLOURS[n]!;
    const jw = W(Js[n]!);
    const tag = r.triangles.length > 1 ? SUB[n]! : '';
    objects.push({ id: `tri${n}-fill`, type: 'polygon', points: [o, iw, jw], fill: colour, opacity: 0.18 });
    objects.push({ id: `tri${n}-side`, type: 'line', points: [iw, jw], color: colour, width: 0.055 });
    objects.push({ id: `tri${n}-vertex`, type: 'text', text: `${J}${tag}`, x: jw[0], y: jw[1] - 0.38, size: 0.34, weight: 700, color: colour });
  });

  const tx = (v: number) => texNumber(v, 4);
  const panelX = 3.6;
  const lines = [`\\frac{${sk}}{\\sin ${K}}=\\frac{${sj}}{\\sin ${J}}`, `\\sin ${J}=\\frac{${sj}\\sin ${K}}{${sk}}`, `\\sin ${J}=\\frac{${tx(lj)}\\cdot\\sin ${texAngle(kAngle, angleUnit)}}{${tx(lk)}}\\approx ${texNumber(sine)}`];
  lines.forEach((latex, n) => objects.push({ id: `eq${n}`, type: 'math', latex, x: panelX, y: 2.35 - n * 1.05, size: 0.4, color: '$foreground' }));
  const rowTop = -0.8;
  const rows = r.triangles.map((t, n) => `triangle ${n + 1}: ${J} ≈ ${ang(t.angles[j]!)}, ${ANGLES[i]} ≈ ${ang(t.angles[i]!)}, ${SIDES[i]} ≈ ${len(t.sides[i]!)}`);
  rows.forEach((text, n) => objects.push({ id: `row${n}`, type: 'text', text, x: panelX, y: rowTop - n * 0.6, size: 0.3, weight: 600, color: TRIANGLE_COLOURS[n]!, maxWidth: 6.4 }));
  const verdict = r.triangles.length === 0 ? 'no triangle' : r.triangles.length === 1 ? 'one triangle' : 'two triangles';
  objects.push({ id: 'verdict', type: 'text', text: verdict, x: panelX, y: rowTop - 0.65 - Math.max(1, rows.length) * 0.6, size: 0.42, weight: 700, color: '$foreground' });

  const tl = new TimelineBuilder();
  tl.appear('title', 0.5).appear('base', 0.6, 'draw').appear(`side-${sj}`, 0.6, 'draw').appear(`angle-${K}`, 0.4, 'draw');
  tl.appear(`vertex-${K}`, 0.3)
    .appear(`vertex-${ANGLES[i]}`, 0.3)
    .appear(`side-${sj}-label`, 0.3, 'fade', tl.t + 0.4);
  tl.narrate(`Two sides and an angle not between them: ${sj} = ${len(lj)}, ${sk} = ${len(lk)} and ${K} = ${ang(kAngle)}.`, 2.6, [`side-${sj}`, `angle-${K}`]);
  tl.wait(2.4);
  tl.narrate(`Side ${sk} swings from ${ANGLES[i]}; wherever it meets the base line it closes a triangle.`, 2.6, ['swing']);
  tl.appear('swing', 1.2, 'draw').appear('swing-label', 0.4).wait(2.4);
  tl.narrate('The law of sines pairs each side with the angle facing it.', 2, ['eq0']);
  tl.appear('eq0', 0.5).wait(2);
  tl.narrate(`So sin ${J} = ${sj}·sin ${K} ÷ ${sk} = ${fmt(lj)} · sin ${ang(kAngle)} ÷ ${fmt(lk)} ≈ ${fmt(sine)}.`, 2.6, ['eq1', 'eq2']);
  tl.appear('eq1', 0.5)
    .appear('eq2', 0.5, 'fade', tl.t + 0.8)
    .wait(2.6);
  if (r.triangles.length === 0) {
    tl.narrate(`A sine is never more than 1: ${sk} is too short to reach the base line. No triangle has these measurements.`, 3, ['swing', 'verdict']);
    tl.appear('verdict', 0.4).wait(3);
  } else {
    const first = r.triangles[0]!.angles[j]!;
    const why =
      r.triangles.length === 2
        ? `${J} ≈ ${ang(first)} or 180° minus that, ${ang(180 - first)}: both leave room for ${ANGLES[i]}, so two triangles.`
        : Math.abs(first - 90) < 1e-9
          ? `sin ${J} = 1, so ${J} = 90°: ${sk} just touches the base line, one right triangle.`
          : `${J} ≈ ${ang(first)}; the other choice, ${ang(180 - first)}, with ${K} = ${ang(kAngle)} leaves no room for a third angle: one triangle.`;
    tl.narrate(
      why,
      3,
      r.triangles.map((_, n) => `tri${n}-side`),
    );
    r.triangles.forEach((_, n) =>
      tl
        .appear(`tri${n}-fill`, 0.5, 'fade', tl.t + n * 0.6)
        .appear(`tri${n}-side`, 0.6, 'draw', tl.t + n * 0.6)
        .appear(`tri${n}-vertex`, 0.3, 'fade', tl.t + n * 0.6 + 0.4),
    );
    tl.appear('verdict', 0.4, 'fade', tl.t + 1).wait(3);
    r.triangles.forEach((t, n) => {
      tl.narrate(`Triangle ${n + 1}: ${ANGLES[i]} = 180° − ${K} − ${J} ≈ ${ang(t.angles[i]!)}, and ${SIDES[i]} ≈ ${len(t.sides[i]!)} by the law of sines.`, 2.8, [`tri${n}-fill`, `row${n}`]);
      tl.appear(`row${n}`, 0.4).wait(2.8);
    });
  }
  tl.finish(tl.t);
  return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: `Law of sines, ambiguous case: ${verdict}` };
}
