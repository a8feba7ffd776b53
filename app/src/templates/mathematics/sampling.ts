// Sampling a function for drawing: dense samples, breaks where it is undefined or jumps (poles like
// tan x or 1/x, steps like floor x), a y range that shows the interesting part even when values explode,
// and the visible pieces clipped exactly at the edge of the chart.
export type Fn = (x: number) => number | null;
export type PlotPoint = [number, number] | null;

export interface Sample {
  xs: number[];
  ys: (number | null)[];
}

export interface Discontinuity {
  x: number;
  /** True for a pole (values run off to infinity), false for a jump. */
  pole: boolean;
}

export const DEFAULT_SAMPLES = 600;

export function sample(f: Fn, [x0, x1]: [number, number], n = DEFAULT_SAMPLES): Sample {
  const xs: number[] = [];
  const ys: (number | null)[] = [];
  for (let i = 0; i < n; i++) {
    const x = i === n - 1 ? x1 : x0 + ((x1 - x0) * i) / (n - 1);
    const y = f(x);
    const prevY = ys[ys.length - 1];
    // Where the domain starts or ends between two samples (√x at 0), add the edge point so the curve
    // reaches it instead of stopping one sample short.
    if (i > 0 && (prevY === null) !== (y === null)) {
      const edge = domainEdge(f, xs[xs.length - 1]!, x, prevY === null);
      if (edge) {
        xs.push(edge[0]);
        ys.push(edge[1]);
      }
    }
    xs.push(x);
    ys.push(y);
  }
  return { xs, ys };
}

function domainEdge(f: Fn, a: number, b: number, definedAtB: boolean): [number, number] | undefined {
  let lo = a;
  let hi = b;
  let best: [number, number] | undefined;
  for (let k = 0; k < 40; k++) {
    const mid = (lo + hi) / 2;
    const y = f(mid);
    if (y !== null) best = [mid, y];
    if ((y !== null) === definedAtB) hi = mid;
    else lo = mid;
  }
  return best;
}

