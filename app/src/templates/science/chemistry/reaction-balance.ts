// Chemical equations: parsing ("H2 + O2 -> H2O", "→" or "=", states like (g), ions like Fe^3+,
// names like "hydrogen + oxygen -> water") and balancing by the exact null space of the
// element-by-species matrix: reactant columns count positive, product columns negative.
import { elementBySymbol, findElement } from './elements.ts';
import { parseFormula, type ElementCounts } from './formula.ts';
import { moleculeNamed } from './molecule-lookup.ts';
import { nullSpace, Rational, toIntegers } from './rational.ts';

export interface Species {
  /** The formula as written (user's coefficient removed), e.g. "Ca(OH)2". */
  formula: string;
  /** State symbol as written: "g", "l", "s", "aq". */
  state?: string;
  counts: ElementCounts;
  charge: number;
}

export interface ParsedEquation {
  reactants: Species[];
  products: Species[];
}

export interface Balanced extends ParsedEquation {
  /** Whole-number coefficients, reactants then products. */
  coefficients: number[];
  /** "2H2 + O2 -> 2H2O" */
  balanced: string;
  /** Elements in order of first appearance, and "charge" when ions take part. */
  elements: string[];
  /** True when the equation has several independent balancings and the smallest was chosen. */
  ambiguous: boolean;
}

export class ReactionError extends Error {
  override name = 'ReactionError';
}

export const ARROW = /\s*(?:<=>|<->|⇌|->|→|⟶|=>|⇒|=)\s*/;
const MAX_SPECIES = 8;
const DIATOMIC = new Set(['H', 'N', 'O', 'F', 'Cl', 'Br', 'I']);

/** "water" → "H2O", "oxygen" → "O2", "sodium" → "Na"; formulas written the way chemists write them. */
export function formulaForName(name: string): string | undefined {
  const entry = moleculeNamed(name);
  if (entry) return entry.synonyms.find((s) => /^[A-Z]/.test(s) && /\d|[A-Z].*[A-Z]/.test(s) && !/\s/.test(s) && isFormula(s)) ?? entry.formula;
  const element = findElement(name);
  if (element && element.name.toLowerCase() === name.trim().toLowerCase().replace('aluminum', 'aluminium').replace('sulphur', 'sulfur')) {
    return DIATOMIC.has(element.symbol) ? `${element.symbol}2` : element.symbol;
  }
  return undefined;
}

function isFormula(text: string): boolean {
  try {
    parseFormula(text);
    return true;
  } catch {
    return false;
  }
}

