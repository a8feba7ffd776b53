// Euclid's gcd and Pascal's triangle: facts checked against independent values (trial division, the
// product rule for the lcm, Lamé's worst case, binomial coefficients by factorials, row sums 2ⁿ), the
// phrasings people type, and what the scenes narrate.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { euclid, gcdParams } from '../../src/templates/algorithms/number-gcd.ts';
import { MAX_PASCAL_ROWS, pascalParams, pascalRows } from '../../src/templates/algorithms/number-pascal.ts';

const SIZE = { width: 1280, height: 720, fps: 30 };

/** The greatest common divisor by trial: the largest d dividing both. */
function trialGcd(a: number, b: number): number {
  for (let d = Math.min(a, b); d > 1; d--) if (a % d === 0 && b % d === 0) return d;
  return 1;
}

test('gcd: Euclid agrees with trial division, and every division line is a = q·b + r with 0 ≤ r < b', (t) => {
  for (let a = 1; a <= 60; a++)
    for (let b = 1; b <= 60; b += 7) {
      const { gcd, steps } = euclid(a, b);
      t.is(gcd, trialGcd(a, b), `${a}, ${b}`);
      for (const d of steps) {
        t.is(d.a, d.q * d.b + d.r);
        t.true(d.r >= 0 && d.r < d.b);
      }
      t.is(steps.at(-1)!.r, 0);
    }
});

test('gcd: the textbook runs (Wikipedia 1071 and 462, 48 and 18) and the lcm from a·b = gcd·lcm', (t) => {
  t.deepEqual(euclid(1071, 462).steps, [
    { a: 1071, b: 462, q: 2, r: 147 },
    { a: 462, b: 147, q: 3, r: 21 },
    { a: 147, b: 21, q: 7, r: 0 },
  ]);
  t.deepEqual(
    euclid(18, 48).steps.map((d) => [d.a, d.q, d.b, d.r]),
    [
      [48, 2, 18, 12],
      [18, 1, 12, 6],
      [12, 2, 6, 0],
    ],
  );
  const a = analyze('Euclidean algorithm for the gcd of 1071 and 462');
  t.is(a.template, 'number.gcd');
  t.like(a.facts, { gcd: 21, lcm: 23562 });
  t.is((a.facts.lcm as number) * (a.facts.gcd as number), 1071 * 462);
});

test("gcd: consecutive Fibonacci numbers are Lamé's worst case, one division per step down the sequence", (t) => {
  const fib = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181, 6765, 10946];
  for (let k = 2; k < fib.length; k++) t.is(euclid(fib[k]!, fib[k - 1]!).steps.length, k, `gcd(${fib[k]}, ${fib[k - 1]})`);
  // A long run still composes: the equations show the first and last lines around a gap.
  const { scene } = sceneFromDescription('gcd of 10946 and 6765', SIZE);
  t.true(scene.objects.some((o) => o.id === 'eqGap'));
  t.true(scene.narration.steps.some((s) => /more divisions the same way, down to remainder 0: the gcd is 1\./.test(s.text)));
});

test('gcd: the phrasings people type, params read and limits that say what to do', (t) => {
  const cases: [string, number, number][] = [
    ['HCF of 12 and 30', 12, 30],
    ['Find the highest common factor of 84 and 36 using Euclid', 84, 36],
    ['greatest common divisor 252, 105', 252, 105],
    ["Euclid's algorithm 270 192", 270, 192],
    ['GCF(24, 60) worked example', 24, 60],
    ['Year 8 maths: find the HCF of 36 and 60', 36, 60],
  ];
  for (const [text, a, b] of cases) {
    const r = analyze(text);
    t.is(r.template, 'number.gcd', text);
    t.deepEqual(r.params, { a, b }, text);
  }
  const three = analyze('gcd of 12, 18 and 24');
  t.true(three.warnings.some((w) => w.includes('first two')));
  t.not(analyze('Euclidean distance between two points').template, 'number.gcd');
  t.not(analyze('Euclid geometry postulates').template, 'number.gcd');
  t.not(analyze('Extended Euclidean algorithm for the modular inverse of 3 mod 11').template, 'number.gcd');
  t.regex(gcdParams.safeParse({ a: 0, b: 4 }).error!.issues[0]!.message, /from 1 up/);
  t.regex(gcdParams.safeParse({ a: 2.5, b: 4 }).error!.issues[0]!.message, /whole numbers/);
  t.regex(gcdParams.safeParse({ a: 2_000_000, b: 4 }).error!.issues[0]!.message, /up to 1000000/);
});

