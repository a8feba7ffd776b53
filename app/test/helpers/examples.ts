// Reads app/test/fixtures/analysis-examples.jsonl (the catalogue's floor) and compares results with tolerance.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Example {
  text: string;
  template: string;
  params: Record<string, unknown>;
  facts: Record<string, unknown>;
}

const EXAMPLES_FILE = fileURLToPath(new URL('../fixtures/analysis-examples.jsonl', import.meta.url));

export function loadExamples(): Example[] {
  return readFileSync(EXAMPLES_FILE, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Example);
}

/** Numbers within 1% or 0.001; arrays and objects compared member by member; `expected` may be a subset. */
export function closeTo(actual: unknown, expected: unknown, path = ''): string | undefined {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') return `${path}: expected ${expected}, got ${JSON.stringify(actual)}`;
    const ok = Math.abs(actual - expected) <= Math.max(0.001, Math.abs(expected) * 0.01);
    return ok ? undefined : `${path}: expected ${expected}, got ${actual}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
    for (let i = 0; i < expected.length; i++) {
      const p = closeTo(actual[i], expected[i], `${path}[${i}]`);
      if (p) return p;
    }
    return undefined;
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object') return `${path}: expected an object, got ${JSON.stringify(actual)}`;
    for (const [k, v] of Object.entries(expected)) {
      const p = closeTo((actual as Record<string, unknown>)[k], v, path ? `${path}.${k}` : k);
      if (p) return p;
    }
    return undefined;
  }
  return actual === expected ? undefined : `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}
