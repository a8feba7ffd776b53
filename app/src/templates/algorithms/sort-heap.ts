// sort.heap: build a max-heap (min-heap for descending) by sifting down from the last parent, then
// repeatedly swap the root to the end and sift the new root down. Drawn twice: the heap as a tree of
// slots on top, the array as bars below; both move together.
import { roleColor } from '../emphasis/roles.ts';
import { defineTemplate, type Composition } from '../types.ts';
import { extractSortParams, sortParams, type SortParams } from './params.ts';
import { BarAnimator, layoutBars } from './array-bars.ts';
import { AlgoScene, listText } from './algo-scene.ts';
import { formatValue, roundSummary, sortIntro, splitRounds, type SortStep } from './sort-player.ts';
import { GROUPED_SPEED, playInGroups } from '../step-groups.ts';

export function heapSortSteps(values: number[], order: 'asc' | 'desc'): { steps: SortStep[]; sorted: number[]; comparisons: number; swaps: number } {
  const a = [...values];
  const steps: SortStep[] = [];
  // The root holds the value that belongs last: the largest for ascending order.
  const above = (x: number, y: number) => (order === 'asc' ? x > y : x < y);
  const word = order === 'asc' ? 'larger' : 'smaller';
  let comparisons = 0;
  let swaps = 0;
  const siftDown = (start: number, size: number) => {
    let i = start;
    for (;;) {
      let top = i;
      for (const child of [2 * i + 1, 2 * i + 2]) {
        if (child >= size) continue;
        comparisons++;
        const wins = above(a[child]!, a[top]!);
        steps.push({ kind: 'compare', i: top, j: child, note: wins ? `Child ${formatValue(a[child]!)} is ${word} than ${formatValue(a[top]!)}.` : `Child ${formatValue(a[child]!)} is not ${word} than ${formatValue(a[top]!)}.` });
        if (wins) top = child;
      }
      if (top === i) return;
      swaps++;
      steps.push({ kind: 'swap', i, j: top, note: `Swap ${formatValue(a[i]!)} down with its child ${formatValue(a[top]!)}.` });
      [a[i], a[top]] = [a[top]!, a[i]!];
      i = top;
    }
  };
  const n = a.length;
  steps.push({ kind: 'note', note: `Build the heap: sift down every parent, from the last one (position ${Math.floor(n / 2) - 1}) to the root.` });
  for (let i = Math.floor(n / 2) - 1; i >= 0; i--) siftDown(i, n);
  for (let end = n - 1; end > 0; end--) {
    steps.push({ kind: 'note', note: `The root ${formatValue(a[0]!)} is the ${order === 'asc' ? 'largest' : 'smallest'} left: swap it to position ${end}.`, slots: [0] });
    swaps++;
    steps.push({ kind: 'swap', i: 0, j: end });
    [a[0], a[end]] = [a[end]!, a[0]!];
    steps.push({ kind: 'sorted', i: end });
    siftDown(0, end);
  }
  if (n > 0) steps.push({ kind: 'sorted', i: 0 });
  return { steps, sorted: a, comparisons, swaps };
}

export const sortHeap = defineTemplate<SortParams>({
  id: 'sort.heap',
  title: 'Heap sort',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'heap sort on 4 10 3 5 1',
  params: sortParams,
  vocabulary: ['heapsort', 'heap', 'heapify', 'sort'],
  triggers: [
    { pattern: /\bheap ?sort/, score: 0.95 },
    { pattern: /\bheapify\b|\b(max|min) heap\b/, score: 0.75 },
    { pattern: /\bheap\b.*\b(sort|array|list)\b/, score: 0.7 },
  ],
  extract: (text, warnings) => extractSortParams(text, warnings, ['heap', 'sort']),
  facts({ values, order }) {
    const { sorted, comparisons, swaps } = heapSortSteps(values, order);
    return { sorted, comparisons, swaps };
  },
  compose: (params, facts) => composeHeap(params, facts),
});

const TREE_TOP = 2.3;
const LEVEL_GAP = 0.72;
const TREE_WIDTH = 14;
const NODE_RADIUS = 0.34;
const BARS = { bottom: -3.1, height: 1.5 };

/** Where heap slot i sits in the tree drawing. */
export function heapSlotPosition(i: number): [number, number] {
  const depth = Math.floor(Math.log2(i + 1));
  const across = i - (2 ** depth - 1);
  const spacing = TREE_WIDTH / 2 ** depth;
  return [(across + 0.5) * spacing - TREE_WIDTH / 2, TREE_TOP - depth * LEVEL_GAP];
}

