// calculus.derivative: the slope of f at x0 as the limit of secant slopes: Q slides along the curve
// towards P, the secant turns into the tangent, and the slope f'(x0) is read off the symbolic derivative.
import { roleColor } from '../emphasis/roles.ts';
import { z } from 'zod';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { formatExpression } from '../format/index.ts';
import { axesObject, equalScaleYRange, fitMathSize, fmt, texNumber, toWorld, type Chart } from './chart.ts';
import { clipLine, differentiate } from './calculus.ts';
import { parseFormula } from './expression.ts';
import { formulaParam, MAX_ABS_X, viewCurves } from './curves.ts';
import { findFormulas, findPoint } from './formula-text.ts';

type SceneObject = Composition['objects'][number];
type P2 = [number, number];

const params = z.object({
  expression: formulaParam.default('x^2'),
  x0: z.number().finite().min(-MAX_ABS_X).max(MAX_ABS_X).default(1),
});
type DerivativeParams = z.infer<typeof params>;

/** Half the width of the window shown around x0. */
const HALF_WINDOW = 2;

/** "y = 12x - 16", "y = -x + 2", "y = 3" (plain ASCII: it is a fact, not a label). */
export function linearText(m: number, c: number): string {
  const n = (v: number) => fmt(v).replace('−', '-');
  const mx = Math.abs(m) < 1e-12 ? '' : m === 1 ? 'x' : m === -1 ? '-x' : `${n(m)}x`;
  if (!mx) return `y = ${n(c)}`;
  if (Math.abs(c) < 1e-12) return `y = ${mx}`;
  return `y = ${mx} ${c < 0 ? '-' : '+'} ${n(Math.abs(c))}`;
}

export function derivativeFacts(expression: string, x0: number): { derivative: string | null; slope: number | null; value: number | null; tangent: string | null } {
  const f = parseFormula(expression);
  const d = differentiate(f);
  const value = f.evaluate(x0);
  // A symbolic derivative can exist where f does not (d/dx log(x) = 1/x at x = -1): f must be defined too.
  const slope = value === null ? null : d.evaluate(x0);
  const tangent = slope === null || value === null ? null : linearText(slope, value - slope * x0);
  return { derivative: d.text, slope, value, tangent };
}

