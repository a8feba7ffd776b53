// geometry.heron: the area of a triangle from its three sides alone, by Heron's formula: the semi-perimeter
// s = (a + b + c)/2, then area = √(s(s − a)(s − b)(s − c)), with the user's numbers put in and the triangle
// drawn to scale. Three lengths that make no triangle are refused in words (s − a would be 0 or negative).
import { z } from 'zod';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { roleColor } from '../emphasis/roles.ts';
import { fmt, texNumber } from './chart.ts';
import { markUsed } from './progression.ts';
import { findLengthUnit, unitSuffix, unitTex } from './units.ts';
import { readTriangle } from './triangle-text.ts';
import { SIDES, classify, corners, fitInto, fromSSS, inequalityProblem, kindOf, sinD, triangleExtras, triangleGiven, triangleObjects, type Given } from './triangle.ts';

type SceneObject = Composition['objects'][number];

const params = z.object({ triangle: triangleGiven.default({ a: 5, b: 6, c: 7 }), unit: triangleExtras.unit });
type HeronParams = z.infer<typeof params>;

function problemOf(g: Given): { message: string; instead?: string } | undefined {
  const c = classify(g);
  if ('problem' in c) return { message: `Heron's formula needs the three sides; ${c.problem}` };
  if (c.case !== 'SSS') return { message: "Heron's formula needs the three sides, not angles: give a, b and c (the law of cosines finds a missing side)", instead: 'trig.law_of_cosines' };
  return inequalityProblem([g.a!, g.b!, g.c!]) ? { message: inequalityProblem([g.a!, g.b!, g.c!])! } : undefined;
}

const clean = (v: number) => Number(v.toPrecision(12));

export function heronFacts(g: Given) {
  const problem = problemOf(g);
  if (problem) throw new Error(`geometry.heron: ${problem.message}`);
  const sides = [g.a!, g.b!, g.c!] as [number, number, number];
  const s = clean((sides[0] + sides[1] + sides[2]) / 2);
  const terms = sides.map((x) => clean(s - x)) as [number, number, number];
  const product = clean(s * terms[0] * terms[1] * terms[2]);
  return { s, terms, product, area: Math.sqrt(product), kind: kindOf(fromSSS(sides).angles) };
}