test('gcd scene: a line and squares per division, one band when q is large, the gcd and lcm at the end', (t) => {
  const { scene } = sceneFromDescription('gcd of 48 and 18', SIZE);
  const texts = scene.narration.steps.map((s) => s.text);
  t.true(texts.includes('48 = 2 × 18 + 12: 2 squares of side 18, 12 left over.'));
  t.true(texts.includes('12 = 2 × 6 + 0: no remainder, so the gcd is 6.'));
  t.regex(texts.at(-1)!, /gcd\(48, 18\) = 6.*lcm is 48 × 18 ÷ 6 = 144/);
  // 100 = 33 × 3 + 1: thirty-three squares are drawn as one band; a 1 000 000 × 1 rectangle is too thin to draw squares in.
  const many = sceneFromDescription('gcd of 100 and 3', SIZE).scene;
  t.deepEqual(
    many.objects.filter((o) => o.id.startsWith('sq0_')).map((o) => o.id),
    ['sq0_band'],
  );
  const thin = sceneFromDescription('gcd of 1000000 and 1', SIZE).scene;
  t.is(thin.objects.filter((o) => o.id.startsWith('sq')).length, 0);
  t.true(thin.narration.steps.some((s) => s.text.includes('no remainder, so the gcd is 1')));
});

/** C(n, k) by factorials (exact for the rows drawn). */
function binomial(n: number, k: number): number {
  const f = (m: number): number => (m <= 1 ? 1 : m * f(m - 1));
  return f(n) / (f(k) * f(n - k));
}

test("Pascal's triangle: row k holds C(k, j) by factorials, is symmetric, and adds up to 2ᵏ", (t) => {
  const rows = pascalRows(MAX_PASCAL_ROWS);
  t.is(rows.length, 12);
  rows.forEach((row, k) => {
    t.deepEqual(
      row,
      row.map((_, j) => binomial(k, j)),
      `row ${k}`,
    );
    t.deepEqual(row, [...row].reverse());
    t.is(
      row.reduce((a, b) => a + b, 0),
      2 ** k,
    );
  });
  t.deepEqual(rows[4], [1, 4, 6, 4, 1]);
  t.is(rows[11]![5], 462);
  t.deepEqual(analyze("Pascal's triangle with 7 rows").facts.row_sums, [1, 2, 4, 8, 16, 32, 64]);
});

test("Pascal's triangle: rows are read as people write them, clamped with a warning, and a binomial expansion or Pascal's law is not it", (t) => {
  const cases: [string, number][] = [
    ["Pascal's triangle first 6 rows", 6],
    ['pascals triangle up to row 10', 11],
    ['Draw Pascal’s triangle with eight rows for year 7', 8],
    ['pascal triangle rows 0 to 4', 5],
    ["Pascal's triangle", 6],
  ];
  for (const [text, rows] of cases) {
    const a = analyze(text);
    t.is(a.template, 'number.pascal_triangle', text);
    t.is(a.params.rows, rows, text);
  }
  const big = analyze("Pascal's triangle with 20 rows");
  t.is(big.params.rows, 12);
  t.true(big.warnings.some((w) => w.includes('at most 12')));
  t.not(analyze("Binomial expansion of (x+1)^4 using Pascal's triangle").template, 'number.pascal_triangle');
  t.not(analyze("Pascal's law of fluid pressure").template, 'number.pascal_triangle');
  t.regex(pascalParams.safeParse({ rows: 13 }).error!.issues[0]!.message, /at most 12 rows/);
});

test("Pascal's triangle scene: the first additions one by one, later rows one sentence each with their sum", (t) => {
  const { scene } = sceneFromDescription("Pascal's triangle with 7 rows", SIZE);
  const texts = scene.narration.steps.map((s) => s.text);
  t.true(texts.includes('1 + 1 = 2: the two entries above.'));
  t.true(texts.includes('3 + 3 = 6: the two entries above.'));
  t.true(texts.includes('Row 6: 1 6 15 20 15 6 1, adding up to 64 = 2⁶.'));
  t.is(scene.objects.filter((o) => o.type === 'node').length, 28);
});
