// calculus.integral: the area under f from a to b, first as n midpoint rectangles rising one by one
// (the Riemann sum), then as the exact shaded area; more rectangles close the gap.
import { z } from 'zod';
import { namedValue } from '../../text/parse.ts';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { ScenePrecision, formatExpression, numberTex } from '../format/index.ts';
import { axesObject, fitMathSize, fmt, texNumber, toWorld, unitsPerData, type Chart } from './chart.ts';
import { integrate, midpointSum } from './calculus.ts';
import { evaluateConstant, parseFormula } from './expression.ts';
import { formulaParam, MAX_ABS_X, usableRange, viewCurves } from './curves.ts';
import { findFormulas, findRange } from './formula-text.ts';

type SceneObject = Composition['objects'][number];
type P2 = [number, number];

export const MAX_RECTANGLES = 100;
const bound = z.number().finite().min(-MAX_ABS_X).max(MAX_ABS_X);
const params = z
  .object({
    expression: formulaParam.default('x^2'),
    a: bound.default(0),
    b: bound.default(1),
    n: z.number().int().min(1).max(MAX_RECTANGLES).default(8),
  })
  .refine((p) => p.b - p.a >= 1e-6, { error: 'the interval needs a < b (and b − a at least 0.000001)' });
type IntegralParams = z.infer<typeof params>;

export function integralFacts(expression: string, a: number, b: number, n: number): { value: number | null; riemann_sum: number | null; delta_x: number; error: number | null } {
  const f = parseFormula(expression);
  const value = integrate(f.evaluate, a, b);
  const { sum, width } = midpointSum(f.evaluate, a, b, n);
  return { value, riemann_sum: sum, delta_x: width, error: value === null || sum === null ? null : sum - value };
}

const RECT_WORDS = String.raw`(?:rectangles?|rects?|subintervals?|intervals|strips?|slices?|partitions?|bars|pieces|boxes)`;

function extractN(text: string, warnings: string[]): number | undefined {
  const m = new RegExp(String.raw`(\d+(?:\.\d+)?)\s+(?:\w+\s+)?${RECT_WORDS}\b`, 'i').exec(text) ?? /\bn\s*=\s*(\d+(?:\.\d+)?)/i.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (!Number.isInteger(n) || n < 1) {
    warnings.push(`${m[1]} rectangles is not a whole positive number; using 8`);
    return undefined;
  }
  if (n > MAX_RECTANGLES) {
    warnings.push(`${n} rectangles are too thin to see; using ${MAX_RECTANGLES}`);
    return MAX_RECTANGLES;
  }
  return n;
}

/** "∫_0^3", "∫_{1}^{e}": the bounds written as subscript and superscript. */
function integralSignBounds(text: string): [number, number] | undefined {
  const m = /∫\s*_\s*\{?([^}^\s]+)\}?\s*\^\s*\{?([^}\s]+)\}?/.exec(text);
  if (!m) return undefined;
  const a = evaluateConstant(m[1]!);
  const b = evaluateConstant(m[2]!);
  return a !== undefined && b !== undefined ? [a, b] : undefined;
}