export const geometryHeron = defineTemplate<HeronParams>({
  id: 'geometry.heron',
  title: "Heron's formula",
  category: 'mathematics',
  style: 'mathematical',
  example: "Heron's formula: the area of a triangle with sides 5, 6 and 7",
  content: { param: 'triangle', ask: 'give the three sides, e.g. "Heron\'s formula for a triangle with sides 5, 6 and 7"' },
  params,
  vocabulary: ['heron', 'herons', 'semiperimeter', 'semi-perimeter'],
  triggers: [
    // Heron the engineer (the aeolipile, Heron of Alexandria's machines) is not his formula.
    { pattern: /\bheron ?'? ?s? (?:formula|rule|method|area)\b|\bheron\b.*\b(?:triangle|area)\b|\b(?:triangle|area)\b.*\bheron\b(?! of alexandria)/, score: 0.96 },
    { pattern: /\bsemi ?-? ?perimeter\b.*\barea\b|\barea\b.*\bsemi ?-? ?perimeter\b/, score: 0.9 },
    { pattern: /\barea of (?:a |the |this )?triangle (?:with|given|from) (?:its |the )?(?:three |3 )?sides\b/, score: 0.9 },
  ],
  extract(text, warnings) {
    const out: Partial<HeronParams> = {};
    const reading = readTriangle(text.original, warnings);
    if (Object.keys(reading.given).length) out.triangle = reading.given;
    const unit = findLengthUnit(text.original);
    if (unit) out.unit = unit;
    markUsed(text, ['heron', 'herons', 'area', 'triangle', 'sides']);
    return out;
  },
  misfit: ({ triangle }) => problemOf(triangle),
  facts: ({ triangle }) => heronFacts(triangle),
  compose({ triangle, unit }) {
    const f = heronFacts(triangle);
    const sides = [triangle.a!, triangle.b!, triangle.c!] as [number, number, number];
    const solved = fromSSS(sides);
    const u = unitSuffix(unit);
    const u2 = unitSuffix(unit, 2);
    const found = roleColor('solved');
    const V = corners(solved, 0, 1);
    const P = V.map(fitInto(V, { x: -4.1, y: -0.2, width: 5.4, height: 4.9 })) as typeof V;
    const objects: SceneObject[] = [
      { id: 'title', type: 'text', text: `Heron's formula: the triangle with sides ${sides.map((x) => fmt(x, 4)).join(', ')}${u}`, x: 0, y: 3.85, size: 0.42, weight: 700, color: '$foreground', maxWidth: 14 },
      ...triangleObjects('', P, { sides: SIDES.map((n, i) => `${n} = ${fmt(sides[i]!)}${u}`), marks: [] }),
    ];
    const t = (v: number) => texNumber(v, 4);
    const exact = (v: number) => Math.abs(v - Number(v.toPrecision(4))) < 1e-9;
    const lines = [
      `s=\\frac{a+b+c}{2}=\\frac{${sides.map(t).join('+')}}{2}=${t(f.s)}${unitTex(unit)}`,
      `s-a=${t(f.terms[0])},\\ s-b=${t(f.terms[1])},\\ s-c=${t(f.terms[2])}`,
      `\\text{area}=\\sqrt{s(s-a)(s-b)(s-c)}`,
      `\\text{area}=\\sqrt{${[f.s, ...f.terms].map(t).join('\\cdot')}}=\\sqrt{${t(f.product)}}${exact(f.area) ? '=' : '\\approx'} ${texNumber(f.area)}${unitTex(unit, 2)}`,
    ];
    const panelX = 3.3;
    lines.forEach((latex, n) => objects.push({ id: `eq${n}`, type: 'math', latex, x: panelX, y: 2.5 - n * 1.15, size: 0.4, color: n === 3 ? found : '$foreground' }));
    const areaText = `area ${exact(f.area) ? '=' : '≈'} ${fmt(f.area)}${u2}`;
    objects.push({ id: 'result', type: 'text', text: areaText, x: panelX, y: -2.3, size: 0.42, weight: 700, color: found });
    // The check the other way: half of two sides times the sine of the angle between them (the angle from the law of cosines).
    const C = solved.angles[2];
    const check = 0.5 * sides[0] * sides[1] * sinD(C);
    objects.push({ id: 'check', type: 'text', text: `check: ½ab·sin C = ½ · ${fmt(sides[0])} · ${fmt(sides[1])} · sin ${fmt(C)}° ≈ ${fmt(check)}${u2}`, x: panelX, y: -3.15, size: 0.3, color: '$muted', maxWidth: 7.2 });

    const tl = new TimelineBuilder();
    tl.appear('title', 0.5).appear('fill', 0.6);
    for (const n of SIDES) tl.appear(`side-${n}`, 0.6, 'draw').appear(`side-${n}-label`, 0.4, 'fade', tl.t + 0.6);
    for (const n of ['A', 'B', 'C']) tl.appear(`vertex-${n}`, 0.3, 'fade', tl.t + 0.4);
    tl.narrate(`A triangle known only by its sides: ${SIDES.map((n, i) => `${n} = ${fmt(sides[i]!)}${u}`).join(', ')}.`, 2.4, ['fill', 'side-a', 'side-b', 'side-c']);
    tl.wait(2.4);
    tl.narrate(`First the semi-perimeter, half the way round: s = (${sides.map((x) => fmt(x)).join(' + ')}) ÷ 2 = ${fmt(f.s, 4)}${u}.`, 2.6, ['eq0']);
    tl.appear('eq0', 0.5).wait(2.6);
    tl.narrate(`How far s is past each side: ${fmt(f.terms[0], 4)}, ${fmt(f.terms[1], 4)} and ${fmt(f.terms[2], 4)}.`, 2.2, ['eq1']);
    tl.appear('eq1', 0.5).wait(2.2);
    tl.narrate("Heron's formula: the area is the square root of s times those three.", 2.2, ['eq2']);
    tl.appear('eq2', 0.5).wait(2.2);
    tl.narrate(`√(${[f.s, ...f.terms].map((x) => fmt(x, 4)).join(' · ')}) = √${fmt(f.product, 4)}: the ${areaText}.`, 2.6, ['eq3', 'fill']);
    tl.appear('eq3', 0.5).appear('result', 0.4, 'fade', tl.t + 0.5);
    tl.add({ type: 'tween', target: 'fill', property: 'fill', to: found, start: tl.t + 0.5, duration: 0.6 });
    // Light enough that the sides and their labels stay readable over the coloured area.
    tl.add({ type: 'tween', target: 'fill', property: 'opacity', to: 0.4, start: tl.t + 0.5, duration: 0.6 });
    tl.wait(2.6);
    tl.narrate(`Check another way: ½ab·sin C, with C from the law of cosines, gives ${fmt(check)}${u2} too.`, 2.6, ['check']);
    tl.appear('check', 0.4).wait(2.6);
    tl.finish(tl.t);
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: `Heron's formula: ${areaText}`, legend: [{ role: 'solved', label: 'the area found' }] };
  },
});
