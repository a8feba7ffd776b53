import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { parseFormula } from '../../src/templates/science/chemistry/formula.ts';
import { balanceEquation, ReactionError } from '../../src/templates/science/chemistry/reaction-balance.ts';
import { nullSpace, Rational } from '../../src/templates/science/chemistry/rational.ts';
import { solvingChain } from '../../src/templates/science/chemistry/reaction-solve.ts';
import { CompiledTimeline } from '../../src/scene/timeline.ts';

/** Independent check: with the coefficients, every element (and the charge) counts the same on both sides. */
function conserves(equation: string, coefficients: number[]): boolean {
  const [l, r] = equation.split(/\s*(?:->|→|=)\s*/) as [string, string];
  const split = (s: string) => s.split(/\s+\+\s+|(?<=[A-Za-z0-9)\]])\+(?=[A-Z([\d])/).map((x) => x.trim().replace(/\((s|l|g|aq)\)$/, ''));
  const species = [...split(l).map((s) => [s, 1] as const), ...split(r).map((s) => [s, -1] as const)];
  const totals = new Map<string, number>();
  species.forEach(([s, sign], i) => {
    const f = parseFormula(s);
    for (const [el, n] of f.counts) totals.set(el, (totals.get(el) ?? 0) + sign * n * coefficients[i]!);
    totals.set('charge', (totals.get('charge') ?? 0) + sign * f.charge * coefficients[i]!);
  });
  return [...totals.values()].every((v) => v === 0);
}

const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);

