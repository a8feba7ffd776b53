// The solving step of balancing, as a person does it on paper: set one coefficient to 1, then take an
// element's equation that has only one unknown left and solve it, again and again, and finally multiply
// every coefficient by the smallest number that clears the fractions. The reaction template shows each of
// these lines, so the answer is reached, not announced. When no such chain exists (the element equations
// must be solved together), it says so and the template shows the exact solution instead.
import { lcm, Rational } from './rational.ts';
import type { Balanced } from './reaction-balance.ts';

/** One line of the working: element row `row` gives unknown `unknown` the value `value`. */
export interface SolveLine {
  row: number;
  unknown: number;
  value: Rational;
}

export interface Solving {
  /** The coefficient set to 1 to start from (the most complex substance, as chemists do by hand). */
  start: number;
  lines: SolveLine[];
  /** What every coefficient is multiplied by to clear the fractions (1 when there are none). */
  scale: number;
}

/** Signed atom counts of one element row: reactants positive, products negative (their sum must be 0). */
function rowCounts(b: Balanced, element: string): number[] {
  const nR = b.reactants.length;
  return [...b.reactants, ...b.products].map((s, j) => (j < nR ? 1 : -1) * (element === 'charge' ? s.charge : (s.counts.get(element) ?? 0)));
}

function chainFrom(b: Balanced, start: number): Solving | undefined {
  const n = b.coefficients.length;
  const rows = b.elements.map((el) => rowCounts(b, el));
  const known = new Map<number, Rational>([[start, Rational.of(1)]]);
  const lines: SolveLine[] = [];
  const used = new Set<number>();
  while (known.size < n) {
    let progressed = false;
    for (let r = 0; r < rows.length && !progressed; r++) {
      if (used.has(r)) continue;
      const unknowns = rows[r]!.flatMap((c, j) => (c !== 0 && !known.has(j) ? [j] : []));
      if (unknowns.length !== 1) continue;
      const u = unknowns[0]!;
      // Σ cⱼxⱼ = 0 over the row: x_u = −(Σ over the known cⱼxⱼ) / c_u.
      const rest = rows[r]!.reduce((acc, c, j) => (j !== u && c !== 0 ? acc.add(Rational.of(c).mul(known.get(j)!)) : acc), Rational.of(0));
      const value = Rational.of(0).sub(rest).div(Rational.of(rows[r]![u]!));
      if (value.num <= 0n) return undefined;
      known.set(u, value);
      lines.push({ row: r, unknown: u, value });
      used.add(r);
      progressed = true;
    }
    if (!progressed) return undefined;
  }
  const scale = [...known.values()].reduce((acc, v) => lcm(acc, v.den), 1n);
  const whole = Array.from({ length: n }, (_, j) => known.get(j)!.mul(new Rational(scale)));
  // Only a chain that reaches the balancer's own answer is shown (an ambiguous equation may reach another).
  if (!whole.every((v, j) => v.den === 1n && Number(v.num) === b.coefficients[j])) return undefined;
  return { start, lines, scale: Number(scale) };
}

/** The substitution chain for a balanced equation, or undefined when the equations must be solved together. */
export function solvingChain(b: Balanced): Solving | undefined {
  const species = [...b.reactants, ...b.products];
  const atoms = (j: number) => [...species[j]!.counts.values()].reduce((a, c) => a + c, 0);
  // The most complex substance first (the usual hand method), then the others in turn.
  const order = species.map((_, j) => j).sort((p, q) => atoms(q) - atoms(p) || p - q);
  for (const start of order) {
    const chain = chainFrom(b, start);
    if (chain) return chain;
  }
  return undefined;
}

/** A fraction as LaTeX (\tfrac{1}{2}) or a whole number. */
export function rationalLatex(v: Rational): string {
  return v.den === 1n ? String(v.num) : `\\tfrac{${v.num}}{${v.den}}`;
}

/** A fraction for a caption: "1/2" or "3". */
export function rationalText(v: Rational): string {
  return v.toString();
}
