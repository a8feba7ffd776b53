// function.plot: one to four formulas in x drawn on shared axes, with their roots, y intercept and
// vertical asymptotes marked and the formula written beside each curve.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { axesObject, fitMathSize, fmt, toWorld, type Chart } from './chart.ts';
import { parseFormula, type Formula } from './expression.ts';
import { definedSomewhere, formulaParam, usableRange, viewCurves, xRangeParam, type CurveView } from './curves.ts';
import { findFormulas, findRange, namedCurves } from './formula-text.ts';
import { formatExpression } from '../format/index.ts';
import { factoredForm, point, quadraticOf } from './quadratic.ts';

export const MAX_CURVES = 4;
export const CURVE_COLORS = ['$primary', '$accent', '$success', '$secondary'] as const;

const params = z.object({
  expressions: z.array(formulaParam).min(1).max(MAX_CURVES).default(['sin(x)']),
  x_range: xRangeParam.default([-10, 10]),
});
type PlotParams = z.infer<typeof params>;
type SceneObject = Composition['objects'][number];

export interface CurveFacts {
  expression: string;
  roots: number[];
  /** The roots where the curve touches the axis without crossing it (even multiplicity: x², (x−1)²). */
  double_roots: number[];
  y_intercept: number | null;
  asymptotes: number[];
}

export function plotFacts(expressions: string[], xRange: [number, number]): { curves: CurveFacts[] } {
  const { curves } = viewCurves(expressions.map(parseFormula), xRange);
  return { curves: curves.map(curveFacts(xRange)) };
}

const curveFacts =
  (xRange: [number, number]) =>
  (c: CurveView): CurveFacts => ({
    expression: c.formula.text,
    roots: c.roots,
    double_roots: c.roots.filter((r) => touches(c.formula, r, (xRange[1] - xRange[0]) * 1e-4)),
    y_intercept: xRange[0] <= 0 && xRange[1] >= 0 ? c.formula.evaluate(0) : null,
    asymptotes: c.breaks.filter((b) => b.pole).map((b) => b.x),
  });

/** Whether the curve has the same sign on both sides of a root: it touches the axis there (a double root). */
function touches(f: Formula, root: number, h: number): boolean {
  const [l, r] = [f.evaluate(root - h), f.evaluate(root + h)];
  return l !== null && r !== null && l !== 0 && Math.sign(l) === Math.sign(r);
}

/** "It crosses the x axis at …", or for a double root "It touches the x axis at x = 1 …" (never "no roots"). */
function rootsCaption(roots: number[], double: (r: number) => boolean): string {
  const crossing = roots.filter((r) => !double(r));
  const touching = roots.filter(double);
  const list = (xs: number[]) => `${listX(xs.slice(0, 4))}${xs.length > 4 ? `, … (${xs.length} in all)` : ''}`;
  const touch = touching.length ? `touches it without crossing at ${list(touching)} (a double root${touching.length > 1 ? ' each' : ''})` : '';
  if (!crossing.length) return `It ${touch.replace('touches it', 'touches the x axis (y = 0)')}.`;
  return `It crosses the x axis (y = 0) at ${list(crossing)}${touch ? ` and ${touch}` : ''}.`;
}

