// User formulas ("y = 2x^2 - sin x", "f(x) = √x") → a checked mathjs expression in x: cleaned text,
// LaTeX, and an evaluator that returns null where the function is undefined. Only arithmetic, a
// whitelist of functions and the constants pi/e/tau/phi are accepted, so nothing a description says can
// reach mathjs's other features (assignments, imports, units, matrices, strings).
import type { MathNode } from 'mathjs';
import { mathjs } from './mathjs.ts';

export const MAX_FORMULA_LENGTH = 200;
/** Values beyond this are treated as "off the chart": they still bend the curve but are never drawn. */
export const HUGE = 1e12;

const FUNCTIONS: Record<string, [number, number]> = {
  sin: [1, 1],
  cos: [1, 1],
  tan: [1, 1],
  sec: [1, 1],
  csc: [1, 1],
  cot: [1, 1],
  asin: [1, 1],
  acos: [1, 1],
  atan: [1, 1],
  sinh: [1, 1],
  cosh: [1, 1],
  tanh: [1, 1],
  sqrt: [1, 1],
  cbrt: [1, 1],
  exp: [1, 1],
  log: [1, 2],
  log10: [1, 1],
  log2: [1, 1],
  abs: [1, 1],
  floor: [1, 1],
  ceil: [1, 1],
  round: [1, 1],
  sign: [1, 1],
  nthRoot: [2, 2],
};
export const FUNCTION_NAMES = Object.keys(FUNCTIONS);
const CONSTANTS = new Set(['pi', 'e', 'tau', 'phi']);
const OPERATORS = new Set(['add', 'subtract', 'multiply', 'divide', 'pow', 'unaryMinus', 'unaryPlus']);
/** Other names people use for the variable; renamed to x. */
const VARIABLE_ALIASES = new Set(['t', 'theta', 'u']);

export class FormulaError extends Error {
  override name = 'FormulaError';
}

export interface Formula {
  /** The cleaned formula as written ("x^2 - 4"): what params hold; parses to the same formula again. */
  text: string;
  tex: string;
  node: MathNode;
  /** f(x), or null where it is undefined, complex or not finite. A property, not a method: it is passed around on its own and needs no `this`. */
  evaluate: (x: number) => number | null;
  /** Whether the formula uses the variable at all (y = 3 does not). */
  usesVariable: boolean;
}

// Longest names first, so "sinh" wins over "sin" and "log10" over "log".
const FN_ALTERNATION = [...FUNCTION_NAMES, 'arcsin', 'arccos', 'arctan', 'ln'].sort((a, b) => b.length - a.length).join('|');
const SUPERSCRIPTS: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-' };

