// sort.counting: count how often each whole number occurs, turn the counts into running totals (how many
// values come at or before each key), then place the values right to left, each at its key's total − 1
// (CLRS's stable version, the one radix sort builds on). Keys run from the smallest value to the largest.
import { z } from 'zod';
import { roleColor } from '../emphasis/roles.ts';
import { count, GROUPED_SPEED, playInGroups } from '../step-groups.ts';
import { defineTemplate } from '../types.ts';
import { AlgoScene, listText } from './algo-scene.ts';
import { layoutCells, type CellRow } from './array-cells.ts';
import { formatValue } from './array-bars.ts';
import { extractSortParams, finiteValue, MAX_ARRAY_VALUES } from './params.ts';
import { orderWord } from './sort-player.ts';

/** The most keys (max − min + 1) one row of count cells shows legibly. */
export const MAX_COUNT_KEYS = 20;

export const countingParams = z.object({
  values: z.array(finiteValue).min(2).max(MAX_ARRAY_VALUES).default([4, 2, 2, 8, 3, 3, 1, 7]),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type CountingParams = z.infer<typeof countingParams>;

export type CountingStep =
  { kind: 'count'; i: number; key: number; k: number; count: number } | { kind: 'total'; k: number; key: number; own: number; before: number; total: number } | { kind: 'place'; i: number; key: number; k: number; pos: number };

export interface CountingRun {
  keys: number[];
  counts: number[];
  /** totals[k]: how many values come at or before keys[k] in the sort order (≤ key ascending, ≥ key descending). */
  totals: number[];
  sorted: number[];
  steps: CountingStep[];
}

export function countingSort(values: readonly number[], order: 'asc' | 'desc'): CountingRun {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const keys = Array.from({ length: max - min + 1 }, (_, k) => min + k);
  const counts = keys.map(() => 0);
  const steps: CountingStep[] = [];
  values.forEach((v, i) => {
    const k = v - min;
    counts[k]!++;
    steps.push({ kind: 'count', i, key: v, k, count: counts[k]! });
  });
  // Running totals in the sort order: from the smallest key ascending, from the largest descending.
  const totals = [...counts];
  const walk = order === 'asc' ? keys.map((_, k) => k) : keys.map((_, k) => keys.length - 1 - k);
  walk.forEach((k, step) => {
    if (step === 0) return;
    const before = totals[walk[step - 1]!]!;
    totals[k] = counts[k]! + before;
    steps.push({ kind: 'total', k, key: keys[k]!, own: counts[k]!, before, total: totals[k]! });
  });
  const left = [...totals];
  const sorted: number[] = new Array<number>(values.length);
  // Right to left, so equal values keep their order (stable).
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i]!;
    const k = v - min;
    const pos = --left[k]!;
    sorted[pos] = v;
    steps.push({ kind: 'place', i, key: v, k, pos });
  }
  return { keys, counts, totals, sorted, steps };
}

/** Why these values cannot be counting-sorted on screen, or undefined. */
function countingMisfit({ values }: CountingParams): { message: string; instead?: string } | undefined {
  const fraction = values.find((v) => !Number.isInteger(v));
  if (fraction !== undefined) return { message: `counting sort counts whole numbers, and ${formatValue(fraction)} is not one; quicksort sorts any numbers`, instead: 'sort.quick' };
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (max - min + 1 > MAX_COUNT_KEYS) {
    return {
      message: `the values run from ${formatValue(min)} to ${formatValue(max)}, ${formatValue(max - min + 1)} keys, and one count cell per key fits at most ${MAX_COUNT_KEYS}; give values within a range of ${MAX_COUNT_KEYS}${min >= 0 ? ', or use radix sort, which sorts wide ranges digit by digit' : ''}`,
      instead: min >= 0 ? 'sort.radix' : 'sort.quick',
    };
  }
  return undefined;
}

