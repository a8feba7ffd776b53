// sort.insertion: grow a sorted prefix; each new value shifts left past every larger value before it.
// Each shift is drawn as a swap with the left neighbour, so shifts = swaps = inversions.
import { roleColor } from '../emphasis/roles.ts';
import { defineTemplate } from '../types.ts';
import { extractSortParams, inOrder, sortParams, type SortParams } from './params.ts';
import { composeSort, formatValue, relation, sortIntro, type SortRun, type SortStep } from './sort-player.ts';
import { listText } from './algo-scene.ts';

export function insertionSortSteps(values: number[], order: 'asc' | 'desc'): SortRun & { shifts: number; comparisons: number } {
  const a = [...values];
  const steps: SortStep[] = [];
  let shifts = 0;
  let comparisons = 0;
  for (let i = 1; i < a.length; i++) {
    const key = a[i]!;
    steps.push({ kind: 'mark', i, color: roleColor('pivot') });
    steps.push({ kind: 'note', note: `Insert ${formatValue(key)} into the sorted part on its left.`, slots: [i] });
    let j = i;
    while (j > 0) {
      comparisons++;
      const left = a[j - 1]!;
      if (inOrder(left, key, order)) {
        steps.push({ kind: 'compare', i: j - 1, j, note: `${relation(left, key, order)}: ${formatValue(key)} stays at position ${j}.` });
        break;
      }
      steps.push({ kind: 'compare', i: j - 1, j, note: `${formatValue(left)} comes after ${formatValue(key)}: shift ${formatValue(left)} right.` });
      [a[j - 1], a[j]] = [key, left];
      shifts++;
      steps.push({ kind: 'swap', i: j - 1, j });
      j--;
    }
    if (j === 0 && i > 0) steps.push({ kind: 'note', note: `${formatValue(key)} reached the front.`, slots: [0] });
    steps.push({ kind: 'mark', i: j, color: '$primary' });
  }
  return { steps, sorted: a, shifts, comparisons };
}

export const sortInsertion = defineTemplate<SortParams>({
  id: 'sort.insertion',
  title: 'Insertion sort',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'Animate insertion sort for the list [12, 11, 13, 5, 6]',
  params: sortParams,
  vocabulary: ['insertion', 'sort', 'sorting'],
  triggers: [
    { pattern: /\binsertion sort/, score: 0.95 },
    { pattern: /\binsert(ion)? sort/, score: 0.9 },
    { pattern: /\binsertion\b.*\b(sort|array|list|numbers)\b/, score: 0.8 },
  ],
  extract: (text, warnings) => extractSortParams(text, warnings, ['insertion', 'sort']),
  facts({ values, order }) {
    const { sorted, shifts, comparisons } = insertionSortSteps(values, order);
    return { swaps: shifts, comparisons, sorted };
  },
  compose({ values, order }, facts) {
    const { steps } = insertionSortSteps(values, order);
    return composeSort({
      title: 'Insertion sort',
      values,
      order,
      steps,
      swapLabel: 'shifts',
      intro: sortIntro('Insertion sort', values, order),
      legend: [{ role: 'pivot', label: 'being inserted' }],
      result: `sorted: ${listText(facts.sorted as number[])} · shifts: ${facts.swaps as number} · comparisons: ${facts.comparisons as number}`,
      summary: `Sorted with ${facts.swaps as number} shifts (one per out-of-order pair) and ${facts.comparisons as number} comparisons.`,
    });
  },
});