/** One species: coefficient and state stripped, names turned into formulas. */
export function parseSpecies(text: string): Species {
  let t = text.trim().replace(/\s+/g, ' ');
  const stateMatch = /\s*\((s|l|g|aq)\)$/i.exec(t);
  const state = stateMatch?.[1]?.toLowerCase();
  if (stateMatch) t = t.slice(0, stateMatch.index);
  t = t.replace(/^\d+\s*(?=[A-Z([])/, '').replace(/^\d+\s+(?=[a-z])/, '');
  if (!t) throw new ReactionError(`empty species in "${text}"`);
  let formula = t;
  if (!isFormula(t)) {
    const named = formulaForName(t);
    if (!named) throw new ReactionError(`"${t}" is neither a formula nor a substance I know`);
    formula = named;
  }
  const parsed = parseFormula(formula);
  return { formula, ...(state ? { state } : {}), counts: parsed.counts, charge: parsed.charge };
}

/** Splits one side at its "+" signs, telling them from charges ("Na+ + Cl-", "H2+O2"). */
export function splitSide(side: string): string[] {
  return side
    .split(/\s+\+\s+|(?<=[A-Za-z0-9)\]])\+(?=[A-Z([\d])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function parseEquation(text: string): ParsedEquation {
  const sides = text.split(ARROW);
  if (sides.length !== 2) throw new ReactionError(sides.length < 2 ? `no arrow in "${text}": write it as "A + B -> C" (→ and = work too)` : `"${text}" has more than one arrow`);
  const reactants = splitSide(sides[0]!).map(parseSpecies);
  const products = splitSide(sides[1]!).map(parseSpecies);
  if (!reactants.length || !products.length) throw new ReactionError(`"${text}" needs substances on both sides of the arrow`);
  if (reactants.length + products.length > MAX_SPECIES) throw new ReactionError(`"${text}" has ${reactants.length + products.length} substances; at most ${MAX_SPECIES} fit on screen`);
  return { reactants, products };
}

function format(species: Species, coefficient: number): string {
  return `${coefficient === 1 ? '' : coefficient}${species.formula}${species.state ? `(${species.state})` : ''}`;
}

/** Every element of the equation, in order of first appearance. */
function elementsOf(eq: ParsedEquation): string[] {
  const out: string[] = [];
  for (const s of [...eq.reactants, ...eq.products]) for (const el of s.counts.keys()) if (!out.includes(el)) out.push(el);
  return out;
}

/** Balances an equation exactly; throws ReactionError saying why when it cannot be balanced. */
export function balanceEquation(text: string): Balanced {
  const eq = parseEquation(text);
  const species = [...eq.reactants, ...eq.products];
  const n = species.length;
  const elements = elementsOf(eq);
  const hasCharge = species.some((s) => s.charge !== 0);
  const rows = elements.map((el) => species.map((s, j) => (j < eq.reactants.length ? 1 : -1) * (s.counts.get(el) ?? 0)));
  if (hasCharge) rows.push(species.map((s, j) => (j < eq.reactants.length ? 1 : -1) * s.charge));
  for (const el of elements) {
    const left = eq.reactants.some((s) => s.counts.has(el));
    const right = eq.products.some((s) => s.counts.has(el));
    if (left !== right) throw new ReactionError(`${elementBySymbol(el)?.name ?? el} (${el}) appears only on the ${left ? 'left' : 'right'} side, so no coefficients can balance it`);
  }
  const basis = nullSpace(rows, n);
  if (basis.length === 0) throw new ReactionError(`"${text}" cannot be balanced: no positive coefficients make every element match`);
  let best: bigint[] | undefined;
  if (basis.length === 1) {
    best = toIntegers(basis[0]!);
    if (best.every((c) => c <= 0n)) best = best.map((c) => -c);
  } else {
    // Several independent balancings (the equation mixes separate reactions): take the all-positive
    // combination of small multiples with the smallest coefficients.
    const range = [-3, -2, -1, 0, 1, 2, 3];
    const combos = basis.length <= 3 ? cartesian(basis.length, range) : [];
    for (const ks of combos) {
      const v = Array.from({ length: n }, (_, j) => basis.reduce((acc, b, i) => acc.add(b[j]!.mul(Rational.of(ks[i]!))), Rational.of(0)));
      if (!v.every((x) => x.num > 0n)) continue;
      const ints = toIntegers(v);
      const sum = ints.reduce((a, b) => a + b, 0n);
      if (!best || sum < best.reduce((a, b) => a + b, 0n)) best = ints;
    }
  }
  if (!best || !best.every((c) => c > 0n)) {
    const zero = best ? species.filter((_, j) => best![j]! <= 0n).map((s) => s.formula) : [];
    throw new ReactionError(zero.length ? `"${text}" cannot be balanced as written: ${zero.join(', ')} would need a zero or negative coefficient (is it on the wrong side?)` : `"${text}" cannot be balanced with positive coefficients`);
  }
  if (best.some((c) => c > 1_000_000n)) throw new ReactionError(`"${text}" needs coefficients over a million; check the formulas`);
  const coefficients = best.map(Number);
  const side = (list: Species[], offset: number) => list.map((s, i) => format(s, coefficients[offset + i]!)).join(' + ');
  return {
    ...eq,
    coefficients,
    balanced: `${side(eq.reactants, 0)} -> ${side(eq.products, eq.reactants.length)}`,
    elements: hasCharge ? [...elements, 'charge'] : elements,
    ambiguous: basis.length > 1,
  };
}

function cartesian(k: number, values: number[]): number[][] {
  let out: number[][] = [[]];
  for (let i = 0; i < k; i++) out = out.flatMap((prefix) => values.map((v) => [...prefix, v]));
  return out.filter((ks) => ks.some((v) => v !== 0));
}

/** How many atoms of an element (or how much charge) one side holds with the given coefficients. */
export function sideTotal(list: Species[], coefficients: number[], element: string): number {
  return list.reduce((acc, s, i) => acc + coefficients[i]! * (element === 'charge' ? s.charge : (s.counts.get(element) ?? 0)), 0);
}
