// Arrays drawn as a row of boxed cells with their index underneath: for algorithms that look at
// values without moving them (searching), and for rows of results (Fibonacci, queues).
import type { Composition } from '../types.ts';
import { formatNumber } from './algo-scene.ts';

export interface CellRow {
  objects: Composition['objects'];
  x: number[];
  y: number;
  /** Side of a cell. */
  size: number;
  cellIds: string[];
  valueIds: string[];
  indexIds: string[];
}

export interface CellRowOptions {
  y?: number;
  /** Width the row may take. */
  width?: number;
  maxPitch?: number;
  /** Id prefix, for several rows in one scene. */
  prefix?: string;
  showIndex?: boolean;
}

/** A text size that fits `chars` characters of the mono font into `width` (never below 0.28). */
export function fitTextSize(width: number, chars: number, max = 0.42): number {
  return Math.max(0.28, Math.min(max, (width * 0.85) / (0.62 * Math.max(1, chars))));
}

export function layoutCells(values: readonly (number | string)[], opts: CellRowOptions = {}): CellRow {
  const n = values.length;
  const y = opts.y ?? 0.2;
  const prefix = opts.prefix ?? '';
  const pitch = Math.min(opts.maxPitch ?? 1.15, (opts.width ?? 14) / Math.max(1, n));
  const size = pitch * 0.86;
  const labels = values.map((v) => (typeof v === 'number' ? formatNumber(v) : v));
  const textSize = fitTextSize(size, Math.max(...labels.map((l) => l.length), 1));
  const x = values.map((_, i) => (i - (n - 1) / 2) * pitch);
  const cellIds = values.map((_, i) => `${prefix}cell${i}`);
  const valueIds = values.map((_, i) => `${prefix}val${i}`);
  const indexIds = values.map((_, i) => `${prefix}idx${i}`);
  const objects: Composition['objects'] = [];
  values.forEach((_, i) => {
    objects.push({ id: cellIds[i]!, type: 'rect', x: x[i]!, y, width: size, height: size, cornerRadius: 0.08, fill: '$surface', stroke: '$primary', strokeWidth: 0.04 });
    objects.push({ id: valueIds[i]!, type: 'text', text: labels[i]!, x: x[i]!, y, size: textSize, font: 'mono', weight: 600, color: '$foreground' });
    if (opts.showIndex !== false) objects.push({ id: indexIds[i]!, type: 'text', text: String(i), x: x[i]!, y: y - size / 2 - 0.3, size: 0.28, font: 'mono', color: '$muted' });
  });
  return { objects, x, y, size, cellIds, valueIds, indexIds };
}
