// The description as the analyser sees it: the original, a normalised form for matching, and
// helpers that pull out numbers, lists, quantities with units, angles, ranges and equations.
// Everything here is deterministic and offline.

export interface ParsedText {
  /** As typed (control characters removed, length already checked). */
  original: string;
  /** Lower case, typos corrected, punctuation spaced, single spaces. For triggers. */
  normalized: string;
  /** Words of the original that a template used (reported so the UI can highlight them). */
  used: Set<string>;
}

const NUMBER = String.raw`[-+−]?(?:\d+(?:\.\d+)?|\.\d+)(?:e[-+]?\d+)?`;
export const NUMBER_RE = new RegExp(NUMBER, 'i');

export function toNumber(s: string): number {
  return Number(s.replace('−', '-').replace(/^\+/, ''));
}

/** Every number in the text, in order (words like "three" are not numbers here; see wordNumber). */
export function numbers(text: string): number[] {
  const out: number[] = [];
  // A number glued to letters (H2O, Q1, x2) is not a value.
  const re = new RegExp(String.raw`(?<![A-Za-z_\d.])${NUMBER}(?![A-Za-z_\d])`, 'gi');
  for (const m of text.matchAll(re)) {
    const n = toNumber(m[0]);
    if (Number.isFinite(n)) out.push(n);
  }
  return out;
}

/**
 * The longest list of numbers written as a list: "5 3 8 1", "5, 3, 8 and 1", "[12, 11, 13]", "(2; 4; 6)".
 * Returns [] when no run of at least `min` numbers is found.
 */
export function numberList(text: string, min = 2): number[] {
  const bracketed = [...text.matchAll(/[[(]([^[\]()]*)[\])]/g)]
    .map((m) => numbers(m[1]!))
    .filter((l) => l.length >= min)
    .sort((a, b) => b.length - a.length)[0];
  if (bracketed) return bracketed;
  const sep = String.raw`(?:\s*[,;]\s*(?:and\s+)?|\s+and\s+|\s+)`;
  const run = new RegExp(String.raw`(?<![\w.])${NUMBER}(?:${sep}${NUMBER})+(?![\w.])`, 'gi');
  let best: number[] = [];
  for (const m of text.matchAll(run)) {
    const list = numbers(m[0]);
    if (list.length > best.length) best = list;
  }
  return best.length >= min ? best : [];
}

const WORD_NUMBERS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  single: 1,
  pair: 2,
  couple: 2,
  dozen: 12,
};

/** "three" → 3; digits pass through; anything else → undefined. */
export function wordNumber(word: string): number | undefined {
  const w = word.toLowerCase();
  if (w in WORD_NUMBERS) return WORD_NUMBERS[w];
  const n = Number(w);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A quantity written with one of the given units: quantity("20 m/s", ["m/s", "meters per second"]).
 * Units are matched case-insensitively after the number, with or without a space.
 */
export function quantity(text: string, units: string[]): number | undefined {
  const alternatives = units
    .map((u) => u.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .sort((a, b) => b.length - a.length)
    .join('|');
  const re = new RegExp(String.raw`(${NUMBER})\s*(?:${alternatives})(?![A-Za-z])`, 'i');
  const m = re.exec(text);
  return m ? toNumber(m[1]!) : undefined;
}

/** A value after a name: "a = 3", "length of 2", "k: 50", "mass 2". */
export function namedValue(text: string, names: string[]): number | undefined {
  const alternatives = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const re = new RegExp(String.raw`(?<![A-Za-z])(?:${alternatives})\s*(?:=|:|of|is|equals|equal to)?\s*(${NUMBER})`, 'i');
  const m = re.exec(text);
  return m ? toNumber(m[1]!) : undefined;
}

/** An angle in degrees from "45°", "45 degrees", "45 deg", "pi/4 rad", "0.785 radians", "π/3". */
export function angleDegrees(text: string): number | undefined {
  const deg = /(-?\d+(?:\.\d+)?)\s*(?:°|º|degrees?\b|degs?\b)/i.exec(text);
  if (deg) return Number(deg[1]);
  const piFrac = /(\d+(?:\.\d+)?)?\s*(?:\*\s*)?(?:pi|π)\s*(?:\/\s*(\d+(?:\.\d+)?))?\s*(?:rad(?:ians?)?\b)?/i.exec(text);
  if (piFrac && /(?:pi|π)/i.test(piFrac[0])) {
    const k = piFrac[1] ? Number(piFrac[1]) : 1;
    const d = piFrac[2] ? Number(piFrac[2]) : 1;
    return (k / d) * 180;
  }
  const rad = /(-?\d+(?:\.\d+)?)\s*(?:rad(?:ians?)?)\b/i.exec(text);
  if (rad) return (Number(rad[1]) * 180) / Math.PI;
  return undefined;
}

/** "from -2 to 5", "between 0 and 3", "x in [-3, 3]", "-3 to 3", "0..10". */
export function numericRange(text: string): [number, number] | undefined {
  const patterns = [
    new RegExp(String.raw`from\s+(${NUMBER})\s+(?:to|until|through)\s+(${NUMBER})`, 'i'),
    new RegExp(String.raw`between\s+(${NUMBER})\s+and\s+(${NUMBER})`, 'i'),
    new RegExp(String.raw`(?:in|on|over)\s*\[\s*(${NUMBER})\s*,\s*(${NUMBER})\s*\]`, 'i'),
    new RegExp(String.raw`(${NUMBER})\s*(?:\.\.|to)\s*(${NUMBER})`, 'i'),
  ];
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) {
      const a = toNumber(m[1]!);
      const b = toNumber(m[2]!);
      if (Number.isFinite(a) && Number.isFinite(b) && a !== b) return a < b ? [a, b] : [b, a];
    }
  }
  return undefined;
}

/** Items of a written list: "detect, triage, contain and recover" / "steps: a; b; c" / "1. a 2. b". */
export function itemList(text: string): string[] {
  const afterColon = text.includes(':') ? text.slice(text.indexOf(':') + 1) : text;
  return afterColon
    .split(/\s*(?:,|;|\n|\s+->\s+|\s+→\s+|\s+then\s+|,?\s+and\s+(?=[^,]*$))\s*/i)
    .map((s) =>
      s
        .replace(/^\s*(?:\d+[.)]|[-*•])\s*/, '')
        .replace(/[.!?]+$/, '')
        .trim(),
    )
    .filter(Boolean);
}

// Control characters but tab, newline and carriage return; zero-width characters, line and paragraph separators, BOM.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const UNWANTED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u2028\u2029\uFEFF]/g;

/** Removes control characters (keeping newlines and tabs as spaces) and trims. */
export function sanitize(text: string): string {
  return text
    .replace(UNWANTED, '')
    .replace(/[\t\r]/g, ' ')
    .trim();
}
