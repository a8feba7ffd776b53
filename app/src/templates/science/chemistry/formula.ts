// Chemical formulas: parsing ("Ca(OH)2", "CuSO4·5H2O", "SO4^2-", "Fe^{3+}", "e-"), element counts,
// Hill notation, molar mass and LaTeX for display.
import { elementBySymbol } from './elements.ts';

export type ElementCounts = Map<string, number>;

export interface ParsedFormula {
  counts: ElementCounts;
  /** Net charge in elementary charges (0 for neutral species). */
  charge: number;
}

export class FormulaError extends Error {
  override name = 'FormulaError';
}

function addCounts(into: ElementCounts, from: ElementCounts, times: number): void {
  for (const [el, n] of from) into.set(el, (into.get(el) ?? 0) + n * times);
}

/** Splits a trailing charge off: "SO4^2-" → ["SO4", -2], "Na+" → ["Na", 1], "Fe^{3+}" → ["Fe", 3]. */
function splitCharge(text: string): [string, number] {
  const caret = /\^\{?(\d*)([+-])\}?$/.exec(text);
  if (caret) return [text.slice(0, caret.index), (caret[2] === '-' ? -1 : 1) * (caret[1] ? Number(caret[1]) : 1)];
  const signs = /([+-]+)$/.exec(text);
  if (signs && signs.index > 0) {
    const s = signs[1]!;
    if (/^(\+)+$|^(-)+$/.test(s)) return [text.slice(0, signs.index), (s[0] === '-' ? -1 : 1) * s.length];
  }
  return [text, 0];
}

/** Parses one species. Throws FormulaError with a reason a person can act on. */
export function parseFormula(input: string): ParsedFormula {
  const text = input.replace(/\s+/g, '').replace(/[₀-₉]/g, (d) => String(d.charCodeAt(0) - 0x2080));
  if (!text) throw new FormulaError('empty formula');
  if (/^e-?$|^e\^?\{?-\}?$/.test(text)) return { counts: new Map(), charge: -1 };
  const [body, charge] = splitCharge(text);
  const counts: ElementCounts = new Map();
  // Hydrates and adducts: "CuSO4·5H2O" = CuSO4 + 5 H2O.
  for (const [i, partText] of body.split(/[·•*.]/).entries()) {
    const m = /^(\d*)(.*)$/.exec(partText)!;
    if (!m[2]) throw new FormulaError(`"${input}" has an empty part`);
    if (i === 0 && m[1]) throw new FormulaError(`"${input}" starts with a number: write the coefficient apart ("2 H2O")`);
    addCounts(counts, parseGroup(m[2], input), m[1] ? Number(m[1]) : 1);
  }
  return { counts, charge };
}

function parseGroup(text: string, whole: string): ElementCounts {
  const stack: ElementCounts[] = [new Map<string, number>()];
  const closers: string[] = [];
  let i = 0;
  const readCount = (): number => {
    const m = /^\d+/.exec(text.slice(i));
    if (!m) return 1;
    i += m[0].length;
    return Number(m[0]);
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '(' || c === '[' || c === '{') {
      stack.push(new Map());
      closers.push(c === '(' ? ')' : c === '[' ? ']' : '}');
      i++;
    } else if (c === ')' || c === ']' || c === '}') {
      if (closers.pop() !== c) throw new FormulaError(`unbalanced "${c}" in "${whole}"`);
      i++;
      const group = stack.pop()!;
      addCounts(stack[stack.length - 1]!, group, readCount());
    } else if (/[A-Z]/.test(c)) {
      const m = /^[A-Z][a-z]?/.exec(text.slice(i))!;
      // "Co" is cobalt, but "CO" is carbon + oxygen; a lower-case letter only joins when it makes an element.
      let symbol = m[0];
      if (symbol.length === 2 && !elementBySymbol(symbol)) symbol = symbol[0]!;
      if (!elementBySymbol(symbol)) throw new FormulaError(`"${symbol}" in "${whole}" is not an element symbol`);
      i += symbol.length;
      const top = stack[stack.length - 1]!;
      top.set(symbol, (top.get(symbol) ?? 0) + readCount());
    } else {
      throw new FormulaError(`unexpected "${c}" in "${whole}"`);
    }
  }
  if (closers.length) throw new FormulaError(`missing "${closers[closers.length - 1]}" in "${whole}"`);
  const counts = stack[0]!;
  if (counts.size === 0) throw new FormulaError(`no elements in "${whole}"`);
  return counts;
}

/** Hill order: C first, then H, then the rest alphabetically; without carbon, all alphabetically. */
export function hillOrder(counts: ElementCounts): [string, number][] {
  const entries = [...counts].filter(([, n]) => n > 0);
  const hasCarbon = counts.has('C');
  const rank = (el: string) => (hasCarbon ? (el === 'C' ? 0 : el === 'H' ? 1 : 2) : 2);
  return entries.sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** "C8H10N4O2" */
export function hillFormula(counts: ElementCounts): string {
  return hillOrder(counts)
    .map(([el, n]) => (n === 1 ? el : `${el}${n}`))
    .join('');
}

/** Hill formula of a list of atomic symbols (one per atom). */
export function countSymbols(symbols: Iterable<string>): ElementCounts {
  const counts: ElementCounts = new Map();
  for (const s of symbols) counts.set(s, (counts.get(s) ?? 0) + 1);
  return counts;
}

/** Sum of standard atomic weights, g/mol. */
export function molarMass(counts: ElementCounts): number {
  let total = 0;
  for (const [el, n] of counts) {
    const element = elementBySymbol(el);
    if (!element) throw new FormulaError(`unknown element ${el}`);
    total += element.mass * n;
  }
  return total;
}

/** True when both formulas hold the same atoms ("NaCl" and "ClNa", "C2H5OH" and "C2H6O"). */
export function sameComposition(a: ElementCounts, b: ElementCounts): boolean {
  const strip = (m: ElementCounts) => [...m].filter(([, n]) => n > 0);
  const aa = strip(a);
  return aa.length === strip(b).length && aa.every(([el, n]) => b.get(el) === n);
}

function latexCharge(charge: number): string {
  if (charge === 0) return '';
  const sign = charge > 0 ? '+' : '-';
  return `^{${Math.abs(charge) === 1 ? '' : Math.abs(charge)}${sign}}`;
}

/**
 * LaTeX of a formula as written ("Ca(OH)2" → \mathrm{Ca}(\mathrm{OH})_{2}): digits after an element or a
 * closing bracket become subscripts; a hydrate's coefficient stays inline ("CuSO4·5H2O").
 */
export function formulaLatex(written: string): string {
  const text = written.replace(/\s+/g, '');
  if (/^e-?$/.test(text)) return '\\mathrm{e}^{-}';
  const [body, charge] = splitCharge(text);
  const parts = body.split(/[·•*.]/).map((part, i) => {
    let out = '';
    for (const token of part.match(/[A-Z][a-z]?|\d+|[()[\]{}]|./g) ?? []) {
      if (/^\d+$/.test(token)) out += i > 0 && out === '' ? token : `_{${token}}`;
      else if (/^[A-Za-z]+$/.test(token)) out += `\\mathrm{${token}}`;
      else out += token === '{' ? '(' : token === '}' ? ')' : token;
    }
    return out;
  });
  return parts.join('\\cdot ') + latexCharge(charge);
}
