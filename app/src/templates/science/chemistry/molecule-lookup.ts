// Finding the molecule a person means: a common name or synonym ("acetylsalicylic acid"), a formula
// ("C8H10N4O2", "NaCl" in any element order) or a SMILES string ("CC(=O)O"). Offline, table first.
import { editDistance } from '../../../text/edit-distance.ts';
import { FormulaError, hillFormula, parseFormula, sameComposition, type ElementCounts } from './formula.ts';
import { moleculeStructures, parseSmiles, StructureError } from './molecule-geometry.ts';
import { MOLECULES, type MoleculeEntry } from './molecule-table.ts';

export interface ResolvedMolecule {
  /** The built-in row, when the molecule is one of them. */
  entry?: MoleculeEntry;
  smiles: string;
  /** What to call it on screen: the common name, or the SMILES string. */
  label: string;
  /** How the query was understood ("formula C2H6O"), for warnings. */
  matchedBy: 'name' | 'formula' | 'smiles';
  /** Other built-in molecules that share the formula the user gave (isomers). */
  isomers: string[];
}

export class MoleculeError extends Error {
  override name = 'MoleculeError';
}

/** "1,3-Butadiene" → "1,3 butadiene": lower case, words separated by single spaces, digit commas kept. */
export function nameKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/(?<!\d),|,(?!\d)/g, ' ')
    .replace(/[^a-z0-9,]+/g, ' ')
    .trim();
}

/** Largest SMILES (atoms other than hydrogen) built in 3D on request. */
export const MAX_HEAVY_ATOMS = 60;

/** Short names (ATP, TNT, Gly) collide with English words unless written with a capital. */
const SHORT_NAME = 4;

interface NameIndexEntry {
  key: string;
  entry: MoleculeEntry;
}

const NAME_INDEX: NameIndexEntry[] = MOLECULES.flatMap((entry) => [entry.name, ...entry.synonyms].map((n) => ({ key: nameKey(n), entry })));
const BY_KEY = new Map(NAME_INDEX.map((n) => [n.key, n.entry]));
const BY_NAME = new Map(MOLECULES.map((m) => [m.name, m]));

/** By any of its names or synonyms, any case or hyphenation ("Carbon-Dioxide"). */
export function moleculeNamed(text: string): MoleculeEntry | undefined {
  return BY_KEY.get(nameKey(text));
}

function byFormula(counts: ElementCounts): MoleculeEntry[] {
  return MOLECULES.filter((m) => sameComposition(parseFormula(m.formula).counts, counts));
}

/** Looks like a formula rather than a word: element symbols and digits only, with a digit or two capitals. */
function formulaLike(token: string): boolean {
  return /^(?:[A-Z][a-z]?\d*|[()[\]]\d*)+$/.test(token) && (/\d/.test(token) || (token.match(/[A-Z]/g) ?? []).length >= 2);
}

