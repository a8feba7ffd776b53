// Flag parsing shared by the commands (node:util parseArgs, strict: unknown flags are errors).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.ts';

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(parseErrorMessage(err as Error & { code?: string }));
  }
}

/** node:util's messages, said shorter: the flag by name (its own advice about `--` confuses more than it helps). */
function parseErrorMessage(err: Error & { code?: string }): string {
  const unknown = /Unknown option '([^']+)'/.exec(err.message);
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) return `unknown option ${unknown[1]}`;
  return err.message;
}

export function numberFlag(value: string | undefined, name: string, check?: (n: number) => boolean, hint = ''): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || (check && !check(n))) throw new UsageError(`--${name} ${JSON.stringify(value)} is not valid${hint ? `: ${hint}` : ''}`);
  return n;
}

/** The description: the positional words joined, or an error that shows how to give one. */
export function description(positionals: string[], example = 'devforge render "Demonstrate bubble sort on 5 3 8 1" -o out.mp4'): string {
  const text = positionals.join(' ');
  if (!text.trim()) throw new UsageError(`give a description, e.g. ${example}`);
  return text;
}
