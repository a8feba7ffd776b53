// Labelled data for charts and funnels from a description: the title, the {label, value} pairs,
// and the unit they share — capped, labels shortened, empty labels named, all with warnings.
import { z } from 'zod';
import type { ParsedText } from '../../text/parse.ts';
import { capItems, splitHeadBody, truncateLabels } from './parse/lists.ts';
import { labelValuePairs, pairsByValues, type LabelledValue } from './parse/pairs.ts';
import { titleFromHead } from './parse/title.ts';
import { commonUnit, findValues } from './parse/values.ts';

export const MAX_LABEL_CHARS = 40;
/** Values a chart can draw and label; beyond this they are typos or not business data. */
export const MAX_ABS_VALUE = 1e15;

export const titleSchema = (fallback: string) => z.string().trim().min(1).max(80).default(fallback);
export const labelSchema = z.string().trim().min(1).max(MAX_LABEL_CHARS);
export const datumSchema = z.strictObject({ label: labelSchema, value: z.number().finite().gt(-MAX_ABS_VALUE).lt(MAX_ABS_VALUE) });
export type Datum = z.infer<typeof datumSchema>;
/** "$", "€", "%" … shown with the values; "" for plain numbers. */
export const unitSchema = z.string().max(8).default('');

export interface ChartData {
  title?: string;
  data?: Datum[];
  unit?: string;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * Names for unlabelled values from what the title says they are (quarters, months, years, days),
 * else `fallback(i)` ("Item 1", or "1" along a line chart's x axis).
 */
export function defaultLabels(n: number, context: string, fallback = (i: number) => `Item ${i + 1}`): string[] {
  const years = /\b((?:19|20)\d\d)\s*(?:-|–|to|through|until)\s*((?:19|20)\d\d)\b/.exec(context);
  if (years && Number(years[2]) - Number(years[1]) + 1 === n) return Array.from({ length: n }, (_, i) => String(Number(years[1]) + i));
  if (/\bquarter(?:s|ly)?\b/i.test(context) && n <= 4) return Array.from({ length: n }, (_, i) => `Q${i + 1}`);
  if (/\bmonth(?:s|ly)?\b/i.test(context) && n <= 12) return MONTH_NAMES.slice(0, n);
  if (/\bweek(?:s|ly)?\b/i.test(context)) return Array.from({ length: n }, (_, i) => `W${i + 1}`);
  if (/\b(?:weekdays?|daily|days?)\b/i.test(context)) return n <= 7 ? WEEKDAYS.slice(0, n) : Array.from({ length: n }, (_, i) => `Day ${i + 1}`);
  return Array.from({ length: n }, (_, i) => fallback(i));
}

/**
 * When no list was found after a head ("bar chart Q1 120 Q2 150"), the pairs start inside the head:
 * the first label is taken to have as many words as the second.
 */
function pairsFromWholeText(text: string): { head: string; pairs: LabelledValue[] } {
  const values = findValues(text);
  if (values.length === 0) return { head: text, pairs: [] };
  const before = text.slice(0, values[0]!.start).trim();
  // Words after the last value are its label, so labels follow values ("funnel 1000 visitors 300 leads"):
  // everything before the first value is the head.
  const after = text.slice(values[values.length - 1]!.end).replace(/[\s.!?]+$/, '');
  if (/\p{L}/u.test(after) || before === '') {
    return { head: before.replace(/\b(?:of|with|from|for)\s*$/i, '').trim(), pairs: pairsByValues(text.slice(values[0]!.start), true) };
  }
  const pairs = pairsByValues(text, false);
  const secondWords = pairs[1]?.label.split(/\s+/).filter(Boolean).length ?? 1;
  const words = pairs[0]!.label.split(/\s+/);
  const take = Math.max(1, Math.min(secondWords, words.length - 1));
  pairs[0] = { ...pairs[0]!, label: words.slice(words.length - take).join(' ') };
  return { head: words.slice(0, words.length - take).join(' '), pairs };
}

/**
 * "signups 100,200,300" with no other list reads as three values, not one hundred million: a run of
 * three or more comma groups with no spaced commas anywhere is spread out as a list.
 */
function listOfCompactNumbers(text: string): string {
  if (/,\s|;/.test(text)) return text;
  return text.replace(/(?<![\d.])\d+(?:,\d+){2,}(?![\d.])/g, (run) => (findValues(text).length === 1 ? run.replace(/,/g, ', ') : run));
}

export interface ExtractOptions {
  fallbackTitle: string;
  max: number;
  /** "bars", "slices", "stages": used in warnings. */
  noun: string;
  /** Names for unlabelled values (default "Item 1", "Item 2", …). */
  fallbackLabel?: (i: number) => string;
  /** What happens past `max` (default: the first `max` are kept). */
  overflow?: (pairs: LabelledValue[], warnings: string[]) => LabelledValue[];
}

/** Title, data and unit written in the description; anything missing is left to the defaults. */
export function extractChartData(text: ParsedText, warnings: string[], opts: ExtractOptions): ChartData & { pairs: LabelledValue[] } {
  const original = listOfCompactNumbers(text.original);
  let { head, body } = splitHeadBody(original);
  let { pairs, skipped } = labelValuePairs(body);
  if (pairs.length < 2) {
    const whole = pairsFromWholeText(original);
    if (whole.pairs.length > pairs.length) {
      ({ head, pairs } = whole);
      skipped = [];
    }
  }
  const title = titleFromHead(head, opts.fallbackTitle, warnings, { dropChartWords: true });
  if (skipped.length > 0) warnings.push(`ignored ${skipped.map((s) => `"${s}"`).join(', ')}: no number found`);
  const usable = pairs.filter((p) => Math.abs(p.value) < MAX_ABS_VALUE);
  if (usable.length < pairs.length) warnings.push(`dropped ${pairs.length - usable.length} value(s) too large to chart (limit ±1e15)`);
  pairs = opts.overflow && usable.length > opts.max ? opts.overflow(usable, warnings) : capItems(usable, opts.max, opts.noun, warnings);
  if (pairs.length === 0) {
    warnings.push(`no values were found (write them like "North 120, South 90")`);
    return { title, pairs };
  }
  const names = defaultLabels(pairs.length, original, opts.fallbackLabel);
  const labels = truncateLabels(
    pairs.map((p, i) => p.label || names[i]!),
    MAX_LABEL_CHARS,
    'label',
    warnings,
  );
  for (const p of pairs) if (p.label) text.used.add(p.label);
  const data = pairs.map((p, i) => ({ label: labels[i]!, value: p.value }));
  const unit = commonUnit(pairs.map((p) => ({ ...p, raw: '', start: 0, end: 0 })));
  return { title, data, unit, pairs };
}
