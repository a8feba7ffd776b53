// Finds an executable by path or on PATH, without running it.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The absolute path of `name` (a path, or a bare name looked up on PATH), or undefined. */
export function findBinary(name: string, envPath = process.env.PATH ?? ''): string | undefined {
  if (!name) return undefined;
  if (name.includes('/')) return isExecutable(name) ? (isAbsolute(name) ? name : join(process.cwd(), name)) : undefined;
  for (const dir of envPath.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}
