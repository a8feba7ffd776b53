// Numbers as they are shown in labels, captions and titles, the one home for the rule: significant figures (or a
// fixed count of decimals, so one quantity reads alike through a scene), a real minus sign (U+2212), digits grouped
// in threes with a narrow no-break space from 10 000 up (SI style: "12 500", never "12,500" or "12500"), powers of
// ten as "1.50 × 10¹¹" outside 0.001..1 000 000, and no float dust ("0.30000000000000004", "−0").
import { superscript } from './superscript.ts';

/** The minus sign: U+2212, as wide as a plus, never the hyphen-minus. */
export const MINUS = '−';
/** U+202F NARROW NO-BREAK SPACE: the thin space between digit groups that never breaks a number across lines. */
export const GROUP_SEPARATOR = '\u202f';
/** Significant figures when a caller asks for none: what a measured or computed quantity honestly carries. */
export const DEFAULT_SIG_FIGS = 3;
/** The most significant figures any shown quantity carries (more reads as false precision). */
export const MAX_SIG_FIGS = 4;

export interface NumberFormat {
  /** Significant figures, 1..MAX_SIG_FIGS+ (default DEFAULT_SIG_FIGS). Ignored when `decimals` is given. */
  sigFigs?: number;
  /** A fixed count of decimals (for a quantity kept alike through a scene); still capped at `sigFigs` when both are given. */
  decimals?: number;
  /** Keep trailing zeros ("2.50"): true when decimals are fixed, so a column of values lines up; false otherwise. */
  keepZeros?: boolean;
  /** Use "× 10ⁿ" outside 0.001..1e6 (default true). */
  scientific?: boolean;
}

function groupThousands(intPart: string): string {
  if (intPart.length < 5) return intPart; // "2024", "1000": four digits stay together (SI, and years read right).
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP_SEPARATOR);
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** The exponent of the leading digit: 1234 → 3, 0.05 → -2. */
export function magnitude(x: number): number {
  return x === 0 ? 0 : Math.floor(Math.log10(Math.abs(x)));
}

/** Decimals that give `value` (the largest of a kind) `sigFigs` significant figures, never fewer than 0. */
export function decimalsFor(value: number, sigFigs = DEFAULT_SIG_FIGS): number {
  if (!Number.isFinite(value) || value === 0) return Math.max(0, sigFigs - 1);
  return Math.max(0, sigFigs - 1 - magnitude(Number(Math.abs(value).toPrecision(sigFigs))));
}

function withSign(negative: boolean, body: string): string {
  return negative && /[1-9]/.test(body) ? MINUS + body : body;
}

/**
 * A number for the screen: "3.14", "−0.5", "12 500", "1.5 × 10¹¹", "∞". Whole numbers under 10⁶ are shown whole
 * (counts and given values are exact); other values get `sigFigs` significant figures, or `decimals`.
 */
export function formatNumber(value: number, format: NumberFormat = {}): string {
  if (Number.isNaN(value)) return 'undefined';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : `${MINUS}∞`;
  const sigFigs = Math.max(1, Math.min(21, Math.round(format.sigFigs ?? DEFAULT_SIG_FIGS)));
  const abs = Math.abs(value);
  const scientific = format.scientific ?? true;
  if (scientific && abs !== 0 && (abs >= 1e6 || abs < 1e-3) && format.decimals === undefined) {
    const [m, e] = abs.toExponential(sigFigs - 1).split('e') as [string, string];
    const mantissa = format.keepZeros ? m : trimZeros(m);
    return withSign(value < 0, `${mantissa} × 10${superscript(String(Number(e)))}`);
  }
  let body: string;
  if (format.decimals !== undefined) {
    let decimals = Math.max(0, Math.min(20, Math.round(format.decimals)));
    // Never more significant figures than asked: a value larger than the kind's range drops decimals.
    if (format.sigFigs !== undefined && abs !== 0) decimals = Math.min(decimals, Math.max(0, sigFigs - 1 - magnitude(Number(abs.toPrecision(sigFigs)))));
    body = abs.toFixed(decimals);
    // With no decimals left, a value with more whole digits than figures asked is rounded to them ("10", not "11").
    if (format.sigFigs !== undefined && decimals === 0 && abs !== 0 && magnitude(Number(abs.toPrecision(sigFigs))) + 1 > sigFigs) body = Number(abs.toPrecision(sigFigs)).toFixed(0);
    if (format.keepZeros === false) body = trimZeros(body);
  } else if (Number.isInteger(abs)) {
    // A whole number under 10⁶ is a count or a value as given: shown whole, never rounded to "1230".
    body = abs.toFixed(0);
  } else {
    body = abs.toPrecision(sigFigs);
    // toPrecision writes large values in e-notation ("1.2e+3") when sig figs run out before the point.
    if (/e/.test(body)) body = Number(body).toFixed(0);
    if (!format.keepZeros) body = trimZeros(body);
  }
  const [intPart, frac] = body.split('.') as [string, string | undefined];
  return withSign(value < 0, groupThousands(intPart) + (frac !== undefined ? `.${frac}` : ''));
}

/** A whole count as shown ("15", "12 500", "−3"): exact, never rounded. */
export function formatInteger(value: number): string {
  return formatNumber(Math.round(value), { decimals: 0, scientific: false });
}

/**
 * Significant figures a shown number carries: "0.0352" → 3, "12 500" → 3, "2.50" → 3, "1.50 × 10¹¹" → 3.
 * Trailing zeros of a whole number are not counted (they may be placeholders). For the catalogue's checks.
 */
export function significantFigures(shown: string): number {
  const mantissa = shown.replace(/\s*×\s*10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+$/, '').replace(/[\u202f\u2009 ,−-]/g, '');
  const digits = mantissa.replace('.', '').replace(/^0+/, '');
  if (!mantissa.includes('.')) return Math.max(1, digits.replace(/0+$/, '').length);
  return Math.max(1, digits.length);
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A shown number as LaTeX for a formula MathJax draws: "−1.5 × 10⁻³" → "-1.5 \times 10^{-3}", groups as "\,". */
export function numberTex(shown: string): string {
  return shown
    .replace(/^−/, '-')
    .replace(/ × 10([⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)$/, (_m, e: string) => ` \\times 10^{${[...e].map((c) => (c === '⁻' ? '-' : String(SUPERSCRIPT_DIGITS.indexOf(c)))).join('')}}`)
    .replaceAll(GROUP_SEPARATOR, '\\,')
    .replace(/^∞$/, '\\infty')
    .replace(/^−∞$/, '-\\infty');
}
