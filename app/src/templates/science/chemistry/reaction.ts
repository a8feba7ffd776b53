// chemistry.reaction: balancing a chemical equation the algebraic way — an unknown coefficient per
// substance, one equation per element, solved exactly — then the coefficients drop into place and
// the atom count of every element matches on both sides.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../../types.ts';
import { TimelineBuilder } from '../../timeline-builder.ts';
import { FormulaError, formulaLatex } from './formula.ts';
import { equationInText, namedReaction } from './named-reactions.ts';
import { balanceEquation, ReactionError, sideTotal, type Balanced, type Species } from './reaction-balance.ts';
import { rationalLatex, rationalText, solvingChain } from './reaction-solve.ts';
import { LEGEND_ROW, legendObjects, rowPlaces } from '../../emphasis/legend.ts';
import { roleColor, type LegendEntry } from '../../emphasis/roles.ts';

const DEFAULT_EQUATION = 'CH4 + O2 -> CO2 + H2O';

const params = z.object({
  equation: z
    .string()
    .max(300)
    .default(DEFAULT_EQUATION)
    .superRefine((value, ctx) => {
      try {
        balanceEquation(value);
      } catch (e) {
        if (!(e instanceof ReactionError || e instanceof FormulaError)) throw e;
        ctx.addIssue({ code: 'custom', message: e.message });
      }
    }),
  /** The reaction's name when the text named one ("photosynthesis"); shown in the title. */
  name: z.string().max(80).default(''),
});
type ReactionParams = z.infer<typeof params>;

const LETTERS = 'abcdfghk'; // e is left out: it reads as the electron.
/** What the working has just found (a coefficient, a row's unknown): one colour, named in the legend. */
const SOLVED = roleColor('solved');

/** Rough rendered width of a formula in ems (MathJax: capitals wider, subscripts narrower). */
function formulaEms(formula: string): number {
  let w = 0;
  for (const ch of formula) {
    if (/[MW]/.test(ch)) w += 0.95;
    else if (/[A-Z]/.test(ch)) w += 0.78;
    else if (/[a-z]/.test(ch)) w += 0.52;
    else if (/\d/.test(ch)) w += 0.42;
    else w += 0.42;
  }
  return w;
}

/** Rough width of a line of LaTeX in ems: commands count as the one symbol they draw, fractions as a digit. */
function latexWidth(latex: string): number {
  const plain = latex
    .replace(/\\tfrac\{(\d+)\}\{(\d+)\}/g, '$1')
    .replace(/\\(?:Rightarrow|longrightarrow)/g, 'MM')
    .replace(/\\(?:mathrm|text)\{([^}]*)\}/g, '$1')
    .replace(/\\[;,]|\\ /g, ' ')
    .replace(/[{}\\]/g, '');
  return [...plain].length * 0.55;
}

/** An element's equation as the caption writes it: "H: 2a = 2c" (real minus signs for charges). */
function rowText(latex: string): string {
  return latex
    .replace(/\\text\{charge\}/, 'charge')
    .replace(/\\mathrm\{([^}]*)\}/, '$1')
    .replace(/\\ /g, ' ')
    .replace(/-/g, '−');
}

function speciesLatex(s: Species): string {
  return formulaLatex(s.formula) + (s.state ? `\\,(\\mathrm{${s.state}})` : '');
}

/** "2a + c" for one element on one side; charges keep their signs. */
function sideTerms(list: Species[], offset: number, element: string): string {
  const terms: string[] = [];
  list.forEach((s, i) => {
    const n = element === 'charge' ? s.charge : (s.counts.get(element) ?? 0);
    if (n === 0) return;
    const letter = LETTERS[offset + i]!;
    const mag = Math.abs(n) === 1 ? letter : `${Math.abs(n)}${letter}`;
    terms.push(terms.length === 0 ? (n < 0 ? `-${mag}` : mag) : `${n < 0 ? '-' : '+'} ${mag}`);
  });
  return terms.length ? terms.join(' ') : '0';
}

function rowLabel(element: string): string {
  return element === 'charge' ? 'charge' : element;
}

