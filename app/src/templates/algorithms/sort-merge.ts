// sort.merge: split in halves down to single values, then merge neighbouring runs. Drawn on two rows:
// a merge takes the front value of the left or right run down into the row below, then the merged run
// moves back up.
import { roleColor } from '../emphasis/roles.ts';
import { defineTemplate, type Composition } from '../types.ts';
import { extractSortParams, inOrder, sortParams, type SortParams } from './params.ts';
import { layoutBars } from './array-bars.ts';
import { count, GROUPED_SPEED, playInGroups } from '../step-groups.ts';
import { AlgoScene, listText } from './algo-scene.ts';
import { formatValue, relation, sortIntro } from './sort-player.ts';

export type MergeStep =
  | { kind: 'split'; lo: number; mid: number; hi: number }
  | { kind: 'merge'; lo: number; mid: number; hi: number; left: number[]; right: number[] }
  | { kind: 'compare'; i: number; j: number; note: string }
  /** Move the value in upper slot `from` down to lower slot `to`. */
  | { kind: 'take'; from: number; to: number; note?: string }
  /** The merged run lo..hi moves back up. */
  | { kind: 'back'; lo: number; hi: number; merged: number[] };

export function mergeSortSteps(values: number[], order: 'asc' | 'desc'): { steps: MergeStep[]; sorted: number[]; comparisons: number } {
  const a = [...values];
  const steps: MergeStep[] = [];
  let comparisons = 0;
  // Recursion depth is log2(n) (n ≤ 16 when drawn; facts accept any length).
  const sort = (lo: number, hi: number): void => {
    if (lo >= hi) return;
    const mid = Math.floor((lo + hi) / 2);
    steps.push({ kind: 'split', lo, mid, hi });
    sort(lo, mid);
    sort(mid + 1, hi);
    steps.push({ kind: 'merge', lo, mid, hi, left: a.slice(lo, mid + 1), right: a.slice(mid + 1, hi + 1) });
    const merged: number[] = [];
    let i = lo;
    let j = mid + 1;
    while (i <= mid && j <= hi) {
      comparisons++;
      // Ties take the left value: merge sort is stable.
      const takeLeft = inOrder(a[i]!, a[j]!, order);
      steps.push({
        kind: 'compare',
        i,
        j,
        note: takeLeft ? `${relation(a[i]!, a[j]!, order)}: take ${formatValue(a[i]!)} from the left run.` : `${relation(a[j]!, a[i]!, order, true)}: take ${formatValue(a[j]!)} from the right run.`,
      });
      steps.push({ kind: 'take', from: takeLeft ? i : j, to: lo + merged.length });
      merged.push(takeLeft ? a[i++]! : a[j++]!);
    }
    const rest = (from: number, to: number, side: string) => {
      for (let s = from; s <= to; s++) {
        steps.push({ kind: 'take', from: s, to: lo + merged.length, ...(s === from ? { note: `The ${side === 'left' ? 'right' : 'left'} run is empty: copy the rest of the ${side} run.` } : {}) });
        merged.push(a[s]!);
      }
    };
    rest(i, mid, 'left');
    rest(j, hi, 'right');
    for (let k = 0; k < merged.length; k++) a[lo + k] = merged[k]!;
    steps.push({ kind: 'back', lo, hi, merged });
  };
  sort(0, a.length - 1);
  return { steps, sorted: a, comparisons };
}

export const sortMerge = defineTemplate<SortParams>({
  id: 'sort.merge',
  title: 'Merge sort',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'Explain merge sort with the array 38 27 43 3 9 82 10',
  params: sortParams,
  vocabulary: ['merge', 'mergesort', 'sort'],
  triggers: [
    { pattern: /\bmerge ?sort/, score: 0.95 },
    { pattern: /\bmerg(e|ing)\b.*\b(sort|sorted|sorting)\b/, score: 0.8 },
    { pattern: /\bdivide and conquer\b.*\bsort/, score: 0.6 },
  ],
  extract: (text, warnings) => extractSortParams(text, warnings, ['merge', 'sort']),
  facts({ values, order }) {
    const { sorted, comparisons } = mergeSortSteps(values, order);
    return { comparisons, sorted };
  },
  compose: (params, facts) => composeMerge(params, facts),
});

