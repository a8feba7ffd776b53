// Charts on the 16 x 9 view: where an axes object sits, how its data coordinates map to world units
// (for lines, dots and labels drawn beside its plots), and number formatting for labels and LaTeX.
import type { Composition } from '../types.ts';
import { DEFAULT_SIG_FIGS, formatNumber, numberTex } from '../format/index.ts';

type SceneObject = Composition['objects'][number];

export interface Chart {
  id: string;
  /** Centre of the axes box in world units. */
  x: number;
  y: number;
  width: number;
  height: number;
  xRange: [number, number];
  yRange: [number, number];
}

export function toWorld(c: Chart, [x, y]: [number, number]): [number, number] {
  const [x0, x1] = c.xRange;
  const [y0, y1] = c.yRange;
  return [c.x + ((x - x0) / (x1 - x0) - 0.5) * c.width, c.y + ((y - y0) / (y1 - y0) - 0.5) * c.height];
}

/** World units per data unit along x and y. */
export function unitsPerData(c: Chart): [number, number] {
  return [c.width / (c.xRange[1] - c.xRange[0]), c.height / (c.yRange[1] - c.yRange[0])];
}

export function axesObject(c: Chart, opts: { xLabel?: string; yLabel?: string; grid?: boolean; labels?: boolean; xStep?: number; yStep?: number } = {}): SceneObject {
  return {
    id: c.id,
    type: 'axes',
    x: c.x,
    y: c.y,
    width: c.width,
    height: c.height,
    xRange: c.xRange,
    yRange: c.yRange,
    grid: opts.grid ?? true,
    labels: opts.labels ?? true,
    color: '$muted',
    ...(opts.xLabel !== undefined ? { xLabel: opts.xLabel } : {}),
    ...(opts.yLabel !== undefined ? { yLabel: opts.yLabel } : {}),
    ...(opts.xStep !== undefined ? { xStep: opts.xStep } : {}),
    ...(opts.yStep !== undefined ? { yStep: opts.yStep } : {}),
  };
}

/**
 * Data ranges with the same scale on both axes (circles stay round, arrows keep their angles) that
 * contain the given bounds with a margin, centred in a box of `width` x `height` world units.
 */
export function equalAspect(width: number, height: number, bounds: { xmin: number; xmax: number; ymin: number; ymax: number }, margin = 0.12): { xRange: [number, number]; yRange: [number, number] } {
  const bw = Math.max(bounds.xmax - bounds.xmin, 1e-9);
  const bh = Math.max(bounds.ymax - bounds.ymin, 1e-9);
  const scale = Math.min(width / (bw * (1 + 2 * margin)), height / (bh * (1 + 2 * margin)));
  const cx = (bounds.xmin + bounds.xmax) / 2;
  const cy = (bounds.ymin + bounds.ymax) / 2;
  const hw = width / scale / 2;
  const hh = height / scale / 2;
  return { xRange: [cx - hw, cx + hw], yRange: [cy - hh, cy + hh] };
}

/**
 * A y range with the x range's scale in a box of `width` x `height` world units (a slope drawn at its true angle:
 * the house rule where slopes or angles are the point), placed to show as much of the curve `ys` as it can while
 * keeping every value of `mustShow` inside with a 10% margin.
 */
export function equalScaleYRange(width: number, height: number, xRange: [number, number], ys: readonly (number | null)[], mustShow: readonly number[]): [number, number] {
  const span = ((xRange[1] - xRange[0]) * height) / width;
  const margin = span * 0.1;
  const lo = Math.max(...mustShow) + margin - span;
  const hi = Math.min(...mustShow) - margin;
  const finite = ys.filter((y): y is number => y !== null && Number.isFinite(y));
  let best = mustShow.length ? (lo + hi) / 2 : (finite[0] ?? 0) - span / 2;
  let bestCount = -1;
  // Candidate bottoms: each sample at the bottom, the middle or the top of the window, kept where mustShow fits.
  for (const y of finite) {
    for (const bottom of [y - margin, y - span / 2, y + margin - span]) {
      if (mustShow.length && (bottom < lo - 1e-12 || bottom > hi + 1e-12)) continue;
      let count = 0;
      for (const v of finite) if (v >= bottom && v <= bottom + span) count++;
      if (count > bestCount) [best, bestCount] = [bottom, count];
    }
  }
  return [best, best + span];
}

/** A number for a label, by the house formatter (templates/format/): `digits` significant figures, no float dust, a real minus sign. */
export function fmt(v: number, digits = DEFAULT_SIG_FIGS): string {
  // Float dust left by sampling ("1.2e-16" where the curve crosses 0) is 0.
  return formatNumber(Math.abs(v) < 1e-12 ? 0 : v, { sigFigs: digits });
}

/** The same number as LaTeX (scientific notation as ×10^n). */
export function texNumber(v: number, digits = DEFAULT_SIG_FIGS): string {
  return numberTex(fmt(v, digits));
}

/** Linear interpolation of 2D points. */
export function lerpPoint(a: [number, number], b: [number, number], t: number): [number, number] {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

/**
 * A font size at which a LaTeX formula fits in `maxWidth` world units (never above `size`, never below the
 * readable minimum). The width is estimated from the characters MathJax will draw, which is close enough
 * to keep a long formula inside its panel.
 */
export function fitMathSize(latex: string, maxWidth: number, size: number): number {
  const visible = latex
    .replace(/\\(?:left|right|,|;|quad|qquad|operatorname|mathrm|text)\b/g, '')
    .replace(/\\frac\{([^{}]*)\}\{([^{}]*)\}/g, (_m, a: string, b: string) => (a.length > b.length ? a : b))
    .replace(/\\(?:sin|cos|tan|sec|csc|cot|log|ln|exp|det|lim|cdots|ldots)\b/g, 'xxx')
    .replace(/\\[a-zA-Z]+/g, 'x')
    .replace(/[{}^_\s]/g, '')
    // Relations and binary operators get space on both sides.
    .replace(/[=+<>]|(?<=[\w)])-/g, 'xx');
  const width = visible.length * 0.6 * size;
  return Math.max(0.28, Math.min(size, (size * maxWidth) / Math.max(width, 1e-9)));
}
