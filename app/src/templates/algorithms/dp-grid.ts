// The dynamic-programming table shared by the two-string templates (LCS, edit distance): one string down the
// side, the other across the top, each with an empty-prefix row and column, cells filled row by row and a
// traceback path marked at the end. Also how two words are read from a description.
import type { Composition } from '../types.ts';
import type { ParsedText } from '../../text/parse.ts';
import { roleColor } from '../emphasis/roles.ts';
import { GROUPED_SPEED, playInGroups } from '../step-groups.ts';
import type { TimelineBuilder } from '../timeline-builder.ts';
import { fitTextSize } from './array-cells.ts';

type SceneObject = Composition['objects'][number];

/** The longest word either string may be: a 11 × 11 table still reads at 720p. */
export const MAX_DP_WORD = 10;

export interface DpGrid {
  objects: SceneObject[];
  /** Cell id of row i (0 = empty prefix of the side word), column j. */
  cell(i: number, j: number): string;
  value(i: number, j: number): string;
  rowHead(i: number): string;
  colHead(j: number): string;
  /** Every cell, row by row. */
  all(): string[];
}

/** A table for `side` (rows) × `top` (columns), headers included, filling the band under the counter. */
export function layoutDpGrid(side: string, top: string, chars = 2): DpGrid {
  const rows = side.length + 1;
  const cols = top.length + 1;
  // As large as the band between the counter and the caption allows, headers included.
  const pitch = Math.min(0.9, 11 / (cols + 1), 6 / (rows + 1));
  const size = pitch * 0.9;
  // The headers take a row above and a column to the left: the whole block is centred.
  const center: [number, number] = [pitch / 2, -0.45 - pitch / 2];
  const x0 = center[0] - ((cols - 1) * pitch) / 2;
  const y0 = center[1] + ((rows - 1) * pitch) / 2;
  const x = (j: number) => x0 + j * pitch;
  const y = (i: number) => y0 - i * pitch;
  const textSize = fitTextSize(size, chars, 0.4);
  const headSize = fitTextSize(size, 2, 0.4);
  const objects: SceneObject[] = [];
  const cell = (i: number, j: number) => `dp${i}_${j}`;
  const value = (i: number, j: number) => `dp${i}_${j}v`;
  const rowHead = (i: number) => `rh${i}`;
  const colHead = (j: number) => `ch${j}`;
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      objects.push({ id: cell(i, j), type: 'rect', x: x(j), y: y(i), width: size, height: size, cornerRadius: 0.05, fill: '$surface', stroke: '$grid', strokeWidth: 0.03 });
      objects.push({ id: value(i, j), type: 'text', text: '', x: x(j), y: y(i), size: textSize, font: 'mono', weight: 600, color: '$foreground' });
    }
  for (let i = 0; i < rows; i++) objects.push({ id: rowHead(i), type: 'text', text: i === 0 ? 'ε' : side[i - 1]!, x: x(0) - pitch, y: y(i), size: headSize, font: 'mono', weight: 700, color: i === 0 ? '$muted' : '$foreground' });
  for (let j = 0; j < cols; j++) objects.push({ id: colHead(j), type: 'text', text: j === 0 ? 'ε' : top[j - 1]!, x: x(j), y: y(0) + pitch, size: headSize, font: 'mono', weight: 700, color: j === 0 ? '$muted' : '$foreground' });
  return {
    objects,
    cell,
    value,
    rowHead,
    colHead,
    all: () => Array.from({ length: rows * cols }, (_, k) => cell(Math.floor(k / cols), k % cols)),
  };
}

const WORD = String.raw`[A-Za-z0-9]{1,40}`;

/**
 * Two words from a description: quoted ("kitten" and "sitting"), or after "of", "between", "from" or "for"
 * and joined by "and", "to", "vs" or a comma, or two capitalised strings (ABCBDAB BDCABA).
 */
export function twoWords(text: ParsedText): [string, string] | undefined {
  const quoted = [...text.original.matchAll(/["'“‘]([A-Za-z0-9]{1,40})["'”’]/g)].map((m) => m[1]!);
  if (quoted.length >= 2) return [quoted[0]!, quoted[1]!];
  const joined = new RegExp(String.raw`\b(?:of|between|from|for|on|transform|turn|convert|change)\s+(${WORD})\s*(?:,|\band\b|\bto\b|\binto\b|\bvs\.?|\bversus\b|&)\s*(${WORD})\b`, 'i').exec(text.original);
  if (joined) return [joined[1]!, joined[2]!];
  const caps = [...text.original.matchAll(/\b([A-Z]{3,40})\b/g)].map((m) => m[1]!).filter((w) => !['LCS', 'DNA', 'GCSE', 'CS', 'DP'].includes(w));
  if (caps.length >= 2) return [caps[0]!, caps[1]!];
  return undefined;
}

/** The two words, cut to MAX_DP_WORD with a warning; undefined when the text gives none. */
export function extractWords(text: ParsedText, warnings: string[]): { a: string; b: string } | undefined {
  const found = twoWords(text);
  if (!found) return undefined;
  const [a, b] = found.map((w) => {
    if (w.length <= MAX_DP_WORD) return w;
    warnings.push(`"${w}" has ${w.length} characters; the first ${MAX_DP_WORD} are used, so the table stays readable`);
    return w.slice(0, MAX_DP_WORD);
  });
  text.used.add(found[0]).add(found[1]);
  return { a: a!, b: b! };
}

/**
 * Fills the table row by row with `play(cell)`: the first cells one at a time, then a sentence per row of the
 * values it got (step-groups.ts), at GROUPED_SPEED (told through `setPace`) once grouped.
 */
export function fillRows(tl: TimelineBuilder, grid: DpGrid, side: string, topLength: number, table: readonly (readonly number[])[], play: (cell: [number, number]) => void, setPace: (pace: number) => void): void {
  const rounds = Array.from({ length: side.length }, (_, r) => Array.from({ length: topLength }, (_, c) => [r + 1, c + 1] as [number, number]));
  playInGroups(tl, rounds, {
    narrated: () => true,
    detail: 6,
    play,
    speed: (grouped) => setPace(grouped ? GROUPED_SPEED : 1),
    summary: (rest, r, partial) => `${partial ? `The rest of row ${r}` : `Row ${r}`} (${side[r - 1]}): ${rest.map(([i, j]) => table[i]![j]).join(' ')}.`,
    refs: (rest) => rest.map(([i, j]) => grid.cell(i, j)),
  });
}

/** Colours the traceback's cells in the path role, from the current time. */
export function markPath(tl: TimelineBuilder, grid: DpGrid, path: readonly (readonly [number, number])[]): void {
  for (const [i, j] of path) tl.add({ type: 'tween', target: grid.cell(i, j), property: 'fill', to: roleColor('path'), start: tl.t, duration: 0.3 });
}
