// zod validation → 422 validation-failed listing every problem as {field, message}.
import type { z } from 'zod';
import { Problem } from './problems.ts';

export function validate<S extends z.ZodType>(schema: S, value: unknown, where: 'body' | 'query' | 'params'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? ((issue as { keys?: string[] }).keys ?? []) : [];
    const path = issue.path.map(String);
    const field = [where, ...path].join('.');
    return keys.length ? { field: keys.map((k) => [where, ...path, k].join('.')).join(', '), message: `unknown field${keys.length > 1 ? 's' : ''}` } : { field, message: issue.message };
  });
  const first = errors[0]!;
  throw new Problem('validation-failed', `${first.field}: ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`, { errors });
}
