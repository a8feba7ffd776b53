// What a plotted quadratic teaches beyond its roots: the vertex (its lowest or highest point, at x = −b/2a)
// and the factored form a(x − r₁)(x − r₂), whose factors vanish at the roots. The function plot recognises a
// quadratic by its values (any formula that equals ax² + bx + c everywhere, however it was written).
import { MINUS } from '../format/index.ts';
import { fmt } from './chart.ts';
import type { Formula } from './expression.ts';

export interface Quadratic {
  a: number;
  b: number;
  c: number;
  vertex: [number, number];
  /** Real roots, smallest first; one value for a double root; empty when b² − 4ac < 0. */
  roots: number[];
  discriminant: number;
}

/** Where the formula is checked against its fitted ax² + bx + c (spread, and off the fitting points). */
const CHECK_AT = [-7.3, -2.6, 0.5, 1.7, 3.1, 9.4];

/** The formula as ax² + bx + c when it is one (a ≠ 0), from its values at −1, 0, 1, checked elsewhere. */
export function quadraticOf(f: Formula): Quadratic | undefined {
  const [m, z, p] = [f.evaluate(-1), f.evaluate(0), f.evaluate(1)];
  if (m === null || z === null || p === null) return undefined;
  const c = z;
  const a = (p + m) / 2 - c;
  const b = (p - m) / 2;
  const scale = Math.max(Math.abs(a), Math.abs(b), Math.abs(c), 1e-12);
  if (Math.abs(a) < 1e-9 * scale) return undefined;
  for (const x of CHECK_AT) {
    const y = f.evaluate(x);
    const want = a * x * x + b * x + c;
    if (y === null || Math.abs(y - want) > 1e-9 * Math.max(1, Math.abs(want), scale * x * x)) return undefined;
  }
  const clean = (v: number) => (Math.abs(v - Math.round(v)) < 1e-9 ? Math.round(v) : v);
  const [A, B, C] = [clean(a), clean(b), clean(c)];
  const discriminant = clean(B * B - 4 * A * C);
  const xv = clean(-B / (2 * A));
  const vertex: [number, number] = [xv === 0 ? 0 : xv, clean(A * xv * xv + B * xv + C)];
  let roots: number[] = [];
  if (discriminant === 0) roots = [xv];
  else if (discriminant > 0) {
    const s = Math.sqrt(discriminant);
    roots = [clean((-B - s) / (2 * A)), clean((-B + s) / (2 * A))].sort((x, y) => x - y);
  }
  return { a: A, b: B, c: C, vertex, roots, discriminant };
}

/** Whether every root is a whole number or a short decimal, so the factored form is exact. */
function exactRoots(q: Quadratic): boolean {
  return q.roots.every((r) => Math.abs(r * 100 - Math.round(r * 100)) < 1e-9);
}

/** "x − 2", "x + 2", "x": a factor that is zero at r. `minus` is the sign to write (U+2212 or LaTeX's -). */
function factor(r: number, minus: string): string {
  if (r === 0) return 'x';
  return r > 0 ? `x ${minus} ${fmt(r)}` : `x + ${fmt(-r).replace(MINUS, '')}`;
}

function lead(a: number, minus: string): string {
  if (a === 1) return '';
  if (a === -1) return minus;
  return fmt(a).replace(MINUS, minus);
}

/** The factored form, "y = (x + 2)(x − 2)", or undefined without real roots; `tex` for MathJax. */
export function factoredForm(q: Quadratic, tex = false): string | undefined {
  if (!q.roots.length) return undefined;
  const minus = tex ? '-' : MINUS;
  const eq = exactRoots(q) ? '=' : tex ? '\\approx' : '≈';
  const wrap = (r: number) => (r === 0 && q.roots.length === 2 ? 'x' : `(${factor(r, minus)})`);
  const body = q.roots.length === 1 ? `(${factor(q.roots[0]!, minus)})${tex ? '^2' : '²'}` : q.roots.map(wrap).join(tex ? '\\,' : '');
  return `y ${eq} ${lead(q.a, minus)}${body}`;
}

/** "(0, −4)" */
export function point([x, y]: [number, number]): string {
  return `(${fmt(x)}, ${fmt(y)})`;
}
