// geometry.pythagorean: a right triangle with a square on each side; the areas a² and b² add up to c².
import { z } from 'zod';
import { numbers, namedValue, NUMBER_RE, toNumber, type ParsedText } from '../../text/parse.ts';
import { defineTemplate } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { fmt, texNumber } from './chart.ts';
import { outlineAt, polygonAt, rightAngleMark, squareGrid, type P2 } from './shapes.ts';
import type { Composition } from '../types.ts';

type SceneObject = Composition['objects'][number];
import { findLengthUnit, lengthUnit, unitSuffix, unitTex } from './units.ts';

/** Sides beyond this ratio draw as a sliver with unreadable labels. */
const MAX_RATIO = 50;
const side = z.number().finite().positive().min(1e-6).max(1e6);

const params = z.object({ a: side.default(3), b: side.default(4), unit: lengthUnit }).refine((p) => Math.max(p.a, p.b) / Math.min(p.a, p.b) <= MAX_RATIO, { error: `the legs may differ by a factor of at most ${MAX_RATIO} to be drawn` });
type PythagoreanParams = z.infer<typeof params>;

export function pythagoreanFacts(a: number, b: number): { c: number; squares: [number, number, number] } {
  const a2 = a * a;
  const b2 = b * b;
  return { c: Math.sqrt(a2 + b2), squares: [a2, b2, a2 + b2] };
}

/** "a = 5", "a: 5", "a is 5" (a bare "a 5" is the article, not a side). */
function assigned(src: string, name: string): number | undefined {
  const m = new RegExp(String.raw`(?<![A-Za-z])${name}\s*(?:=|:|is)\s*(${NUMBER_RE.source})`, 'i').exec(src);
  return m ? toNumber(m[1]!) : undefined;
}

/** Legs from the text: "a = 5, b = 12", "legs 5 and 12", "3-4-5 triangle", "hypotenuse 13 and a leg of 5". */
function extractLegs(text: ParsedText, warnings: string[]): { a?: number; b?: number } {
  // Exponents ("a^2 + b^2", "a²") are not side lengths.
  const src = text.original.replace(/\^\s*\d+/g, ' ').replace(/[²³]/g, ' ');
  const a = assigned(src, 'a');
  const b = assigned(src, 'b');
  const c = assigned(src, 'c') ?? namedValue(src, ['hypotenuse of', 'hypotenuse']);
  const all = numbers(src).filter((v) => v !== 0);
  if (all.some((v) => v < 0)) warnings.push('side lengths must be positive; negative numbers were ignored');
  const positive = all.filter((v) => v > 0);
  const legFromHyp = (hyp: number, leg: number): number | undefined => {
    if (leg >= hyp) {
      warnings.push(`a leg (${fmt(leg)}) must be shorter than the hypotenuse (${fmt(hyp)}); using the default triangle`);
      return undefined;
    }
    return Math.sqrt(hyp * hyp - leg * leg);
  };
  if (a !== undefined && b !== undefined && a > 0 && b > 0) return { a, b };
  if (c !== undefined && c > 0) {
    const leg = a ?? b ?? positive.find((v) => v !== c);
    if (leg === undefined || leg <= 0) return {};
    const other = legFromHyp(c, leg);
    return other === undefined ? {} : { a: leg, b: other };
  }
  if (positive.length === 2) return { a: positive[0], b: positive[1] };
  if (positive.length >= 3) {
    const [x, y, z3] = [...positive.slice(0, 3)].sort((p, q) => p - q) as [number, number, number];
    if (Math.abs(x * x + y * y - z3 * z3) > 1e-6 * z3 * z3) {
      warnings.push(`${fmt(x)}, ${fmt(y)} and ${fmt(z3)} do not form a right triangle (${fmt(x)}² + ${fmt(y)}² = ${fmt(x * x + y * y)}, not ${fmt(z3 * z3)}); using ${fmt(x)} and ${fmt(y)} as the legs`);
    }
    return { a: x, b: y };
  }
  if (positive.length === 1) {
    warnings.push(`only one side (${fmt(positive[0]!)}) was given; a right triangle needs both legs, so the default 3 and 4 are used`);
  }
  return {};
}