const UPPER = { bottom: 0.0, height: 2.1 };
const LOWER = { bottom: -3.0, height: 2.1 };

function composeMerge({ values, order }: SortParams, facts: Record<string, unknown>): Composition {
  const { steps } = mergeSortSteps(values, order);
  const layout = layoutBars(values, UPPER);
  const pitch = values.length > 1 ? layout.slotX[1]! - layout.slotX[0]! : 1;
  let comparisons = 0;
  let merges = 0;
  const counter = () => `comparisons ${comparisons}   merges ${merges}`;
  const scene = new AlgoScene('Merge sort', counter());
  const tl = scene.tl;
  scene.add(...layout.objects);
  const spanOf = (lo: number, hi: number) => ({ x: (layout.slotX[lo]! + layout.slotX[hi]!) / 2, width: (hi - lo + 1) * pitch - 0.12 });
  // The two runs are marked in one neutral colour, told apart by the gap between them: colour is kept for roles.
  for (const id of ['runL', 'runR']) scene.add({ id, type: 'rect', x: 0, y: UPPER.bottom - 0.25, width: 0.1, height: 0.08, fill: '$muted', opacity: 0 });
  scene.legend = [{ role: 'compare' }, { role: 'sorted' }];
  const barsIn = (lo: number, hi: number) => [...upper.slice(lo, hi + 1), ...lower.slice(lo, hi + 1)].filter((id): id is string => id !== undefined);
  scene.add({ id: 'lowerLabel', type: 'text', text: 'merged run', x: layout.slotX[0]! - pitch / 2, y: LOWER.bottom - 0.3, size: 0.28, align: 'left', color: '$muted' });

  const upper: (string | undefined)[] = [...layout.barIds];
  const lower: (string | undefined)[] = values.map(() => undefined);
  const n = Math.max(1, steps.length);
  const k = Math.min(1, Math.max(0.35, 70 / (n * 0.55)));
  const showRuns = (lo: number, mid: number, hi: number) => {
    for (const [id, a, b] of [
      ['runL', lo, mid],
      ['runR', mid + 1, hi],
    ] as const) {
      const { x, width } = spanOf(a, b);
      tl.add({ type: 'tween', target: id, property: 'x', to: x, start: tl.t, duration: 0.3 * k });
      tl.add({ type: 'tween', target: id, property: 'width', to: width, start: tl.t, duration: 0.3 * k });
      tl.add({ type: 'tween', target: id, property: 'opacity', to: 1, start: tl.t, duration: 0.3 * k });
    }
  };

  scene.intro(`${sortIntro('Merge sort', values, order)} Split in halves, then merge sorted runs.`, 1.4);
  for (const id of layout.barIds) tl.appear(id, 0.5, 'grow');
  tl.wait(1.4);
  // Grouped rounds play faster: their summary, not each sentence, is what is read.
  let pace = 1;
  const play = (step: MergeStep) => {
    if (step.kind === 'split') {
      showRuns(step.lo, step.mid, step.hi);
      scene.step(`Split positions ${step.lo}–${step.hi} into ${step.lo}–${step.mid} and ${step.mid + 1}–${step.hi}.`, 0.7 * k * pace, barsIn(step.lo, step.hi), { emphasis: 'dim-rest' });
      tl.wait(0.7 * k * pace);
    } else if (step.kind === 'merge') {
      merges++;
      showRuns(step.lo, step.mid, step.hi);
      scene.counter(counter());
      scene.step(`Merge [${listText(step.left)}] and [${listText(step.right)}].`, 0.8 * k * pace, barsIn(step.lo, step.hi), { emphasis: 'dim-rest' });
      if (merges === 1) tl.appear('lowerLabel', 0.3);
      tl.wait(0.8 * k * pace);
    } else if (step.kind === 'compare') {
      comparisons++;
      scene.counter(counter()).step(step.note, 0.5 * k * pace, [upper[step.i]!, upper[step.j]!]);
      for (const slot of [step.i, step.j]) tl.add({ type: 'highlight', target: upper[slot]!, at: tl.t, duration: 0.5 * k * pace, color: roleColor('compare') });
      tl.wait(0.5 * k * pace);
    } else if (step.kind === 'take') {
      const id = upper[step.from]!;
      if (step.note) scene.step(step.note, 0.5 * k * pace, [id]);
      tl.add({ type: 'move', target: id, start: tl.t, duration: 0.45 * k * pace, to: { x: layout.slotX[step.to]!, y: LOWER.bottom } });
      lower[step.to] = id;
      upper[step.from] = undefined;
      tl.wait(0.5 * k * pace);
    } else {
      for (let s = step.lo; s <= step.hi; s++) {
        const id = lower[s]!;
        tl.add({ type: 'move', target: id, start: tl.t, duration: 0.45 * k * pace, to: { y: UPPER.bottom } });
        upper[s] = id;
        lower[s] = undefined;
      }
      scene.step(`Merged run: ${listText(step.merged)}.`, 0.6 * k * pace, barsIn(step.lo, step.hi));
      tl.wait(0.6 * k * pace);
    }
  };
  // Splits one after another are one round, each merge (its comparisons, takes and copy back) another: the
  // first sentences one at a time, then each round under one summary.
  playInGroups(tl, mergeRounds(steps), {
    narrated: (step) => step.kind !== 'take' || Boolean(step.note),
    summary: (rest, _round, partial) => mergeSummary(rest, partial),
    play,
    refs: (rest) => {
      const spans = rest.flatMap((s) => (s.kind === 'split' || s.kind === 'merge' || s.kind === 'back' ? [s.lo, s.hi] : []));
      return spans.length ? barsIn(Math.min(...spans), Math.max(...spans)) : [];
    },
    speed: (grouped) => {
      pace = grouped ? GROUPED_SPEED : 1;
    },
  });
  for (const id of ['runL', 'runR', 'lowerLabel']) tl.add({ type: 'tween', target: id, property: 'opacity', to: 0, start: tl.t, duration: 0.3 });
  for (const id of layout.barIds) tl.add({ type: 'tween', target: id, property: 'fill', to: roleColor('sorted'), start: tl.t, duration: 0.3 });
  tl.wait(0.4);
  return scene.finish(`sorted: ${listText(facts.sorted as number[])} · comparisons: ${facts.comparisons as number}`, `Sorted with ${facts.comparisons as number} comparisons in ${merges} merges.`);
}