function extractEquation(original: string, warnings: string[]): { equation?: string; name?: string } {
  const written = equationInText(original);
  if (written) {
    try {
      const b = balanceEquation(written);
      if (b.ambiguous) warnings.push(`${written} has more than one independent way to balance (it combines separate reactions); showing the one with the smallest coefficients`);
      return { equation: written };
    } catch (e) {
      if (!(e instanceof ReactionError || e instanceof FormulaError)) throw e;
      warnings.push(`${e.message}: check the formulas on both sides`);
      return {};
    }
  }
  const named = namedReaction(original);
  if (named) return { equation: named.equation, name: named.name };
  if (/->|→|=/.test(original)) warnings.push('could not read a chemical equation in the description: write it like "H2 + O2 -> H2O"');
  return {};
}

export const chemistryReaction = defineTemplate<ReactionParams>({
  id: 'chemistry.reaction',
  title: 'Balancing a chemical equation',
  category: 'chemistry',
  style: 'scientific',
  example: 'Balance H2 + O2 -> H2O',
  content: { param: 'equation', ask: 'give the equation to balance, e.g. "Balance CH4 + O2 -> CO2 + H2O"' },
  params,
  vocabulary: ['balance', 'balancing', 'equation', 'reaction', 'reactants', 'products', 'combustion', 'photosynthesis', 'respiration', 'stoichiometry'],
  triggers: [
    // "balance" with a formula and a plus or an arrow (but not a balance sheet for Q1).
    { pattern: /^(?!.*\bbalance sheets?\b).*\bbalanc(e|es|ed|ing)\b.*\b[a-z]{1,2}\d.*(\+|>|=)|\bbalanc(e|es|ed|ing)\b.*(\+|>|=).*\b[a-z]{1,2}\d/, score: 0.92 },
    { pattern: /^(?!.*\bbalance sheets?\b).*\bbalanc(e|es|ed|ing)\b.*\+/, score: 0.85 },
    { pattern: /\bbalanc(e|es|ed|ing) (the |this |a )?(chemical )?equations?\b/, score: 0.85 },
    { pattern: /\bchemical (equation|reaction)s?\b/, score: 0.9 },
    { pattern: /\bstoichiometr/, score: 0.85 },
    { pattern: /\b(reaction|equation)\b.*\+|\+.*\b(reaction|equation)\b/, score: 0.8 },
    { pattern: /\b(photosynthesis|cellular respiration|haber process|thermite|fermentation|electrolysis of water|rusting)\b/, score: 0.85 },
    { pattern: /\b(combustion|burning) of\b/, score: 0.85 },
    // Formulas joined by plus signs: "h2 g + o2 g h2o l" (arrows like → do not survive normalising).
    { pattern: /\b[a-z]{1,2}\d[a-z0-9]*\b.*\+.*\b[a-z]{1,2}\d|\b(?:[a-z]{1,2}\d+|[a-z]{2})[a-z0-9]*\b ?\+ .*(>|=)/, score: 0.75 },
  ],
  extract(text, warnings) {
    const { equation, name } = extractEquation(text.original, warnings);
    if (!equation) return {};
    for (const w of equation.split(/\s+/)) if (w !== '+' && w !== '->') text.used.add(w);
    if (name) text.used.add(name);
    return name ? { equation, name } : { equation };
  },
  facts({ equation }) {
    const b = balanceEquation(equation);
    const atoms: Record<string, number> = {};
    for (const el of b.elements) if (el !== 'charge') atoms[el] = sideTotal(b.reactants, b.coefficients, el);
    return { balanced: b.balanced, coefficients: b.coefficients, atoms_per_side: atoms };
  },
  compose({ equation, name }) {
    return composeBalancing(balanceEquation(equation), name || undefined);
  },
});