test('balances textbook equations to the smallest whole numbers', (t) => {
  const cases: [string, string][] = [
    ['H2 + O2 -> H2O', '2H2 + O2 -> 2H2O'],
    ['CH4 + O2 → CO2 + H2O', 'CH4 + 2O2 -> CO2 + 2H2O'],
    ['Fe + O2 = Fe2O3', '4Fe + 3O2 -> 2Fe2O3'],
    ['C3H8 + O2 -> CO2 + H2O', 'C3H8 + 5O2 -> 3CO2 + 4H2O'],
    ['C6H12O6 + O2 -> CO2 + H2O', 'C6H12O6 + 6O2 -> 6CO2 + 6H2O'],
    ['Ca(OH)2 + H3PO4 -> Ca3(PO4)2 + H2O', '3Ca(OH)2 + 2H3PO4 -> Ca3(PO4)2 + 6H2O'],
    ['KMnO4 + HCl -> KCl + MnCl2 + H2O + Cl2', '2KMnO4 + 16HCl -> 2KCl + 2MnCl2 + 8H2O + 5Cl2'],
    ['Cu + HNO3 -> Cu(NO3)2 + NO + H2O', '3Cu + 8HNO3 -> 3Cu(NO3)2 + 2NO + 4H2O'],
    ['Al + O2 -> Al2O3', '4Al + 3O2 -> 2Al2O3'],
    ['C8H18 + O2 -> CO2 + H2O', '2C8H18 + 25O2 -> 16CO2 + 18H2O'],
    ['Fe2(SO4)3 + KOH -> K2SO4 + Fe(OH)3', 'Fe2(SO4)3 + 6KOH -> 3K2SO4 + 2Fe(OH)3'],
    ['CuSO4·5H2O -> CuSO4 + H2O', 'CuSO4·5H2O -> CuSO4 + 5H2O'],
    ['H2(g) + O2(g) -> H2O(l)', '2H2(g) + O2(g) -> 2H2O(l)'],
    ['MnO4^- + Fe^2+ + H+ -> Mn^2+ + Fe^3+ + H2O', 'MnO4^- + 5Fe^2+ + 8H+ -> Mn^2+ + 5Fe^3+ + 4H2O'],
    ['H2+O2->H2O', '2H2 + O2 -> 2H2O'],
    ['hydrogen + oxygen -> water', '2H2 + O2 -> 2H2O'],
    ['2H2 + 2O2 -> 5H2O', '2H2 + O2 -> 2H2O'],
  ];
  for (const [input, balanced] of cases) {
    const b = balanceEquation(input);
    t.is(b.balanced, balanced, input);
    t.true(conserves(b.balanced.replace(/(^|\s)\d+(?=[A-Z(])/g, '$1'), b.coefficients), `${input} conserves atoms`);
    t.is(b.coefficients.reduce(gcd), 1, `${input}: smallest whole numbers`);
  }
});

test('impossible or ill-formed equations are refused with the reason', (t) => {
  t.throws(() => balanceEquation('H2O -> O2'), { instanceOf: ReactionError, message: /Hydrogen \(H\) appears only on the left/ });
  t.throws(() => balanceEquation('H2 + O2'), { instanceOf: ReactionError, message: /no arrow/ });
  t.throws(() => balanceEquation('Xx + O2 -> XxO'), { message: /Xx|neither a formula/ });
  t.throws(() => balanceEquation('H2O + NaCl -> H2O + Na'), { instanceOf: ReactionError });
});

test('several independent balancings: the smallest all-positive one is chosen', (t) => {
  const b = balanceEquation('H2 + O2 -> H2O + H2O2');
  t.true(b.ambiguous);
  t.true(b.coefficients.every((c) => c > 0));
  t.true(conserves('H2 + O2 -> H2O + H2O2', b.coefficients));
});

test('the null space is exact (fractions, not floats)', (t) => {
  // 3x = 7y: x = 7/3 y — exact only as a fraction.
  const [v] = nullSpace([[3, -7]], 2);
  t.is(v!.map(String).join(' '), '7/3 1');
  t.is(new Rational(6n, -4n).toString(), '-3/2');
});

test('equations in many phrasings, and named reactions', (t) => {
  const cases: [string, string][] = [
    ['balance H2 + O2 -> H2O', '2H2 + O2 -> 2H2O'],
    ['Balance the equation: Fe + O2 = Fe2O3', '4Fe + 3O2 -> 2Fe2O3'],
    ['How do you balance C3H8 + O2 → CO2 + H2O?', 'C3H8 + 5O2 -> 3CO2 + 4H2O'],
    ['Can you balance KMnO4 + HCl -> KCl + MnCl2 + H2O + Cl2 please', '2KMnO4 + 16HCl -> 2KCl + 2MnCl2 + 8H2O + 5Cl2'],
    ['Walk me through balancing Al + O2 -> Al2O3.', '4Al + 3O2 -> 2Al2O3'],
    ['H2(g) + O2(g) → H2O(l)', '2H2(g) + O2(g) -> 2H2O(l)'],
    ['Na + Cl2 -> NaCl', '2Na + Cl2 -> 2NaCl'],
    ['balance hydrogen + oxygen -> water', '2H2 + O2 -> 2H2O'],
    ['Show photosynthesis', '6CO2 + 6H2O -> C6H12O6 + 6O2'],
    ['combustion of methane', 'CH4 + 2O2 -> CO2 + 2H2O'],
    ['Animate the burning of propane', 'C3H8 + 5O2 -> 3CO2 + 4H2O'],
    ['the Haber process', 'N2 + 3H2 -> 2NH3'],
  ];
  for (const [text, balanced] of cases) {
    const a = analyze(text);
    t.is(a.template, 'chemistry.reaction', text);
    t.is(a.facts.balanced, balanced, text);
  }
  t.like(analyze('balance H2 + O2 -> H2O').facts, { coefficients: [2, 1, 2], atoms_per_side: { H: 4, O: 2 } });
});

test('unbalanceable text falls back with a warning; other templates keep their rows', (t) => {
  const a = analyze('balance H2O -> O2');
  t.is(a.template, 'chemistry.reaction');
  t.true(a.warnings.some((w) => w.includes('appears only on the left')));
  t.not(analyze('balance sheet for Q1').template, 'chemistry.reaction');
  t.not(analyze('Plot y = x^2 + 3x').template, 'chemistry.reaction');
  t.throws(() => analyze('x', { template: 'chemistry.reaction', params: { equation: 'H2O -> O2' } }), { message: /appears only/ });
});

test('the scene: unknown coefficients become the solution, atom counts turn equal', (t) => {
  const { scene } = sceneFromDescription('balance H2 + O2 -> H2O', { width: 1280, height: 720, fps: 30 });
  const coefs = scene.timeline.filter((e) => e.type === 'set' && e.property === 'latex' && e.target.startsWith('coef'));
  t.deepEqual(
    coefs.map((e) => (e.type === 'set' ? e.value : '')),
    ['2', '1', '2'],
  );
  const finalCounts = scene.timeline.filter((e) => e.type === 'set' && e.property === 'text' && /^(left|right)\d$/.test(e.target));
  t.deepEqual(
    finalCounts.map((e) => (e.type === 'set' ? e.value : '')),
    ['4', '4', '2', '2'],
  );
  t.true(scene.narration.steps.some((c) => c.text.includes('Balanced: 2H2 + O2 → 2H2O')));
  for (const o of scene.objects) if (o.type === 'text' || o.type === 'math') t.true(Math.abs(o.x) <= 7.8 && Math.abs(o.y) <= 4.3, o.id);
});

test('content checklist: the atom counts as written, then the algebra that balances it, line by line, before the answer', (t) => {
  const { scene } = sceneFromDescription('Balance Fe + O2 -> Fe2O3', { width: 1280, height: 720, fps: 30 });
  const tl = new CompiledTimeline(scene);
  const steps = scene.narration.steps;
  const text = (id: string, at: number) => String(tl.valueAt(id, 'text', at));
  // Atom counts: one row per element with both sides' totals, shown while the counts are narrated.
  const counts = steps.find((s) => s.text.startsWith('As written'))!;
  const mid = counts.start + counts.duration - 0.1;
  t.deepEqual([text('el0', mid), text('left0', mid), text('right0', mid)], ['Fe', '1', '2']);
  t.deepEqual([text('el1', mid), text('left1', mid), text('right1', mid)], ['O', '2', '3']);
  t.true(tl.valueAt('left0', 'opacity', mid) === 1 && tl.valueAt('right1', 'opacity', mid) === 1, 'the counts are on screen');
  // The solving step: a start value, one line per element with one unknown left, then the fractions cleared.
  const working = steps.map((s) => s.text);
  const start = working.findIndex((s) => /^Start from c = 1 for Fe2O3/.test(s));
  t.true(start > 0, working.join(' | '));
  t.is(working[start + 1], 'Fe: a = 2c, so a = 2.');
  t.is(working[start + 2], 'O: 2b = 3c, so b = 3/2.');
  t.regex(working[start + 3]!, /^Multiply every coefficient by 2 to clear the fractions: a = 4, b = 3, c = 2\./);
  // Each line of working is written on its element's row, in that step, and highlighted there.
  for (const [i, row] of [
    [start + 1, 'eq0'],
    [start + 2, 'eq1'],
  ] as const) {
    const step = steps[i]!;
    t.deepEqual(step.refs, [row]);
    t.is(step.emphasis?.kind, 'surround');
    t.regex(String(tl.valueAt(row, 'latex', step.start + step.duration - 0.05)), /\\Rightarrow/);
  }
  // The answer appears only after the working.
  const answerAt = scene.timeline.find((e) => e.type === 'appear' && e.target === 'solution')!;
  t.true(answerAt.type === 'appear' && answerAt.at >= steps[start + 3]!.start - 1e-6);
  // Colours mean something: balances, does not balance, solved.
  t.deepEqual(
    scene.objects.filter((o) => o.id.startsWith('legend.') && o.id.endsWith('.label')).map((o) => (o.type === 'text' ? o.text : '')),
    ['balances', 'unbalanced', 'solved'],
  );
});

test("an equation whose element equations share unknowns says they are solved together, and still reaches the balancer's answer", (t) => {
  const { scene } = sceneFromDescription('Balance MnO4^- + Fe^2+ + H+ -> Mn^2+ + Fe^3+ + H2O', { width: 1280, height: 720, fps: 30 });
  const line = scene.narration.steps.find((s) => s.text.startsWith('These equations share their unknowns'));
  t.truthy(line);
  t.regex(line!.text, /a = 1, b = 5, c = 8, d = 1, f = 5, g = 4\.$/);
});

test('the substitution chain reaches the smallest whole numbers for textbook equations', (t) => {
  for (const [equation, scale] of [
    ['CH4 + O2 -> CO2 + H2O', 1],
    ['C8H18 + O2 -> CO2 + H2O', 2],
    ['KMnO4 + HCl -> KCl + MnCl2 + H2O + Cl2', 2],
    ['Ca(OH)2 + H3PO4 -> Ca3(PO4)2 + H2O', 1],
  ] as const) {
    const b = balanceEquation(equation);
    const chain = solvingChain(b);
    t.truthy(chain, equation);
    t.is(chain!.scale, scale, equation);
    t.is(chain!.lines.length, b.coefficients.length - 1, `${equation}: one line per unknown after the start`);
  }
});