export const sortCounting = defineTemplate<CountingParams>({
  id: 'sort.counting',
  title: 'Counting sort',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'Counting sort on 2 5 3 0 2 3 0 3',
  params: countingParams,
  vocabulary: ['counting', 'sort'],
  triggers: [
    { pattern: /\bcounting ?sort/, score: 0.95 },
    { pattern: /\bcount sort\b|\bkey indexed counting\b/, score: 0.9 },
    { pattern: /\bsort(ing)?\b.*\bby counting\b/, score: 0.85 },
  ],
  extract: (text, warnings) => extractSortParams(text, warnings, ['counting', 'sort']),
  misfit: countingMisfit,
  facts({ values, order }) {
    const { keys, counts, totals, sorted } = countingSort(values, order);
    return { keys, counts, totals, sorted };
  },
  compose({ values, order }, facts) {
    const run = countingSort(values, order);
    const { keys } = run;
    const n = values.length;
    const rel = order === 'asc' ? '≤' : '≥';
    const input = layoutCells(values, { y: 1.8, width: 13, maxPitch: 1.15, prefix: 'in' });
    const counts = layoutCells(
      keys.map(() => 0),
      { y: -0.2, width: 13, maxPitch: 1.15, prefix: 'cnt', showIndex: false },
    );
    const output = layoutCells(
      values.map(() => ''),
      { y: -2.2, width: 13, maxPitch: 1.15, prefix: 'out' },
    );
    let counted = 0;
    let placed = 0;
    const counter = () => `counted ${counted}/${n}   placed ${placed}/${n}`;
    const scene = new AlgoScene('Counting sort', counter());
    const tl = scene.tl;
    const label = (id: string, row: CellRow, text: string) => ({ id, type: 'text' as const, text, x: row.x[0]! - row.size / 2, y: row.y + row.size / 2 + 0.28, size: 0.3, align: 'left' as const, color: '$muted' });
    scene.add(...input.objects, ...counts.objects, ...output.objects);
    scene.add(label('inLabel', input, 'input'), label('cntLabel', counts, 'count of each value'), label('outLabel', output, 'output'));
    keys.forEach((key, k) => scene.add({ id: `key${k}`, type: 'text', text: formatValue(key), x: counts.x[k]!, y: counts.y - counts.size / 2 - 0.3, size: 0.28, font: 'mono', color: '$muted' }));
    // A copy of each value travels from the input to its place in the output.
    values.forEach((v, i) => {
      const size = (input.objects.find((o) => o.id === input.valueIds[i]) as { size: number }).size;
      scene.add({ id: `tok${i}`, type: 'text', text: formatValue(v), x: input.x[i]!, y: input.y, size, font: 'mono', weight: 600, color: '$foreground' });
    });
    scene.legend = [
      { role: 'current', label: 'being read' },
      { role: 'sorted', label: 'placed' },
    ];
    const countText = new Map<number, number>(keys.map((_, k) => [k, 0]));
    let pace = 1;
    const flash = (id: string, seconds: number) => tl.add({ type: 'highlight', target: id, at: tl.t, duration: seconds, color: roleColor('current') });

    const play = (step: CountingStep) => {
      if (step.kind === 'count') {
        counted++;
        countText.set(step.k, step.count);
        const s = 1 * pace;
        scene.counter(counter()).step(`Read ${formatValue(step.key)}: its count goes up to ${step.count}.`, s, [input.cellIds[step.i]!, counts.cellIds[step.k]!]);
        flash(input.cellIds[step.i]!, s);
        flash(counts.cellIds[step.k]!, s);
        tl.setText(counts.valueIds[step.k]!, String(step.count), tl.t + s * 0.4);
        tl.wait(s);
      } else if (step.kind === 'total') {
        const s = 1 * pace;
        scene.step(`${step.own} + ${step.before} = ${step.total}: ${count(step.total, 'values')} ${step.total === 1 ? 'is' : 'are'} ${rel} ${formatValue(step.key)}.`, s, [counts.cellIds[step.k]!]);
        flash(counts.cellIds[step.k]!, s);
        tl.setText(counts.valueIds[step.k]!, String(step.total), tl.t + s * 0.4);
        countText.set(step.k, step.total);
        tl.wait(s);
      } else {
        placed++;
        const s = 1.2 * pace;
        const total = countText.get(step.k)!;
        scene
          .counter(counter())
          .step(`${formatValue(step.key)}: ${total} ${total === 1 ? 'value is' : 'values are'} ${rel} ${formatValue(step.key)}, so it goes to position ${step.pos}.`, s, [
            input.cellIds[step.i]!,
            counts.cellIds[step.k]!,
            output.cellIds[step.pos]!,
          ]);
        flash(input.cellIds[step.i]!, s * 0.6);
        flash(counts.cellIds[step.k]!, s * 0.6);
        tl.appear(`tok${step.i}`, 0.2 * pace);
        tl.add({ type: 'tween', target: input.valueIds[step.i]!, property: 'opacity', to: 0.35, start: tl.t, duration: 0.3 * pace });
        tl.add({ type: 'move', target: `tok${step.i}`, start: tl.t + 0.2 * pace, duration: 0.6 * pace, to: { x: output.x[step.pos]!, y: output.y } });
        tl.add({ type: 'tween', target: output.cellIds[step.pos]!, property: 'fill', to: roleColor('sorted'), start: tl.t + 0.8 * pace, duration: 0.25 });
        tl.add({ type: 'tween', target: `tok${step.i}`, property: 'color', to: '$background', start: tl.t + 0.8 * pace, duration: 0.25 });
        countText.set(step.k, total - 1);
        tl.setText(counts.valueIds[step.k]!, String(total - 1), tl.t + 0.8 * pace);
        tl.wait(s);
      }
    };
    const speed = (grouped: boolean) => {
      pace = grouped ? GROUPED_SPEED : 1;
    };

    scene.intro(`Counting sort on ${n > 8 ? `${n} values` : listText(values)} (${orderWord(order)}): count, add up, place.`, 1.5);
    for (const id of [...input.cellIds, ...input.valueIds, ...input.indexIds, 'inLabel']) tl.appear(id, 0.4);
    tl.wait(0.8);
    scene.step(`One count per value from ${formatValue(keys[0]!)} to ${formatValue(keys.at(-1)!)}: ${count(keys.length, 'cells')}, all 0.`, 1.2, [...counts.cellIds]);
    for (const id of [...counts.cellIds, ...counts.valueIds, 'cntLabel', ...keys.map((_, k) => `key${k}`)]) tl.appear(id, 0.4);
    tl.wait(1.2);
    const phase = (kind: CountingStep['kind']) => run.steps.filter((s) => s.kind === kind);
    playInGroups(tl, [phase('count')], {
      narrated: () => true,
      detail: 4,
      play,
      speed,
      summary: (rest) => `Count the other ${count(rest.length, 'values')} the same way.`,
      refs: (rest) => rest.flatMap((s) => (s.kind === 'count' ? [input.cellIds[s.i]!] : [])),
    });
    const first = order === 'asc' ? 0 : keys.length - 1;
    scene.step(`Now add up: each count becomes how many values are ${rel} its key, ${order === 'asc' ? 'from the smallest' : 'from the largest'}.`, 1.2, [counts.cellIds[first]!]);
    tl.setText('cntLabel', `values ${rel} each key`);
    tl.wait(1.2);
    playInGroups(tl, [phase('total')], {
      narrated: () => true,
      detail: 3,
      play,
      speed,
      summary: (rest) => `The other ${count(rest.length, 'totals')} the same way: ${run.totals[rest.at(-1)!.k]} values in all.`,
      refs: (rest) => rest.flatMap((s) => (s.kind === 'total' ? [counts.cellIds[s.k]!] : [])),
    });
    for (const id of [...output.cellIds, ...output.indexIds, 'outLabel']) tl.appear(id, 0.4);
    scene.step('Place from the right: each value goes to its total − 1, and the total drops by 1.', 1.4, [input.cellIds[n - 1]!]);
    tl.wait(1.4);
    playInGroups(tl, [phase('place')], {
      narrated: () => true,
      detail: 4,
      play,
      speed,
      summary: (rest) => `Place the other ${count(rest.length, 'values')} the same way, right to left.`,
      refs: (rest) => rest.flatMap((s) => (s.kind === 'place' ? [output.cellIds[s.pos]!] : [])),
    });
    tl.wait(0.4);
    const sorted = facts.sorted as number[];
    return scene.finish(`sorted: ${listText(sorted)}`, `Sorted without a single comparison: ${n} counts, ${keys.length - 1} additions and ${n} placements.`);
  },
});