/** Consecutive splits form one round; each merge through its copy back forms another. */
function mergeRounds(steps: readonly MergeStep[]): MergeStep[][] {
  const rounds: MergeStep[][] = [];
  for (const step of steps) {
    const last = rounds[rounds.length - 1];
    const joins = last && (step.kind === 'split' ? last.every((s) => s.kind === 'split') : step.kind !== 'merge');
    if (joins) last.push(step);
    else rounds.push([step]);
  }
  return rounds;
}

/** "Split down to single values." or "Merge [3, 27] and [38] into 3, 27, 38: 2 comparisons." */
function mergeSummary(rest: readonly MergeStep[], partial: boolean): string {
  const back = rest.find((s) => s.kind === 'back');
  const merge = rest.find((s) => s.kind === 'merge');
  const compares = rest.filter((s) => s.kind === 'compare').length;
  if (!back) return rest.length === 1 ? 'Split once more.' : `Split ${rest.length} more times, down to single values.`;
  const merged = back.kind === 'back' ? listText(back.merged) : '';
  const head = merge && merge.kind === 'merge' ? `Merge [${listText(merge.left)}] and [${listText(merge.right)}]` : partial ? 'The rest of this merge' : 'Merge';
  return `${head} into ${merged}: ${count(compares, 'comparisons')}.`;
}
