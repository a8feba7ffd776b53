// economics.supply_demand: the equilibrium of the user's linear curves, and after a shift, a tax or a subsidy,
// checked against solving the same market as a system of equations by elimination; the curves as people write
// them (Qd/Qs, the inverse P = … form, two points each); no curves: an example market that says it is one.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneForAnalysis, sceneFromDescription } from '../../src/pipeline.ts';
import { marketFacts, type Line, type Shift } from '../../src/templates/mathematics/market.ts';
import { linearIn } from '../../src/templates/mathematics/market-text.ts';
import { checkScene, mathScene } from './math-scene-checks.ts';
import { layoutProblems } from './layout-checks.ts';

/** Solves A·x = b by Gaussian elimination with partial pivoting (a few unknowns). */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    const p = M.slice(c).reduce((best, row, i) => (Math.abs(row[c]!) > Math.abs(M[best]![c]!) ? c + i : best), c);
    [M[c], M[p]] = [M[p]!, M[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const k = M[r]![c]! / M[c]![c]!;
      for (let j = c; j <= n; j++) M[r]![j]! -= k * M[c]![j]!;
    }
  }
  return M.map((row, i) => row[n]! / row[i]!);
}

/**
 * The market as three equations in Q, the price buyers pay Pb and the price sellers get Ps: Q = a + b·Pb (demand),
 * Q = c + d·Ps (supply), Pb − Ps = t (t the tax; −s for a subsidy; 0 otherwise). A demand or supply shift adds to a or c.
 */
function reference(demand: Line, supply: Line, shift: Shift | null): { q: number; pb: number; ps: number } {
  const a = demand.intercept + (shift?.kind === 'demand' ? shift.amount : 0);
  const c = supply.intercept + (shift?.kind === 'supply' ? shift.amount : 0);
  const t = shift?.kind === 'tax' ? shift.amount : shift?.kind === 'subsidy' ? -shift.amount : 0;
  const [q, pb, ps] = solve(
    [
      [1, -demand.slope, 0],
      [1, 0, -supply.slope],
      [0, 1, -1],
    ],
    [a, c, t],
  );
  return { q: q!, pb: pb!, ps: ps! };
}

const near = (a: number | null, b: number) => a !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

test('equilibria before and after a shift, a tax or a subsidy agree with solving the system by elimination', (t) => {
  const markets: [Line, Line, Shift | null][] = [
    [{ intercept: 100, slope: -2 }, { intercept: 20, slope: 2 }, null],
    [
      { intercept: 100, slope: -2 },
      { intercept: 20, slope: 2 },
      { kind: 'demand', amount: 20 },
    ],
    [
      { intercept: 90, slope: -3 },
      { intercept: 10, slope: 1 },
      { kind: 'demand', amount: -15 },
    ],
    [
      { intercept: 50, slope: -1 },
      { intercept: -10, slope: 2 },
      { kind: 'tax', amount: 3 },
    ],
    [
      { intercept: 200, slope: -4 },
      { intercept: -10, slope: 3 },
      { kind: 'supply', amount: 14 },
    ],
    [
      { intercept: 100, slope: -2 },
      { intercept: 20, slope: 2 },
      { kind: 'subsidy', amount: 2 },
    ],
    [
      { intercept: 12.5, slope: -0.25 },
      { intercept: 0.5, slope: 0.75 },
      { kind: 'tax', amount: 1.5 },
    ],
  ];
  for (const [demand, supply, shift] of markets) {
    const f = marketFacts(demand, supply, shift);
    const before = reference(demand, supply, null);
    const label = `${JSON.stringify({ demand, supply, shift })}`;
    t.true(near(f.equilibrium_price, before.pb) && near(f.equilibrium_quantity, before.q), `${label}: ${f.equilibrium_price}, ${f.equilibrium_quantity}`);
    if (!shift) {
      t.is(f.new_equilibrium_price, null);
      continue;
    }
    const after = reference(demand, supply, shift);
    t.true(near(f.new_equilibrium_price, after.pb), `${label}: new price ${f.new_equilibrium_price} vs ${after.pb}`);
    t.true(near(f.new_equilibrium_quantity, after.q), `${label}: new quantity`);
    t.true(near(f.price_change, after.pb - before.pb) && near(f.quantity_change, after.q - before.q), `${label}: changes`);
    if (shift.kind === 'tax' || shift.kind === 'subsidy') t.true(near(f.seller_price, after.ps) && near(f.buyer_price, after.pb), `${label}: seller and buyer prices`);
    if (shift.kind === 'tax') t.true(near(f.tax_revenue, shift.amount * after.q));
    if (shift.kind === 'subsidy') t.true(near(f.subsidy_cost, shift.amount * after.q));
  }
  t.like(marketFacts({ intercept: 100, slope: -2 }, { intercept: 20, slope: 2 }, { kind: 'demand', amount: 20 }), { equilibrium_price: 20, equilibrium_quantity: 60, new_equilibrium_price: 25, new_equilibrium_quantity: 70 });
});