export const geometryPythagorean = defineTemplate<PythagoreanParams>({
  id: 'geometry.pythagorean',
  title: 'Pythagorean theorem',
  category: 'mathematics',
  style: 'mathematical',
  example: 'Prove the Pythagorean theorem for a right triangle with legs 5 and 12',
  params,
  vocabulary: ['pythagorean', 'pythagoras', 'theorem', 'hypotenuse', 'triangle', 'legs'],
  triggers: [
    { pattern: /\bpythagor/, score: 0.95 },
    { pattern: /\bhypotenuse\b/, score: 0.9 },
    { pattern: /\ba\s*\^?\s*2?\s*\+\s*b\s*\^?\s*2?\s*=\s*c\b/, score: 0.9 },
    { pattern: /\bright (?:angled? )?triangle\b.*\b(?:legs?|sides?|catheti)\b/, score: 0.85 },
    { pattern: /\blegs?\b.*\btriangle\b|\btriangle\b.*\blegs?\b/, score: 0.8 },
    { pattern: /\b\d+ \d+ \d+ (?:right )?triangle\b/, score: 0.75 },
    { pattern: /\bright (?:angled? )?triangle\b/, score: 0.6 },
  ],
  extract(text, warnings) {
    const out: Partial<PythagoreanParams> = {};
    const { a, b } = extractLegs(text, warnings);
    if (a !== undefined && b !== undefined) {
      if (Math.max(a, b) > 1e6 || Math.min(a, b) < 1e-6) warnings.push('side lengths must be between 0.000001 and 1,000,000; using the default triangle');
      else if (Math.max(a, b) / Math.min(a, b) > MAX_RATIO) warnings.push(`legs ${fmt(a)} and ${fmt(b)} differ by more than ${MAX_RATIO}×, too thin to draw; using the default triangle`);
      else {
        out.a = a;
        out.b = b;
        text.used.add(String(a)).add(String(b));
      }
    }
    const unit = findLengthUnit(text.original);
    if (unit) out.unit = unit;
    for (const w of ['pythagorean', 'pythagoras', 'hypotenuse', 'legs', 'triangle']) if (text.normalized.includes(w)) text.used.add(w);
    return out;
  },
  facts({ a, b }) {
    return pythagoreanFacts(a, b);
  },
  compose({ a, b, unit }) {
    const { c, squares } = pythagoreanFacts(a, b);
    const [a2, b2, c2] = squares;
    // Model: right angle at C = (0,0), leg a along +x, leg b along +y; squares on the outside.
    // The figure spans x ∈ [-b, a + b], y ∈ [-a, a + b]; fit it into the left part of the view.
    const regionW = 9.3;
    const regionH = 7.3;
    const s = Math.min(regionW / (a + 2 * b), regionH / (2 * a + b));
    const cx = -7.7 + regionW / 2 - ((a + 2 * b) / 2 - b) * s;
    const cy = -4.15 + regionH / 2 - ((2 * a + b) / 2 - a) * s;
    const P = (x: number, y: number): P2 => [cx + x * s, cy + y * s];
    const C = P(0, 0);
    const A = P(a, 0);
    const B = P(0, b);
    const sqA = [C, A, P(a, -a), P(0, -a)];
    const sqB = [C, P(-b, 0), P(-b, b), B];
    const sqC = [A, P(a + b, a), P(b, a + b), B];
    const sideA = a * s;
    const sideB = b * s;
    const sideC = c * s;
    const u = unitSuffix(unit);
    const tu = unitTex(unit);

    const objects: ReturnType<typeof polygonAt>[] = [{ id: 'title', type: 'text', text: 'The Pythagorean theorem', x: 0, y: 3.85, size: 0.6, weight: 700, color: '$foreground' }];
    const squareObjects = (key: string, pts: P2[], n: number, len: number, color: string) => {
      objects.push(polygonAt(`sq_${key}`, pts, color, 0.28), outlineAt(`sq_${key}_edge`, pts, color, 0.045));
      // Unit cells make the area countable when the side is a small whole number.
      if (Number.isInteger(n) && n >= 2 && n <= 15 && len / n >= 0.12) {
        objects.push(squareGrid(`sq_${key}_grid`, pts[0]!, [pts[1]![0] - pts[0]![0], pts[1]![1] - pts[0]![1]], [pts[3]![0] - pts[0]![0], pts[3]![1] - pts[0]![1]], n, '$foreground'));
      }
    };
    squareObjects('a', sqA, a, sideA, '$primary');
    squareObjects('b', sqB, b, sideB, '$secondary');
    squareObjects('c', sqC, c, sideC, '$accent');
    objects.push(
      { id: 'triangle', type: 'polygon', points: [C, A, B], fill: '$surface' },
      outlineAt('triangle_edge', [C, A, B], '$foreground', 0.06),
      rightAngleMark('right_angle', C, [1, 0], [0, 1], Math.min(0.35, sideA * 0.3, sideB * 0.3), '$foreground'),
    );
    // Each square carries its side and, once drawn, its area ("b = 4" / "b² = 16") in the middle; a
    // square too small for them has them beside it, where the figure leaves room (right of the a-square,
    // above the b-square).
    const u2 = unitSuffix(unit, 2);
    const labelAt = (pts: P2[], len: number, beside: P2): P2 => (len >= 1.8 ? [(pts[0]![0] + pts[2]![0]) / 2, (pts[0]![1] + pts[2]![1]) / 2] : beside);
    const label = (key: string, at: P2, text: string, color: string, inside: boolean) =>
      objects.push({ id: `label_${key}`, type: 'text', text, x: at[0], y: at[1], size: 0.36, weight: 600, color: inside ? '$foreground' : color, background: '$background' });
    const aAt = labelAt(sqA, sideA, [A[0] + 1.3, A[1] - sideA / 2]);
    const bAt = labelAt(sqB, sideB, [C[0] - sideB / 2, B[1] + 0.6]);
    const cAt = labelAt(sqC, sideC, [(A[0] + B[0]) / 2 + ((b / c) * sideC) / 2, (A[1] + B[1]) / 2 + ((a / c) * sideC) / 2]);
    label('a', aAt, `a = ${fmt(a)}${u}`, '$primary', sideA >= 1.8);
    label('b', bAt, `b = ${fmt(b)}${u}`, '$secondary', sideB >= 1.8);
    label('c', cAt, 'c = ?', '$accent', true);
    const labelText = {
      a: `a = ${fmt(a)}${u}\na² = ${fmt(a2)}${u2}`,
      b: `b = ${fmt(b)}${u}\nb² = ${fmt(b2)}${u2}`,
      c: `c = ?\nc² = ${fmt(c2)}${u2}`,
    };

    // The algebra, line by line, on the right.
    const exact = Number.isInteger(c) || Math.abs(c - Number(c.toPrecision(6))) < 1e-12;
    const steps = ['a^2 + b^2 = c^2', `${texNumber(a)}^2 + ${texNumber(b)}^2 = c^2`, `${texNumber(a2)} + ${texNumber(b2)} = ${texNumber(c2)}`, `c = \\sqrt{${texNumber(c2)}} ${exact ? '=' : '\\approx'} ${texNumber(c)}${tu}`];
    const panelX = 4.85;
    steps.forEach((latex, i) => objects.push({ id: `eq${i}`, type: 'math', latex, x: panelX, y: 2.3 - i * 1.15, size: i === 0 ? 0.62 : 0.5, color: i === 3 ? '$success' : '$foreground' }));
    // c to four figures: with legs 1 and 20, c = 20.02 must not read as 20, the length of the other leg.
    objects.push({ id: 'result', type: 'text', text: `hypotenuse c = ${fmt(c, 4)}${u}`, x: panelX, y: -2.7, size: 0.42, weight: 700, color: '$success' });

    const tl = new TimelineBuilder();
    tl.narrate(`A right triangle with legs a = ${fmt(a)}${u} and b = ${fmt(b)}${u}.`, 2.2, ['triangle']);
    tl.appear('title', 0.5);
    for (const id of ['triangle', 'triangle_edge', 'right_angle']) tl.appear(id, 0.6);
    tl.wait(0.6).appear('label_a', 0.4).appear('label_b', 0.4).appear('label_c', 0.4).wait(1.2);
    const showSquare = (key: 'a' | 'b' | 'c', text: string) => {
      tl.narrate(text, 2, [`sq_${key}`]);
      tl.appear(`sq_${key}`, 0.7, 'grow').appear(`sq_${key}_edge`, 0.7, 'grow');
      tl.wait(0.7);
      if (objects.some((o) => o.id === `sq_${key}_grid`)) tl.appear(`sq_${key}_grid`, 0.6, 'draw').wait(0.4);
      tl.setText(`label_${key}`, labelText[key]).wait(1);
    };
    showSquare('a', `The square on leg a has area a² = ${fmt(a)}² = ${fmt(a2)}${unitSuffix(unit, 2)}.`);
    showSquare('b', `The square on leg b has area b² = ${fmt(b)}² = ${fmt(b2)}${unitSuffix(unit, 2)}.`);
    showSquare('c', 'The square on the hypotenuse c: the theorem says its area equals the other two together.');
    // The three squares are what the theorem is about: the rest steps back while it is stated.
    tl.narrate('Pythagoras: the two smaller squares together have exactly the area of the largest.', 2.2, ['sq_a', 'sq_b', 'sq_c'], { emphasis: 'dim-rest' });
    tl.appear('eq0', 0.5);
    tl.add({ type: 'highlight', target: 'sq_a', at: tl.t, duration: 1, color: '$highlight' });
    tl.add({ type: 'highlight', target: 'sq_b', at: tl.t, duration: 1, color: '$highlight' });
    tl.wait(1.1);
    tl.add({ type: 'highlight', target: 'sq_c', at: tl.t, duration: 1, color: '$highlight' });
    tl.wait(1.2);
    tl.narrate(`Put in the legs: ${fmt(a)}² + ${fmt(b)}² = c².`, 1.6, ['eq1'])
      .appear('eq1', 0.5)
      .wait(1.5);
    tl.narrate(`${fmt(a2)} + ${fmt(b2)} = ${fmt(c2)}: the area of the square on the hypotenuse.`, 1.8, ['eq2'])
      .appear('eq2', 0.5)
      .wait(1.7);
    tl.narrate(`So the hypotenuse is c = √${fmt(c2)} ${exact ? '=' : '≈'} ${fmt(c, 4)}${u}.`, 2.5, ['eq3']).appear('eq3', 0.5);
    tl.setText('label_c', `c = ${fmt(c, 4)}${u}\nc² = ${fmt(c2)}${u2}`, tl.t + 0.3);
    tl.add({ type: 'highlight', target: 'label_c', at: tl.t + 0.3, duration: 1.2, color: '$success' });
    tl.wait(0.8).appear('result', 0.5).wait(2.5);
    proveByRearrangement(objects, tl, a, b, [
      'triangle',
      'triangle_edge',
      'right_angle',
      ...(['a', 'b', 'c'] as const).flatMap((k) => [`sq_${k}`, `sq_${k}_edge`, `label_${k}`, ...(objects.some((o) => o.id === `sq_${k}_grid`) ? [`sq_${k}_grid`] : [])]),
    ]);
    tl.finish(tl.t);
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: 'Pythagorean theorem' };
  },
});