/** "x = −2, x = 2 and x = 5" for captions. */
function listX(xs: number[]): string {
  const parts = xs.map((x) => `x ≈ ${fmt(x)}`.replace('≈', Number.isInteger(Number(x.toPrecision(10))) ? '=' : '≈'));
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * Which diagonal quadrant around the curve's point at x is free for a label: the curve rising to the
 * right leaves upper-left and lower-right free; falling, the other two; a flat turning point, below
 * a minimum and above a maximum.
 */
function freeSide(chart: Chart, f: Formula, x: number): [number, number] {
  const h = (chart.xRange[1] - chart.xRange[0]) / 200;
  const y = f.evaluate(x);
  const l = f.evaluate(x - h);
  const r = f.evaluate(x + h);
  if (y === null || l === null || r === null) return [1, 1];
  const [sx, sy] = [chart.width / (chart.xRange[1] - chart.xRange[0]), chart.height / (chart.yRange[1] - chart.yRange[0])];
  const slope = ((r - l) / (2 * h)) * (sy / sx);
  if (Math.abs(slope) < 0.25) return [1, r + l - 2 * y >= 0 ? -1 : 1];
  return slope > 0 ? [1, -1] : [1, 1];
}

export const functionPlot = defineTemplate<PlotParams>({
  id: 'function.plot',
  title: 'Function plot',
  category: 'mathematics',
  style: 'mathematical',
  example: 'Graph x^2 - 4 from -3 to 3',
  params,
  vocabulary: ['plot', 'graph', 'function', 'sketch', 'parabola', 'sine', 'cosine', 'exponential', 'logarithm', 'hyperbola'],
  triggers: [
    { pattern: /\b(?:plot|plotting|graph|graphing|sketch|draw|visuali[sz]e|show)\b.*(?:\by =|\b[a-z] x =)/, score: 0.9 },
    { pattern: /\b(?:plot|plotting|graph|graphing|sketch)\b(?: (?:of|the|a|an|function|curve|for|me|us))* (?:- ?)?(?:\d+(?:\.\d+)? ?)?(?:sin|cos|tan|sec|csc|cot|sinh|cosh|tanh|exp|log|ln|sqrt|abs|e \^|x\b|x\^|x \^|\d+ ?\/)/, score: 0.9 },
    { pattern: /\b(?:plot|plotting|graph|graphing|sketch|draw)\b.*\b(?:sine|cosine|parabola|hyperbola|exponential|logarithm|logarithmic|quadratic|cubic|sigmoid|polynomial)\b/, score: 0.75 },
    { pattern: /\b(?:plot|graph) (?:of )?(?:a |the )?function\b|\bfunction (?:plot|graph)\b/, score: 0.6 },
    { pattern: /^(?:y|f x) = /, score: 0.6 },
    // "Solve x^2 - 5x + 6 = 0 graphically", "exponential growth y = 2^x": a curve asked for without "plot".
    { pattern: /\b(?:solve|roots? of|zeros? of)\b.*\bgraphically\b/, score: 0.85 },
    { pattern: /\b(?:growth|decay|curve|function|parabola|line)\b (?:y|f x) = /, score: 0.8 },
  ],
  extract(text, warnings) {
    const out: Partial<PlotParams> = {};
    const { formulas, problems } = findFormulas(text.original);
    let chosen: Formula[] = formulas;
    if (chosen.length === 0) chosen = namedCurves(text.normalized);
    for (const p of problems) warnings.push(`could not read a formula: ${p}${chosen.length ? '' : '; plotting sin(x) instead'}`);
    if (chosen.length === 0 && problems.length === 0) warnings.push('no formula found in the description (write it like "y = x^2 - 4" or "sin(x)"); plotting sin(x)');
    if (chosen.length > MAX_CURVES) {
      warnings.push(`${chosen.length} formulas given; plotting the first ${MAX_CURVES} (more would not stay readable)`);
      chosen = chosen.slice(0, MAX_CURVES);
    }
    if (chosen.length) out.expressions = chosen.map((f) => f.text);
    for (const f of chosen) text.used.add(f.text);
    const range = usableRange(findRange(text.original), warnings);
    if (range) out.x_range = range;
    const xRange = range ?? [-10, 10];
    for (const f of chosen) if (!definedSomewhere(f, xRange)) warnings.push(`${f.text} is not defined anywhere on [${fmt(xRange[0])}, ${fmt(xRange[1])}]; its curve stays empty`);
    for (const w of ['plot', 'graph']) if (text.normalized.includes(w)) text.used.add(w);
    return out;
  },
  facts({ expressions, x_range }) {
    return plotFacts(expressions, x_range);
  },
  compose({ expressions, x_range }) {
    const formulas = expressions.map(parseFormula);
    const view = viewCurves(formulas, x_range);
    // The title names the content ("y = x² − 4"), not the kind of picture ("Graph of a function").
    const named = formulas.map((f) => `y = ${formatExpression(f.text)}`).join(', ');
    const chart: Chart = { id: 'axes', x: 0, y: -0.75, width: 14.4, height: 6.7, xRange: x_range, yRange: view.yRange };
    const objects: SceneObject[] = [
      { id: 'title', type: 'text', text: named.length <= 60 ? named : `Graphs of ${formulas.length} functions`, x: 0, y: 4.0, size: 0.5, weight: 700, color: '$foreground' },
      axesObject(chart, { xLabel: 'x', yLabel: 'y' }),
    ];
    const tl = new TimelineBuilder();
    // The axes fill the frame: an outline round all of it would point at nothing, so this step names no refs. The
    // curve's step names its formula: the outline ties the formula to the curve drawing under it.
    tl.narrate(`Axes for x from ${fmt(x_range[0])} to ${fmt(x_range[1])}; y from ${fmt(view.yRange[0])} to ${fmt(view.yRange[1])} shows the interesting part.`, 1.8);
    tl.appear('title', 0.5).appear('axes', 1.2, 'draw').wait(1.5);

    const slot = 14.4 / formulas.length;
    const bottom = chart.y - chart.height / 2;
    const top = chart.y + chart.height / 2;
    const labelRoots = view.curves.reduce((n, c) => n + c.roots.length, 0) <= 4;
    view.curves.forEach((curve, i) => {
      const color = CURVE_COLORS[i % CURVE_COLORS.length]!;
      const f = curve.formula;
      // Long formulas get a smaller legend so each stays inside its share of the width.
      const legend = `y = ${f.tex}`;
      // A lone quadratic also shows its factored form and vertex: the formula shares its row with the factored one.
      const quadratic = formulas.length === 1 ? quadraticOf(f) : undefined;
      const legendX = quadratic ? -3.6 : -7.2 + slot * (i + 0.5);
      objects.push({ id: `legend${i}`, type: 'math', latex: legend, x: legendX, y: 3.3, size: fitMathSize(legend, quadratic ? 6.8 : slot - 0.4, 0.46), color });
      const hasCurve = curve.points.filter((p) => p !== null).length >= 2;
      tl.narrate(`Draw y = ${formatExpression(f.text)}: ${curve.sample.xs.length} samples from x = ${fmt(x_range[0])} to ${fmt(x_range[1])}, joined left to right.`, 2.4, [`legend${i}`]);
      tl.appear(`legend${i}`, 0.5);
      if (hasCurve) {
        objects.push({ id: `curve${i}`, type: 'plot', axes: 'axes', points: curve.points, color, width: 0.06 });
        tl.appear(`curve${i}`, 2.2, 'draw').wait(2.4);
      } else {
        objects.push({ id: `empty${i}`, type: 'text', text: `y = ${formatExpression(f.text)} has no points to draw in this window`, x: 0, y: chart.y + 0.6 - i * 0.5, size: 0.34, color, maxWidth: 12 });
        tl.narrate(`y = ${formatExpression(f.text)} is undefined (or off the chart) everywhere on this range.`, 2, [`empty${i}`])
          .appear(`empty${i}`, 0.5)
          .wait(2);
      }
      const poles = curve.breaks.filter((b) => b.pole).slice(0, 12);
      if (poles.length) {
        poles.forEach((p, k) => {
          const [wx] = toWorld(chart, [p.x, 0]);
          objects.push({
            id: `asym${i}_${k}`,
            type: 'line',
            points: [
              [wx, bottom],
              [wx, top],
            ],
            color: '$danger',
            width: 0.03,
            dash: [0.16, 0.12],
            opacity: 0.8,
          });
          tl.appear(`asym${i}_${k}`, 0.5, 'fade', tl.t + k * 0.05);
        });
        tl.narrate(
          `The curve breaks where the function blows up: vertical asymptote${poles.length > 1 ? 's' : ''} at ${listX(poles.slice(0, 4).map((p) => p.x))}${poles.length > 4 ? ', …' : ''}.`,
          2.2,
          poles.map((_, k) => `asym${i}_${k}`),
        );
        tl.wait(2.2);
      }
      const visibleRoots = curve.roots.filter((r) => view.yRange[0] <= 0 && view.yRange[1] >= 0 && r >= x_range[0] && r <= x_range[1]);
      if (visibleRoots.length) {
        visibleRoots.forEach((r, k) => {
          const [wx, wy] = toWorld(chart, [r, 0]);
          objects.push({ id: `root${i}_${k}`, type: 'circle', x: wx, y: wy, radius: 0.09, fill: color, stroke: '$background', strokeWidth: 0.03 });
          tl.appear(`root${i}_${k}`, 0.35, 'grow', tl.t + k * 0.08);
          if (labelRoots) {
            const [dx, dy] = freeSide(chart, f, r);
            objects.push({ id: `rootlabel${i}_${k}`, type: 'text', text: `x = ${fmt(r)}`, x: wx + dx * 0.5, y: wy + dy * 0.34, size: 0.28, color });
            tl.appear(`rootlabel${i}_${k}`, 0.35, 'fade', tl.t + k * 0.08);
          }
        });
        tl.narrate(
          rootsCaption(visibleRoots, (r) => touches(f, r, (x_range[1] - x_range[0]) * 1e-4)),
          2.2,
          visibleRoots.map((_, k) => `root${i}_${k}`),
        );
        tl.wait(2.2);
      }
      let vertexOnAxis = false;
      if (quadratic) {
        // The factored form: each factor is zero at one root, which is why the curve crosses there.
        const factored = factoredForm(quadratic);
        const factoredTex = factoredForm(quadratic, true);
        const d = quadratic.discriminant;
        const factoredLatex = factoredTex ?? `\\text{no real roots: } b^2 - 4ac = ${fmt(d).replace('−', '-')} < 0`;
        objects.push({ id: 'factored', type: 'math', latex: factoredLatex, x: 3.6, y: 3.3, size: fitMathSize(factoredLatex, 6.8, 0.46), color });
        const rootIds = visibleRoots.map((_, k) => `root${i}_${k}`);
        tl.narrate(
          factored
            ? quadratic.roots.length === 1
              ? `Factored: ${factored}. The factor is squared, so the curve touches the axis at its one root.`
              : `Factored: ${factored}. Each factor is 0 at one root, so y is 0 there.`
            : `No real roots: b² − 4ac = ${fmt(d)} is negative, so it does not factor over the real numbers.`,
          2.4,
          ['factored', ...rootIds],
        );
        tl.appear('factored', 0.5).wait(2.4);
        // The vertex: the turning point, halfway between the roots, at x = −b/2a.
        const [vx, vy] = quadratic.vertex;
        if (vx >= x_range[0] && vx <= x_range[1] && vy >= view.yRange[0] && vy <= view.yRange[1]) {
          const [wx, wy] = toWorld(chart, [vx, vy]);
          const below = quadratic.a > 0;
          vertexOnAxis = vx === 0;
          objects.push({ id: 'vertex', type: 'circle', x: wx, y: wy, radius: 0.11, fill: color, stroke: '$foreground', strokeWidth: 0.03 });
          // Under a minimum, over a maximum; beside it when that would leave the chart.
          const off = below ? -0.42 : 0.42;
          const inside = wy + off > bottom + 0.25 && wy + off < top - 0.25;
          objects.push({
            id: 'vertex-label',
            type: 'text',
            text: `vertex ${point([vx, vy])}`,
            x: inside ? wx : wx + 0.3,
            y: inside ? wy + off : wy - off * 0.8,
            size: 0.28,
            color,
            background: '$background',
            align: inside ? 'center' : 'left',
          });
          const between = quadratic.roots.length === 2 ? ', halfway between the roots' : '';
          tl.narrate(`The vertex ${point([vx, vy])} is its ${below ? 'lowest' : 'highest'} point${between}: x = −b/2a = ${fmt(vx)}.${vertexOnAxis ? ' It is on the y axis, so the curve meets the y axis there.' : ''}`, 2.4, [
            'vertex',
            'vertex-label',
          ]);
          tl.appear('vertex', 0.35, 'grow').appear('vertex-label', 0.35).wait(2.4);
        }
      }
      const y0 = x_range[0] <= 0 && x_range[1] >= 0 ? f.evaluate(0) : null;
      if (y0 !== null && y0 >= view.yRange[0] && y0 <= view.yRange[1] && formulas.length <= 2 && !visibleRoots.some((r) => Math.abs(r) < 1e-9) && !vertexOnAxis) {
        const [wx, wy] = toWorld(chart, [0, y0]);
        objects.push({ id: `yint${i}`, type: 'circle', x: wx, y: wy, radius: 0.09, fill: color, stroke: '$background', strokeWidth: 0.03 });
        const [dx, dy] = freeSide(chart, f, 0);
        objects.push({ id: `yintlabel${i}`, type: 'text', text: `(0, ${fmt(y0)})`, x: wx + dx * 0.2, y: wy + dy * 0.34, size: 0.28, color, align: dx > 0 ? 'left' : 'right' });
        tl.narrate(`It meets the y axis at (0, ${fmt(y0)}).`, 1.8, [`yint${i}`])
          .appear(`yint${i}`, 0.35, 'grow')
          .appear(`yintlabel${i}`, 0.35)
          .wait(1.8);
      }
    });
    tl.wait(1.5);
    tl.finish(tl.t);
    const full = named;
    const title = full.length > 120 ? `${full.slice(0, 119)}…` : full;
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title };
  },
});
