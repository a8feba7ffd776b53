// Several formulas on one chart: sampled together so they share a y range, traced into drawable pieces,
// with their roots and poles found. Shared by function.plot, calculus.derivative and calculus.integral.
import { z } from 'zod';
import { parseFormula, type Formula } from './expression.ts';
import { chooseYRange, roots, sample, trace, type Discontinuity, type PlotPoint, type Sample } from './sampling.ts';

export const MAX_ABS_X = 1e6;
export const MIN_SPAN = 1e-6;

/** A formula in x as a param: checked when params are parsed, so an API caller gets the reason. */
export const formulaParam = z
  .string()
  .min(1)
  .max(200)
  .superRefine((s, ctx) => {
    try {
      parseFormula(s);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
    }
  });

const bound = z.number().finite().min(-MAX_ABS_X).max(MAX_ABS_X);
export const xRangeParam = z.tuple([bound, bound]).refine(([a, b]) => b - a >= MIN_SPAN, { error: `x_range must be [min, max] with max − min at least ${MIN_SPAN}` });

/** Checks a range read from text; pushes a warning and returns undefined when it cannot be used. */
export function usableRange(range: [number, number] | undefined, warnings: string[], what = 'x range'): [number, number] | undefined {
  if (!range) return undefined;
  const [a, b] = range;
  if (!Number.isFinite(a) || !Number.isFinite(b) || Math.abs(a) > MAX_ABS_X || Math.abs(b) > MAX_ABS_X) {
    warnings.push(`the ${what} [${a}, ${b}] is too large to draw (limit ±${MAX_ABS_X.toExponential(0)}); using the default`);
    return undefined;
  }
  if (b - a < MIN_SPAN) {
    warnings.push(`the ${what} [${a}, ${b}] is too narrow to draw; using the default`);
    return undefined;
  }
  return range;
}

export interface CurveView {
  formula: Formula;
  sample: Sample;
  points: PlotPoint[];
  breaks: Discontinuity[];
  roots: number[];
}

export interface CurvesView {
  yRange: [number, number];
  curves: CurveView[];
}

/**
 * Samples every formula over xRange, picks one y range for all (plus `alsoShow` values), and traces them.
 * `chooseY` replaces the usual choice of y range (an equal-scale one, say) from the samples.
 */
export function viewCurves(formulas: Formula[], xRange: [number, number], alsoShow: number[] = [], samples?: number, chooseY?: (ys: (number | null)[]) => [number, number]): CurvesView {
  const sampled = formulas.map((f) => ({ formula: f, sample: sample(f.evaluate, xRange, samples) }));
  const yRange = chooseY ? chooseY(sampled.flatMap((s) => s.sample.ys)) : chooseYRange([...sampled.map((s) => s.sample.ys), alsoShow]);
  const curves = sampled.map(({ formula, sample: s }) => {
    const { points, breaks } = trace(formula.evaluate, s, yRange);
    return { formula, sample: s, points, breaks, roots: roots(formula.evaluate, s, breaks) };
  });
  return { yRange, curves };
}

/** Whether a formula is defined anywhere on the range (√x on [-5, -1] is not). */
export function definedSomewhere(f: Formula, xRange: [number, number]): boolean {
  return sample(f.evaluate, xRange, 200).ys.some((y) => y !== null);
}