export const calculusDerivative = defineTemplate<DerivativeParams>({
  id: 'calculus.derivative',
  title: 'Derivative as a tangent slope',
  category: 'mathematics',
  style: 'mathematical',
  example: 'derivative of x^3 at x = 2',
  params,
  vocabulary: ['derivative', 'differentiate', 'differentiation', 'tangent', 'slope', 'secant'],
  triggers: [
    { pattern: /\bderivatives?\b/, score: 0.92 },
    { pattern: /\bdifferentiat/, score: 0.92 },
    { pattern: /\bd ?\/ ?dx\b/, score: 0.92 },
    { pattern: /\btangent (?:line|to)\b/, score: 0.88 },
    { pattern: /\bsecant (?:line|lines|slope)\b/, score: 0.85 },
    { pattern: /\b(?:slope|gradient) of (?:the )?(?:curve|graph|tangent|function|y =|f x|\d*x\b|x ?\^|(?:sin|cos|tan|e|ln|log|sqrt)\b)/, score: 0.8 },
    { pattern: /\binstantaneous rate of change\b|\brate of change\b.*\bat\b/, score: 0.75 },
  ],
  extract(text, warnings) {
    const out: Partial<DerivativeParams> = {};
    const { formulas, problems } = findFormulas(text.original);
    for (const p of problems) warnings.push(`could not read a formula: ${p}${formulas.length ? '' : '; using x^2 instead'}`);
    if (formulas.length === 0 && problems.length === 0) warnings.push('no formula found in the description (write it like "x^3" or "sin(x)"); using x^2');
    if (formulas.length > 1) warnings.push(`several formulas found; differentiating the first, ${formulas[0]!.text}`);
    if (formulas[0]) {
      out.expression = formulas[0].text;
      text.used.add(formulas[0].text);
    }
    const x0 = findPoint(text.original);
    if (x0 !== undefined) {
      if (Math.abs(x0) > MAX_ABS_X) warnings.push(`x0 = ${x0} is too large to draw (limit ±${MAX_ABS_X.toExponential(0)}); using x0 = 1`);
      else out.x0 = x0;
    }
    const facts = derivativeFacts(out.expression ?? 'x^2', out.x0 ?? 1);
    if (facts.value === null) warnings.push(`${out.expression ?? 'x^2'} is not defined at x = ${fmt(out.x0 ?? 1)}, so it has no tangent there`);
    else if (facts.slope === null) warnings.push(`${out.expression ?? 'x^2'} has no derivative at x = ${fmt(out.x0 ?? 1)} (a corner, a jump or a vertical tangent)`);
    for (const w of ['derivative', 'tangent', 'slope']) if (text.normalized.includes(w)) text.used.add(w);
    return out;
  },
  facts({ expression, x0 }) {
    return derivativeFacts(expression, x0);
  },
  compose({ expression, x0 }) {
    const f = parseFormula(expression);
    const d = differentiate(f);
    const shown = formatExpression(f.text);
    const { slope, value } = derivativeFacts(expression, x0);
    const xRange: P2 = [x0 - HALF_WINDOW, x0 + HALF_WINDOW];
    // Equal scales on both axes: the slope is the point, so a tangent is drawn at its true angle (the house rule).
    const box = { width: 8.6, height: 7.0 };
    const view = viewCurves([f], xRange, value !== null ? [value] : [], undefined, value !== null && Number.isFinite(value) ? (ys) => equalScaleYRange(box.width, box.height, xRange, ys, [value]) : undefined);
    const chart: Chart = { id: 'axes', x: -2.85, y: -0.5, ...box, xRange, yRange: view.yRange };
    const W = (p: P2) => toWorld(chart, p);
    const objects: SceneObject[] = [{ id: 'title', type: 'text', text: `The slope of y = ${shown} at x = ${fmt(x0)}`, x: 0, y: 4.0, size: 0.5, weight: 700, color: '$foreground' }, axesObject(chart, { xLabel: 'x', yLabel: 'y' })];
    const curve = view.curves[0]!;
    if (curve.points.filter((p) => p !== null).length >= 2) objects.push({ id: 'curve', type: 'plot', axes: 'axes', points: curve.points, color: '$primary', width: 0.06 });
    const panelX = 4.85;
    const panel = (id: string, y: number, latex: string, color: string, size = 0.44) => objects.push({ id, type: 'math', latex, x: panelX, y, size: fitMathSize(latex, 5.2, size), color });
    panel('f_def', 2.9, `f(x) = ${f.tex}`, '$primary', 0.46);
    panel('limit', 1.75, "f'(x_0) = \\lim_{h \\to 0} \\frac{f(x_0 + h) - f(x_0)}{h}", '$foreground', 0.36);
    objects.push({ id: 'secant_readout', type: 'text', text: '', x: panelX, y: 0.45, size: 0.32, color: roleColor('secant') });
    // The derivative is the tangent's slope: one role, one colour (the secant has its own).
    if (d.tex) panel('d_def', -0.6, `f'(x) = ${d.tex}`, roleColor('tangent'));
    const tl = new TimelineBuilder();
    tl.caption(`f(x) = ${shown}: we want its slope at x₀ = ${fmt(x0)}.`, 2);
    tl.appear('title', 0.5).appear('axes', 1, 'draw').appear('f_def', 0.5);
    if (objects.some((o) => o.id === 'curve')) tl.appear('curve', 1.6, 'draw');
    tl.wait(2);

    const inWindow = (y: number | null): y is number => y !== null && y >= view.yRange[0] && y <= view.yRange[1];
    if (value === null || !inWindow(value)) {
      objects.push({
        id: 'no_point',
        type: 'text',
        text: value === null ? `f is not defined at x = ${fmt(x0)}` : `f(${fmt(x0)}) = ${fmt(value)} is off the chart`,
        x: chart.x,
        y: chart.y,
        size: 0.4,
        color: '$danger',
        background: '$background',
      });
      tl.caption(value === null ? `f is not defined at x = ${fmt(x0)}, so there is no tangent there.` : `f(${fmt(x0)}) is far off the chart.`, 3)
        .appear('no_point', 0.5)
        .wait(3);
      tl.finish(tl.t);
      return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: `Derivative of ${shown}` };
    }
    const P = W([x0, value]);
    objects.push(
      { id: 'P', type: 'circle', x: P[0], y: P[1], radius: 0.1, fill: '$foreground', stroke: '$background', strokeWidth: 0.03 },
      // Beside P where the curve is not: below-right of a rising curve, above-right of a falling one.
      {
        id: 'P_label',
        type: 'text',
        text: `P (${fmt(x0)}, ${fmt(value)})`,
        x: P[0] + (slope === null ? -0.2 : 0.25),
        y: P[1] + (slope !== null && slope > 0 ? -0.42 : 0.4),
        size: 0.3,
        color: '$foreground',
        align: slope === null ? 'right' : 'left',
        background: '$background',
      },
    );
    tl.narrate(`Mark P = (${fmt(x0)}, ${fmt(value)}) on the curve. Its slope there is a limit:`, 1.6, ['P'])
      .appear('P', 0.4, 'grow')
      .appear('P_label', 0.4)
      .appear('limit', 0.5)
      .wait(1.6);

    // Secants through P and Q = (x0 + h, f(x0 + h)) for shrinking h; Q slides in along the curve.
    // With equal axis scales a steep curve leaves the window quickly: start from the widest h whose Q is on the chart.
    let widest = 0.8 * HALF_WINDOW;
    while (widest > 1e-4 && !inWindow(f.evaluate(x0 + widest)) && !inWindow(f.evaluate(x0 - widest))) widest /= 2;
    const hs = [1, 0.5, 0.25, 0.1, 0.025].map((k) => k * widest);
    const secants: { h: number; q: P2; slope: number; line: [P2, P2] }[] = [];
    for (const h0 of hs) {
      for (const h of [h0, -h0]) {
        const fq = f.evaluate(x0 + h);
        if (!inWindow(fq)) continue;
        const m = (fq - value) / h;
        const seg = clipLine(x0, value, m, xRange, view.yRange);
        if (seg) {
          secants.push({ h, q: [x0 + h, fq], slope: m, line: [W(seg[0]), W(seg[1])] });
          break;
        }
      }
    }
    if (secants.length) {
      const first = secants[0]!;
      const Q = W(first.q);
      objects.push(
        { id: 'secant', type: 'line', points: first.line, color: roleColor('secant'), width: 0.045 },
        { id: 'Q', type: 'circle', x: Q[0], y: Q[1], radius: 0.09, fill: roleColor('secant'), stroke: '$background', strokeWidth: 0.03 },
        { id: 'Q_label', type: 'text', text: 'Q', x: Q[0] + 0.25, y: Q[1] - 0.3, size: 0.3, color: roleColor('secant') },
      );
      const readout = (s: (typeof secants)[number]) => `h = ${fmt(s.h)}\nsecant slope = ${fmt(s.slope)}`;
      tl.narrate(`A secant through P and a nearby point Q has slope (f(x₀+h) − f(x₀)) / h = ${fmt(first.slope)} for h = ${fmt(first.h)}.`, 2.4, ['P', 'Q']);
      tl.appear('secant', 0.8, 'draw').appear('Q', 0.4, 'grow').appear('Q_label', 0.4).appear('secant_readout', 0.3);
      tl.setText('secant_readout', readout(first));
      tl.wait(2.4);
      tl.narrate('Slide Q towards P: as h shrinks, the secant slope settles down.', 2.2 * (secants.length - 1), ['Q']);
      for (const s of secants.slice(1)) {
        const q = W(s.q);
        tl.add({ type: 'morph', target: 'secant', start: tl.t, duration: 1, points: s.line });
        tl.add({ type: 'move', target: 'Q', start: tl.t, duration: 1, to: { x: q[0], y: q[1] } });
        tl.add({ type: 'move', target: 'Q_label', start: tl.t, duration: 1, to: { x: q[0] + 0.25, y: q[1] - 0.3 } });
        tl.setText('secant_readout', readout(s), tl.t + 1);
        tl.wait(1.6);
      }
      tl.add({ type: 'disappear', target: 'Q', at: tl.t, duration: 0.4 }).add({ type: 'disappear', target: 'Q_label', at: tl.t, duration: 0.4 });
    }

    if (slope === null) {
      objects.push({ id: 'no_tangent', type: 'text', text: `no single tangent at x = ${fmt(x0)}`, x: panelX, y: -1.9, size: 0.36, color: '$danger' });
      tl.caption(`The slopes from the left and from the right disagree: f has no derivative at x = ${fmt(x0)}.`, 3)
        .appear('no_tangent', 0.5)
        .wait(3);
    } else {
      const tangent = clipLine(x0, value, slope, xRange, view.yRange)!;
      const T: [P2, P2] = [W(tangent[0]), W(tangent[1])];
      if (secants.length) {
        tl.add({ type: 'morph', target: 'secant', start: tl.t, duration: 1, points: T });
        tl.add({ type: 'tween', target: 'secant', property: 'color', to: roleColor('tangent'), start: tl.t, duration: 1 });
      } else {
        objects.push({ id: 'secant', type: 'line', points: T, color: roleColor('tangent'), width: 0.045 });
        tl.appear('secant', 1, 'draw');
      }
      panel('slope', -1.75, `f'(${texNumber(x0)}) = ${texNumber(slope)}`, '$success', 0.5);
      tl.narrate(`In the limit the secant becomes the tangent at P. f′(x) = ${d.text ? formatExpression(d.text) : 'found numerically'}, so its slope is f′(${fmt(x0)}) = ${fmt(slope)}.`, 3.2, ['P']);
      tl.wait(1);
      if (d.tex) tl.appear('d_def', 0.5);
      tl.wait(0.6).appear('slope', 0.5);
      // Rise over run on the tangent: a run small enough that the rise stays on the chart.
      const ySpan = view.yRange[1] - view.yRange[0];
      let run = HALF_WINDOW / 2;
      while (Math.abs(slope * run) > ySpan * 0.4 && run > 1e-3) run /= 2;
      const corner: P2 = [x0 + run, value];
      const tip: P2 = [x0 + run, value + slope * run];
      if (inWindow(tip[1])) {
        objects.push(
          { id: 'run', type: 'line', points: [P, W(corner)], color: '$success', width: 0.035, dash: [0.12, 0.08] },
          { id: 'rise', type: 'line', points: [W(corner), W(tip)], color: '$success', width: 0.035, dash: [0.12, 0.08] },
          { id: 'run_label', type: 'text', text: `Δx = ${fmt(run)}`, x: (P[0] + W(corner)[0]) / 2, y: P[1] + (slope >= 0 ? -0.3 : 0.3), size: 0.28, color: '$success' },
          { id: 'rise_label', type: 'text', text: `Δy = ${fmt(slope * run)}`, x: W(corner)[0] + 0.15, y: (W(corner)[1] + W(tip)[1]) / 2, size: 0.28, color: '$success', align: 'left' },
        );
        tl.wait(1.4);
        tl.narrate(`Rise over run along the tangent: ${fmt(slope * run)} / ${fmt(run)} = ${fmt(slope)}.`, 2.6, ['run', 'rise']);
        tl.appear('run', 0.5, 'draw')
          .appear('rise', 0.5, 'draw', tl.t + 0.4)
          .appear('run_label', 0.4)
          .appear('rise_label', 0.4, 'fade', tl.t + 0.4);
        tl.wait(2.6);
      } else tl.wait(2.2);
    }
    tl.wait(1.5);
    tl.finish(tl.t);
    const legend = [...(secants.length ? [{ role: 'secant' as const, swatch: 'line' as const }] : []), ...(slope !== null ? [{ role: 'tangent' as const, swatch: 'line' as const }] : [])];
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: `Derivative of ${shown.slice(0, 100)} at x = ${fmt(x0)}`, legend };
  },
});