test('curves as people write them: Qd and Qs, unlabelled by their slope, the inverse form, two points each, and units', (t) => {
  t.deepEqual(linearIn('100 − 2P', 'p'), { c: 100, k: -2 });
  t.deepEqual(linearIn('2p+20', 'p'), { c: 20, k: 2 });
  t.deepEqual(linearIn('50 - q/2', 'q'), { c: 50, k: -0.5 });
  t.is(linearIn('100', 'p'), undefined, 'a number alone is no curve');
  t.is(linearIn('2x + 1', 'p'), undefined);
  const cases: [string, Line, Line][] = [
    ['Qd = 100 − 2P, Qs = 20 + 2P', { intercept: 100, slope: -2 }, { intercept: 20, slope: 2 }],
    ['Q_s = 4p - 20 and Q_d = 120 - 3p supply and demand', { intercept: 120, slope: -3 }, { intercept: -20, slope: 4 }],
    ['supply and demand: Q = 30 + 5P and Q = 150 - 7P', { intercept: 150, slope: -7 }, { intercept: 30, slope: 5 }],
    ['market equilibrium when demand is P = 60 - 0.5Q and supply is P = 10 + 0.5Q', { intercept: 120, slope: -2 }, { intercept: -20, slope: 2 }],
    ['demand: P = 10, Q = 80 and P = 30, Q = 40; supply: P = 10, Q = 20 and P = 30, Q = 60', { intercept: 100, slope: -2 }, { intercept: 0, slope: 2 }],
  ];
  for (const [text, demand, supply] of cases) {
    const a = analyze(text);
    t.is(a.template, 'economics.supply_demand', text);
    t.deepEqual([a.params.demand, a.params.supply, a.params.example], [demand, supply, false], text);
  }
  const units = analyze('supply and demand for coffee, Qd = 100 - 2P, Qs = 20 + 2P, price in £, Q in kg');
  t.is(units.params.price_unit, '£');
  t.is(units.params.quantity_unit, 'kg');
  const shifts: [string, unknown][] = [
    ['supply and demand, demand rises by 20', { kind: 'demand', amount: 20 }],
    ['supply and demand where supply falls by 10', { kind: 'supply', amount: -10 }],
    ['an increase in demand of 15 on a supply and demand diagram', { kind: 'demand', amount: 15 }],
    ['supply and demand with a $5 per unit tax', { kind: 'tax', amount: 5 }],
    ['supply and demand, a subsidy of 2 per unit', { kind: 'subsidy', amount: 2 }],
  ];
  for (const [text, shift] of shifts) t.deepEqual(analyze(text).params.shift, shift, text);
});

