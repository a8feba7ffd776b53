// Params shared by the array algorithms, and how they are found in text.
import { z } from 'zod';
import { numberList, type ParsedText } from '../../text/parse.ts';

/** The most values an array animation shows and still reads well on screen. */
export const MAX_ARRAY_VALUES = 16;
export const DEFAULT_VALUES = [5, 3, 8, 1, 9, 2, 7, 4];

export const finiteValue = z.number().finite().gt(-1e9).lt(1e9);

export const sortParams = z.object({
  values: z.array(finiteValue).min(2).max(MAX_ARRAY_VALUES).default(DEFAULT_VALUES),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type SortParams = z.infer<typeof sortParams>;

/** Values written in the text, capped at MAX_ARRAY_VALUES with a warning; out-of-range numbers dropped. */
export function extractValues(text: ParsedText, warnings: string[], max = MAX_ARRAY_VALUES): number[] | undefined {
  let values = numberList(text.original, 2);
  if (values.length === 0) return undefined;
  const usable = values.filter((v) => Number.isFinite(v) && Math.abs(v) < 1e9);
  if (usable.length !== values.length) warnings.push(`dropped ${values.length - usable.length} value(s) too large to draw (limit ±1e9)`);
  values = usable;
  if (values.length > max) {
    warnings.push(`${values.length} values given; showing the first ${max} (the most that stay readable on screen)`);
    values = values.slice(0, max);
  }
  for (const v of values) text.used.add(String(v));
  return values.length >= 2 ? values : undefined;
}

export function extractOrder(text: ParsedText): 'asc' | 'desc' | undefined {
  // "non-decreasing" is ascending: checked before the plain words it contains.
  const non = /\bnon (de|in)creasing\b/.exec(text.normalized);
  if (non) return non[1] === 'de' ? 'asc' : 'desc';
  if (/\b(descending|decreasing|largest first|biggest first|high(est)? to low(est)?|reverse order|(largest|biggest|greatest|big|large|high) to (smallest|lowest|least|small|low))\b/.test(text.normalized)) return 'desc';
  if (/\b(ascending|increasing|smallest first|low(est)? to high(est)?|(smallest|lowest|least|small|low) to (largest|biggest|greatest|big|large|high))\b/.test(text.normalized)) return 'asc';
  return undefined;
}

export function inOrder(a: number, b: number, order: 'asc' | 'desc'): boolean {
  return order === 'asc' ? a <= b : a >= b;
}

/** Values and order for any sorting template; marks the algorithm's words as used. */
export function extractSortParams(text: ParsedText, warnings: string[], words: string[]): Partial<SortParams> {
  const out: Partial<SortParams> = {};
  const values = extractValues(text, warnings);
  if (values) out.values = values;
  const order = extractOrder(text);
  if (order) out.order = order;
  for (const w of words) if (text.normalized.includes(w)) text.used.add(w);
  return out;
}
