// Business numbers as people write them: "1,000", "$1.2M", "45%", "30k", "2.5 billion", "€300".
// Each is found with its position so a label can be cut from the text around it.
import { formatNumber } from '../../format/index.ts';

export interface FoundValue {
  value: number;
  /** "%" for percentages, a currency sign ("$", "€", "£", "¥"), or "". */
  unit: string;
  /** The characters of the text it was read from. */
  raw: string;
  start: number;
  end: number;
}

const MAGNITUDES: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  mm: 1e6,
  mio: 1e6,
  million: 1e6,
  millions: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  billions: 1e9,
  t: 1e12,
  tn: 1e12,
  trillion: 1e12,
};

// A sign, an optional currency, digits with optional thousands groups and decimals, then an optional
// magnitude word and/or percent sign. Not glued to letters or digits before it (Q1, Dev2, H2O are names).
const VALUE_RE =
  /(?<![\p{L}\p{N}_.])([-+−]?)\s?([$€£¥])?\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?:\s?(thousand|millions?|billions?|trillion|mn|mm|mio|bn|tn|[kKmMbBtT])(?![\p{L}\p{N}]))?(\s?%|\s(?:percent|per cent)\b)?(?![\p{L}\p{N}])/gu;

/** Every value in the text, in order. */
export function findValues(text: string): FoundValue[] {
  const out: FoundValue[] = [];
  for (const m of text.matchAll(VALUE_RE)) {
    const [raw, sign, currency, digits, magnitude, percent] = m;
    let value = Number(digits!.replace(/,/g, ''));
    if (magnitude) value *= MAGNITUDES[magnitude.toLowerCase()]!;
    if (sign === '-' || sign === '−') value = -value;
    if (!Number.isFinite(value)) continue;
    // Float error from the magnitude multiply (1.2 * 1e6 = 1199999.9999999998) is not the user's number.
    value = Number(value.toPrecision(12));
    const unit = percent ? '%' : (currency ?? '');
    out.push({ value, unit, raw: raw.trim(), start: m.index!, end: m.index! + raw.length });
  }
  return out;
}

/** The single value of a short piece of text ("$1.2M" → 1200000), or undefined. */
export function parseValue(text: string): number | undefined {
  const found = findValues(text);
  return found.length === 1 ? found[0]!.value : undefined;
}

/** The unit most values share ("$" for "$120, $150"), "" when mixed or none. */
export function commonUnit(values: readonly FoundValue[]): string {
  const units = new Set(values.map((v) => v.unit));
  return units.size === 1 ? [...units][0]! : '';
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/**
 * A readable value: 1000 · 12 500 · 45% · $1.2M · 250k · 0.25 · −3.5. Values from `compactFrom` up are
 * written with k, M, B or T (from 100,000 by default; charts lower it so one chart reads alike).
 */
export function formatValue(value: number, unit = '', compactFrom = 1e5): string {
  const abs = Math.abs(value);
  let body: string;
  const compact = abs >= compactFrom;
  if (compact && abs >= 1e12) body = trimZeros((abs / 1e12).toPrecision(3)) + 'T';
  else if (compact && abs >= 1e9) body = trimZeros((abs / 1e9).toPrecision(3)) + 'B';
  else if (compact && abs >= 1e6) body = trimZeros((abs / 1e6).toPrecision(3)) + 'M';
  else if (compact && abs >= 1e3) body = trimZeros((abs / 1e3).toPrecision(3)) + 'k';
  // The house formatter: whole numbers whole (grouped with a thin space from 10 000), others to three figures.
  else body = formatNumber(abs);
  const sign = value < 0 ? '−' : '';
  if (unit === '%') return `${sign}${body}%`;
  return `${sign}${unit}${body}`;
}

/**
 * One format for all the values of a chart: when the largest reaches 100,000 (or `crowdedFrom` where
 * labels have little room), every value from 1,000 up is compact, so "$500k" never sits beside "$80,000".
 */
export function valueFormatter(values: number[], unit = '', crowdedFrom = 1e5): (v: number) => string {
  const max = Math.max(0, ...values.map((v) => Math.abs(v)));
  const compactFrom = max >= Math.min(1e5, crowdedFrom) ? 1e3 : Infinity;
  return (v) => formatValue(v, unit, compactFrom);
}

/** A percentage for display: 30 → "30%", 16.666 → "16.7%". */
export function formatPercent(pct: number): string {
  return `${trimZeros(pct.toFixed(1))}%`;
}
