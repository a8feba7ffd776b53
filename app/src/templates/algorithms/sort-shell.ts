// sort.shell: insertion sort on values `gap` apart, for shrinking gaps ending in 1. Far-apart values move
// a long way in one swap early on, so the final gap-1 pass (a plain insertion sort) has little left to do.
// Gaps default to Shell's own sequence: n/2, n/4, … 1 (halved, rounded down).
import { z } from 'zod';
import { numberList, type ParsedText } from '../../text/parse.ts';
import { defineTemplate } from '../types.ts';
import { extractOrder, extractValues, finiteValue, inOrder, MAX_ARRAY_VALUES, DEFAULT_VALUES } from './params.ts';
import { composeSort, formatValue, relation, sortIntro, type SortRun, type SortStep } from './sort-player.ts';
import { listText } from './algo-scene.ts';

/** Shell's 1959 sequence for n values: ⌊n/2⌋, ⌊n/4⌋, … 1. */
export function shellGaps(n: number): number[] {
  const gaps: number[] = [];
  for (let gap = Math.floor(n / 2); gap >= 1; gap = Math.floor(gap / 2)) gaps.push(gap);
  return gaps.length ? gaps : [1];
}

export const shellParams = z
  .object({
    values: z.array(finiteValue).min(2).max(MAX_ARRAY_VALUES).default(DEFAULT_VALUES),
    order: z.enum(['asc', 'desc']).default('asc'),
    /** The gap sequence, largest first; null: Shell's own (n/2, n/4, … 1). */
    gaps: z.array(z.number().int().min(1).max(MAX_ARRAY_VALUES)).min(1).max(8).nullable().default(null),
  })
  .superRefine((p, ctx) => {
    if (p.gaps === null) return;
    if (p.gaps[p.gaps.length - 1] !== 1) ctx.addIssue({ code: 'custom', path: ['gaps'], message: 'the last gap must be 1 (the final pass is a plain insertion sort that finishes the job), e.g. gaps 5, 3, 1' });
    for (let i = 1; i < p.gaps.length; i++) if (p.gaps[i]! >= p.gaps[i - 1]!) ctx.addIssue({ code: 'custom', path: ['gaps'], message: 'gaps must shrink, largest first, e.g. gaps 5, 3, 1' });
  });
export type ShellParams = z.infer<typeof shellParams>;

/** The gaps a run uses: the given ones below n (a gap of n or more compares nothing), else Shell's. */
export function gapsFor(n: number, gaps: readonly number[] | null): number[] {
  if (gaps === null) return shellGaps(n);
  const usable = gaps.filter((g) => g < n);
  return usable.length ? usable : [1];
}

export function shellSortSteps(values: number[], order: 'asc' | 'desc', gaps: readonly number[] | null = null): SortRun & { gaps: number[]; swaps: number; comparisons: number } {
  const a = [...values];
  const steps: SortStep[] = [];
  const used = gapsFor(a.length, gaps);
  let swaps = 0;
  let comparisons = 0;
  for (const gap of used) {
    const lists = Math.min(gap, a.length - gap);
    steps.push({
      kind: 'note',
      note: gap === 1 ? 'Gap 1: a plain insertion sort finishes the job.' : `Gap ${gap}: insertion sort on values ${gap} apart (${lists} interleaved lists).`,
      slots: gap === 1 ? a.map((_, i) => i) : [0, gap],
    });
    for (let i = gap; i < a.length; i++) {
      for (let j = i; j >= gap; j -= gap) {
        comparisons++;
        const [left, right] = [a[j - gap]!, a[j]!];
        if (inOrder(left, right, order)) {
          steps.push({ kind: 'compare', i: j - gap, j, note: `${relation(left, right, order)}: in order, ${formatValue(right)} stays.` });
          break;
        }
        steps.push({ kind: 'compare', i: j - gap, j, note: `${formatValue(left)} and ${formatValue(right)}, ${gap} apart: out of order, swap.` });
        [a[j - gap], a[j]] = [right, left];
        swaps++;
        steps.push({ kind: 'swap', i: j - gap, j });
      }
    }
  }
  return { steps, sorted: a, gaps: used, swaps, comparisons };
}

