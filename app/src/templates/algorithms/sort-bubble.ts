// sort.bubble: compare neighbours left to right, swap when out of order; the largest bubbles to the end.
import { formatValue, layoutBars, BarAnimator } from './array-bars.ts';
import { extractOrder, extractValues, inOrder, sortParams, type SortParams } from './params.ts';
import { defineTemplate } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { count, GROUPED_SPEED, playInGroups } from '../step-groups.ts';
import { roleColor } from '../emphasis/roles.ts';

interface Step {
  kind: 'compare' | 'swap' | 'sorted';
  i: number;
  j: number;
}

/** Runs bubble sort (stopping early after a pass without swaps) and records every step. */
export function bubbleSortSteps(values: number[], order: 'asc' | 'desc'): { steps: Step[]; sorted: number[]; swaps: number; comparisons: number } {
  const a = [...values];
  const steps: Step[] = [];
  let swaps = 0;
  let comparisons = 0;
  for (let pass = 0; pass < a.length - 1; pass++) {
    let swapped = false;
    for (let j = 0; j < a.length - 1 - pass; j++) {
      comparisons++;
      steps.push({ kind: 'compare', i: j, j: j + 1 });
      if (!inOrder(a[j]!, a[j + 1]!, order)) {
        [a[j], a[j + 1]] = [a[j + 1]!, a[j]!];
        swaps++;
        swapped = true;
        steps.push({ kind: 'swap', i: j, j: j + 1 });
      }
    }
    steps.push({ kind: 'sorted', i: a.length - 1 - pass, j: a.length - 1 - pass });
    if (!swapped) break;
  }
  return { steps, sorted: a, swaps, comparisons };
}

export const sortBubble = defineTemplate<SortParams>({
  id: 'sort.bubble',
  title: 'Bubble sort',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'Demonstrate bubble sort on 5 3 8 1',
  params: sortParams,
  vocabulary: ['bubble', 'sort', 'sorting'],
  triggers: [
    { pattern: /\bbubble sort/, score: 0.95 },
    { pattern: /\bbubble\b/, score: 0.7 },
    { pattern: /\bsinking sort\b/, score: 0.9 },
  ],
  extract(text, warnings) {
    const out: Partial<SortParams> = {};
    const values = extractValues(text, warnings);
    if (values) out.values = values;
    const order = extractOrder(text);
    if (order) out.order = order;
    for (const w of ['bubble', 'sort']) if (text.normalized.includes(w)) text.used.add(w);
    return out;
  },
  facts({ values, order }) {
    const { sorted, swaps, comparisons } = bubbleSortSteps(values, order);
    return { swaps, comparisons, sorted };
  },
  compose({ values, order }, facts) {
    const layout = layoutBars(values);
    const tl = new TimelineBuilder();
    const anim = new BarAnimator(layout, tl);
    const { steps } = bubbleSortSteps(values, order);
    const current = [...values];
    let comparisons = 0;
    let swaps = 0;
    const counter = () => `comparisons ${comparisons}   swaps ${swaps}`;
    const objects = [
      { id: 'title', type: 'text' as const, text: 'Bubble sort', x: 0, y: 3.7, size: 0.62, weight: 700 as const, color: '$foreground' },
      { id: 'counter', type: 'text' as const, text: counter(), x: 0, y: 2.95, size: 0.36, font: 'mono' as const, color: '$muted' },
      ...layout.objects,
      { id: 'result', type: 'text' as const, text: `sorted: ${(facts.sorted as number[]).map(formatValue).join(', ')}`, x: 0, y: -4.05, size: 0.4, font: 'mono' as const, color: '$success', opacity: 1 },
    ];
    tl.caption(`Bubble sort on ${values.map(formatValue).join(', ')} (${order === 'asc' ? 'ascending' : 'descending'}).`, 1);
    tl.appear('title', 0.5).appear('counter', 0.5);
    for (const id of layout.barIds) tl.appear(id, 0.5, 'grow');
    tl.wait(0.9);
    const normalTimes = { compare: anim.compareTime, swap: anim.swapTime };
    const play = (step: Step) => {
      const a = current[step.i]!;
      const b = current[step.j]!;
      if (step.kind === 'compare') {
        comparisons++;
        tl.setText('counter', counter());
        const swap = !inOrder(a, b, order);
        tl.narrate(`Compare ${formatValue(a)} and ${formatValue(b)}: ${swap ? 'out of order, swap' : 'in order, keep'}.`, anim.compareTime, anim.barsAt(step.i, step.j));
        anim.compare(step.i, step.j);
      } else if (step.kind === 'swap') {
        swaps++;
        tl.setText('counter', counter());
        [current[step.i], current[step.j]] = [b, a];
        anim.swap(step.i, step.j, roleColor('swap'));
      } else {
        anim.markSorted(step.i);
        tl.wait(0.15);
      }
    };
    // The first pass's comparisons one sentence each, then each later pass plays faster under one summary.
    playInGroups(tl, passes(steps), {
      narrated: (step) => step.kind === 'compare',
      summary: (rest, pass, partial) => passSummary(rest, partial ? 'The rest of pass 1' : `Pass ${pass}`),
      play,
      // A grouped pass is about the part still unsorted: it stands out, the placed values dim.
      refs: (rest) => {
        const slots = rest.flatMap((s) => [s.i, s.j]);
        return anim.barsBetween(Math.min(...slots), Math.max(...slots));
      },
      speed: (grouped) => {
        anim.compareTime = normalTimes.compare * (grouped ? GROUPED_SPEED : 1);
        anim.swapTime = normalTimes.swap * (grouped ? GROUPED_SPEED : 1);
      },
    });
    // Whatever the early exit left unmarked is in place too.
    for (let slot = 0; slot < values.length; slot++) anim.markSorted(slot);
    tl.wait(0.3);
    tl.narrate(`Sorted with ${swaps} swaps and ${comparisons} comparisons.`, 2, ['result']);
    tl.appear('result', 0.5);
    tl.wait(2);
    tl.finish(tl.t);
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: 'Bubble sort', legend: [{ role: 'compare' }, { role: 'swap' }, { role: 'sorted' }] };
  },
});

/** Bubble sort's steps cut into passes: each ends as a value is placed. */
function passes(steps: readonly Step[]): Step[][] {
  const out: Step[][] = [[]];
  for (const step of steps) {
    out[out.length - 1]!.push(step);
    if (step.kind === 'sorted') out.push([]);
  }
  return out.filter((p) => p.length > 0);
}

/** "Pass 2: 3 comparisons, 1 swap." */
function passSummary(rest: readonly Step[], label: string): string {
  const compares = rest.filter((s) => s.kind === 'compare').length;
  const swaps = rest.filter((s) => s.kind === 'swap').length;
  return `${label}: ${count(compares, 'comparisons')}, ${count(swaps, 'swaps')}${swaps === 0 && compares > 0 ? ' — nothing moved, so it is sorted' : ''}.`;
}