/**
 * The proof, not only the example: four copies of the triangle in a square of side a + b leave a tilted square
 * of area c² uncovered; sliding three of them (translations only) leaves the squares a² and b² uncovered
 * instead. Same big square, same four triangles, so the uncovered areas are equal: a² + b² = c², for any right
 * triangle. Drawn to scale with the given legs where the squares figure was.
 */
function proveByRearrangement(objects: SceneObject[], tl: TimelineBuilder, a: number, b: number, figure: string[]): void {
  const side = 5.5;
  const k = side / (a + b);
  const [ox, oy] = [-3.3 - side / 2, -0.1 - side / 2];
  const P = (x: number, y: number): P2 => [ox + x * k, oy + y * k];
  const s = a + b;
  // The four triangles of the first arrangement, and how far each slides for the second (in legs' units).
  const triangles: { pts: P2[]; slide: [number, number] }[] = [
    { pts: [P(0, 0), P(a, 0), P(0, b)], slide: [0, 0] },
    { pts: [P(a, 0), P(s, 0), P(s, a)], slide: [0, b] },
    { pts: [P(s, a), P(s, s), P(b, s)], slide: [-b, -a] },
    { pts: [P(b, s), P(0, s), P(0, b)], slide: [a, 0] },
  ];
  const outer = [P(0, 0), P(s, 0), P(s, s), P(0, s)];
  objects.push(outlineAt('proof_square', outer, '$foreground', 0.05));
  triangles.forEach((tr, i) => objects.push(polygonAt(`proof_t${i + 1}`, tr.pts, '$muted', 0.55), outlineAt(`proof_t${i + 1}_edge`, tr.pts, '$foreground', 0.035)));
  const holeC = [P(a, 0), P(s, a), P(b, s), P(0, b)];
  const holeA = [P(0, b), P(a, b), P(a, s), P(0, s)];
  const holeB = [P(a, 0), P(s, 0), P(s, b), P(a, b)];
  objects.push(polygonAt('proof_hole_c', holeC, '$accent', 0.35), polygonAt('proof_hole_a', holeA, '$primary', 0.35), polygonAt('proof_hole_b', holeB, '$secondary', 0.35));
  const centre = (pts: P2[]): P2 => [pts.reduce((acc, p) => acc + p[0], 0) / pts.length, pts.reduce((acc, p) => acc + p[1], 0) / pts.length];
  const label = (id: string, at: P2, text: string, color: string) => objects.push({ id, type: 'text', text, x: at[0], y: at[1], size: 0.42, weight: 700, color, background: '$background' });
  label('proof_label_c', centre(holeC), 'c²', '$accent');
  label('proof_label_a', centre(holeA), 'a²', '$primary');
  label('proof_label_b', centre(holeB), 'b²', '$secondary');
  objects.push({ id: 'proof_side', type: 'text', text: 'a + b', x: ox + side / 2, y: oy + side + 0.4, size: 0.32, color: '$muted' });
  const tri = triangles.map((_, i) => `proof_t${i + 1}`);

  tl.narrate('Why it is true: put four copies of the triangle in a square of side a + b.', 2.4, ['proof_square']);
  for (const id of figure) tl.add({ type: 'disappear', target: id, at: tl.t, duration: 0.5 });
  tl.wait(0.5).appear('proof_square', 0.6, 'draw').appear('proof_side', 0.4);
  tri.forEach((id, i) => tl.appear(id, 0.4, 'grow', tl.t + 0.5 + i * 0.3).appear(`${id}_edge`, 0.4, 'grow', tl.t + 0.5 + i * 0.3));
  tl.wait(2);
  tl.narrate('What they leave uncovered is a square on the hypotenuse: area c².', 2, ['proof_hole_c'], { terms: [{ text: 'c²', ref: 'proof_hole_c' }] });
  tl.appear('proof_hole_c', 0.5).appear('proof_label_c', 0.4).wait(2);
  tl.narrate('Slide three of the triangles, without turning them: the same square, the same four triangles.', 2.4, tri.slice(1));
  tl.add({ type: 'disappear', target: 'proof_hole_c', at: tl.t, duration: 0.4 }).add({ type: 'disappear', target: 'proof_label_c', at: tl.t, duration: 0.4 });
  triangles.forEach((tr, i) => {
    if (!tr.slide[0] && !tr.slide[1]) return;
    for (const id of [`proof_t${i + 1}`, `proof_t${i + 1}_edge`]) {
      const o = objects.find((x) => x.id === id)!;
      tl.add({ type: 'move', target: id, start: tl.t + 0.4 + (i - 1) * 0.5, duration: 1, to: { x: (o.x ?? 0) + tr.slide[0] * k, y: (o.y ?? 0) + tr.slide[1] * k } });
    }
  });
  tl.wait(2.4);
  tl.narrate('Now the uncovered part is the squares a² and b². Same total minus the same triangles: a² + b² = c², for every right triangle.', 3.2, ['proof_hole_a', 'proof_hole_b'], {
    terms: [
      { text: 'a²', ref: 'proof_hole_a' },
      { text: 'b²', ref: 'proof_hole_b' },
    ],
  });
  tl.appear('proof_hole_a', 0.5).appear('proof_hole_b', 0.5).appear('proof_label_a', 0.4).appear('proof_label_b', 0.4);
  tl.add({ type: 'highlight', target: 'eq0', at: tl.t + 1.2, duration: 1.2, color: '$highlight' });
  tl.wait(3.4);
}
