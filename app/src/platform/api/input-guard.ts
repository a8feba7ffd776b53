// What every request input (path params, query, JSON body) must be before its schema looks at it:
// text that Postgres and JSON can hold (no NUL character, no lone UTF-16 surrogate) and nesting no
// deeper than MAX_DEPTH. One check for every field of every route, free-form ones (params,
// custom_branding) included, so no text field can be forgotten; the answer names each bad field.
// Iterative, so a body nested 100,000 levels deep cannot overflow the stack.

/** Deeper than any request body needs (scene params nest a few levels), shallow enough to walk safely. */
export const MAX_DEPTH = 32;

export interface InputIssue {
  field: string;
  message: string;
}

const NUL_MESSAGE = 'contains a NUL character (U+0000), which text may not hold; remove it';
const SURROGATE_MESSAGE = 'contains a lone surrogate (half of a UTF-16 pair, e.g. a cut-off emoji); send well-formed Unicode';

function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return NUL_MESSAGE;
  if (!text.isWellFormed()) return SURROGATE_MESSAGE;
  return undefined;
}

/** Every problem in `value`, as {field, message} with fields like body.animations.0.id; [] when fine. */
export function inputIssues(value: unknown, where: string, max = 20): InputIssue[] {
  const issues: InputIssue[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: where, depth: 0 }];
  while (stack.length && issues.length < max) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) issues.push({ field: path, message: problem });
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_DEPTH) {
      issues.push({ field: path, message: `is nested more than ${MAX_DEPTH} levels deep` });
      continue;
    }
    const entries = Array.isArray(v) ? v.map((item, i) => [String(i), item] as const) : Object.entries(v);
    for (const [key, item] of entries) {
      const keyProblem = textProblem(key);
      if (keyProblem) {
        issues.push({ field: `${path}.${JSON.stringify(key)}`, message: `its name ${keyProblem}` });
        continue;
      }
      stack.push({ value: item, path: `${path}.${key}`, depth: depth + 1 });
    }
  }
  return issues;
}
