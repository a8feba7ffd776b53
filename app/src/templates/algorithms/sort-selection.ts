// sort.selection: find the smallest remaining value and swap it into the next position.
// A swap is counted only when the minimum is not already in place (i != min).
import { roleColor } from '../emphasis/roles.ts';
import { defineTemplate } from '../types.ts';
import { extractSortParams, inOrder, sortParams, type SortParams } from './params.ts';
import { composeSort, formatValue, sortIntro, type SortRun, type SortStep } from './sort-player.ts';
import { listText } from './algo-scene.ts';

export function selectionSortSteps(values: number[], order: 'asc' | 'desc'): SortRun & { swaps: number; comparisons: number } {
  const a = [...values];
  const steps: SortStep[] = [];
  const extreme = order === 'asc' ? 'smallest' : 'largest';
  let swaps = 0;
  let comparisons = 0;
  for (let i = 0; i < a.length - 1; i++) {
    let best = i;
    steps.push({ kind: 'mark', i, color: roleColor('pivot') });
    steps.push({ kind: 'range', lo: i, hi: a.length - 1, note: `Find the ${extreme} value in positions ${i}–${a.length - 1}; so far ${formatValue(a[i]!)}.` });
    for (let j = i + 1; j < a.length; j++) {
      comparisons++;
      // Strictly better only, so equal values keep the first one found.
      const better = !inOrder(a[best]!, a[j]!, order);
      steps.push({
        kind: 'compare',
        i: best,
        j,
        note: better ? `${formatValue(a[j]!)} beats ${formatValue(a[best]!)}: new ${extreme} so far.` : `${formatValue(a[j]!)} does not beat ${formatValue(a[best]!)}.`,
      });
      if (better) {
        steps.push({ kind: 'mark', i: best, color: '$primary' });
        best = j;
        steps.push({ kind: 'mark', i: best, color: roleColor('pivot') });
      }
    }
    if (best !== i) {
      swaps++;
      steps.push({ kind: 'swap', i, j: best, note: `Swap ${formatValue(a[best]!)} into position ${i}.` });
      [a[i], a[best]] = [a[best]!, a[i]!];
    } else {
      steps.push({ kind: 'note', note: `${formatValue(a[i]!)} is already in position ${i}: no swap.`, slots: [i] });
    }
    steps.push({ kind: 'sorted', i });
  }
  if (a.length > 0) steps.push({ kind: 'sorted', i: a.length - 1, note: `The last value, ${formatValue(a[a.length - 1]!)}, is in place too.` });
  return { steps, sorted: a, swaps, comparisons };
}

export const sortSelection = defineTemplate<SortParams>({
  id: 'sort.selection',
  title: 'Selection sort',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'selection sort of 64, 25, 12, 22, 11',
  params: sortParams,
  vocabulary: ['selection', 'sort', 'sorting'],
  triggers: [
    { pattern: /\bselection sort/, score: 0.95 },
    { pattern: /\bselect(ion)? sort/, score: 0.9 },
    { pattern: /\bselection\b.*\b(sort|array|list|numbers)\b/, score: 0.75 },
  ],
  extract: (text, warnings) => extractSortParams(text, warnings, ['selection', 'sort']),
  facts({ values, order }) {
    const { sorted, swaps, comparisons } = selectionSortSteps(values, order);
    return { swaps, comparisons, sorted };
  },
  compose({ values, order }, facts) {
    const { steps } = selectionSortSteps(values, order);
    return composeSort({
      title: 'Selection sort',
      values,
      order,
      steps,
      swapLabel: 'swaps',
      intro: sortIntro('Selection sort', values, order),
      legend: [{ role: 'pivot', label: order === 'asc' ? 'smallest so far' : 'largest so far' }],
      result: `sorted: ${listText(facts.sorted as number[])} · swaps: ${facts.swaps as number} · comparisons: ${facts.comparisons as number}`,
      summary: `Sorted with ${facts.swaps as number} swaps and ${facts.comparisons as number} comparisons (always n(n−1)/2).`,
    });
  },
});