function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** A round step for about `count` intervals over `span`. */
export function niceStep(span: number, count = 8): number {
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  return (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
}

/**
 * The y range to show for these samples: everything when the values stay tame, otherwise the bulk of
 * them (5th to 95th percentile, widened) so one pole or one huge value does not flatten the curve.
 * The x axis (y = 0) is included when it is close; the ends are rounded to a tick.
 */
export function chooseYRange(samples: (number | null)[][]): [number, number] {
  const values = samples
    .flat()
    .filter((v): v is number => v !== null && Number.isFinite(v))
    .sort((a, b) => a - b);
  if (values.length === 0) return [-1, 1];
  const min = values[0]!;
  const max = values[values.length - 1]!;
  const q05 = quantile(values, 0.05);
  const q95 = quantile(values, 0.95);
  const spread = q95 - q05;
  let lo: number;
  let hi: number;
  if (max - min <= 1e-9 * Math.max(1, Math.abs(max))) {
    const pad = Math.max(1, Math.abs(max) * 0.5);
    lo = min - pad;
    hi = max + pad;
  } else {
    lo = min >= q05 - spread ? min : Math.max(min, q05 - 0.5 * spread);
    hi = max <= q95 + spread ? max : Math.min(max, q95 + 0.5 * spread);
    if (hi - lo <= 0) [lo, hi] = [min, max];
    const pad = (hi - lo) * 0.08;
    lo -= pad;
    hi += pad;
  }
  const span = hi - lo;
  if (lo > 0 && lo < span * 0.3) lo = 0;
  if (hi < 0 && -hi < span * 0.3) hi = 0;
  const step = niceStep(hi - lo);
  lo = Math.floor(lo / step - 1e-9) * step;
  hi = Math.ceil(hi / step + 1e-9) * step;
  return [clean(lo), clean(hi)];
}

/** Removes float dust (0.30000000000000004 → 0.3) from a computed tick value. */
function clean(v: number): number {
  return Number(v.toPrecision(12));
}

/**
 * Between two samples that differ by more than `threshold`, bisects towards the steepest half. A continuous
 * function flattens out after a few halvings; a pole or a jump keeps the gap, and is reported.
 */
export function findBreak(f: Fn, xa: number, ya: number, xb: number, yb: number, threshold: number): Discontinuity | undefined {
  let lo = xa;
  let hi = xb;
  let flo = ya;
  let fhi = yb;
  for (let k = 0; k < 60 && hi - lo > 1e-13 * Math.max(1, Math.abs(lo)); k++) {
    const mid = (lo + hi) / 2;
    const fm = f(mid);
    if (fm === null) return { x: mid, pole: true };
    if (Math.abs(fm - flo) >= Math.abs(fhi - fm)) {
      hi = mid;
      fhi = fm;
    } else {
      lo = mid;
      flo = fm;
    }
  }
  if (Math.abs(fhi - flo) < threshold * 0.5) return undefined;
  const pole = Math.max(Math.abs(flo), Math.abs(fhi)) > Math.max(Math.abs(ya), Math.abs(yb)) * 2 + threshold;
  return { x: (lo + hi) / 2, pole };
}

export interface Traced {
  /** Data points for a plot object: null breaks the curve; points outside yRange are clipped away. */
  points: PlotPoint[];
  breaks: Discontinuity[];
}

/** Turns samples into drawable pieces: broken at discontinuities, clipped to [y0, y1] with exact edge points. */
export function trace(f: Fn, s: Sample, [y0, y1]: [number, number]): Traced {
  const span = y1 - y0;
  const breaks: Discontinuity[] = [];
  // Pieces of consecutive defined samples with no jump between them.
  const pieces: [number, number][][] = [[]];
  for (let i = 0; i < s.xs.length; i++) {
    const y = s.ys[i];
    const piece = pieces[pieces.length - 1]!;
    if (y === null || y === undefined) {
      if (piece.length) pieces.push([]);
      continue;
    }
    const prev = piece[piece.length - 1];
    if (prev && Math.abs(y - prev[1]) > span * 0.2) {
      const d = findBreak(f, prev[0], prev[1], s.xs[i]!, y, span * 0.2);
      if (d) {
        breaks.push(d);
        pieces.push([[s.xs[i]!, y]]);
        continue;
      }
    }
    piece.push([s.xs[i]!, y]);
  }
  const points: PlotPoint[] = [];
  const inside = (y: number) => y >= y0 && y <= y1;
  const edge = (a: [number, number], b: [number, number], yEdge: number): [number, number] => [a[0] + ((yEdge - a[1]) / (b[1] - a[1])) * (b[0] - a[0]), yEdge];
  const brk = () => {
    if (points.length && points[points.length - 1] !== null) points.push(null);
  };
  for (const piece of pieces) {
    brk();
    for (let i = 0; i < piece.length; i++) {
      const p = piece[i]!;
      const prev = piece[i - 1];
      if (!prev) {
        if (inside(p[1])) points.push(p);
        continue;
      }
      if (inside(prev[1]) && inside(p[1])) points.push(p);
      else if (inside(prev[1])) {
        points.push(edge(prev, p, p[1] > y1 ? y1 : y0));
        brk();
      } else if (inside(p[1])) {
        brk();
        points.push(edge(prev, p, prev[1] > y1 ? y1 : y0), p);
      } else if ((prev[1] > y1 && p[1] < y0) || (prev[1] < y0 && p[1] > y1)) {
        brk();
        points.push(edge(prev, p, prev[1] > y1 ? y1 : y0), edge(prev, p, p[1] > y1 ? y1 : y0));
        brk();
      }
    }
  }
  while (points.length && points[points.length - 1] === null) points.pop();
  // A lone point between breaks draws nothing; drop it (and the break it leaves doubled).
  const solo = (i: number) => points[i] !== null && (i === 0 || points[i - 1] === null) && (i === points.length - 1 || points[i + 1] === null);
  const kept = points.filter((_, i) => !solo(i));
  const cleaned = kept.filter((p, i) => p !== null || (i > 0 && kept[i - 1] !== null));
  if (cleaned[0] === null) cleaned.shift();
  if (cleaned[cleaned.length - 1] === null) cleaned.pop();
  return { points: cleaned, breaks };
}

/** Where the curve crosses zero (sign changes within a continuous stretch, and exact zeros), ascending. */
export function roots(f: Fn, s: Sample, breaks: Discontinuity[], max = 12): number[] {
  const out: number[] = [];
  const brokenBetween = (a: number, b: number) => breaks.some((d) => d.x >= a && d.x <= b);
  const span = s.xs[s.xs.length - 1]! - s.xs[0]!;
  const add = (x: number) => {
    if (!out.some((r) => Math.abs(r - x) < span * 1e-6)) out.push(x);
  };
  for (let i = 0; i < s.xs.length && out.length < max; i++) {
    const y = s.ys[i];
    if (y === 0) {
      add(s.xs[i]!);
      continue;
    }
    const prev = s.ys[i - 1];
    if (i === 0 || y === null || prev === null || prev === undefined || prev === 0 || Math.sign(prev) === Math.sign(y)) continue;
    if (brokenBetween(s.xs[i - 1]!, s.xs[i]!)) continue;
    let lo = s.xs[i - 1]!;
    let hi = s.xs[i]!;
    let flo = prev;
    for (let k = 0; k < 80; k++) {
      const mid = (lo + hi) / 2;
      const fm = f(mid);
      if (fm === null) break;
      if (fm === 0) {
        lo = hi = mid;
        break;
      }
      if (Math.sign(fm) === Math.sign(flo)) {
        lo = mid;
        flo = fm;
      } else hi = mid;
    }
    add((lo + hi) / 2);
  }
  for (const x of touchingZeros(f, s, brokenBetween)) if (out.length < max) add(x);
  return out.sort((a, b) => a - b);
}

/**
 * Zeros where the curve touches the axis without crossing it (double roots: x², (x−1)²), which no sign
 * change reveals: each local minimum of |f| between samples of one sign, narrowed by golden-section
 * search, is a zero when |f| there is nothing next to the curve's size.
 */
function touchingZeros(f: Fn, s: Sample, brokenBetween: (a: number, b: number) => boolean): number[] {
  const size = Math.max(1, ...s.ys.map((y) => (y === null ? 0 : Math.abs(y))));
  const tolerance = size * 1e-9;
  const out: number[] = [];
  for (let i = 1; i + 1 < s.xs.length; i++) {
    const [a, y, b] = [s.ys[i - 1], s.ys[i], s.ys[i + 1]];
    if (a === null || y === null || b === null || a === undefined || b === undefined || y === 0) continue;
    if (Math.sign(a) !== Math.sign(y) || Math.sign(b) !== Math.sign(y) || Math.abs(y) > Math.abs(a) || Math.abs(y) > Math.abs(b)) continue;
    if (brokenBetween(s.xs[i - 1]!, s.xs[i + 1]!)) continue;
    const x = minimiseAbs(f, s.xs[i - 1]!, s.xs[i + 1]!);
    const fx = x === undefined ? null : f(x);
    if (x === undefined || fx === null || Math.abs(fx) > tolerance) continue;
    // The search stops within ~1e-8 of the zero: a zero that is a round number is reported as one.
    const snapped = Math.round(x * 1e6) / 1e6;
    const fs = f(snapped);
    out.push(fs !== null && Math.abs(fs) <= Math.abs(fx) ? snapped : x);
  }
  return out;
}

const GOLDEN = (Math.sqrt(5) - 1) / 2;

/** Where |f| is least in [lo, hi] (golden-section search; f unimodal there), or undefined where f is undefined. */
function minimiseAbs(f: Fn, lo: number, hi: number): number | undefined {
  let [a, b] = [lo, hi];
  for (let k = 0; k < 100 && b - a > 1e-12 * Math.max(1, Math.abs(a)); k++) {
    const c = b - GOLDEN * (b - a);
    const d = a + GOLDEN * (b - a);
    const fc = f(c);
    const fd = f(d);
    if (fc === null || fd === null) return undefined;
    if (Math.abs(fc) < Math.abs(fd)) b = d;
    else a = c;
  }
  return (a + b) / 2;
}
