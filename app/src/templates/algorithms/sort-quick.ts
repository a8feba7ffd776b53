// sort.quick: Lomuto partition with the last element as pivot, then recurse left, then right.
// `pivots` lists the pivot values in the order they are chosen.
import { roleColor } from '../emphasis/roles.ts';
import { defineTemplate } from '../types.ts';
import { extractSortParams, inOrder, sortParams, type SortParams } from './params.ts';
import { composeSort, formatValue, relation, sortIntro, type SortRun, type SortStep } from './sort-player.ts';
import { listText } from './algo-scene.ts';

export function quickSortSteps(values: number[], order: 'asc' | 'desc'): SortRun & { pivots: number[]; comparisons: number; swaps: number } {
  const a = [...values];
  const steps: SortStep[] = [];
  const pivots: number[] = [];
  let comparisons = 0;
  let swaps = 0;
  // An explicit stack (right part pushed first, so the left part is done first) never overflows.
  const todo: [number, number][] = [[0, a.length - 1]];
  while (todo.length > 0) {
    const [lo, hi] = todo.pop()!;
    if (lo > hi) continue;
    if (lo === hi) {
      steps.push({ kind: 'sorted', i: lo, note: `${formatValue(a[lo]!)} alone is in place.` });
      continue;
    }
    const pivot = a[hi]!;
    pivots.push(pivot);
    steps.push({ kind: 'mark', i: hi, color: roleColor('pivot') });
    steps.push({ kind: 'range', lo, hi, note: `Partition positions ${lo}–${hi} around the last value, pivot ${formatValue(pivot)}.` });
    let i = lo;
    for (let j = lo; j < hi; j++) {
      comparisons++;
      const goesLeft = inOrder(a[j]!, pivot, order);
      steps.push({
        kind: 'compare',
        i: j,
        j: hi,
        note: goesLeft ? `${relation(a[j]!, pivot, order)}: ${formatValue(a[j]!)} joins the left part.` : `${formatValue(a[j]!)} stays right of the pivot.`,
      });
      if (goesLeft) {
        if (i !== j) {
          swaps++;
          steps.push({ kind: 'swap', i, j, note: `Swap ${formatValue(a[j]!)} into position ${i}.` });
          [a[i], a[j]] = [a[j]!, a[i]!];
        }
        steps.push({ kind: 'mark', i, color: roleColor('smaller') });
        i++;
      }
    }
    if (i !== hi) {
      swaps++;
      steps.push({ kind: 'swap', i, j: hi, note: `Move pivot ${formatValue(pivot)} to position ${i}, between the parts.` });
      [a[i], a[hi]] = [a[hi]!, a[i]!];
    }
    steps.push({ kind: 'sorted', i, note: `Pivot ${formatValue(pivot)} is in its final place (position ${i}).` });
    for (let s = lo; s < i; s++) steps.push({ kind: 'mark', i: s, color: '$primary' });
    todo.push([i + 1, hi], [lo, i - 1]);
  }
  return { steps, sorted: a, pivots, comparisons, swaps };
}

export const sortQuick = defineTemplate<SortParams>({
  id: 'sort.quick',
  title: 'Quicksort',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'quick sort [10, 80, 30, 90, 40, 50, 70]',
  params: sortParams,
  vocabulary: ['quicksort', 'quick', 'sort', 'pivot', 'partition', 'lomuto'],
  triggers: [
    { pattern: /\bq(u|w)?i(c|k|ck)k? ?sort/, score: 0.95 },
    { pattern: /\bquick\b.*\bsort/, score: 0.85 },
    { pattern: /\blomuto\b|\bpartition\b.*\bpivot|\bpivot\b.*\bpartition/, score: 0.8 },
    { pattern: /\bpivot\b.*\b(sort|array|list)\b/, score: 0.6 },
  ],
  extract: (text, warnings) => extractSortParams(text, warnings, ['quick', 'quicksort', 'sort', 'pivot']),
  facts({ values, order }) {
    const { sorted, pivots, comparisons } = quickSortSteps(values, order);
    return { pivots, comparisons, sorted };
  },
  compose({ values, order }, facts) {
    const { steps } = quickSortSteps(values, order);
    return composeSort({
      title: 'Quicksort (Lomuto partition)',
      values,
      order,
      steps,
      swapLabel: 'swaps',
      intro: `${sortIntro('Quicksort', values, order)} The last value of each part is its pivot.`,
      legend: [{ role: 'pivot' }, { role: 'smaller', label: order === 'asc' ? '≤ pivot' : '≥ pivot' }],
      result: `pivots: ${listText(facts.pivots as number[])}\nsorted: ${listText(facts.sorted as number[])}`,
      summary: `Sorted after ${(facts.pivots as number[]).length} partitions and ${facts.comparisons as number} comparisons.`,
    });
  },
});