function composeBalancing(b: Balanced, name: string | undefined): Composition {
  const species = [...b.reactants, ...b.products];
  const nR = b.reactants.length;
  const ones = b.coefficients.map(() => 1);
  // Each coefficient slot fits its letter now and its number later, right against its formula.
  const slotEms = b.coefficients.map((c) => Math.max(1, String(c).length) * 0.56 + 0.14);

  // Lay the equation out on one line, shrinking the type until it fits 14.6 units.
  const plusEms = 1.3;
  const arrowEms = 2.1;
  const ems = species.reduce((acc, s, j) => acc + slotEms[j]! + formulaEms(s.formula) + (s.state ? 1.3 : 0), 0) + plusEms * (species.length - 2) + arrowEms;
  const size = Math.max(0.34, Math.min(0.62, 14.6 / ems));
  let x = (-ems * size) / 2;
  const y = 2.45;
  const objects: Composition['objects'] = [{ id: 'title', type: 'text', text: name ? `Balancing ${name}` : 'Balancing a chemical equation', x: 0, y: 3.85, size: 0.56, weight: 700, color: '$foreground', maxWidth: 15 }];
  const eqIds: string[] = [];
  species.forEach((s, j) => {
    objects.push({ id: `coef${j}`, type: 'math', latex: LETTERS[j]!, x: x + ((slotEms[j]! - 0.14) * size) / 2, y, size, color: '$muted' });
    x += slotEms[j]! * size;
    const w = (formulaEms(s.formula) + (s.state ? 1.3 : 0)) * size;
    objects.push({ id: `sp${j}`, type: 'math', latex: speciesLatex(s), x: x + w / 2, y, size, color: '$foreground' });
    eqIds.push(`sp${j}`);
    x += w;
    if (j === nR - 1 || j < species.length - 1) {
      const op = j === nR - 1 ? '\\longrightarrow' : '+';
      const opEms = j === nR - 1 ? arrowEms : plusEms;
      const id = j === nR - 1 ? 'arrow' : `plus${j}`;
      objects.push({ id, type: 'math', latex: op, x: x + (opEms * size) / 2, y, size, color: '$muted' });
      eqIds.push(id);
      x += opEms * size;
    }
  });

  // Atom bookkeeping: one row per element (and charge), left and right totals.
  const rows = b.elements;
  // Rows far enough apart that a highlight round one (a row with a fraction is taller) does not cross the next.
  const rowY = (i: number) => 0.8 - i * Math.min(0.8, 3.6 / Math.max(1, rows.length));
  for (const [id, text, hx] of [
    ['head-el', 'Atoms', 2.1],
    ['head-left', 'Left', 4.3],
    ['head-right', 'Right', 6.5],
  ] as const) {
    objects.push({ id, type: 'text', text, x: hx, y: 1.45, size: 0.32, color: '$muted' });
  }
  const totals = (coefs: number[], el: string) => [sideTotal(b.reactants, coefs, el), sideTotal(b.products, coefs.slice(nR), el)] as const;
  // The working of the solving step is written onto each element's row ("⇒ c = 1"): the rows sit far enough
  // right for their longest line to stay inside the title-safe area and left of the atom table.
  const chain = solvingChain(b);
  const rowLatex = rows.map((el) => `${el === 'charge' ? '\\text{charge}' : `\\mathrm{${el}}`}:\\ ${sideTerms(b.reactants, 0, el)} = ${sideTerms(b.products, nR, el)}`);
  const solvedLatex = rowLatex.map((latex, i) => {
    const line = chain?.lines.find((l) => l.row === i);
    return line ? `${latex} \\;\\Rightarrow\\; ${LETTERS[line.unknown]} = ${rationalLatex(line.value)}` : latex;
  });
  const rowWidth = Math.max(...solvedLatex.map(latexWidth)) * 0.4;
  const eqX = Math.min(Math.max(-4.2, -7 + rowWidth / 2), 1.4 - rowWidth / 2);
  objects.push({ id: 'eqs-head', type: 'text', text: 'One equation per element', x: eqX, y: 1.45, size: 0.32, color: '$muted' });
  rows.forEach((el, i) => {
    const [l, r] = totals(ones, el);
    const ok = l === r;
    objects.push({ id: `eq${i}`, type: 'math', latex: rowLatex[i]!, x: eqX, y: rowY(i), size: 0.4, color: '$foreground' });
    objects.push({ id: `el${i}`, type: 'text', text: rowLabel(el), x: 2.1, y: rowY(i), size: 0.36, weight: 600, color: '$foreground' });
    objects.push({ id: `left${i}`, type: 'text', text: String(l), x: 4.3, y: rowY(i), size: 0.36, font: 'mono', color: ok ? '$success' : '$danger' });
    objects.push({ id: `rel${i}`, type: 'text', text: ok ? '=' : '≠', x: 5.4, y: rowY(i), size: 0.36, color: ok ? '$success' : '$danger' });
    objects.push({ id: `right${i}`, type: 'text', text: String(r), x: 6.5, y: rowY(i), size: 0.36, font: 'mono', color: ok ? '$success' : '$danger' });
  });
  const solution = b.coefficients.map((c, j) => `${LETTERS[j]} = ${c}`).join(',\\ ');
  // Under both panels, across the full width: a long list of coefficients needs the room.
  const solutionY = Math.min(rowY(rows.length - 1) - 0.8, -2.9);
  objects.push({ id: 'solution', type: 'math', latex: solution, x: 0, y: solutionY, size: 0.44, color: SOLVED });

  // Green and red say whether an element balances, blue what the working has just solved. A row under the title,
  // right-aligned: the free corner the emphasis pass would pick is taken by a long table or the solution.
  const legend: LegendEntry[] = [
    { role: 'balanced', label: 'balances' },
    { role: 'unbalanced', label: 'unbalanced' },
    { role: 'solved', label: 'solved' },
  ];
  const places = rowPlaces(legend, Infinity);
  const last = legend.length - 1;
  const legendWidth = places[last]!.across + 0.45 + [...legend[last]!.label!].length * 0.28 * 0.56;
  const legendItems = legendObjects(legend, { x0: 7.2 - legendWidth, y1: 3.25 + LEGEND_ROW / 2 }, 'row');
  objects.push(...legendItems);
  const tl = new TimelineBuilder();
  const plain = (coefs: number[]) => `${b.reactants.map((s, i) => `${coefs[i] === 1 ? '' : coefs[i]}${s.formula}`).join(' + ')} → ${b.products.map((s, i) => `${coefs[nR + i] === 1 ? '' : coefs[nR + i]}${s.formula}`).join(' + ')}`;
  tl.narrate(`${name ? `${name.charAt(0).toUpperCase()}${name.slice(1)}: ` : ''}${plain(ones)}. Atoms are neither made nor destroyed, so each element must count the same on both sides.`, 3, eqIds);
  tl.appear('title', 0.6);
  for (const o of legendItems) tl.appear(o.id, 0.4, 'fade', 0.5);
  eqIds.forEach((id, i) => tl.appear(id, 0.5, 'fade', tl.t + 0.2 + i * 0.12));
  tl.wait(0.4 + eqIds.length * 0.12 + 0.8);

  const unbalanced = rows.filter((el) => totals(ones, el)[0] !== totals(ones, el)[1]);
  const counts = rows.map((el) => `${rowLabel(el)} ${totals(ones, el)[0]} vs ${totals(ones, el)[1]}`).join(', ');
  tl.narrate(
    unbalanced.length ? `As written: ${counts}. ${unbalanced.map(rowLabel).join(' and ')} ${unbalanced.length === 1 ? 'does' : 'do'} not match.` : `As written: ${counts}. It already balances.`,
    3,
    (unbalanced.length ? rows.flatMap((el, i) => (unbalanced.includes(el) ? [i] : [])) : rows.map((_, i) => i)).flatMap((i) => [`el${i}`, `left${i}`, `rel${i}`, `right${i}`]),
  );
  for (const id of ['head-el', 'head-left', 'head-right']) tl.appear(id, 0.4);
  rows.forEach((_, i) => {
    for (const p of ['el', 'left', 'rel', 'right']) tl.appear(`${p}${i}`, 0.4, 'fade', tl.t + 0.2 + i * 0.15);
  });
  tl.wait(0.6 + rows.length * 0.15 + 2);

  tl.narrate(`Give each substance an unknown coefficient ${species.map((_, j) => LETTERS[j]).join(', ')}; counting each element on both sides gives one equation per element.`, 3, [...species.map((_, j) => `coef${j}`), 'eqs-head']);
  species.forEach((_, j) => tl.appear(`coef${j}`, 0.4, 'grow', tl.t + j * 0.12));
  tl.wait(species.length * 0.12 + 0.5);
  tl.appear('eqs-head', 0.4);
  rows.forEach((_, i) => {
    tl.appear(`eq${i}`, 0.5);
    tl.add({ type: 'highlight', target: `el${i}`, at: tl.t, duration: 0.8, color: '$highlight' });
    tl.wait(0.75);
  });
  tl.wait(0.8);

  const letters = species.map((_, j) => LETTERS[j]!);
  const coefIds = species.map((_, j) => `coef${j}`);
  if (chain) {
    // The working, line by line: one coefficient fixed, then an element with one unknown left at a time.
    const first = species[chain.start]!.formula;
    tl.narrate(`Start from ${letters[chain.start]} = 1 for ${first}: any start works, the fractions are cleared at the end.`, 2, [`coef${chain.start}`, `sp${chain.start}`]);
    tl.add({ type: 'highlight', target: `coef${chain.start}`, at: tl.t, duration: 0.8, color: SOLVED });
    tl.wait(1.2);
    for (const line of chain.lines) {
      const value = rationalText(line.value);
      tl.narrate(`${rowText(rowLatex[line.row]!)}, so ${letters[line.unknown]} = ${value}.`, 2, [`eq${line.row}`]);
      tl.add({ type: 'set', target: `eq${line.row}`, at: tl.t + 0.2, property: 'latex', value: solvedLatex[line.row]! });
      tl.add({ type: 'tween', target: `eq${line.row}`, property: 'color', to: SOLVED, start: tl.t + 0.2, duration: 0.3 });
      tl.wait(1.6);
    }
    const found = species.map((_, j) => (j === chain.start ? '1' : rationalText(chain.lines.find((l) => l.unknown === j)!.value)));
    const whole = b.coefficients.map((c, j) => `${letters[j]} = ${c}`).join(', ');
    tl.narrate(chain.scale > 1 ? `Multiply every coefficient by ${chain.scale} to clear the fractions: ${whole}.` : `${found.map((v, j) => `${letters[j]} = ${v}`).join(', ')}: whole numbers already, and the smallest.`, 2.4, ['solution']);
  } else {
    // Element equations that each keep two unknowns must be solved together: say so rather than pretend a chain.
    const smallest = b.coefficients.every((c) => c === 1) ? '' : ', scaled to the smallest whole numbers';
    tl.narrate(`These equations share their unknowns, so they are solved together, exactly (with fractions)${smallest}: ${b.coefficients.map((c, j) => `${letters[j]} = ${c}`).join(', ')}.`, 3, ['solution']);
  }
  tl.appear('solution', 0.6, 'grow');
  tl.wait(2.2);

  tl.narrate('Put the coefficients in front of the formulas: every element now balances.', 3, [...coefIds, ...rows.map((_, i) => `rel${i}`)]);
  species.forEach((_, j) => {
    const c = b.coefficients[j]!;
    tl.add({ type: 'set', target: `coef${j}`, at: tl.t, property: 'latex', value: String(c) });
    tl.add({ type: 'tween', target: `coef${j}`, property: 'color', to: c === 1 ? '$muted' : SOLVED, start: tl.t, duration: 0.3 });
    tl.add({ type: 'highlight', target: `sp${j}`, at: tl.t, duration: 0.5, color: SOLVED });
    tl.wait(0.45);
  });
  rows.forEach((el, i) => {
    const [l, r] = totals(b.coefficients, el);
    tl.setText(`left${i}`, String(l)).setText(`right${i}`, String(r)).setText(`rel${i}`, '=');
    for (const p of ['left', 'rel', 'right']) tl.add({ type: 'tween', target: `${p}${i}`, property: 'color', to: '$success', start: tl.t, duration: 0.4 });
    tl.wait(0.25);
  });
  tl.wait(1.2);
  // A coefficient of 1 is not written in a balanced equation.
  species.forEach((_, j) => {
    if (b.coefficients[j] === 1) tl.add({ type: 'disappear', target: `coef${j}`, at: tl.t, duration: 0.5 });
  });
  tl.narrate(`Balanced: ${plain(b.coefficients)}.`, 3, [...eqIds, ...coefIds.filter((_, j) => b.coefficients[j] !== 1)], { emphasis: 'dim-rest' });
  tl.wait(3.2);
  tl.finish(tl.t);
  return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: name ? `Balancing ${name}` : 'Balancing a chemical equation' };
}
