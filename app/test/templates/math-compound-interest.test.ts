import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { compoundFacts, money } from '../../src/templates/mathematics/finance-compound-interest.ts';
import { checkScene, mathScene } from './math-scene-checks.ts';

/** The balance by crediting the interest period after period, as a bank statement would, not by the formula. */
function statement(principal: number, ratePercent: number, years: number, perYear: number): number[] {
  const ends: number[] = [principal];
  let balance = principal;
  for (let y = 1; y <= years; y++) {
    for (let p = 0; p < perYear; p++) balance += (balance * ratePercent) / 100 / perYear;
    ends.push(balance);
  }
  return ends;
}

test('compound interest facts agree with crediting the interest period by period, and simple interest with P + Prt', (t) => {
  for (const [P, rate, years, n] of [
    [1000, 5, 10, 1],
    [1000, 5, 10, 12],
    [2500, 3.5, 20, 4],
    [200, 4, 3, 365],
    [1500, 6, 1, 1],
  ] as const) {
    const f = compoundFacts(P, rate, years, n);
    const ref = statement(P, rate, years, n);
    t.true(
      f.balances.every((b, i) => Math.abs(b - ref[i]!) <= 0.005 + 1e-9),
      `${P} at ${rate}% for ${years} years, ${n}×/year`,
    );
    t.true(Math.abs(f.simple_amount - (P + (P * rate * years) / 100)) <= 0.005 + 1e-9);
    t.true(Math.abs(f.interest - (f.amount - P)) <= 0.011);
    if (years > 1 || n > 1) t.true(f.amount > f.simple_amount, 'compounding earns more than simple interest');
  }
  // The textbook figure: £1000 at 5% for 10 years, yearly, is £1628.89; monthly compounding is an effective 5.116%.
  t.is(compoundFacts(1000, 5, 10, 1).amount, 1628.89);
  t.true(Math.abs(compoundFacts(1000, 5, 1, 12).effective_rate_percent - 5.11619) < 1e-4);
  t.is(money(1628.89, '£'), '£1629', 'four significant figures on screen; the facts keep the cents');
});

test('compound interest phrasings give the principal, rate, years, frequency and currency', (t) => {
  const cases: [string, Record<string, unknown>][] = [
    ['Compound interest on $1000 at 5% for 10 years', { principal: 1000, rate_percent: 5, years: 10, frequency: 1, currency: '$' }],
    ['I invest 2,500 euros at 3.5 percent compounded quarterly for 20 years', { principal: 2500, rate_percent: 3.5, years: 20, frequency: 4, currency: '€' }],
    ['compound interest r = 0.06 P = 1500 t = 3', { principal: 1500, rate_percent: 6, years: 3 }],
    ['simple vs compound interest, principal 500, rate 8%, 5 years', { principal: 500, rate_percent: 8, years: 5 }],
    ['compound interest on £10k at 2% compounded daily for 30 years', { principal: 10000, rate_percent: 2, years: 30, frequency: 365, currency: '£' }],
  ];
  for (const [text, expected] of cases) {
    const r = analyze(text);
    t.is(r.template, 'finance.compound_interest', text);
    for (const [k, v] of Object.entries(expected)) t.is(r.params[k], v, `${text}: ${k}`);
  }
  const long = analyze('compound interest on $100 at 3% for 50 years');
  t.is(long.params.years, 30);
  t.true(long.warnings.some((w) => /showing 30/.test(w)));
  t.true(analyze('compound interest at 250% for 2 years').warnings.some((w) => /at most 100%/.test(w)));
  t.not(analyze('Compare sales vs costs: Q1 10 and 12, Q2 14 and 11').template, 'finance.compound_interest', 'other comparisons still go elsewhere');
});

test('compound interest scenes animate, typeset and fit the view, with a legend for the colours', (t) => {
  for (const text of [
    'Compound interest on £1000 at 5% a year for 10 years, compounded monthly',
    'compound interest on $1,000,000 at 12% for 30 years',
    'compound interest on 50 at 1% for 1 year',
    'compound interest on ¥300 at 7% for 15 years quarterly',
  ]) {
    const { scene } = mathScene(text);
    checkScene(t, scene, text);
    t.true(
      ['legend_p', 'legend_i', 'legend_s'].every((id) => scene.objects.some((o) => o.id === id)),
      `${text}: legend`,
    );
  }
  const s = mathScene('Compound interest on £1000 at 5% for 10 years').scene;
  t.true(s.objects.some((o) => o.id === 'eq2' && o.type === 'math' && o.latex.endsWith('\\approx £1629')));
  t.is(s.objects.filter((o) => /^i\d+$/.test(o.id)).length, 10, 'one interest bar a year');
  t.true(
    s.narration.steps.some((x) => /£1500/.test(x.text)),
    'simple interest is named',
  );
});
