// Exact fractions on BigInt, for solving the coefficient matrix of a chemical equation without
// floating-point error (coefficients must come out as exact whole numbers).

export class Rational {
  readonly num: bigint;
  readonly den: bigint;

  constructor(num: bigint, den: bigint = 1n) {
    if (den === 0n) throw new RangeError('division by zero');
    const sign = den < 0n ? -1n : 1n;
    const g = gcd(num < 0n ? -num : num, den < 0n ? -den : den) || 1n;
    this.num = (sign * num) / g;
    this.den = (sign * den) / g;
  }

  static of(n: number): Rational {
    return new Rational(BigInt(n));
  }

  add(o: Rational): Rational {
    return new Rational(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Rational): Rational {
    return new Rational(this.num * o.den - o.num * this.den, this.den * o.den);
  }
  mul(o: Rational): Rational {
    return new Rational(this.num * o.num, this.den * o.den);
  }
  div(o: Rational): Rational {
    return new Rational(this.num * o.den, this.den * o.num);
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  toString(): string {
    return this.den === 1n ? String(this.num) : `${this.num}/${this.den}`;
  }
}

export function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

export function lcm(a: bigint, b: bigint): bigint {
  return a === 0n || b === 0n ? 0n : (a / gcd(a, b)) * b;
}

/** Basis of the null space of a matrix (rows × cols) by exact Gauss-Jordan elimination. */
export function nullSpace(matrix: number[][], cols: number): Rational[][] {
  const m = matrix.map((row) => row.map((n) => Rational.of(n)));
  const pivotCols: number[] = [];
  let r = 0;
  for (let c = 0; c < cols && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && !row[c]!.isZero());
    if (p < 0) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    const pivot = m[r]![c]!;
    m[r] = m[r]!.map((v) => v.div(pivot));
    for (let i = 0; i < m.length; i++) {
      if (i === r || m[i]![c]!.isZero()) continue;
      const f = m[i]![c]!;
      m[i] = m[i]!.map((v, j) => v.sub(f.mul(m[r]![j]!)));
    }
    pivotCols.push(c);
    r++;
  }
  const free = [...Array(cols).keys()].filter((c) => !pivotCols.includes(c));
  return free.map((f) => {
    const v = Array.from({ length: cols }, () => Rational.of(0));
    v[f] = Rational.of(1);
    pivotCols.forEach((pc, row) => {
      v[pc] = m[row]![f]!.mul(Rational.of(-1));
    });
    return v;
  });
}

/** The smallest whole-number multiple of a rational vector (sign kept). */
export function toIntegers(v: Rational[]): bigint[] {
  const den = v.reduce((acc, x) => lcm(acc, x.den), 1n);
  const ints = v.map((x) => (x.num * den) / x.den);
  const g = ints.reduce((acc, x) => gcd(acc, x), 0n) || 1n;
  return ints.map((x) => x / g);
}
