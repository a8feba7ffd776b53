// trig.law_of_cosines: the triangle the user gave, drawn to scale, solved by c² = a² + b² − 2ab·cos C with
// their numbers put in. Two sides and the angle between them (SAS) give the third side; three sides (SSS) give
// an angle (the one asked for, else the largest, which says whether the triangle is obtuse). Three lengths
// that make no triangle, and facts the law of sines solves instead, are refused in words, never drawn.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { roleColor } from '../emphasis/roles.ts';
import { fmt, texNumber } from './chart.ts';
import { markUsed } from './progression.ts';
import { findLengthUnit, unitSuffix, unitTex } from './units.ts';
import { readTriangle } from './triangle-text.ts';
import {
  ANGLES,
  SIDES,
  classify,
  corners,
  cosD,
  describeGiven,
  fitInto,
  fromSAS,
  fromSSS,
  inequalityProblem,
  kindOf,
  named,
  others,
  showAngle,
  texAngle,
  triangleExtras,
  triangleGiven,
  triangleObjects,
  type Given,
  type Solved,
} from './triangle.ts';

type SceneObject = Composition['objects'][number];

const params = z.object({
  triangle: triangleGiven.default({ a: 5, b: 7, C: 60 }),
  find: z.enum(['A', 'B', 'C', 'largest']).default('largest').describe('with three sides: the angle to find (the largest when none is named)'),
  ...triangleExtras,
});
type CosinesParams = z.infer<typeof params>;

export interface CosinesSolution {
  case: 'SAS' | 'SSS';
  /** The corner whose angle is in the formula (0 = A): the given angle (SAS) or the one found (SSS). */
  corner: number;
  solved: Solved;
  /** cos of that angle. */
  cos: number;
}

/** The case the law of cosines solves, or why it cannot (in words a teacher would use). */
function problemOf(g: Given): { message: string; instead?: string } | undefined {
  const c = classify(g);
  if ('problem' in c) return { message: c.problem };
  if (c.case === 'SSS') {
    const p = inequalityProblem([g.a!, g.b!, g.c!]);
    return p ? { message: p } : undefined;
  }
  if (c.case === 'SAS') return undefined;
  const what = c.case === 'SSA' ? 'two sides and an angle that is not between them (the ambiguous case)' : 'two angles and a side';
  return { message: `${describeGiven(g)} are ${what}: the law of sines solves that; the law of cosines needs three sides or two sides and the angle between them`, instead: 'trig.law_of_sines' };
}

export function solveCosines(g: Given, find: CosinesParams['find'] = 'largest'): CosinesSolution {
  const problem = problemOf(g);
  if (problem) throw new Error(`trig.law_of_cosines: ${problem.message}`);
  const c = classify(g);
  if ('problem' in c) throw new Error(c.problem);
  if (c.case === 'SAS') {
    const solved = fromSAS(g, c.key);
    return { case: 'SAS', corner: c.key, solved, cos: cosD(solved.angles[c.key]!) };
  }
  const solved = fromSSS([g.a!, g.b!, g.c!]);
  const corner = find === 'largest' ? solved.sides.indexOf(Math.max(...solved.sides)) : ANGLES.indexOf(find);
  const [i, j] = others(corner);
  const s = solved.sides;
  return { case: 'SSS', corner, solved, cos: (s[i]! ** 2 + s[j]! ** 2 - s[corner]! ** 2) / (2 * s[i]! * s[j]!) };
}

export function cosinesFacts(g: Given, find: CosinesParams['find'] = 'largest') {
  const r = solveCosines(g, find);
  const foundName = r.case === 'SAS' ? SIDES[r.corner]! : ANGLES[r.corner]!;
  return {
    case: r.case,
    found: foundName,
    value: r.case === 'SAS' ? r.solved.sides[r.corner]! : r.solved.angles[r.corner]!,
    cos: r.cos,
    ...named(r.solved),
    kind: kindOf(r.solved.angles),
  };
}