test('no curves: an example market that says so; a shift without a size is not invented; impossible markets are refused', (t) => {
  const a = analyze('Supply and demand curves for intro economics');
  t.true(a.understood);
  t.true(a.params.example);
  t.true(a.warnings.some((w) => w.includes('example market')));
  const scene = sceneForAnalysis(a, { width: 1280, height: 720, fps: 30 });
  t.regex(scene.narration.steps[0]!.text, /example market/);
  t.regex(scene.meta.title ?? '', /example market/);
  const own = analyze('', { template: 'economics.supply_demand', params: { demand: { intercept: 80, slope: -1 }, supply: { intercept: 0, slope: 3 } } });
  t.false(own.params.example, 'curves of the caller own are never called an example');
  const vague = analyze('supply and demand when demand increases');
  t.is(vague.params.shift, null);
  t.true(vague.warnings.some((w) => w.includes('needs its size')));
  const upward = analyze('supply and demand: Qd = 20 + 2P, Qs = 10 + 3P');
  t.false(upward.understood);
  t.regex(upward.needs?.message ?? '', /demand must slope downward/);
  const apart = analyze('supply and demand: Qd = 10 - 2P, Qs = 20 + 2P');
  t.false(apart.understood);
  t.regex(apart.needs?.message ?? '', /cross at a price of −2\.5|cross at a price of -2\.5/);
  const bigTax = analyze('Qd = 100 - 2P, Qs = 20 + 2P with a tax of 60');
  t.false(bigTax.understood);
  t.throws(() => analyze('', { template: 'economics.supply_demand', params: { demand: { intercept: 'lots', slope: -1 } } }), { message: /invalid params for economics\.supply_demand: demand\.intercept/ });
});

test('neighbours keep their descriptions', (t) => {
  for (const text of ['Supply chain basics for new starters', 'price elasticity of demand for petrol and cigarettes', 'AD/AS model: an oil price shock shifts short run aggregate supply left', 'chemical equilibrium and Le Chatelier']) {
    t.not(analyze(text).template, 'economics.supply_demand', text);
  }
});

test('scenes: curves, the equilibrium solved and marked on both axes, the shift compared; labels apart at every size', (t) => {
  const texts = [
    'Supply and demand: Qd = 100 − 2P, Qs = 20 + 2P, then demand rises by 20',
    'Supply and demand curves for intro economics',
    'Qd = 200 - 4P and Qs = 3P - 10, a tax of 7 per unit',
    'suppy and demand diagram for coffee, with a subsidy of 2',
    'GCSE business: what happens to the equilibrium if demand falls by 15? Qd = 90 - 3P, Qs = 10 + P',
    // Close equilibria and long equations: the labels must still keep apart.
    'supply and demand Qd = 1000.5 - 2.25P, Qs = 20.75 + 2.5P, supply rises by 1',
    'Qd = 100 - 2P, Qs = 20 + 2P, a tax of 0.5',
  ];
  for (const text of texts) {
    for (const size of [
      { width: 1280, height: 720 },
      { width: 720, height: 720 },
    ]) {
      const { scene } = sceneFromDescription(text, { ...size, fps: 30 });
      if (size.width === 1280) checkScene(t, scene, text);
      t.deepEqual(layoutProblems(scene), [], `${text} at ${size.width}×${size.height}`);
    }
  }
  const { scene } = mathScene(texts[0]!);
  const captions = scene.narration.steps.map((s) => s.text).join(' ');
  t.regex(captions, /P₁ = \$20/);
  t.regex(captions, /Q₁ = 60 units/);
  t.regex(captions, /P₂ = \$25 and Q₂ = 70 units/);
  t.regex(captions, /Price up \$5 \(\$20 → \$25\), quantity up 10 units \(60 → 70\)/);
  const texts2 = scene.objects.flatMap((o) => (o.type === 'text' ? [o.text] : []));
  for (const label of ['P₁ = $20', 'Q₁ = 60', 'P₂ = $25', 'Q₂ = 70', '100 − 2P = 20 + 2P', 'demand: Qd = 100 − 2P', 'new demand: Qd = 120 − 2P']) t.true(texts2.includes(label), label);
  const axes = scene.objects.find((o) => o.type === 'axes');
  t.true(axes?.type === 'axes' && axes.xLabel === 'Q (units)' && axes.yLabel === 'P ($)', 'axes P and Q with units');
  const tax = mathScene('Qd = 200 - 4P and Qs = 3P - 10, a tax of 7 per unit').scene;
  t.regex(tax.narration.steps.map((s) => s.text).join(' '), /Buyers pay \$33, sellers keep \$26; the government raises \$7 × 68 = \$476/);
});
