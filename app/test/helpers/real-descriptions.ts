// Reads app/test/fixtures/analysis-real.jsonl — descriptions written as teachers and trainers type them,
// not taken from the catalogue — and judges an analysis of each: right template and key params where a
// template covers it, "not understood" (or "needs data") where none does.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { closeTo } from './examples.ts';

export interface RealDescription {
  text: string;
  /** The template that covers it, or null when none does. */
  template: string | null;
  /** Params the analysis must hold (a subset), for covered rows. */
  params?: Record<string, unknown>;
  /** For uncovered rows: the template that fits once the user gives the data (an answer of "needs data"). */
  needs?: string;
  /** Why an uncovered row is not covered, and the mistake it once caused. */
  why?: string;
}

/** The parts of an analysis the judge reads (older analyses had no `understood`). */
export interface Judged {
  template: string;
  confidence: number;
  params: Record<string, unknown>;
  understood?: boolean;
  needs?: { data?: string[] };
}

const FILE = fileURLToPath(new URL('../fixtures/analysis-real.jsonl', import.meta.url));

export function loadRealDescriptions(): RealDescription[] {
  return readFileSync(FILE, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as RealDescription);
}

/** Whether the analysis claims it can draw the description (an analysis without the field: anything but the title card). */
export function claimsUnderstood(a: Judged): boolean {
  return a.understood ?? a.template !== 'text.title';
}

/** Undefined when the analysis is right for the row, else what was wrong. */
export function judge(row: RealDescription, a: Judged): string | undefined {
  if (row.template !== null) {
    if (!claimsUnderstood(a)) return `not understood (best ${a.template} ${a.confidence}), expected ${row.template}`;
    if (a.template !== row.template) return `got ${a.template} (${a.confidence}), expected ${row.template}`;
    return closeTo(a.params, row.params ?? {}, 'params');
  }
  if (claimsUnderstood(a)) return `claims ${a.template} (${a.confidence}) for a description no template covers`;
  if (row.needs && (a.template !== row.needs || !a.needs?.data?.length)) return `expected "needs data" for ${row.needs}, got ${a.template} without a data request`;
  return undefined;
}