/** SMILES punctuation, or aromatic lower-case atoms with ring digits: clearly not a word or a formula. */
function smilesLike(token: string): boolean {
  return /[=#()[\]@/\\]/.test(token) || /^[cnosCNOSPFIBrl]*[cnos][cnosCNOSPFIBrl]*\d[cnosCNOSPFIBrl\d]*$/.test(token);
}

/** Resolves what a param or a user wrote; throws MoleculeError with what to try instead. */
export function resolveMolecule(query: string): ResolvedMolecule {
  const q = query.trim();
  if (!q) throw new MoleculeError('no molecule given');
  const named = BY_KEY.get(nameKey(q));
  if (named) {
    return { entry: named, smiles: named.smiles, label: named.name, matchedBy: 'name', isomers: [] };
  }
  if (formulaLike(q) || /^[A-Z][a-z]?\d*$/.test(q)) {
    try {
      const counts = parseFormula(q).counts;
      const matches = byFormula(counts);
      if (matches.length > 0) {
        return { entry: matches[0], smiles: matches[0]!.smiles, label: matches[0]!.name, matchedBy: 'formula', isomers: matches.slice(1).map((m) => m.name) };
      }
      if (!smilesLike(q) && /\d/.test(q)) {
        throw new MoleculeError(`no built-in molecule has the formula ${hillFormula(counts)}; give its name or a SMILES string`);
      }
    } catch (e) {
      if (e instanceof MoleculeError) throw e;
      if (!(e instanceof FormulaError)) throw e;
    }
  }
  let heavyAtoms: number;
  try {
    const mol = parseSmiles(q);
    heavyAtoms = 0;
    for (let i = 0; i < mol.getAllAtoms(); i++) if (mol.getAtomicNo(i) !== 1) heavyAtoms++;
  } catch (e) {
    if (e instanceof StructureError) {
      throw new MoleculeError(`unknown molecule "${q}": not one of the ${MOLECULES.length} built-in molecules, a formula of one, or a SMILES string`);
    }
    throw e;
  }
  const known = moleculeStructures.nameOf(q);
  // 3D generation time grows fast with size (and runs in-process): refuse what cannot be done quickly.
  if (!known && heavyAtoms > MAX_HEAVY_ATOMS) {
    throw new MoleculeError(`the SMILES "${q.length > 40 ? `${q.slice(0, 39)}…` : q}" has ${heavyAtoms} heavy atoms; at most ${MAX_HEAVY_ATOMS} can be built in 3D here`);
  }
  const entry = known ? BY_NAME.get(known) : undefined;
  return { ...(entry ? { entry } : {}), smiles: q, label: entry ? entry.name : q, matchedBy: 'smiles', isomers: [] };
}

/**
 * Names that alone should not pick the molecule template: element gases share their name with the atom
 * ("hydrogen"), and everyday words ("alcohol awareness training") are not requests for a molecule.
 */
const NOT_ALONE = new Set([
  'hydrogen',
  'oxygen',
  'nitrogen',
  'chlorine',
  'fluorine',
  'bromine',
  'iodine',
  'alcohol',
  'vinegar',
  'vanilla',
  'natural gas',
  'antifreeze',
  'mothballs',
  'clove oil',
  'cinnamon oil',
  'banana oil',
  'peroxide',
  'glycol',
]);

/**
 * Words of the normalised text (lower case, punctuation as spaces) that name a built-in molecule on
 * their own: names of six letters or more and formulas such as h2o, co2, h2so4, nacl.
 */
export function moleculeWordsPattern(): RegExp {
  const words = new Set<string>();
  for (const m of MOLECULES) {
    for (const n of [m.name, ...m.synonyms].map(nameKey)) {
      const formula = /^[a-z]{1,2}\d/.test(n) && /\d/.test(n) ? n : undefined;
      if (formula || (n.length >= 6 && !NOT_ALONE.has(n))) words.add(n.replace(/,/g, ' '));
    }
    if (/\d/.test(m.formula)) words.add(m.formula.toLowerCase());
  }
  for (const f of ['nacl', 'hcl', 'hbr']) words.add(f);
  const alternatives = [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![a-z0-9])(${alternatives.join('|')})(?![a-z0-9])`);
}

// --- Finding it in a description ---------------------------------------------------------------

/** Words around a molecule's name that are not its name. */
const NOT_A_NAME = new Set(
  'his her their our its one same new whole entire single given following first next show shows showing rotate rotating rotation spin spinning turning display draw render animate animation visualise visualize model models molecule molecules molecular structure structures 3d three dimensional ball stick sticks space filling complex simple small big large organic a an the of this that some any me my your please with and in for its it view chemical compound compounds atom atoms bond bonds formula smiles what how does look like'.split(
    ' ',
  ),
);

interface Found {
  start: number;
  end: number;
  entry: MoleculeEntry;
}

/** Built-in names in the text, longest first, ignoring names inside longer ones ("hydrogen" in "hydrogen peroxide"). */
function namesInText(original: string): Found[] {
  const text = ` ${nameKey(original)} `;
  const found: Found[] = [];
  for (const { key, entry } of NAME_INDEX) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(` ${key} `, from);
      if (at < 0) break;
      from = at + 1;
      found.push({ start: at + 1, end: at + 1 + key.length, entry });
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Found[] = [];
  for (const f of found) {
    if (kept.some((k) => f.start < k.end && k.start < f.end)) continue;
    const written = writtenForm(original, text.slice(f.start, f.end));
    if (f.end - f.start <= SHORT_NAME && written !== undefined && written === written.toLowerCase()) continue;
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** How a (short) key was written in the original, to check its capitals. */
function writtenForm(original: string, key: string): string | undefined {
  const m = new RegExp(`(?<![A-Za-z0-9])${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`, 'i').exec(original);
  return m?.[0];
}

/** Tokens of the original that could be a formula or SMILES (punctuation at the ends stripped). */
function chemicalTokens(original: string): string[] {
  return original
    .split(/\s+/)
    .map((t) => t.replace(/^["'“‘(]+|["'”’.,;:!?]+$/g, ''))
    .map((t) => (t.split('(').length < t.split(')').length ? t.replace(/\)+$/, '') : t))
    .filter((t) => t.length > 0);
}

/** A single-word name within a small edit distance ("caffiene" → caffeine). */
function fuzzyName(original: string): { word: string; entry: MoleculeEntry } | undefined {
  for (const word of nameKey(original).split(' ')) {
    if (word.length < 5 || NOT_A_NAME.has(word) || /\d/.test(word)) continue;
    const max = word.length >= 8 ? 2 : 1;
    let best: { d: number; entry: MoleculeEntry } | undefined;
    for (const { key, entry } of NAME_INDEX) {
      if (key.includes(' ') || Math.abs(key.length - word.length) > max) continue;
      const d = editDistance(word, key, max);
      if (d <= max && (!best || d < best.d)) best = { d, entry };
    }
    if (best) return { word, entry: best.entry };
  }
  return undefined;
}

/** The word a person used as a molecule's name ("the unobtainium molecule"), if any. */
function namedUnknown(original: string): string | undefined {
  const text = nameKey(original);
  const patterns = [/\b([a-z][a-z0-9,]*(?: [a-z][a-z0-9,]*)?) molecules?\b/, /\bmolecules? (?:of |called |named )?([a-z][a-z0-9,]*)\b/, /\b(?:structure|model) of (?:an? |the )?([a-z][a-z0-9,]*)\b/];
  for (const re of patterns) {
    const m = re.exec(text);
    if (!m) continue;
    const words = m[1]!.split(' ').filter((w) => !NOT_A_NAME.has(w));
    if (words.length) return words.join(' ');
  }
  return undefined;
}

export interface MoleculeMention {
  /** The param value: a built-in name or a SMILES string. */
  molecule?: string;
  /** Words of the original that named it. */
  used: string[];
}

/** The molecule a description names, with warnings for guesses, several candidates or unknown names. */
export function findMolecule(original: string, warnings: string[]): MoleculeMention {
  const names = namesInText(original);
  if (names.length > 0) {
    const first = names[0]!.entry;
    const others = [...new Set(names.map((n) => n.entry.name))].filter((n) => n !== first.name);
    if (others.length) warnings.push(`several molecules are named (${[first.name, ...others].join(', ')}); showing ${first.name}`);
    return { molecule: first.name, used: [first.name] };
  }
  const tokens = chemicalTokens(original);
  const mentionsSmiles = /\bsmiles\b/i.test(original);
  for (const token of tokens) {
    if (!formulaLike(token) || smilesLike(token)) continue;
    if (mentionsSmiles && /^[CNOSPFIcnos]+$/.test(token)) continue;
    let counts: ElementCounts;
    try {
      counts = parseFormula(token).counts;
    } catch {
      continue;
    }
    const matches = byFormula(counts);
    if (matches.length > 0) {
      if (matches.length > 1) warnings.push(`${token} is the formula of ${matches.length} built-in molecules (${matches.map((m) => m.name).join(', ')}); showing ${matches[0]!.name} — name the one you mean`);
      return { molecule: matches[0]!.name, used: [token] };
    }
    if (/\d/.test(token)) {
      warnings.push(`no built-in molecule has the formula ${token}; showing caffeine instead — give the molecule's name or its SMILES string`);
      return { used: [] };
    }
  }
  for (const token of tokens) {
    if (!(smilesLike(token) || (mentionsSmiles && /^[A-Za-z0-9]+$/.test(token) && !NOT_A_NAME.has(token.toLowerCase())))) continue;
    try {
      parseSmiles(token);
    } catch {
      continue;
    }
    const known = moleculeStructures.nameOf(token);
    return { molecule: known ?? token, used: [token] };
  }
  const fuzzy = fuzzyName(original);
  if (fuzzy) {
    warnings.push(`read "${fuzzy.word}" as ${fuzzy.entry.name}`);
    return { molecule: fuzzy.entry.name, used: [fuzzy.word] };
  }
  const unknown = namedUnknown(original);
  if (unknown) {
    warnings.push(`unknown molecule "${unknown}": it is not one of the ${MOLECULES.length} built-in molecules; showing caffeine instead — try a common name (aspirin), a formula (C9H8O4) or a SMILES string`);
  }
  return { used: [] };
}
