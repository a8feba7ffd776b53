// Formulas as plain text for captions, labels and titles: "x^2 - 3x + 2" → "x² − 3x + 2", "3 * x ^ 2" → "3x²",
// "sqrt(x)" → "√x", "pi" → "π". The formula is parsed by mathjs (the same reading the plot and the derivative use) and
// printed again with superscript powers, real minus signs and implicit products; parentheses appear only where the
// meaning needs them. An exponent Unicode cannot raise ("x^(1/2)") keeps a caret, in brackets, rather than lie.
import type { MathNode } from 'mathjs';
import { cleanFormulaText } from '../mathematics/expression.ts';
import { mathjs } from '../mathematics/mathjs.ts';
import { MINUS } from './number.ts';
import { canRaise, superscript } from './superscript.ts';

const SYMBOLS: Record<string, string> = { pi: 'π', tau: 'τ', phi: 'φ', theta: 'θ' };
/** A coefficient written against what it multiplies: "3", "−2", "0.5", "2π". */
const NUMBER_LIKE = /^−?(?:[\d.]+[πτφ]?|[πτφ])$/;
const PRECEDENCE: Record<string, number> = { add: 1, subtract: 1, unaryMinus: 2, unaryPlus: 2, multiply: 3, divide: 3, pow: 5 };

interface Printed {
  text: string;
  /** Binding strength of the outermost operation (atoms: 9). */
  level: number;
  /** Whether it starts with a letter, a function or a bracket, so "3" may be written in front with no sign ("3x"). */
  juxtaposable: boolean;
}

const atom = (text: string, juxtaposable: boolean): Printed => ({ text, level: 9, juxtaposable });

function constant(value: unknown): Printed {
  const n = Number(value);
  const text = Number.isFinite(n)
    ? String(n)
        .replace(/^-/, MINUS)
        .replace(/e\+?(-?\d+)$/, (_m, e: string) => ` × 10${superscript(e)}`)
    : String(value);
  return { text, level: n < 0 ? 2 : 9, juxtaposable: false };
}

function wrap(p: Printed, min: number): string {
  return p.level < min ? `(${p.text})` : p.text;
}

function print(node: MathNode): Printed {
  const n = node as unknown as { type: string; name?: string; value?: unknown; fn?: string | { name?: string }; args?: MathNode[]; content?: MathNode; implicit?: boolean };
  switch (n.type) {
    case 'ConstantNode':
      return constant(n.value);
    case 'SymbolNode':
      return atom(SYMBOLS[n.name!] ?? n.name!, true);
    case 'ParenthesisNode': {
      const inner = print(n.content!);
      // Brackets the writer added around an atom or a power say nothing; around a sum they do.
      return inner.level >= 5 ? inner : atom(`(${inner.text})`, true);
    }
    case 'FunctionNode': {
      const name = typeof n.fn === 'object' ? (n.fn.name ?? '') : '';
      const args = n.args!.map(print);
      if (name === 'sqrt' || name === 'cbrt') {
        const root = name === 'sqrt' ? '√' : '∛';
        return atom(args[0]!.level >= 9 && !args[0]!.text.includes(' ') ? `${root}${args[0]!.text}` : `${root}(${args[0]!.text})`, true);
      }
      if (name === 'abs') return atom(`|${args[0]!.text}|`, true);
      return atom(`${name}(${args.map((a) => a.text).join(', ')})`, true);
    }
    case 'OperatorNode': {
      const fn = n.fn as string;
      const args = n.args!.map(print);
      const level = PRECEDENCE[fn] ?? 9;
      if (fn === 'unaryMinus') return { text: `${MINUS}${wrap(args[0]!, 3)}`, level, juxtaposable: false };
      if (fn === 'unaryPlus') return { text: `+${wrap(args[0]!, 3)}`, level, juxtaposable: false };
      const [a, b] = args as [Printed, Printed];
      switch (fn) {
        case 'add': {
          // "x + −3" reads "x − 3".
          if (b.text.startsWith(MINUS) && b.level === 2) return { text: `${a.text} ${MINUS} ${b.text.slice(1)}`, level, juxtaposable: a.juxtaposable };
          return { text: `${a.text} + ${wrap(b, 2)}`, level, juxtaposable: a.juxtaposable };
        }
        case 'subtract':
          return { text: `${a.text} ${MINUS} ${wrap(b, 2)}`, level, juxtaposable: a.juxtaposable };
        case 'multiply': {
          // A leading sign needs no bracket: "−2x" is (−2)·x and −(2x) alike.
          const left = wrap(a, 2);
          const right = wrap(b, 4);
          // A number (or π) before a letter, a function or a bracket is written against it ("3x", "2πx", "2(x + 1)").
          const juxtapose = (n.implicit || NUMBER_LIKE.test(left)) && (b.juxtaposable || right.startsWith('(')) && b.level >= 5;
          return { text: juxtapose ? `${left}${right}` : `${left}·${right}`, level, juxtaposable: a.juxtaposable };
        }
        case 'divide':
          return { text: `${wrap(a, 2)}/${wrap(b, 4)}`, level, juxtaposable: a.juxtaposable };
        case 'pow': {
          const base = a.level >= 9 ? a.text : `(${a.text})`;
          const exponent = b.text.replace(/^\((.*)\)$/, '$1');
          if (canRaise(exponent.replace(/ /g, ''))) return { text: `${base}${superscript(exponent.replace(/ /g, ''))}`, level, juxtaposable: a.juxtaposable };
          if (base === 'e') return atom(`exp(${exponent})`, true);
          return { text: `${base}^(${exponent})`, level, juxtaposable: a.juxtaposable };
        }
      }
      return atom(node.toString(), false);
    }
    default:
      return atom(node.toString(), false);
  }
}

/** A plain-text fallback for what mathjs cannot read: carets to superscripts, hyphens before digits to minus signs. */
function looseFormat(text: string): string {
  return text
    .replace(/\^\(?(-?\d+)\)?/g, (_m, e: string) => superscript(e))
    .replace(/(^|[\s(=])-(?=[\d\w(])/g, `$1${MINUS}`)
    .replace(/ - /g, ` ${MINUS} `)
    .replace(/\s*\*\s*/g, '·');
}

/** One side of a formula. */
function formatSide(side: string): string {
  const source = cleanFormulaText(side);
  if (!source) return side.trim();
  try {
    return print(mathjs().parse(source)).text;
  } catch {
    return looseFormat(side.trim());
  }
}

/**
 * A formula for a caption or label: "x^2 - 3x + 2" → "x² − 3x + 2"; "y = 2^x" → "y = 2ˣ"; "f'(x) = 3 * x ^ 2" →
 * "f′(x) = 3x²". A left-hand side such as "y", "f(x)" or "f'(x)" is kept as written (prime made typographic).
 */
export function formatExpression(text: string): string {
  const m = /^\s*([a-zA-Z](?:'|′)*(?:\s*\(\s*[a-z]\s*\))?|[a-z]_?\d?)\s*=\s*(.+)$/.exec(text);
  if (m) return `${m[1]!.replace(/\s+/g, '').replace(/'/g, '′')} = ${formatSide(m[2]!)}`;
  if (text.includes('=')) return text.split('=').map(formatSide).join(' = ');
  return formatSide(text);
}

/** The same formula from an already-parsed mathjs node (a derivative mathjs computed, say). */
export function formatNode(node: MathNode): string {
  return print(node).text;
}
