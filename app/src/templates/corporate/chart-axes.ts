// The value axis of bar and line charts: "nice" ticks (1, 2 or 5 times a power of ten) that cover
// the data, gridlines, tick labels, and the category labels under the plot.
import type { Composition } from '../types.ts';
import { valueFormatter } from './parse/values.ts';
import { fitLabels, fitsAt, lineCount, MIN_TEXT, textHeight, textWidth } from './slide.ts';

export interface NiceScale {
  min: number;
  max: number;
  step: number;
  ticks: number[];
}

/** The step of 1, 2, 2.5 or 5 × 10^k that splits `span` into about `target` intervals. */
export function niceStep(span: number, target = 5): number {
  if (!(span > 0)) return 1;
  const raw = span / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
  return nice * mag;
}

/**
 * Ticks from a multiple of the step at or below the data to one at or above it. Bars need zero on the
 * axis; a line may leave it out (`fitData`) when the values sit far from it, so their changes show.
 */
export function niceScale(values: number[], target = 5, fitData = false): NiceScale {
  const vmin = Math.min(...values);
  const vmax = Math.max(...values);
  const awayFromZero = fitData && (vmin > 0 ? vmin > vmax * 0.5 : vmax < 0 ? vmax < vmin * 0.5 : false);
  const lo = awayFromZero ? vmin : Math.min(0, vmin);
  const hi = awayFromZero ? vmax : Math.max(0, vmax);
  const span = hi - lo || Math.abs(hi) * 0.1 || 1;
  const step = niceStep(span, target);
  const min = Math.floor(lo / step + 1e-9) * step;
  let max = Math.ceil(hi / step - 1e-9) * step;
  if (max === min) max = min + step;
  const ticks: number[] = [];
  for (let i = 0; min + i * step <= max + step * 1e-6; i++) ticks.push(Number((min + i * step).toPrecision(12)));
  return { min, max, step, ticks };
}

export interface PlotArea {
  left: number;
  right: number;
  bottom: number;
  top: number;
}

/** Maps a value to its y on the plot. */
export function yOf(area: PlotArea, scale: NiceScale, v: number): number {
  return area.bottom + ((v - scale.min) / (scale.max - scale.min)) * (area.top - area.bottom);
}

/** Gridlines and tick labels ("grid-0", "tick-0", …) plus the zero line ("axis-x") and the value axis ("axis-y"). */
export function valueAxisObjects(area: PlotArea, scale: NiceScale, unit: string): Composition['objects'] {
  const objects: Composition['objects'] = [];
  const format = valueFormatter(scale.ticks, unit);
  scale.ticks.forEach((v, i) => {
    const y = yOf(area, scale, v);
    if (v !== 0)
      objects.push({
        id: `grid-${i}`,
        type: 'line',
        points: [
          [area.left, y],
          [area.right, y],
        ],
        color: '$grid',
        width: 0.025,
      });
    objects.push({ id: `tick-${i}`, type: 'text', text: format(v), x: area.left - 0.15, y, size: 0.28, align: 'right', color: '$muted' });
  });
  // The baseline is the zero line when zero is on the scale, else the bottom of the plot.
  const zeroY = Math.min(area.top, Math.max(area.bottom, yOf(area, scale, 0)));
  objects.push({
    id: 'axis-y',
    type: 'line',
    points: [
      [area.left, area.bottom],
      [area.left, area.top],
    ],
    color: '$muted',
    width: 0.035,
  });
  objects.push({
    id: 'axis-x',
    type: 'line',
    points: [
      [area.left, zeroY],
      [area.right, zeroY],
    ],
    color: '$muted',
    width: 0.035,
  });
  return objects;
}

/** Widest tick label, for the room left of the value axis. */
export function tickLabelWidth(scale: NiceScale, unit: string): number {
  const format = valueFormatter(scale.ticks, unit);
  return Math.max(...scale.ticks.map((v) => textWidth(format(v), 0.28)));
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * Category labels under each slot, from `top` down, wrapped to the slot width in up to two lines.
 * Where they do not fit, month names are shortened ("Sep"); then bars alternate their labels between
 * two single-line rows (twice the room), while a line chart labels every k-th point only; whatever
 * still does not fit is cut with "…".
 */
export function categoryLabelObjects(labels: string[], xs: number[], pitch: number, top: number, mode: 'bars' | 'points' = 'bars'): Composition['objects'] {
  let texts = [...labels];
  let width = pitch * 0.92;
  let lines = 2;
  let rows = 1;
  let every = 1;
  const allFit = () => texts.every((l, i) => i % every !== 0 || fitsAt(l, width, lines, MIN_TEXT));
  if (!allFit()) texts = texts.map((l) => (MONTHS.includes(l.toLowerCase()) ? l.slice(0, 3) : l));
  if (!allFit() && mode === 'bars' && texts.length > 1) [rows, lines, width] = [2, 1, pitch * 2 * 0.92];
  if (mode === 'points') {
    while (!allFit() && every < texts.length) {
      every++;
      [lines, width] = [1, pitch * every * 0.92];
    }
  }
  const shown = texts.map((l, i) => (i % every === 0 ? l : ''));
  const { texts: fitted, size } = fitLabels(shown.filter(Boolean), width, lines, 0.34);
  const h = textHeight(Math.max(1, ...fitted.map((l) => lineCount(l, size, width))), size);
  const objects: Composition['objects'] = [];
  let k = 0;
  shown.forEach((l, i) => {
    if (!l) return;
    objects.push({
      id: `cat-${i}`,
      type: 'text' as const,
      text: fitted[k++]!,
      x: xs[i]!,
      y: top - h / 2 - (rows === 2 && i % 2 === 1 ? h + 0.05 : 0),
      size,
      maxWidth: width,
      color: '$foreground',
    });
  });
  return objects;
}
