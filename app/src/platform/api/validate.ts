// zod validation → 422 validation-failed listing every problem as {field, message}. Before the schema,
// the input guard (input-guard.ts) refuses text Postgres cannot store and absurd nesting, for every field.
import type { z } from 'zod';
import { inputIssues, type InputIssue } from './input-guard.ts';
import { Problem } from './problems.ts';

function validationProblem(errors: InputIssue[]): Problem {
  const first = errors[0]!;
  return new Problem('validation-failed', `${first.field}: ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`, { errors });
}

export function validate<S extends z.ZodType>(schema: S, value: unknown, where: 'body' | 'query' | 'params'): z.infer<S> {
  const unsafe = inputIssues(value, where);
  if (unsafe.length) throw validationProblem(unsafe);
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? ((issue as { keys?: string[] }).keys ?? []) : [];
    const path = issue.path.map(String);
    const field = [where, ...path].join('.');
    return keys.length ? { field: keys.map((k) => [where, ...path, k].join('.')).join(', '), message: `unknown field${keys.length > 1 ? 's' : ''}` } : { field, message: issue.message };
  });
  throw validationProblem(errors);
}