export const trigLawOfCosines = defineTemplate<CosinesParams>({
  id: 'trig.law_of_cosines',
  title: 'Law of cosines',
  category: 'mathematics',
  style: 'mathematical',
  example: 'Law of cosines: find side c when a = 5, b = 7 and C = 60°',
  content: { param: 'triangle', ask: 'give two sides and the angle between them, or three sides, e.g. "Law of cosines: a = 5, b = 7, C = 60°" or "cosine rule, sides 4, 5 and 7"' },
  params,
  vocabulary: ['cosine', 'cosines', 'cosine rule', 'sas', 'sss', 'included'],
  triggers: [
    // Not the spherical or hyperbolic law (great circles, curved space): those are other formulas.
    { pattern: /(?<!spherical |hyperbolic )\b(?:law|rule|formula|theorem) of cosines?\b|(?<!spherical |hyperbolic )\bcosines? (?:law|rule|formula)\b|\bcos rule\b/, score: 0.96 },
    // "Sine and cosine rules" together (a revision topic) is no unit circle: the triangle rules, asked for a triangle.
    { pattern: /\b(?:sine|sin) and (?:cosine|cos) (?:rules|laws)\b|\blaws? of sines and cosines\b/, score: 0.96 },
    { pattern: /\bc ?2 ?= ?a ?2 ?\+ ?b ?2 ?- ?2 ?ab ?cos\b/, score: 0.96 },
    // "two sides and the angle between them": SAS, which only the law of cosines answers.
    { pattern: /\btriangle\b.*\b(?:two sides|sides)\b.*\b(?:angle between them|included angle)\b.*\b(?:third|missing|other) side\b|\b(?:third|missing) side\b.*\bincluded angle\b/, score: 0.9 },
  ],
  extract(text, warnings) {
    const out: Partial<CosinesParams> = {};
    const reading = readTriangle(text.original, warnings, 'included');
    if (Object.keys(reading.given).length) out.triangle = reading.given;
    if (reading.find && /^[ABC]$/.test(reading.find)) out.find = reading.find as 'A' | 'B' | 'C';
    const unit = findLengthUnit(text.original);
    if (unit) out.unit = unit;
    if (reading.radians) out.angle_unit = 'rad';
    markUsed(text, ['cosine', 'cosines', 'triangle', 'sides', 'angle']);
    return out;
  },
  misfit: ({ triangle }) => problemOf(triangle),
  facts: ({ triangle, find }) => cosinesFacts(triangle, find),
  compose({ triangle, find, unit, angle_unit }) {
    const r = solveCosines(triangle, find);
    const k = r.corner;
    const [i, j] = others(k);
    const s = r.solved.sides;
    const [K, si, sj, sk] = [ANGLES[k]!, SIDES[i]!, SIDES[j]!, SIDES[k]!];
    const u = unitSuffix(unit);
    const u2 = unitSuffix(unit, 2);
    const len = (v: number) => `${fmt(v)}${u}`;
    const ang = (deg: number) => showAngle(deg, angle_unit);
    const sas = r.case === 'SAS';
    const found = roleColor('solved');

    // The triangle to scale on the left: the angle in the formula at the bottom left, one side along the base.
    const V = corners(r.solved, k, i);
    const W = fitInto(V, { x: -4.1, y: -0.2, width: 5.4, height: 4.9 });
    const P = V.map(W) as typeof V;
    const sideText = SIDES.map((n, x) => (sas && x === k ? `${n} = ?` : `${n} = ${len(s[x]!)}`));
    const sideColors = SIDES.map((_, x) => (sas && x === k ? found : '$foreground'));
    const angleColor = sas ? '$primary' : found;
    const objects: SceneObject[] = [
      { id: 'title', type: 'text', text: `Law of cosines: ${describeGiven(triangle, angle_unit, unit)}`, x: 0, y: 3.85, size: 0.44, weight: 700, color: '$foreground', maxWidth: 14 },
      ...triangleObjects('', P, { sides: sideText, sideColors, marks: [{ corner: k, label: sas ? `${K} = ${ang(r.solved.angles[k]!)}` : `${K} = ?`, later: `${K} ≈ ${ang(r.solved.angles[k]!)}`, color: angleColor }] }),
    ];

    // The working on the right, one line at a time.
    const c2 = s[i]! ** 2 + s[j]! ** 2 - 2 * s[i]! * s[j]! * r.cos;
    const t = (v: number) => texNumber(v, 4);
    const cosTex = r.cos < 0 ? `(${t(r.cos)})` : t(r.cos);
    const exact = (v: number) => Math.abs(v - Number(v.toPrecision(4))) < 1e-9;
    // Written without spaces: the layout estimates a formula's width from its source.
    const lines = sas
      ? [
          `${sk}^2=${si}^2+${sj}^2-2${si}${sj}\\cos ${K}`,
          `${sk}^2=${t(s[i]!)}^2+${t(s[j]!)}^2-2\\cdot ${t(s[i]!)}\\cdot ${t(s[j]!)}\\cdot \\cos ${texAngle(r.solved.angles[k]!, angle_unit)}`,
          `${sk}^2=${t(s[i]! ** 2)}+${t(s[j]! ** 2)}-${t(2 * s[i]! * s[j]!)}\\cdot ${cosTex}=${t(c2)}${unitTex(unit, 2)}`,
          `${sk}=\\sqrt{${t(c2)}} ${exact(s[k]!) ? '=' : '\\approx'} ${texNumber(s[k]!)}${unitTex(unit)}`,
        ]
      : [
          `${sk}^2=${si}^2+${sj}^2-2${si}${sj}\\cos ${K}`,
          `\\cos ${K}=\\frac{${si}^2+${sj}^2-${sk}^2}{2${si}${sj}}`,
          `\\cos ${K}=\\frac{${t(s[i]!)}^2+${t(s[j]!)}^2-${t(s[k]!)}^2}{2\\cdot ${t(s[i]!)}\\cdot ${t(s[j]!)}}=\\frac{${t(s[i]! ** 2 + s[j]! ** 2 - s[k]! ** 2)}}{${t(2 * s[i]! * s[j]!)}}`,
          `${K}=\\cos^{-1}(${t(r.cos)}) ${exact(r.solved.angles[k]!) ? '=' : '\\approx'} ${texAngle(r.solved.angles[k]!, angle_unit)}`,
        ];
    const panelX = 3.3;
    lines.forEach((latex, n) => objects.push({ id: `eq${n}`, type: 'math', latex, x: panelX, y: 2.4 - n * 1.2, size: n === 0 ? 0.5 : 0.4, color: n === lines.length - 1 ? found : '$foreground' }));
    const result = sas ? `${sk} ${exact(s[k]!) ? '=' : '≈'} ${len(s[k]!)}` : `${K} ${exact(r.solved.angles[k]!) ? '=' : '≈'} ${ang(r.solved.angles[k]!)}`;
    objects.push({ id: 'result', type: 'text', text: result, x: panelX, y: -2.55, size: 0.42, weight: 700, color: found });

    const tl = new TimelineBuilder();
    const figure = ['fill', 'side-a', 'side-b', 'side-c'];
    tl.appear('title', 0.5).appear('fill', 0.6);
    for (const n of SIDES) tl.appear(`side-${n}`, 0.6, 'draw');
    ANGLES.forEach((n) => objects.some((o) => o.id === `vertex-${n}`) && tl.appear(`vertex-${n}`, 0.3, 'fade', tl.t + 0.4));
    if (sas) {
      tl.narrate(`Two sides, ${si} = ${len(s[i]!)} and ${sj} = ${len(s[j]!)}, and the angle between them, ${K} = ${ang(r.solved.angles[k]!)}.`, 2.4, figure);
      tl.appear(`side-${si}-label`, 0.4, 'fade', tl.t + 0.6).appear(`side-${sj}-label`, 0.4, 'fade', tl.t + 0.6);
      tl.appear(`angle-${K}`, 0.5, 'draw', tl.t + 1)
        .appear(`angle-${K}-label`, 0.4, 'fade', tl.t + 1.2)
        .wait(2.2);
      tl.narrate(`The third side, ${sk}, is across from ${K}: that is what we find.`, 1.8, [`side-${sk}`]);
      tl.appear(`side-${sk}-label`, 0.4).wait(1.8);
    } else {
      tl.narrate(`Three sides: ${SIDES.map((n, x) => `${n} = ${len(s[x]!)}`).join(', ')}. They fix every angle.`, 2.4, figure);
      for (const n of SIDES) tl.appear(`side-${n}-label`, 0.4, 'fade', tl.t + 0.6);
      tl.wait(2.2);
      const why = find === 'largest' ? `, the largest, across from the longest side ${sk}` : `, across from side ${sk}`;
      tl.narrate(`We find angle ${K}${why}.`, 1.8, [`angle-${K}`]);
      tl.appear(`angle-${K}`, 0.5, 'draw').appear(`angle-${K}-label`, 0.4).wait(1.8);
    }
    tl.narrate(`The law of cosines: ${sk}² = ${si}² + ${sj}² − 2${si}${sj}·cos ${K}.`, 2.2, ['eq0']);
    tl.appear('eq0', 0.5).wait(2.2);
    if (sas) {
      tl.narrate(`Put in the numbers: ${sk}² = ${fmt(s[i]!)}² + ${fmt(s[j]!)}² − 2 · ${fmt(s[i]!)} · ${fmt(s[j]!)} · cos ${ang(r.solved.angles[k]!)}.`, 2.4, ['eq1']);
      tl.appear('eq1', 0.5).wait(2.4);
      tl.narrate(`cos ${ang(r.solved.angles[k]!)} = ${fmt(r.cos)}, so ${sk}² = ${fmt(c2, 4)}${u2}.`, 2.2, ['eq2']);
      tl.appear('eq2', 0.5).wait(2.2);
      tl.narrate(`Take the square root: ${sk} ${exact(s[k]!) ? '=' : '≈'} ${len(s[k]!)}.`, 2, ['eq3', `side-${sk}`]);
      tl.appear('eq3', 0.5).appear('result', 0.4, 'fade', tl.t + 0.4);
      tl.setText(`side-${sk}-label`, `${sk} ${exact(s[k]!) ? '=' : '≈'} ${len(s[k]!)}`, tl.t + 0.6).wait(2.2);
      const note =
        Math.abs(r.solved.angles[k]! - 90) < 1e-9
          ? `${K} is a right angle: cos ${K} = 0 and this is Pythagoras, ${sk}² = ${si}² + ${sj}².`
          : r.cos < 0
            ? `${K} is obtuse, so cos ${K} is negative and ${sk}² is more than ${si}² + ${sj}²: ${sk} is the longest side.`
            : `With ${K} = 90° the last term would vanish: the law of cosines is Pythagoras, corrected for the angle.`;
      tl.narrate(note, 2.8, ['eq0']);
      tl.wait(2.8);
    } else {
      tl.narrate(`Rearranged for the angle: cos ${K} = (${si}² + ${sj}² − ${sk}²) ÷ 2${si}${sj}.`, 2.2, ['eq1']);
      tl.appear('eq1', 0.5).wait(2.2);
      tl.narrate(`Put in the sides: cos ${K} = ${fmt(s[i]! ** 2 + s[j]! ** 2 - s[k]! ** 2, 4)} ÷ ${fmt(2 * s[i]! * s[j]!, 4)} = ${fmt(r.cos)}.`, 2.4, ['eq2']);
      tl.appear('eq2', 0.5).wait(2.4);
      const A = r.solved.angles[k]!;
      tl.narrate(`The angle whose cosine is ${fmt(r.cos)}: ${K} ${exact(A) ? '=' : '≈'} ${ang(A)}.`, 2.2, ['eq3', `angle-${K}`]);
      tl.appear('eq3', 0.5).appear('result', 0.4, 'fade', tl.t + 0.4);
      tl.setText(`angle-${K}-label`, `${K} ${exact(A) ? '=' : '≈'} ${ang(A)}`, tl.t + 0.6).wait(2.2);
      const note =
        Math.abs(r.cos) < 1e-9
          ? `cos ${K} = 0: ${K} is a right angle, and ${sk}² = ${si}² + ${sj}² (Pythagoras).`
          : r.cos < 0
            ? `cos ${K} is negative, so ${K} is more than 90°: an obtuse triangle.`
            : `cos ${K} is positive, so ${K} is less than 90°${find === 'largest' ? ': the largest angle is acute, so the triangle is acute' : ''}.`;
      tl.narrate(note, 2.6, [`angle-${K}`, 'result']);
      tl.wait(2.6);
    }
    tl.finish(tl.t);
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: `Law of cosines: ${result}`, legend: [{ role: 'solved', label: 'found by the law of cosines', swatch: 'line' }] };
  },
});
