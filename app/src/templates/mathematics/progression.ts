// What arithmetic and geometric sequences share: reading the first term, the step (difference or ratio) and
// the number of terms from free text, and the bar row that draws the terms to scale with the step between
// each pair written under it.
import { NUMBER_RE, toNumber, type ParsedText } from '../../text/parse.ts';
import type { Composition } from '../types.ts';
import { subscript } from '../format/index.ts';
import { fmt } from './chart.ts';

type SceneObject = Composition['objects'][number];

const NUM = NUMBER_RE.source;
/** A number or a fraction ("0.5", "−3", "1/2"). */
const VALUE = String.raw`${NUM}(?:\s*\/\s*${NUM})?`;

export function toValue(s: string): number {
  const [p, q] = s.split('/').map((x) => toNumber(x.trim()));
  return q === undefined ? p! : p! / q;
}

/**
 * A value after one of `names`: "d = 3", "r: 1/2", "first term is 5", "common ratio of 2". A one-letter name
 * needs "=", ":" or "is" ("a 5" is the article, not a term).
 */
export function namedNumber(src: string, names: string[]): number | undefined {
  for (const name of names) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const link = name.length <= 2 ? String.raw`\s*(?:=|:|\bis\b)\s*` : String.raw`\s*(?:=|:|\bis\b|\bof\b|\bequals\b)?\s*`;
    const m = new RegExp(String.raw`(?<![A-Za-z_])${escaped}${link}(${VALUE})(?![\d.])`, 'i').exec(src);
    if (m) return toValue(m[1]!);
  }
  return undefined;
}

/** The terms written as a list ("3, 7, 11, 15", "1, 1/2, 1/4, …", "2 + 6 + 18"): at least three values. */
export function writtenTerms(src: string): number[] {
  const run = new RegExp(String.raw`(?<![\w.\/])${VALUE}(?:\s*[,;+]\s*${VALUE}){2,}`, 'gi');
  let best: number[] = [];
  for (const m of src.matchAll(run)) {
    const list = m[0].split(/[,;+]/).map((s) => toValue(s.trim()));
    if (list.length > best.length && list.every(Number.isFinite)) best = list;
  }
  return best;
}

/** "10 terms", "first 12 terms", "n = 6", "up to the 8th term". */
export function termCount(src: string): number | undefined {
  const m = /(\d+)\s*(?:terms?|numbers?|values?)\b/i.exec(src) ?? /\bn\s*(?:=|:|is)\s*(\d+)/i.exec(src) ?? /\b(\d+)(?:st|nd|rd|th)\s+term\b/i.exec(src);
  return m ? Number(m[1]) : undefined;
}

/** Marks the words a template read from the text, for the UI. */
export function markUsed(text: ParsedText, words: string[]): void {
  for (const w of words) if (text.normalized.includes(w)) text.used.add(w);
}

export interface BarRow {
  objects: SceneObject[];
  /** Ids, in order: each term's bar, its value label, and the step label between it and the next. */
  bar: string[];
  value: string[];
  step: string[];
}

/**
 * One bar per term, to scale from a zero line (a negative term hangs below it, in the same colour: its direction
 * and its label carry the sign, so no legend is needed), in the left part of the view; the value above (or below, when
 * negative) each bar, a₁ … aₙ under the row and the step from each term to the next between them.
 */
export function barRow(terms: number[], stepLabel: (i: number) => string, colour: string): BarRow {
  const left = -7.3;
  const right = 1.3;
  const top = 2.3;
  const bottom = -2.7;
  const hi = Math.max(0, ...terms);
  const lo = Math.min(0, ...terms);
  const scale = (top - bottom) / Math.max(hi - lo, 1e-12);
  const zero = bottom - lo * scale;
  const pitch = (right - left) / terms.length;
  const objects: SceneObject[] = [
    {
      id: 'zero_line',
      type: 'line',
      points: [
        [left - 0.1, zero],
        [right + 0.1, zero],
      ],
      color: '$muted',
      width: 0.03,
    },
  ];
  const row: BarRow = { objects, bar: [], value: [], step: [] };
  terms.forEach((v, i) => {
    const x = left + pitch * (i + 0.5);
    // A bar never thinner than a hairline, so a term of 0 (or one far smaller than the largest) still shows.
    const h = Math.max(Math.abs(v) * scale, 0.04);
    const id = `bar${i}`;
    if (v >= 0) objects.push({ id, type: 'bar', x, y: zero, width: pitch * 0.62, height: h, fill: colour });
    else objects.push({ id, type: 'rect', x, y: zero - h / 2, width: pitch * 0.62, height: h, fill: colour, cornerRadius: 0.06 });
    objects.push({ id: `value${i}`, type: 'text', text: fmt(v), x, y: v >= 0 ? zero + h + 0.28 : zero - h - 0.28, size: 0.3, weight: 600, color: '$foreground' });
    objects.push({ id: `index${i}`, type: 'text', text: `a${subscript(String(i + 1))}`, x, y: -3.45, size: 0.3, color: '$muted' });
    row.bar.push(id);
    row.value.push(`value${i}`);
    if (i + 1 < terms.length) {
      objects.push({ id: `step${i}`, type: 'text', text: stepLabel(i), x: x + pitch / 2, y: -3.95, size: 0.3, weight: 600, color: '$accent' });
      row.step.push(`step${i}`);
    }
  });
  return row;
}
