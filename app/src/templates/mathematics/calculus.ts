// The calculus behind calculus.derivative and calculus.integral: symbolic derivatives with mathjs
// (numeric central differences where mathjs cannot differentiate), adaptive Simpson integration, the
// midpoint Riemann sum, and clipping a straight line to a chart window.
import type { MathNode } from 'mathjs';
import { mathjs } from './mathjs.ts';
import { formulaTex, type Formula } from './expression.ts';

export interface Derivative {
  /** mathjs's simplified derivative ("3 * x ^ 2"), or null where mathjs cannot differentiate (floor, sign). */
  text: string | null;
  tex: string | null;
  // A function-typed property, not a method: callers pass `d.evaluate` around on its own, and it needs no `this`.
  evaluate: (x: number) => number | null;
}

export function differentiate(f: Formula): Derivative {
  try {
    const d: MathNode = mathjs().derivative(f.node, 'x');
    const compiled = d.compile();
    return {
      text: d.toString({ parenthesis: 'auto', implicit: 'hide' }),
      tex: formulaTex(d),
      evaluate(x) {
        try {
          const y: unknown = compiled.evaluate({ x });
          return typeof y === 'number' && Number.isFinite(y) ? y : null;
        } catch {
          return null;
        }
      },
    };
  } catch {
    return { text: null, tex: null, evaluate: (x) => numericDerivative(f.evaluate, x) };
  }
}

/**
 * f'(x) by central differences with Richardson extrapolation; null where f is undefined nearby or the
 * two one-sided slopes disagree (a corner, like |x| at 0).
 */
export function numericDerivative(f: (x: number) => number | null, x: number): number | null {
  const h = 1e-3 * Math.max(1, Math.abs(x));
  const central = (step: number): number | null => {
    const a = f(x + step);
    const b = f(x - step);
    return a === null || b === null ? null : (a - b) / (2 * step);
  };
  const d1 = central(h);
  const d2 = central(h / 2);
  if (d1 === null || d2 === null) return null;
  const fx = f(x);
  const right = f(x + h / 2);
  const left = f(x - h / 2);
  if (fx === null || right === null || left === null) return null;
  const slopeRight = (right - fx) / (h / 2);
  const slopeLeft = (fx - left) / (h / 2);
  if (Math.abs(slopeRight - slopeLeft) > 0.1 * Math.max(1, Math.abs(slopeRight), Math.abs(slopeLeft)) + 1e3 * h * Math.max(1, Math.abs(d2))) return null;
  return (4 * d2 - d1) / 3;
}

/** The definite integral by adaptive Simpson; null when the integrand is undefined or blows up on [a, b]. */
export function integrate(f: (x: number) => number | null, a: number, b: number, tolerance = 1e-10): number | null {
  if (a === b) return 0;
  const fa = f(a);
  const fb = f(b);
  const m = (a + b) / 2;
  const fm = f(m);
  if (fa === null || fb === null || fm === null) return null;
  let evaluations = 0;
  const simpson = (l: number, r: number, fl: number, fmid: number, fr: number) => ((r - l) / 6) * (fl + 4 * fmid + fr);
  const recurse = (l: number, r: number, fl: number, fmid: number, fr: number, whole: number, tol: number, depth: number): number | null => {
    const lm = (l + (l + r) / 2) / 2;
    const rm = ((l + r) / 2 + r) / 2;
    const flm = f(lm);
    const frm = f(rm);
    evaluations += 2;
    if (flm === null || frm === null || evaluations > 2_000_000) return null;
    const mid = (l + r) / 2;
    const left = simpson(l, mid, fl, flm, fmid);
    const right = simpson(mid, r, fmid, frm, fr);
    if (depth <= 0) return Math.abs(left + right - whole) <= 1e3 * Math.max(tol, 1e-6 * Math.abs(left + right)) ? left + right : null;
    if (Math.abs(left + right - whole) <= 15 * tol) return left + right + (left + right - whole) / 15;
    const lv = recurse(l, mid, fl, flm, fmid, left, tol / 2, depth - 1);
    if (lv === null) return null;
    const rv = recurse(mid, r, fmid, frm, fr, right, tol / 2, depth - 1);
    return rv === null ? null : lv + rv;
  };
  // Start from a few panels so a narrow feature is not missed between the first three samples.
  const panels = 16;
  let total = 0;
  for (let i = 0; i < panels; i++) {
    const l = a + ((b - a) * i) / panels;
    const r = i === panels - 1 ? b : a + ((b - a) * (i + 1)) / panels;
    const fl = f(l);
    const fr = f(r);
    const fmid = f((l + r) / 2);
    if (fl === null || fr === null || fmid === null) return null;
    const v = recurse(l, r, fl, fmid, fr, simpson(l, r, fl, fmid, fr), (tolerance * Math.max(1, Math.abs(b - a))) / panels, 40);
    if (v === null || !Number.isFinite(v)) return null;
    total += v;
  }
  return Number.isFinite(total) ? total : null;
}

export interface RiemannSum {
  /** Midpoints and f(midpoint) of each rectangle; f null where undefined. */
  rects: { x: number; height: number | null }[];
  width: number;
  /** Sum of width × f(midpoint), or null if any midpoint is undefined. */
  sum: number | null;
}

export function midpointSum(f: (x: number) => number | null, a: number, b: number, n: number): RiemannSum {
  const width = (b - a) / n;
  const rects = Array.from({ length: n }, (_, i) => {
    const x = a + (i + 0.5) * width;
    return { x, height: f(x) };
  });
  let sum = rects.some((r) => r.height === null) ? null : rects.reduce((s, r) => s + r.height! * width, 0);
  // Terms that cancel (an odd function on a symmetric interval) leave float dust, not a real value.
  if (sum !== null && Math.abs(sum) < 1e-12 * rects.reduce((s, r) => s + Math.abs(r.height! * width), 0)) sum = 0;
  return { rects, width, sum: sum !== null && Number.isFinite(sum) ? sum : null };
}

/** The part of the line through (x0, y0) with slope m inside the window, or undefined if it misses it. */
export function clipLine(x0: number, y0: number, m: number, [xa, xb]: [number, number], [ya, yb]: [number, number]): [[number, number], [number, number]] | undefined {
  let lo = xa;
  let hi = xb;
  if (m !== 0) {
    const x1 = x0 + (ya - y0) / m;
    const x2 = x0 + (yb - y0) / m;
    lo = Math.max(lo, Math.min(x1, x2));
    hi = Math.min(hi, Math.max(x1, x2));
  } else if (y0 < ya || y0 > yb) return undefined;
  if (!(hi > lo)) return undefined;
  return [
    [lo, y0 + m * (lo - x0)],
    [hi, y0 + m * (hi - x0)],
  ];
}
