// Finding formulas, x ranges and points in free text: "Graph x^2 - 4 from -3 to 3", "plot y = sin(x)
// and y = cos(x) for x between -2π and 2π", "derivative of x³ at x = 2", "area under 1/x from 1 to e".
import { cleanFormulaText, evaluateConstant, FUNCTION_NAMES, FormulaError, parseFormula, type Formula } from './expression.ts';

export interface FoundFormulas {
  formulas: Formula[];
  /** Formulas the text clearly meant but that could not be read, with the reason. */
  problems: string[];
}

const LETTER_RUN = new RegExp(`^(?:${[...FUNCTION_NAMES, 'pi', 'x', 'e'].sort((a, b) => b.length - a.length).join('|')})+$`, 'i');
/** Words just before a lone "x" that make it a point or a range, not a formula ("at x = 2", "for x from"). */
const POINT_WORDS = new Set(['at', 'for', 'where', 'when', 'with', 'as', 'point', 'if']);
const AFTER_POINT_WORDS = new Set(['=', 'is', 'from', 'between', 'in', 'goes', 'ranges', 'values', 'equals', 'axis', '∈', 'to']);

/** Rewrites spoken maths: "x squared" → "x^2", "square root of x" → "sqrt(x)", "e to the x" → "e^x". */
export function spokenToFormula(text: string): string {
  return (
    text
      .replace(/\b([a-z0-9)]+)\s+squared\b/gi, '$1^2')
      .replace(/\b([a-z0-9)]+)\s+cubed\b/gi, '$1^3')
      .replace(/\b([a-z0-9]+)\s+to the (?:power of\s+)?(\d+)(?:st|nd|rd|th)?(?:\s+power)?\b/gi, '$1^$2')
      .replace(/\be to the (?:power of )?x\b/gi, 'e^x')
      .replace(/\b(?:the\s+)?(?:square\s+)?root of\s+x\b/gi, 'sqrt(x)')
      .replace(/\b(?:the\s+)?(?:natural\s+)?log(?:arithm)? of\s+x\b/gi, 'log(x)')
      .replace(/\b(sine|cosine|tangent) of\s+(x|\d*x)\b/gi, (_m, fn: string, arg: string) => `${fn.slice(0, 3).toLowerCase()}(${arg})`)
      .replace(/\b1\s+over\s+x\b/gi, '1/x')
      // "sin x", "ln 2x": a function name and a simple argument, written as a word apart.
      .replace(/\b(sinh|cosh|tanh|sin|cos|tan|sec|csc|cot|ln|log|exp|sqrt|abs)\s+(\d*\.?\d*x|\d+(?:\.\d+)?)\b(?!\s*[(^])/gi, '$1($2)')
  );
}