export const calculusIntegral = defineTemplate<IntegralParams>({
  id: 'calculus.integral',
  title: 'Definite integral as area',
  category: 'mathematics',
  style: 'mathematical',
  example: 'Area under x^2 from 0 to 3',
  params,
  vocabulary: ['integral', 'integrate', 'integration', 'riemann', 'rectangles', 'antiderivative'],
  triggers: [
    // Simpson's rule fits parabolas, not rectangles: drawing midpoint rectangles for it would be another method.
    { pattern: /^(?!.*\bsimpson\b).*\bintegra(?:l|ls|te|ting|tion)\b/, score: 0.92 },
    { pattern: /^(?!.*\bsimpson\b).*\barea (?:under|beneath|below)\b/, score: 0.92 },
    { pattern: /\briemann\b/, score: 0.92 },
    { pattern: /\bmidpoint (?:rule|sum)\b|\btrapezoid(?:al)? rule\b/, score: 0.85 },
    { pattern: /\barea between (?:the )?(?:curve|graph)\b/, score: 0.8 },
    // "∫_0^1 e^x dx" arrives as "0^1 e^x dx" (the sign is not a word); "d/dx" is a derivative.
    { pattern: /(?<!\/ ?)\bdx\b/, score: 0.7 },
  ],
  extract(text, warnings) {
    const out: Partial<IntegralParams> = {};
    // "∫_0^3 x^2 dx": the bounds are read separately; blank them out so "0^3" is not taken as maths.
    const src = text.original.replace(/∫\s*(?:_\s*\{?[^}\s^]*\}?\s*\^\s*\{?[^}\s]*\}?)?/g, ' ');
    const { formulas, problems } = findFormulas(src);
    for (const p of problems) warnings.push(`could not read a formula: ${p}${formulas.length ? '' : '; using x^2 instead'}`);
    if (formulas.length === 0 && problems.length === 0) warnings.push('no formula found in the description (write it like "x^2" or "sin(x)"); using x^2');
    if (formulas.length > 1) warnings.push(`several formulas found; integrating the first, ${formulas[0]!.text}`);
    if (formulas[0]) {
      out.expression = formulas[0].text;
      text.used.add(formulas[0].text);
    }
    let range = integralSignBounds(text.original) ?? findRange(text.original.replace(new RegExp(String.raw`\d+\s+${RECT_WORDS}`, 'gi'), ' '));
    if (!range) {
      const lo = namedValue(text.original, ['lower limit', 'lower bound', 'a =']);
      const hi = namedValue(text.original, ['upper limit', 'upper bound', 'b =']);
      if (lo !== undefined && hi !== undefined && lo < hi) range = [lo, hi];
    }
    range = usableRange(range, warnings, 'interval');
    if (range) [out.a, out.b] = range;
    const n = extractN(text.original, warnings);
    if (n !== undefined) out.n = n;
    const facts = integralFacts(out.expression ?? 'x^2', out.a ?? 0, out.b ?? 1, out.n ?? 8);
    if (facts.value === null) warnings.push(`the integral of ${out.expression ?? 'x^2'} from ${fmt(out.a ?? 0)} to ${fmt(out.b ?? 1)} does not exist as a finite area (the function is undefined or blows up on the interval)`);
    for (const w of ['integral', 'area', 'riemann']) if (text.normalized.includes(w)) text.used.add(w);
    return out;
  },
  facts({ expression, a, b, n }) {
    return integralFacts(expression, a, b, n);
  },
  compose({ expression, a, b, n }) {
    const f = parseFormula(expression);
    const { value, riemann_sum: sum } = integralFacts(expression, a, b, n);
    const riemann = midpointSum(f.evaluate, a, b, n);
    const pad = (b - a) * 0.15;
    const xRange: P2 = [a - pad, b + pad];
    const view = viewCurves([f], xRange, [0, ...riemann.rects.map((r) => r.height).filter((h): h is number => h !== null)]);
    const [y0, y1] = view.yRange;
    const chart: Chart = { id: 'axes', x: -2.95, y: -0.45, width: 9.1, height: 6.9, xRange, yRange: view.yRange };
    const W = (p: P2) => toWorld(chart, p);
    const clampY = (y: number) => Math.min(y1, Math.max(y0, y));
    const base = clampY(0);
    const objects: SceneObject[] = [{ id: 'title', type: 'text', text: 'The integral is the area under the curve', x: 0, y: 4.0, size: 0.5, weight: 700, color: '$foreground' }, axesObject(chart, { xLabel: 'x', yLabel: 'y' })];
    // Rectangles first in declaration order, so the curve is drawn over them.
    const [ux] = unitsPerData(chart);
    riemann.rects.forEach((r, i) => {
      if (r.height === null) return;
      const [wx, wb] = W([r.x, base]);
      objects.push({
        id: `rect${i}`,
        type: 'rect',
        x: wx,
        y: wb,
        width: Math.max(0.01, riemann.width * ux * 0.98),
        height: 0,
        fill: r.height >= 0 ? '$success' : '$danger',
        stroke: '$background',
        strokeWidth: n > 40 ? 0 : 0.02,
        opacity: 0.55,
      });
    });
    const area: P2[] = [W([a, base])];
    for (let i = 0; i <= 200; i++) {
      const x = a + ((b - a) * i) / 200;
      const y = f.evaluate(x);
      if (y !== null) area.push(W([x, clampY(y)]));
    }
    area.push(W([b, base]));
    if (area.length >= 3) objects.push({ id: 'area', type: 'polygon', points: area, fill: '$primary', opacity: 0.35 });
    if (view.curves[0]!.points.filter((p) => p !== null).length >= 2) objects.push({ id: 'curve', type: 'plot', axes: 'axes', points: view.curves[0]!.points, color: '$primary', width: 0.06 });
    for (const [id, x] of [
      ['bound_a', a],
      ['bound_b', b],
    ] as const) {
      const [wx] = W([x, 0]);
      objects.push({
        id,
        type: 'line',
        points: [
          [wx, chart.y - chart.height / 2],
          [wx, chart.y + chart.height / 2],
        ],
        color: '$muted',
        width: 0.03,
        dash: [0.12, 0.1],
      });
    }

    const panelX = 4.95;
    const tl = new TimelineBuilder();
    // One precision per kind through the scene: sums to four figures (the refinement rows show them converge),
    // midpoints and heights to three, fixed by their largest values so the running readout keeps its decimals.
    const heights = riemann.rects.map((r) => r.height).filter((h): h is number => h !== null);
    const numbers = new ScenePrecision()
      .fix('sum', [riemann.sum ?? 0, heights.reduce((t, h) => t + Math.abs(h), 0) * riemann.width], 4)
      .fix(
        'x',
        riemann.rects.map((r) => r.x),
      )
      .fix('height', heights);
    const shown = formatExpression(f.text);
    objects.push(
      { id: 'f_def', type: 'math', latex: `f(x) = ${f.tex}`, x: panelX, y: 2.95, size: fitMathSize(`f(x) = ${f.tex}`, 5.2, 0.46), color: '$primary' },
      { id: 'dx', type: 'math', latex: `n = ${n},\\quad \\Delta x = \\frac{${texNumber(b)} - ${texNumber(a)}}{${n}} = ${texNumber(riemann.width)}`, x: panelX, y: 1.95, size: 0.36, color: '$foreground' },
      { id: 'running', type: 'text', text: '', x: panelX, y: 1.0, size: 0.32, color: '$success' },
    );
    tl.narrate(`f(x) = ${shown} from x = ${fmt(a)} to x = ${fmt(b)}.`, 2, ['curve']);
    tl.appear('title', 0.5).appear('axes', 1, 'draw').appear('f_def', 0.5);
    if (objects.some((o) => o.id === 'curve')) tl.appear('curve', 1.5, 'draw');
    tl.appear('bound_a', 0.4).appear('bound_b', 0.4).wait(2);

    tl.narrate(`Cut [${fmt(a)}, ${fmt(b)}] into n = ${n} strips of width Δx = ${fmt(riemann.width)}; each rectangle is as tall as f at the strip's midpoint.`, 2.6, ['dx']);
    tl.appear('dx', 0.5).appear('running', 0.3).wait(1.2);
    const perRect = Math.max(0.06, Math.min(0.5, 5 / n));
    let running = 0;
    riemann.rects.forEach((r, i) => {
      if (r.height === null) return;
      const top = clampY(r.height);
      const [, wTop] = W([r.x, top]);
      const [, wBase] = W([r.x, base]);
      tl.add({ type: 'tween', target: `rect${i}`, property: 'height', to: Math.abs(wTop - wBase), start: tl.t, duration: perRect * 1.5 });
      tl.add({ type: 'tween', target: `rect${i}`, property: 'y', to: (wTop + wBase) / 2, start: tl.t, duration: perRect * 1.5 });
      running += r.height * riemann.width;
      if (n <= 30 || i % Math.ceil(n / 30) === 0 || i === n - 1) tl.setText('running', `rectangle ${i + 1}: f(${numbers.number(r.x, 'x')}) = ${numbers.number(r.height, 'height')}\nsum so far = ${numbers.number(running, 'sum')}`);
      tl.wait(perRect);
    });
    tl.wait(0.8);
    const negatives = riemann.rects.some((r) => r.height !== null && r.height < 0);
    const sumLatex = sum === null ? '\\text{Riemann sum undefined}' : `M_{${n}} = \\sum_{i=1}^{${n}} f(m_i)\\,\\Delta x = ${numberTex(numbers.number(sum, 'sum'))}`;
    objects.push({ id: 'sum', type: 'math', latex: sumLatex, x: panelX, y: -0.1, size: fitMathSize(sumLatex, 5.2, 0.38), color: '$success' });
    tl.narrate(
      sum === null
        ? 'f is undefined at some midpoint, so the Riemann sum does not exist.'
        : `Adding the rectangles gives the midpoint Riemann sum ${numbers.number(sum, 'sum')}${negatives ? ' (rectangles below the x axis count as negative)' : ''}.`,
      2.6,
      sum === null ? ['curve'] : ['sum'],
    );
    tl.appear('sum', 0.5).wait(2.6);

    if (value === null) {
      objects.push({ id: 'value', type: 'text', text: 'the area is not finite here', x: panelX, y: -1.3, size: 0.36, color: '$danger' });
      tl.narrate('The function blows up or is undefined on the interval, so the area is not a finite number.', 3, ['value']).appear('value', 0.5).wait(3);
    } else {
      const valueLatex = `\\int_{${texNumber(a)}}^{${texNumber(b)}} ${f.tex}\\,dx = ${texNumber(value)}`;
      objects.push({ id: 'value', type: 'math', latex: valueLatex, x: panelX, y: -1.35, size: fitMathSize(valueLatex, 5.2, 0.44), color: '$primary' });
      tl.narrate(`The exact area is the integral from ${fmt(a)} to ${fmt(b)}: ${fmt(value)}${sum !== null ? `. The rectangles are off by ${fmt(Math.abs(sum - value), 2)}` : ''}.`, 3, ['value']);
      riemann.rects.forEach((r, i) => r.height !== null && tl.add({ type: 'tween', target: `rect${i}`, property: 'opacity', to: 0.15, start: tl.t, duration: 0.8 }));
      if (objects.some((o) => o.id === 'area')) tl.appear('area', 0.8);
      tl.appear('value', 0.6).wait(3);
      // More rectangles, smaller error: the sum converges to the integral.
      const rows = [n * 2, n * 4, n * 8].map((k) => ({ k, s: midpointSum(f.evaluate, a, b, k).sum }));
      if (rows.every((r) => r.s !== null)) {
        objects.push({ id: 'refine', type: 'text', text: rows.map((r) => `n = ${r.k}: ${numbers.number(r.s!, 'sum')}`).join('\n'), x: panelX, y: -2.85, size: 0.3, color: '$muted' });
        tl.narrate(`With more rectangles the sum closes in on ${fmt(value)}: that limit is the integral.`, 3, ['refine'])
          .appear('refine', 0.6)
          .wait(3);
      }
    }
    tl.wait(1);
    tl.finish(tl.t);
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: `Integral of ${shown.slice(0, 100)} from ${fmt(a)} to ${fmt(b)}` };
  },
});
