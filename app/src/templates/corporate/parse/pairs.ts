// "label value" pairs for charts and funnels: "Q1 120, Q2 150", "1000 visitors, 300 leads",
// "North: $1.2M; South: $800k", "2019 10, 2020 12", "visitors (1,000) → leads (300)".
import { findValues, type FoundValue } from './values.ts';
import { cleanItem, dropTrailingKind, splitItems } from './lists.ts';

export interface LabelledValue {
  label: string;
  value: number;
  unit: string;
}

/** Glue words left around a label once its value is cut out ("revenue in Q1 was" → "revenue in Q1"). */
function tidyLabel(s: string): string {
  return cleanItem(
    s
      .replace(/[()[\]{}]/g, ' ')
      .replace(/^\s*(?:[:=–—-]|to|from|of|at|with|and|then)\s+/i, '')
      .replace(/\s*(?:[:=–—-]|\bwas|\bis|\bare|\bwere|\bof|\bat|\bwith|\bto|\bin|\bfor)\s*$/i, ''),
  );
}

/** The year-like number that names an item rather than measuring it ("2019 10" → label 2019). */
function isYear(v: FoundValue): boolean {
  return v.unit === '' && /^\d{4}$/.test(v.raw) && v.value >= 1800 && v.value <= 2200;
}

/** One item → a label and a value, or undefined when it holds no value. */
export function pairFromItem(item: string): LabelledValue | undefined {
  const values = findValues(item);
  if (values.length === 0) return undefined;
  let chosen = values[values.length - 1]!;
  if (values.length >= 2) {
    // A value after "=" or ":" wins over numbers inside the label ("Route 66: 12"); a year names the
    // item rather than measuring it ("2019 10", "10 in 2019").
    const marked = values.find((v) => /[:=]\s*$/.test(item.slice(0, v.start)));
    const notYear = values.filter((v) => !isYear(v));
    if (marked) chosen = marked;
    else if (isYear(chosen) && notYear.length > 0) chosen = notYear[notYear.length - 1]!;
  }
  const label = tidyLabel(item.slice(0, chosen.start) + ' ' + item.slice(chosen.end));
  return { label, value: chosen.value, unit: chosen.unit };
}

/**
 * Splits text where values sit between labels without separators: "1000 visitors 300 leads 50 customers",
 * "Q1 120 Q2 150". Labels follow their values when `valueFirst` (by default: when the text starts
 * with a value), otherwise they precede them.
 */
export function pairsByValues(text: string, valueFirst?: boolean): LabelledValue[] {
  const values = findValues(text);
  if (values.length === 0) return [];
  valueFirst ??= text.slice(0, values[0]!.start).trim() === '';
  return values.map((v, i) => {
    const label = valueFirst ? text.slice(v.end, i + 1 < values.length ? values[i + 1]!.start : text.length) : text.slice(i > 0 ? values[i - 1]!.end : 0, v.start);
    return { label: tidyLabel(label), value: v.value, unit: v.unit };
  });
}

/** Label/value pairs of a list body; items without a value are reported in `skipped`. */
export function labelValuePairs(body: string): { pairs: LabelledValue[]; skipped: string[] } {
  const items = dropTrailingKind(splitItems(body));
  const pairs: LabelledValue[] = [];
  const skipped: string[] = [];
  for (const item of items) {
    const p = pairFromItem(item);
    if (p) pairs.push(p);
    else skipped.push(item);
  }
  // One item holding several values had no separators between pairs.
  if (pairs.length <= 1 && findValues(body).length >= 2 && !body.match(/^\s*\d+(?:,\d+)+\s*$/)) {
    const byValues = pairsByValues(body);
    if (byValues.length > pairs.length) return { pairs: byValues, skipped: [] };
  }
  return { pairs, skipped };
}

/** A label then a figure, as one list item: "Sales 12", "Sales: 12", "Support 65%", "North = $1.2M". */
function labelledFigure(label: string): string {
  return String.raw`${label}\s*[:=]?\s*[$€£]?-?\d[\d,.]*\s*(?:%|k|m|bn|[a-z]{1,3}\b)?`;
}

/**
 * A list of at least `min` labelled figures after a colon ("Headcount by department: Sales 12,
 * Engineering 30, HR 4"; key: value pairs too), as typed: the sign of figures to chart, with or without
 * the word "chart". With `months`, only months as labels ("Monthly sales: Jan 40, Feb 55, Mar 70").
 */
export function labelledFiguresPattern(opts: { min?: number; months?: boolean } = {}): RegExp {
  const label = opts.months ? String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?` : String.raw`[A-Za-z][\w&'’ .-]{0,30}?`;
  const item = labelledFigure(label);
  const more = Math.max(1, (opts.min ?? 3) - 1);
  return new RegExp(String.raw`:\s*${item}(?:\s*[,;]\s*(?:and\s+)?${item}|\s+and\s+${item}){${more},}\s*\.?\s*$`, 'i');
}