/** Writing conventions people use that mathjs does not read: unicode signs, "sin x", "x(x+1)", "ln". */
export function cleanFormulaText(raw: string): string {
  let s = raw
    .trim()
    .toLowerCase()
    .replace(/nthroot/g, 'nthRoot');
  s = s.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+/g, (m) => `^(${[...m].map((c) => SUPERSCRIPTS[c]).join('')})`).replace(/\^\((\d+)\)/g, '^$1');
  s = s
    .replace(/[−–—]/g, '-')
    .replace(/[×·⋅∗]/g, '*')
    .replace(/÷/g, '/')
    .replace(/π/g, 'pi')
    .replace(/[θϑ]/g, 'theta')
    .replace(/\|([^|]+)\|/g, 'abs($1)')
    .replace(/√\s*\(/g, 'sqrt(')
    .replace(/√\s*([a-z0-9.]+)/gi, 'sqrt($1)');
  s = s.replace(/\b(?:arc(sin|cos|tan))\b/gi, 'a$1').replace(/\bln\s*(?=\(|\s*[a-z0-9])/gi, 'log');
  s = s.replace(/^\s*(?:[a-z]\s*\(\s*[a-z]\s*\)|y)\s*=\s*/i, '');
  // "sin x", "sin2x", "cos 3" → with parentheses (only a simple argument, never across an operator).
  const bare = new RegExp(String.raw`\b(${FN_ALTERNATION})\s*((?:\d+(?:\.\d+)?\s*\*?\s*)?(?:x|t|theta|pi)\b|\d+(?:\.\d+)?)(?!\s*[(^])`, 'gi');
  s = s.replace(bare, '$1($2)');
  // "x(x+1)" means x*(x+1) (mathjs would call x as a function); not the x inside "max(" or "exp(".
  s = s.replace(/(?<![a-z])([xt])\s*\(/gi, '$1*(');
  return s.replace(/\s+/g, ' ').trim();
}

function checkNode(node: MathNode, source: string): { variables: Set<string> } {
  const variables = new Set<string>();
  node.traverse((n, path, parent) => {
    switch (n.type) {
      case 'ConstantNode': {
        const value = (n as unknown as { value: unknown }).value;
        if (typeof value !== 'number') throw new FormulaError(`"${source}" contains ${JSON.stringify(value)}, which is not a number`);
        break;
      }
      case 'SymbolNode': {
        if (path === 'fn' && parent?.type === 'FunctionNode') break;
        const name = (n as unknown as { name: string }).name;
        if (CONSTANTS.has(name)) break;
        if (name === 'x' || VARIABLE_ALIASES.has(name)) {
          variables.add(name);
          break;
        }
        throw new FormulaError(`"${source}" uses "${name}"; a formula may use x, numbers, pi, e and functions such as sin, sqrt, log`);
      }
      case 'OperatorNode': {
        const fn = (n as unknown as { fn: string; op: string }).fn;
        if (!OPERATORS.has(fn)) throw new FormulaError(`"${source}" uses the operator "${(n as unknown as { op: string }).op}", which is not supported here`);
        break;
      }
      case 'FunctionNode': {
        const name = (n as unknown as { fn: { name?: string } }).fn.name ?? '';
        const arity = FUNCTIONS[name];
        const args = (n as unknown as { args: MathNode[] }).args.length;
        if (!arity) throw new FormulaError(`"${source}" calls "${name || '?'}", which is not a known function (known: ${FUNCTION_NAMES.join(', ')})`);
        if (args < arity[0] || args > arity[1]) throw new FormulaError(`"${source}": ${name} takes ${arity[0]} argument${arity[0] > 1 ? 's' : ''}`);
        break;
      }
      case 'ParenthesisNode':
        break;
      default:
        throw new FormulaError(`"${source}" is not a plain formula (found ${n.type.replace(/Node$/, '').toLowerCase()})`);
    }
  });
  if (variables.size > 1) throw new FormulaError(`"${source}" uses several variables (${[...variables].join(', ')}); use x only`);
  return { variables };
}

/** Parses and checks a formula in x. Throws FormulaError with a reason a person can act on. */
export function parseFormula(raw: string): Formula {
  if (raw.length > MAX_FORMULA_LENGTH) throw new FormulaError(`the formula is ${raw.length} characters long; the limit is ${MAX_FORMULA_LENGTH}`);
  const source = cleanFormulaText(raw);
  if (!source) throw new FormulaError('the formula is empty');
  let node: MathNode;
  try {
    node = mathjs().parse(source);
  } catch (e) {
    throw new FormulaError(`"${raw.trim()}" is not a complete formula (${(e as Error).message.replace(/\s*\(char \d+\)/, '').toLowerCase()})`);
  }
  const { variables } = checkNode(node, raw.trim());
  const alias = [...variables].find((v) => v !== 'x');
  if (alias) {
    node = node.transform((n) => (n.type === 'SymbolNode' && (n as unknown as { name: string }).name === alias && !isFunctionName(n) ? mathjs().parse('x') : n));
  }
  const compiled = node.compile();
  const evaluate = (x: number): number | null => {
    let y: unknown;
    try {
      y = compiled.evaluate({ x });
    } catch {
      return null;
    }
    if (typeof y !== 'number' || !Number.isFinite(y)) return null;
    return y > HUGE ? HUGE : y < -HUGE ? -HUGE : y;
  };
  return { text: source, tex: formulaTex(node), node, evaluate, usesVariable: variables.size > 0 };
}

function isFunctionName(n: MathNode): boolean {
  return FUNCTIONS[(n as unknown as { name: string }).name] !== undefined;
}

export function tryParseFormula(raw: string): Formula | undefined {
  try {
    return parseFormula(raw);
  } catch {
    return undefined;
  }
}

/** mathjs LaTeX, tidied: "2~x" → "2x", "{ x}" → "{x}", "2\cdot x" → "2x". */
export function formulaTex(node: MathNode): string {
  return node
    .toTex({ parenthesis: 'auto', implicit: 'hide' })
    .replace(/\{\s+/g, '{')
    .replace(/\(\s+/g, '(')
    .replace(/(\d)~\s*(?=[a-z])/g, '$1')
    .replace(/~/g, '\\,')
    .replace(/(\d)\\cdot\s*(?=[a-z]|\{[a-z]|\\(?!frac|left))/g, '$1')
    .replace(/\\mathrm\{([a-z]+)\}/g, '\\operatorname{$1}')
    .trim();
}

/** A constant written in a description ("2pi", "-π/2", "3", "1e3") → its value; undefined if not a plain constant. */
export function evaluateConstant(raw: string): number | undefined {
  const source = cleanFormulaText(raw);
  if (!source || source.length > 40 || /\bx\b/.test(source)) return undefined;
  try {
    const node = mathjs().parse(source);
    const { variables } = checkNode(node, raw);
    if (variables.size) return undefined;
    const v: unknown = node.compile().evaluate({});
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
  } catch {
    return undefined;
  }
}
