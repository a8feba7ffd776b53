// The number and notation formatter (app/src/templates/format/): worked examples of each rule, and fast-check
// properties over random values: a shown number reads back as the value to its precision, never carries more
// significant figures than asked, and a negative one always starts with the real minus sign.
import test from 'ava';
import fc from 'fast-check';
import { GROUP_SEPARATOR, MINUS, ScenePrecision, formatExpression, formatInteger, formatNumber, formatQuantity, significantFigures, superscript } from '../../src/templates/format/index.ts';
import { parseFormula } from '../../src/templates/mathematics/expression.ts';

const PLAIN: Record<string, string> = Object.fromEntries(
  [...'⁰¹²³⁴⁵⁶⁷⁸⁹']
    .map((c, i) => [c, String(i)])
    .concat([
      ['⁻', '-'],
      ['⁺', '+'],
      ['ˣ', 'x'],
    ]),
);

/** A shown number read back: minus sign, grouping and "× 10ⁿ" undone. */
function readBack(shown: string): number {
  const sci = /^(.*) × 10([⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)$/.exec(shown);
  const exponentOf = (s: string) => Number([...s].map((c) => ('⁰¹²³⁴⁵⁶⁷⁸⁹'.includes(c) ? '⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c) : '-')).join(''));
  const plain = (s: string) => Number(s.replaceAll(GROUP_SEPARATOR, '').replace(MINUS, '-'));
  return sci ? plain(sci[1]!) * 10 ** exponentOf(sci[2]!) : plain(shown);
}

test('numbers: significant figures, a real minus sign, thin-space groups from 10 000, powers of ten outside 0.001..10⁶', (t) => {
  t.is(formatNumber(Math.PI), '3.14');
  t.is(formatNumber(Math.PI, { sigFigs: 2 }), '3.1');
  t.is(formatNumber(-0.5), `${MINUS}0.5`);
  t.is(formatNumber(0.1 + 0.2), '0.3', 'no float dust');
  t.is(formatNumber(-0), '0', 'no negative zero');
  t.is(formatNumber(-0.0001, { decimals: 2 }), '0.00', 'a value that rounds to zero has no sign');
  t.is(formatNumber(12500), `12${GROUP_SEPARATOR}500`);
  t.is(formatNumber(2024), '2024', 'four digits stay together, so years read right');
  t.is(formatNumber(1234.567), '1230');
  t.is(formatNumber(1.496e11), '1.5 × 10¹¹');
  t.is(formatNumber(1.496e11, { keepZeros: true }), '1.50 × 10¹¹');
  t.is(formatNumber(-2.5e-5), `${MINUS}2.5 × 10⁻⁵`);
  t.is(formatNumber(2.5, { decimals: 2, keepZeros: true }), '2.50');
  t.is(formatNumber(Infinity), '∞');
  t.is(formatNumber(Number.NaN), 'undefined');
  t.is(formatInteger(-15), `${MINUS}15`);
  t.is(superscript('-3'), '⁻³');
});

test('quantities carry their unit: a space before most, none before ° and %', (t) => {
  t.is(formatQuantity(2.8832, { unit: 's', kind: 'time' }), '2.88 s');
  t.is(formatQuantity(45, { unit: '°', kind: 'angle' }), '45°');
  t.is(formatQuantity(16.6667, { unit: '%', kind: 'share' }), '16.7%');
  t.is(formatQuantity(-3.2061, { unit: 'm/s²', kind: 'acceleration', sigFigs: 2 }), `${MINUS}3.2 m/s²`);
});

test('a scene precision gives one kind of quantity the same decimals throughout, and float dust shows as zero', (t) => {
  const p = new ScenePrecision().fix('time', [0.0631, 3.738]);
  t.deepEqual(
    [0, 0.0631, 1, 3.738].map((v) => p.format(v, { unit: 's', kind: 'time' })),
    ['0.00 s', '0.06 s', '1.00 s', '3.74 s'],
  );
  p.fix('position', [0.5, -0.5]);
  t.is(p.format(3.062e-17, { unit: 'm', kind: 'position' }), '0.000 m');
  t.is(p.format(-0.4938, { unit: 'm', kind: 'position' }), `${MINUS}0.494 m`);
  // A kind first met in format() is fixed by that value; later values of it follow.
  t.is(p.format(0.4244, { unit: '', kind: 'coefficient' }), '0.424');
  t.is(p.format(0.09794, { unit: '', kind: 'coefficient' }), '0.098');
  t.is(p.format(12.345, { unit: 's', kind: 'time' }), '12.3 s', 'a value beyond the range drops decimals rather than add figures');
});

test('expressions: superscript powers, real minus signs, implicit products, √ and π', (t) => {
  t.is(formatExpression('x^2 - 3x + 2'), 'x² − 3x + 2');
  t.is(formatExpression('y = x^2 - 3x + 2'), 'y = x² − 3x + 2');
  t.is(formatExpression('2^4'), '2⁴');
  t.is(formatExpression('10^-3'), '10⁻³');
  t.is(formatExpression("f'(x) = 3 * x ^ 2"), 'f′(x) = 3x²');
  t.is(formatExpression('x^3 - 2*x'), 'x³ − 2x');
  t.is(formatExpression('sqrt(x) + abs(x)'), '√x + |x|');
  t.is(formatExpression('2 * pi * x'), '2πx');
  t.is(formatExpression('(x + 1)^2'), '(x + 1)²');
  t.is(formatExpression('x + -3'), 'x − 3');
  t.is(formatExpression('e^(-x^2/2)'), 'exp(−x²/2)');
  t.is(formatExpression('1/(1 + e^(-x))'), '1/(1 + e⁻ˣ)');
  t.is(formatExpression('x * (x + 1)'), 'x·(x + 1)');
});

const values = fc.double({ min: -1e15, max: 1e15, noNaN: true, noDefaultInfinity: true }).filter((v) => !Number.isInteger(v) && Math.abs(v) > 1e-100); // subnormals carry fewer digits than asked

test('property: a shown number reads back as the value to the figures asked', (t) => {
  fc.assert(
    fc.property(values, fc.integer({ min: 1, max: 6 }), (v, sigFigs) => {
      const back = readBack(formatNumber(v, { sigFigs }));
      return Math.abs(back - v) <= Math.abs(v) * 0.5 * 10 ** (1 - sigFigs) * (1 + 1e-9) + Number.MIN_VALUE;
    }),
  );
  t.pass();
});

test('property: never more significant figures than asked, and a negative number starts with U+2212', (t) => {
  fc.assert(
    fc.property(values, fc.integer({ min: 1, max: 6 }), (v, sigFigs) => {
      const shown = formatNumber(v, { sigFigs });
      if (significantFigures(shown) > sigFigs) return false;
      if (shown.includes('-')) return false;
      return v < 0 && readBack(shown) !== 0 ? shown.startsWith(MINUS) : !shown.startsWith(MINUS);
    }),
  );
  t.pass();
});

test('property: a scene precision never gives a kind more decimals than its largest value needs, nor more figures', (t) => {
  fc.assert(
    fc.property(fc.array(fc.double({ min: -1e5, max: 1e5, noNaN: true }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 4 }), (vs, sigFigs) => {
      const p = new ScenePrecision(sigFigs).fix('k', vs);
      const shown = vs.map((v) => p.number(v, 'k'));
      const decimals = new Set(shown.filter((s) => !s.includes('×')).map((s) => s.split('.')[1]?.length ?? 0));
      return decimals.size <= 1 && shown.every((s) => significantFigures(s) <= sigFigs || /^[−]?0\.0*$/.test(s) || /^0$/.test(s));
    }),
  );
  t.pass();
});

test('property: a formula printed and read again is the same function', (t) => {
  const formulas = fc.constantFrom('x^2 - 3x + 2', '3 * x ^ 2', 'x^3 - 2*x', '(x + 1)^2', '2 * pi * x', 'x + -3', '-x^2 + 4', '2^x', 'sqrt(x) * 3', '1/(1 + x^2)', 'x - (x - 1)', '-(x - 2) * 3', 'e^(-x^2/2)', '2^(x+1)');
  fc.assert(
    fc.property(formulas, fc.double({ min: 0.1, max: 5, noNaN: true }), (f, x) => {
      // The parser people's formulas go through reads superscripts, U+2212, "·", "√" and "π" (ˣ it does not).
      // "2πx" is read with π as a word of its own ("2pix" would be one symbol to mathjs).
      const printed = parseFormula(
        formatExpression(f)
          .replaceAll('π', ' pi ')
          .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺ˣ]+/g, (run) => `^(${[...run].map((c) => PLAIN[c]).join('')})`),
      );
      const written = parseFormula(f);
      const [a, b] = [printed.evaluate(x)!, written.evaluate(x)!];
      return Math.abs(a - b) <= 1e-9 * (1 + Math.abs(b));
    }),
  );
  t.pass();
});
