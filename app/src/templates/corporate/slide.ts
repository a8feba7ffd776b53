// What every corporate slide shares: the title block, the content area, category colours, and a
// text-width estimate so layouts can size boxes and fonts before the player measures anything.
import type { Composition } from '../types.ts';
import { ellipsize } from './parse/lists.ts';

type SceneObjects = Composition['objects'];

/** The content area below the title, in world units (the view is 16 x 9 around the origin). */
export const CONTENT = { left: -7.4, right: 7.4, top: 2.75, bottom: -4.05 } as const;
export const TITLE_Y = 3.75;
export const TITLE_SIZE = 0.6;
/** The smallest text size that stays readable at 720p. */
export const MIN_TEXT = 0.28;

/**
 * Category colours in an order where neighbours differ clearly (pie slices, series, funnel bands).
 * Palette tokens only, so every style recolours them.
 */
export const SERIES_COLORS = ['$primary', '$accent', '$secondary', '$danger', '$success', '$warning', '$muted', '$foreground'] as const;

export function seriesColor(i: number): string {
  return SERIES_COLORS[i % SERIES_COLORS.length]!;
}

/** Title and the accent rule under it; both appear at t = 0 (callers add the timeline entries). */
export function titleObjects(title: string): SceneObjects {
  // Shrunk to stay on one line above the rule (titles are at most 60 characters).
  const size = Math.max(0.4, fitTextSize(title, 14.5, 1, TITLE_SIZE, 700));
  return [
    { id: 'title', type: 'text', text: title, x: 0, y: TITLE_Y, size, weight: 700, color: '$foreground', maxWidth: 14.5 },
    { id: 'title-rule', type: 'rect', x: 0, y: TITLE_Y - 0.55, width: 1.6, height: 0.07, cornerRadius: 0.035, fill: '$primary' },
  ];
}

// Average advance widths of Inter, in ems, by character class: close enough to size boxes and fonts.
function charWidth(c: string): number {
  if (c === ' ') return 0.28;
  if (/[iljtf.,;:'!|()[\]]/.test(c)) return 0.32;
  if (/[mwMW@%]/.test(c)) return 0.9;
  if (/[A-Z0-9#$€£&]/.test(c)) return 0.7;
  return 0.59;
}

/** Estimated width of one line of text at `size` (world units); bold is a little wider. */
export function textWidth(text: string, size: number, weight = 400): number {
  let w = 0;
  for (const c of text) w += charWidth(c);
  return w * size * (weight >= 700 ? 1.1 : weight >= 600 ? 1.07 : 1);
}

/** How many lines `text` wraps to at `maxWidth`, breaking at spaces as the player does. */
export function lineCount(text: string, size: number, maxWidth: number, weight = 400): number {
  let lines = 1;
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, size, weight) > maxWidth) {
      lines++;
      line = word;
    } else line = candidate;
  }
  return lines;
}

/**
 * The largest size from `max` down to MIN_TEXT at which `text` fits in a box of the given width
 * within `maxLines` lines (and `maxHeight`, when given), no single word wider than the box.
 */
export function fitTextSize(text: string, boxWidth: number, maxLines: number, max: number, weight = 400, maxHeight = Infinity): number {
  const longestWord = Math.max(0, ...text.split(/\s+/).map((w) => textWidth(w, 1, weight)));
  for (let size = max; size > MIN_TEXT; size -= 0.02) {
    const lines = lineCount(text, size, boxWidth, weight);
    if (longestWord * size <= boxWidth && lines <= maxLines && textHeight(lines, size) <= maxHeight) return Number(size.toFixed(2));
  }
  return MIN_TEXT;
}

/** Line height the player uses for wrapped text (1.25 em). */
export function textHeight(lines: number, size: number): number {
  return lines * size * 1.25;
}

/** Whether `text` fits `width` in `maxLines` lines (and `maxHeight`) at `size`. */
export function fitsAt(text: string, width: number, maxLines: number, size: number, weight = 400, maxHeight = Infinity): boolean {
  const longest = Math.max(0, ...text.split(/\s+/).map((w) => textWidth(w, size, weight)));
  const lines = lineCount(text, size, width, weight);
  return longest <= width && lines <= maxLines && textHeight(lines, size) <= maxHeight;
}

/**
 * One size for a set of labels (the largest, up to `max`, at which all fit their boxes), and the
 * labels to show: any that cannot fit even at the smallest readable size is cut with "…".
 */
export function fitLabels(labels: string[], width: number | number[], maxLines: number, max: number, weight = 400, maxHeight = Infinity): { texts: string[]; size: number } {
  const widthOf = (i: number) => (typeof width === 'number' ? width : width[i]!);
  const size = Math.max(MIN_TEXT, Math.min(max, ...labels.map((l, i) => fitTextSize(l, widthOf(i), maxLines, max, weight, maxHeight))));
  const texts = labels.map((l, i) => {
    let cut = l;
    while (cut.length > 2 && !fitsAt(cut, widthOf(i), maxLines, size, weight, maxHeight)) cut = ellipsize(l, cut.length - 1);
    return cut;
  });
  return { texts, size };
}
