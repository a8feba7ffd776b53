// Reactions people name instead of writing out ("photosynthesis", "combustion of propane"), and
// finding a written equation inside a sentence.
import { ARROW, formulaForName, parseSpecies, splitSide } from './reaction-balance.ts';
import { moleculeNamed } from './molecule-lookup.ts';
import { parseFormula } from './formula.ts';

const NAMED: { pattern: RegExp; name: string; equation: string }[] = [
  { pattern: /\bphotosynthesis\b/i, name: 'photosynthesis', equation: 'CO2 + H2O -> C6H12O6 + O2' },
  { pattern: /\b(cellular|aerobic) respiration\b|\brespiration\b/i, name: 'cellular respiration', equation: 'C6H12O6 + O2 -> CO2 + H2O' },
  { pattern: /\b(alcoholic )?fermentation\b/i, name: 'fermentation', equation: 'C6H12O6 -> C2H5OH + CO2' },
  { pattern: /\bhaber\b/i, name: 'the Haber process', equation: 'N2 + H2 -> NH3' },
  { pattern: /\brust(ing)?\b/i, name: 'rusting of iron', equation: 'Fe + O2 -> Fe2O3' },
  { pattern: /\bthermite\b/i, name: 'the thermite reaction', equation: 'Al + Fe2O3 -> Al2O3 + Fe' },
  { pattern: /\belectrolysis of water\b|\bsplitting water\b|\bwater splitting\b/i, name: 'electrolysis of water', equation: 'H2O -> H2 + O2' },
  { pattern: /\bneutrali[sz](ation|e|ing)\b/i, name: 'neutralisation', equation: 'HCl + NaOH -> NaCl + H2O' },
  { pattern: /\b(decomposition of )?hydrogen peroxide\b.*\bdecompos|\bdecomposition of hydrogen peroxide\b/i, name: 'decomposition of hydrogen peroxide', equation: 'H2O2 -> H2O + O2' },
  { pattern: /\blimestone\b|\bcalcium carbonate\b|\blime kiln\b|\bcalcination\b/i, name: 'decomposition of limestone', equation: 'CaCO3 -> CaO + CO2' },
  { pattern: /\bbaking soda\b.*\bvinegar\b|\bvinegar\b.*\bbaking soda\b/i, name: 'baking soda and vinegar', equation: 'NaHCO3 + CH3COOH -> CH3COONa + H2O + CO2' },
];

/** "combustion of propane" → "C3H8 + O2 -> CO2 + H2O" for fuels made of C, H and O (and H2, metals). */
function combustion(original: string): { name: string; equation: string } | undefined {
  const m = /\b(?:combustion|burning|burn|combust(?:ing)?)\s+(?:of\s+)?(?:an?\s+|the\s+)?([a-z][a-z0-9 ,-]*?)(?:\s+(?:in|with|and)\b|[.?!]|$)/i.exec(original) ?? /\b([a-z][a-z0-9-]*)\s+(?:combustion|burning)\b/i.exec(original);
  if (!m) return undefined;
  const fuel = m[1]!.trim();
  if (/^(magnesium|mg)$/i.test(fuel)) return { name: 'burning magnesium', equation: 'Mg + O2 -> MgO' };
  const written = formulaForName(fuel) ?? (/^[A-Z]/.test(fuel) ? fuel : undefined);
  if (!written) return undefined;
  const counts = parseFormula(written).counts;
  if (![...counts.keys()].every((el) => ['C', 'H', 'O'].includes(el)) || !counts.has('H')) return undefined;
  const products = counts.has('C') ? 'CO2 + H2O' : 'H2O';
  const entry = moleculeNamed(fuel);
  return { name: `combustion of ${entry?.name ?? fuel}`, equation: `${written} + O2 -> ${products}` };
}

export function namedReaction(original: string): { name: string; equation: string } | undefined {
  return combustion(original) ?? NAMED.find((r) => r.pattern.test(original));
}

function validSpecies(text: string): boolean {
  try {
    parseSpecies(text);
    return true;
  } catch {
    return false;
  }
}

/** The longest run of words at one end of a chunk that is a species ("balance the equation H2" → "H2"). */
function speciesAtEnd(chunk: string, end: 'start' | 'end'): string | undefined {
  const words = chunk.trim().split(/\s+/);
  for (let n = Math.min(words.length, 4); n >= 1; n--) {
    const part = (end === 'end' ? words.slice(-n) : words.slice(0, n)).join(' ');
    if (validSpecies(part)) return part;
  }
  return undefined;
}

/** An equation written in the text ("balance H2 + O2 -> H2O please"), as "H2 + O2 -> H2O". */
export function equationInText(original: string): string | undefined {
  const arrow = ARROW.exec(original);
  if (!arrow) return undefined;
  const before = original.slice(0, arrow.index).replace(/^.*[:;]\s*/s, '');
  const after = original.slice(arrow.index + arrow[0].length).replace(/[.?!;,]+(\s|$).*$/s, '');
  const left = splitSide(before);
  const right = splitSide(after);
  if (!left.length || !right.length) return undefined;
  const first = speciesAtEnd(left[0]!, 'end');
  const last = speciesAtEnd(right[right.length - 1]!, 'start');
  if (!first || !last) return undefined;
  const lhs = [first, ...left.slice(1)];
  const rhs = right.length === 1 ? [last] : [...right.slice(0, -1), last];
  if (![...lhs, ...rhs].every(validSpecies)) return undefined;
  return `${lhs.join(' + ')} -> ${rhs.join(' + ')}`;
}