function composeHeap({ values, order }: SortParams, facts: Record<string, unknown>): Composition {
  const { steps } = heapSortSteps(values, order);
  const layout = layoutBars(values, BARS);
  let comparisons = 0;
  let swaps = 0;
  const counter = () => `comparisons ${comparisons}   swaps ${swaps}`;
  const scene = new AlgoScene(order === 'asc' ? 'Heap sort (max-heap)' : 'Heap sort (min-heap)', counter());
  const tl = scene.tl;
  const slots = values.map((_, i) => heapSlotPosition(i));
  // Links between slots stay put; the value nodes move along them.
  for (let i = 1; i < values.length; i++) {
    const [px, py] = slots[Math.floor((i - 1) / 2)]!;
    const [cx, cy] = slots[i]!;
    const len = Math.hypot(cx - px, cy - py);
    const [ux, uy] = [(cx - px) / len, (cy - py) / len];
    scene.add({
      id: `link${i}`,
      type: 'line',
      points: [
        [px + ux * NODE_RADIUS, py + uy * NODE_RADIUS],
        [cx - ux * NODE_RADIUS, cy - uy * NODE_RADIUS],
      ],
      color: '$grid',
      width: 0.04,
    });
  }
  const nodeIds = values.map((_, i) => `hn${i}`);
  values.forEach((v, i) => scene.add({ id: nodeIds[i]!, type: 'node', x: slots[i]![0], y: slots[i]![1], radius: NODE_RADIUS, label: formatValue(v), stroke: '$primary' }));
  scene.add(...layout.objects);

  const anim = new BarAnimator(layout, tl);
  const nodeAt = [...nodeIds];
  const k = Math.min(1, Math.max(0.35, 75 / Math.max(1, steps.length * 0.55)));
  anim.compareTime = 0.5 * k;
  anim.swapTime = 0.6 * k;

  scene.legend = [{ role: 'compare' }, { role: 'sorted' }];
  scene.intro(`${sortIntro('Heap sort', values, order)} Position i has children 2i+1 and 2i+2.`, 1.4);
  for (let i = 1; i < values.length; i++) tl.appear(`link${i}`, 0.4, 'draw');
  for (const id of nodeIds) tl.appear(id, 0.4, 'grow');
  for (const id of layout.barIds) tl.appear(id, 0.5, 'grow');
  tl.wait(1.4);
  // Grouped rounds play faster: their summary, not each sentence, is what is read.
  const normalTimes = { compare: anim.compareTime, swap: anim.swapTime };
  const play = (step: SortStep) => {
    if (step.kind === 'compare') {
      comparisons++;
      scene.counter(counter()).step(step.note, anim.compareTime, [nodeAt[step.i]!, nodeAt[step.j]!]);
      for (const slot of [step.i, step.j]) tl.add({ type: 'highlight', target: nodeAt[slot]!, at: tl.t, duration: anim.compareTime, color: roleColor('compare') });
      anim.compare(step.i, step.j);
    } else if (step.kind === 'swap') {
      swaps++;
      scene.counter(counter());
      if (step.note) scene.step(step.note, anim.swapTime, [nodeAt[step.i]!, nodeAt[step.j]!]);
      const [a, b] = [nodeAt[step.i]!, nodeAt[step.j]!];
      tl.add({ type: 'move', target: a, start: tl.t, duration: anim.swapTime, to: { x: slots[step.j]![0], y: slots[step.j]![1] } });
      tl.add({ type: 'move', target: b, start: tl.t, duration: anim.swapTime, to: { x: slots[step.i]![0], y: slots[step.i]![1] } });
      [nodeAt[step.i], nodeAt[step.j]] = [b, a];
      anim.swap(step.i, step.j);
    } else if (step.kind === 'sorted') {
      anim.markSorted(step.i);
      // A value that left the heap fades from the tree; its bar turns green.
      tl.add({ type: 'tween', target: nodeAt[step.i]!, property: 'opacity', to: 0.25, start: tl.t, duration: 0.3 * k });
      if (step.i > 0) tl.add({ type: 'tween', target: `link${step.i}`, property: 'opacity', to: 0.2, start: tl.t, duration: 0.3 * k });
      tl.wait(0.2 * k);
    } else if (step.kind === 'note') {
      scene.step(
        step.note,
        0.9 * k,
        (step.slots ?? []).map((slot) => nodeAt[slot]!),
      );
      tl.wait(0.9 * k);
    }
  };
  // The heap's first sift-downs one sentence each, then each round (a sift, a root taken out) under a summary.
  playInGroups(tl, splitRounds(steps), {
    narrated: (step) => Boolean((step as { note?: string }).note),
    summary: (rest, _round, partial) => roundSummary(partial ? 'The rest of this round' : heapRoundLabel(rest), rest, 'swaps'),
    play,
    refs: (rest) => [...new Set(rest.flatMap((s) => (s.kind === 'compare' || s.kind === 'swap' ? [s.i, s.j] : [])))].map((slot) => nodeAt[slot]!),
    speed: (grouped) => {
      anim.compareTime = normalTimes.compare * (grouped ? GROUPED_SPEED : 1);
      anim.swapTime = normalTimes.swap * (grouped ? GROUPED_SPEED : 1);
    },
  });
  tl.wait(0.4);
  return scene.finish(`sorted: ${listText(facts.sorted as number[])}`, `Sorted: ${listText(facts.sorted as number[])}, with ${swaps} swaps and ${comparisons} comparisons.`);
}

/** What a heap-sort round does: building the heap, or taking the root out to the end and sifting down. */
function heapRoundLabel(round: readonly SortStep[]): string {
  const placed = round.find((s) => s.kind === 'sorted');
  return placed ? `Root out to position ${placed.i}, sift down` : 'Build the heap';
}