function stripWord(w: string): string {
  return w
    .replace(/^["'“‘]+/, '')
    .replace(/["'”’]+$/, '')
    .replace(/[,;:!?]+$/, '')
    .replace(/\.$/, '');
}

/** Whether a word could be (part of) a formula: formula characters, and letters only from known names. */
function formulaShaped(word: string): boolean {
  if (!word || !/^[a-z0-9.+\-*/^()|]+$/i.test(word)) return false;
  const letters = word.match(/[a-z]+/gi) ?? [];
  if (!letters.every((l) => LETTER_RUN.test(l) || /^\d*e[-+]?\d*$/i.test(l))) return false;
  // A word of letters alone is a formula only when it is x or pi ("sine", "ex", "log" are words).
  if (/^[a-z]+$/i.test(word)) return /^(x|pi)$/i.test(word);
  return true;
}

const EXPLICIT = /(?:^|[^a-z0-9])(?:y|[a-z]\s*\(\s*x\s*\))\s*=\s*(.+?)(?=\s+(?:from|for|between|over|on|in|with|when|where|at|and|as|if|using|to)\b|[,;?!]|\.(?:\s|$)|$)/gi;

/** Every formula in x written in the text, in order, read and checked. */
export function findFormulas(original: string): FoundFormulas {
  const text = spokenToFormula(original.replace(/[−–]/g, '-').replace(/\bd\s*x\b|(?<=[\w)])dx\b/g, ' '));
  const formulas: Formula[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const push = (f: Formula) => {
    if (!seen.has(f.text)) {
      seen.add(f.text);
      formulas.push(f);
    }
  };

  // "y = …" and "f(x) = …": the right-hand side is the formula, even when it is not well formed.
  const explicitSpans: [number, number][] = [];
  for (const m of text.matchAll(EXPLICIT)) {
    const rhs = m[1]!.trim();
    explicitSpans.push([m.index!, m.index! + m[0].length]);
    if (!rhs) continue;
    try {
      push(parseFormula(rhs));
    } catch (e) {
      // "y = 1/x look" (the sentence goes on): the longest leading part that is a formula.
      // Only words that cannot be maths may be cut off; "x +* 2" stays an error.
      const words = rhs.split(/\s+/);
      const firstWord = words.findIndex((w) => !formulaShaped(stripWord(w)));
      let found: Formula | undefined;
      if (firstWord >= 1) {
        try {
          found = parseFormula(words.slice(0, firstWord).join(' '));
        } catch {
          found = undefined;
        }
      }
      if (found) push(found);
      else if (e instanceof FormulaError) problems.push(e.message);
    }
  }

  // Elsewhere: runs of formula-shaped words that use x ("Graph x^2 - 4 from -3 to 3").
  const spaced = text.replace(/=/g, ' = ').replace(/,(?![^(]*\))/g, ' , ');
  const words = [...spaced.matchAll(/\S+/g)].map((m) => ({ raw: m[0], word: stripWord(m[0]), at: m.index!, end: m.index! + m[0].length }));
  let i = 0;
  while (i < words.length) {
    if (!formulaShaped(words[i]!.word)) {
      i++;
      continue;
    }
    let j = i;
    // A run ends after a word that carried punctuation ("sin(x), cos(x)").
    while (j + 1 < words.length && formulaShaped(words[j + 1]!.word) && words[j]!.raw === words[j]!.word) j++;
    const run = words.slice(i, j + 1);
    const start = run[0]!.at;
    const inExplicit = explicitSpans.some(([a, b]) => start >= a && start < b);
    const source = run
      .map((w) => w.word)
      .join(' ')
      .replace(/^[+*/^]+|[-+*/^]+$/g, '')
      .trim();
    const before = words[i - 1]?.word.toLowerCase();
    const after = words[j + 1]?.word.toLowerCase();
    i = j + 1;
    // "x = 3" names a point, not a curve; but "x^2 - 5x + 6 = 0" asks for the roots of the left side.
    const rootsOf = after === '=' && words[j + 2]?.word === '0' && words[j + 3]?.word !== '=';
    if (inExplicit || !source || (after === '=' && !rootsOf)) continue;
    if (/^x$/i.test(source) && ((before && POINT_WORDS.has(before)) || (after && AFTER_POINT_WORDS.has(after)))) continue;
    try {
      const f = parseFormula(source);
      if (f.usesVariable) push(f);
    } catch (e) {
      // A run with x, a function or brackets was meant as a formula ("sin(", "x^2 +* 1").
      if (e instanceof FormulaError && /x|[a-z]{2,}|[()]/i.test(cleanFormulaText(source))) problems.push(e.message);
    }
  }
  return { formulas, problems };
}

/** Curves people name instead of writing ("plot a sine wave", "graph the parabola"). */
const NAMED_CURVES: [RegExp, string][] = [
  [/\bsine\b|\bsin wave\b/, 'sin(x)'],
  [/\bcosine\b/, 'cos(x)'],
  [/\btangent (?:function|curve|graph)\b|\bgraph of tangent\b/, 'tan(x)'],
  [/\bparabola\b|\bquadratic\b/, 'x^2'],
  [/\bcubic\b/, 'x^3'],
  [/\bexponential\b/, 'e^x'],
  [/\b(?:natural )?log(?:arithm|arithmic)?(?: function| curve)?\b/, 'log(x)'],
  [/\bsquare root\b/, 'sqrt(x)'],
  [/\babsolute value\b/, 'abs(x)'],
  [/\bhyperbola\b|\breciprocal\b/, '1/x'],
  [/\bsigmoid\b|\blogistic\b/, '1/(1 + e^(-x))'],
  [/\bgaussian\b|\bbell curve\b|\bnormal distribution\b/, 'e^(-x^2/2)'],
];

export function namedCurves(normalized: string): Formula[] {
  const out: Formula[] = [];
  for (const [re, formula] of NAMED_CURVES) if (re.test(normalized)) out.push(parseFormula(formula));
  return out;
}

// A bound: a number, possibly with pi ("2pi", "-π/2", "3π/2", "pi"), or e.
const BOUND = String.raw`[-+]?\s*(?:(?:\d+(?:\.\d+)?|\.\d+)(?:e[-+]?\d+)?\s*\*?\s*(?:pi|π)?|pi|π|e\b)(?:\s*\/\s*\d+(?:\.\d+)?)?`;
const X_IS = String.raw`(?:x\s*=\s*)?`;

/** A range written for x: "from -3 to 3", "between -2π and 2π", "x in [0, 10]", "-5 <= x <= 5", "on [0, pi]". */
export function findRange(original: string): [number, number] | undefined {
  const text = original.replace(/[−–]/g, '-').replace(/≤/g, '<=').replace(/∈/g, ' in ');
  const patterns = [
    new RegExp(String.raw`(${BOUND})\s*<=?\s*x\s*<=?\s*(${BOUND})`, 'i'),
    new RegExp(String.raw`\bfrom\s+${X_IS}(${BOUND})\s+(?:to|until|through|till)\s+${X_IS}(${BOUND})`, 'i'),
    new RegExp(String.raw`\bbetween\s+${X_IS}(${BOUND})\s+and\s+${X_IS}(${BOUND})`, 'i'),
    new RegExp(String.raw`[[(]\s*(${BOUND})\s*[,;]\s*(${BOUND})\s*[\])]`, 'i'),
    new RegExp(String.raw`\b(?:x\s+|for\s+|over\s+)(${BOUND})\s*(?:to|\.\.)\s*(${BOUND})`, 'i'),
    new RegExp(String.raw`(?<![\w^.])(${BOUND})\s*(?:\.\.|to)\s*(${BOUND})`, 'i'),
  ];
  for (const re of patterns) {
    const m = re.exec(text);
    if (!m) continue;
    const a = evaluateConstant(m[1]!.replace(/\s+/g, ''));
    const b = evaluateConstant(m[2]!.replace(/\s+/g, ''));
    if (a === undefined || b === undefined || a === b) continue;
    return a < b ? [a, b] : [b, a];
  }
  return undefined;
}

/** The point a description names for x: "at x = 2", "at 2", "x0 = pi/4", "where x is 1", "f'(3)". */
export function findPoint(original: string): number | undefined {
  const text = original.replace(/[−–]/g, '-').replace(/x₀/g, 'x0');
  const patterns = [
    new RegExp(String.raw`\bx_?0\s*(?:=|is|of)\s*(${BOUND})`, 'i'),
    new RegExp(String.raw`\b(?:at|where|when)\s+x\s*(?:=|is|equals)\s*(${BOUND})`, 'i'),
    new RegExp(String.raw`\bat\s+(?:the\s+)?(?:point\s+)?\(?\s*(${BOUND})`, 'i'),
    new RegExp(String.raw`\b[a-z]'\s*\(\s*(${BOUND})\s*\)`, 'i'),
    new RegExp(String.raw`\bx\s*=\s*(${BOUND})(?![\w.])(?!\s*(?:to|and)\b)`, 'i'),
  ];
  for (const re of patterns) {
    const m = re.exec(text);
    if (!m) continue;
    const v = evaluateConstant(m[1]!.replace(/\s+/g, ''));
    if (v !== undefined) return v;
  }
  return undefined;
}