/** "gaps 5, 3, 1", "gap sequence: 4 2 1", "with gaps of (7, 3, 1)": the list and the text without it. */
export function findGaps(original: string): { gaps: number[]; rest: string } | undefined {
  const m = /\bgaps?(?:\s+sequence)?\s*(?:of|=|:|are|is)?\s*([[(]?\s*\d{1,2}(?:\s*(?:,|;|\s|and|then|→|->)\s*\d{1,2})*\s*[\])]?)/i.exec(original);
  if (!m) return undefined;
  const gaps = numberList(m[1]!, 1);
  if (gaps.length === 0) return undefined;
  return { gaps, rest: original.slice(0, m.index) + ' ' + original.slice(m.index + m[0].length) };
}

/** Gaps as written, made usable with a warning: largest first, no repeats, ending in 1. */
function usableGaps(written: number[], warnings: string[]): number[] {
  const gaps = [...new Set(written.filter((g) => Number.isInteger(g) && g >= 1 && g <= MAX_ARRAY_VALUES))].sort((a, b) => b - a).slice(0, 8);
  if (gaps.length !== written.length || gaps.some((g, i) => g !== written[i])) warnings.push(`gaps ${written.join(', ')} were read as ${gaps.join(', ') || 'none'} (whole numbers from 1 to ${MAX_ARRAY_VALUES}, largest first)`);
  if (gaps[gaps.length - 1] !== 1) {
    gaps.push(1);
    warnings.push('a last gap of 1 was added: the final pass must be a plain insertion sort, or the values may not end sorted');
  }
  return gaps.slice(-8);
}

function extractShell(text: ParsedText, warnings: string[]): Partial<ShellParams> {
  const out: Partial<ShellParams> = {};
  const found = findGaps(text.original);
  if (found) {
    out.gaps = usableGaps(found.gaps, warnings);
    for (const g of found.gaps) text.used.add(String(g));
  }
  const values = extractValues(found ? { ...text, original: found.rest } : text, warnings);
  if (values) out.values = values;
  const order = extractOrder(text);
  if (order) out.order = order;
  for (const w of ['shell', 'shellsort', 'sort', 'gaps']) if (text.normalized.includes(w)) text.used.add(w);
  return out;
}

export const sortShell = defineTemplate<ShellParams>({
  id: 'sort.shell',
  title: 'Shell sort',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'Shell sort on 23, 29, 15, 19, 31, 7, 9, 5, 2',
  params: shellParams,
  vocabulary: ['shellsort', 'shell', 'gaps'],
  triggers: [
    // Above insertion sort's 0.95: Shell sort is built from insertion sort, and texts about it name both.
    { pattern: /\bshell? ?sort/, score: 0.96 },
    // "Shell's method" alone is also the calculus shell method (volumes): sorting must be named.
    { pattern: /\bshell\b.*\bsort|\bsort\w*\b.*\bshell (method|algorithm|gaps?)\b/, score: 0.85 },
    { pattern: /\b(diminishing|decreasing|shrinking) (increment|gap)s?\b.*\bsort|\bsort(ing)?\b.*\b(diminishing|decreasing|shrinking) (increment|gap)s?\b/, score: 0.85 },
  ],
  extract: extractShell,
  facts({ values, order, gaps }) {
    const run = shellSortSteps(values, order, gaps);
    return { gaps: run.gaps, swaps: run.swaps, comparisons: run.comparisons, sorted: run.sorted };
  },
  compose({ values, order, gaps }, facts) {
    const run = shellSortSteps(values, order, gaps);
    return composeSort({
      title: 'Shell sort',
      values,
      order,
      steps: run.steps,
      swapLabel: 'swaps',
      intro: `${sortIntro('Shell sort', values, order)} Gaps ${listText(run.gaps)}.`,
      roundLabel: (_round, pass) => `Gap ${run.gaps[pass - 1] ?? 1}`,
      result: `gaps: ${listText(run.gaps)} · sorted: ${listText(facts.sorted as number[])}`,
      summary: `Sorted with ${facts.swaps as number} swaps and ${facts.comparisons as number} comparisons over gaps ${listText(run.gaps)}.`,
    });
  },
});
