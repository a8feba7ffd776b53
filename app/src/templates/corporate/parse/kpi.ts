// Headline figures with what they were before, as people write them: "Revenue 1.2M up from 1.0M",
// "churn 3% down from 4%", "NPS 45 from 38", "headcount from 100 to 120", "CSAT 4.1 → 4.4", "costs $80k (was $95k)".
// Only what the user wrote is read: a figure without an earlier one to compare with is reported, not guessed.
import { findValues, type FoundValue } from './values.ts';
import { cleanItem, splitItems } from './lists.ts';

export interface KpiFigure {
  label: string;
  /** The figure now. */
  value: number;
  /** The figure it is compared with (last quarter, last year). */
  previous: number;
  /** "%", a currency sign, or "". */
  unit: string;
  /** A unit word written after the number ("days", "ms", "people"), "" when none. */
  suffix: string;
  /** The direction the user wrote ("up from", "fell"), when they wrote one. */
  stated?: 'up' | 'down';
}

const UP = /\b(?:up|rose|risen|increased?|grew|grown|climbed|higher|improved)\b/i;
const DOWN = /\b(?:down|fell|fallen|dropped|decreased?|declined|lower|shrank|reduced)\b/i;
/** Between the figure now and the earlier one: "up from", "vs", "(was", "compared with", "last year". */
const NOW_THEN =
  /^\s*(?:[a-z]+\s+)?(?:(?:up|down|rose|fell|increased|decreased|dropped|grew|climbed|declined|improved)\s+)?(?:from|vs\.?|versus|compared (?:with|to)|against|\(?\s*was|\(?\s*last (?:year|quarter|month|week)|\(?\s*prev(?:ious(?:ly)?)?:?)\s*$/i;
/** Between the earlier figure and the one now: "to", "→", "now". */
const THEN_NOW = /^\s*(?:[a-z]+\s+)?(?:to|now|then)\s*$/i;
/** Words after a number that are not its unit. */
const NOT_UNIT =
  /^(?:up|down|from|to|vs|versus|was|now|then|compared|against|last|this|and|in|on|at|for|of|rose|fell|increased|decreased|dropped|grew|climbed|declined|improved|higher|lower|previously|prev|per|a|the|year|quarter|month|week)$/i;

/** "was", "is at", "went": glue words left round a label once its figures are cut out. */
function tidyLabel(s: string): string {
  return cleanItem(
    s
      .replace(/[()[\]{}]/g, ' ')
      .replace(/\s*(?:[:=–—-]|\bwas|\bis|\bare|\bat|\bwent|\bof|\bfrom|\bhas|\bhave|\b(?:up|rose|fell|down|grew|increased|decreased|dropped))+\s*$/i, '')
      .trim(),
  );
}

/** The unit word right after a number ("3.2 days" → "days"), "" when the next word is not one. */
function suffixAfter(item: string, v: FoundValue): string {
  const m = /^\s+([a-zA-Z]{1,12})\b/.exec(item.slice(v.end));
  return m && !NOT_UNIT.test(m[1]!) ? m[1]! : '';
}

/** One item → a figure with its earlier value, or a reason it could not be read. */
export function kpiFromItem(item: string): KpiFigure | { problem: string } {
  const values = findValues(item);
  if (values.length < 2) return { problem: values.length === 0 ? 'has no figure' : 'has no earlier figure to compare with (write e.g. "… up from …")' };
  // The pair whose words say which came first; numbers before it belong to the label ("Route 66 traffic 40 from 30").
  let pair: { a: FoundValue; b: FoundValue; now: FoundValue; then: FoundValue } | undefined;
  for (let k = 0; k + 1 < values.length && !pair; k++) {
    const [a, b] = [values[k]!, values[k + 1]!];
    const between = item.slice(a.end, b.start);
    if (/\bfrom\s*$/i.test(item.slice(0, a.start)) || THEN_NOW.test(between)) pair = { a, b, then: a, now: b };
    else if (NOW_THEN.test(between)) pair = { a, b, now: a, then: b };
  }
  if (!pair) return { problem: 'does not say which figure is the earlier one (write e.g. "45 from 38")' };
  const { a, b, now, then } = pair;
  const before = item.slice(0, a.start);
  if (a.unit && b.unit && a.unit !== b.unit) return { problem: `mixes ${a.unit} and ${b.unit}` };
  const label = tidyLabel(before.replace(/\bfrom\s*$/i, ''));
  if (!/\p{L}/u.test(label)) return { problem: 'has no name before its figures' };
  // The direction words sit between the figures ("45 up from 38") or just before them ("grew from 100 to 120").
  const words = item.slice(Math.max(0, a.start - 16), b.start);
  const stated = UP.test(words) ? 'up' : DOWN.test(words) ? 'down' : undefined;
  return { label, value: now.value, previous: then.value, unit: a.unit || b.unit, suffix: suffixAfter(item, now) || suffixAfter(item, then), ...(stated ? { stated } : {}) };
}

/** The figures of a list body ("Revenue 1.2M up from 1.0M, churn 3% down from 4%"), and the items that held none. */
export function kpiFigures(body: string): { figures: KpiFigure[]; skipped: { item: string; problem: string }[] } {
  // An arrow between two figures is "to", not a separator between items.
  const items = splitItems(body.replace(/\s*(?:→|->|=>|⇒)\s*/g, ' to '));
  const figures: KpiFigure[] = [];
  const skipped: { item: string; problem: string }[] = [];
  for (const item of items) {
    const found = kpiFromItem(item);
    if ('problem' in found) skipped.push({ item, problem: found.problem });
    else figures.push(found);
  }
  return { figures, skipped };
}
