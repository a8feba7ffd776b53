// dp.knapsack: the 0/1 knapsack by dynamic programming. K[i][c] is the best value from the first i items
// within capacity c: the row above (skip item i) or, when it fits, its value plus the row above at c − wᵢ
// (take it), whichever is larger. The traceback from the corner reads off which items were taken.
import { z } from 'zod';
import { numberList, type ParsedText } from '../../text/parse.ts';
import { roleColor } from '../emphasis/roles.ts';
import { GROUPED_SPEED, playInGroups } from '../step-groups.ts';
import { defineTemplate } from '../types.ts';
import { AlgoScene, listText } from './algo-scene.ts';
import { layoutDpGrid } from './dp-grid.ts';

export const MAX_KNAPSACK_ITEMS = 6;
export const MAX_KNAPSACK_CAPACITY = 15;

const item = z.object({
  weight: z.number().int({ error: 'weights are whole numbers' }).min(1, { error: 'weights are at least 1' }).max(10_000, { error: 'weights are at most 10000' }),
  value: z.number().int({ error: 'values are whole numbers' }).min(0, { error: 'values are at least 0' }).max(999, { error: 'values are at most 999' }),
});

export const knapsackParams = z.object({
  items: z
    .array(item)
    .min(1)
    .max(MAX_KNAPSACK_ITEMS, { error: `at most ${MAX_KNAPSACK_ITEMS} items fit the table` })
    .default([
      { weight: 1, value: 1 },
      { weight: 3, value: 4 },
      { weight: 4, value: 5 },
      { weight: 5, value: 7 },
    ]),
  // Larger capacities are read (and refused by misfit, with what to do) rather than replaced by the example.
  capacity: z.number().int({ error: 'the capacity is a whole number' }).min(1).max(10_000, { error: 'the capacity is at most 10000' }).default(7),
});
export type KnapsackParams = z.infer<typeof knapsackParams>;

export function knapsackTable({ items, capacity }: KnapsackParams): number[][] {
  const K = Array.from({ length: items.length + 1 }, () => new Array<number>(capacity + 1).fill(0));
  items.forEach(({ weight, value }, k) => {
    const i = k + 1;
    for (let c = 0; c <= capacity; c++) K[i]![c] = weight > c ? K[i - 1]![c]! : Math.max(K[i - 1]![c]!, value + K[i - 1]![c - weight]!);
  });
  return K;
}

/** Items taken (1-based, in order) and the cells the traceback passes. */
export function knapsackChoice(p: KnapsackParams, K: number[][]): { taken: number[]; path: [number, number][] } {
  let c = p.capacity;
  const taken: number[] = [];
  const path: [number, number][] = [];
  for (let i = p.items.length; i >= 1; i--) {
    path.push([i, c]);
    if (K[i]![c] !== K[i - 1]![c]) {
      taken.unshift(i);
      c -= p.items[i - 1]!.weight;
    }
  }
  path.push([0, c]);
  return { taken, path };
}

function extractKnapsack(text: ParsedText, warnings: string[]): Partial<KnapsackParams> {
  const out: Partial<KnapsackParams> = {};
  const t = text.original;
  for (const w of ['knapsack', 'capacity', 'weights', 'values']) if (text.normalized.includes(w)) text.used.add(w);
  const cap = /\b(?:capacity|max(?:imum)? weight|weight limit|limit|size|W)\s*(?:of|is|=|:)?\s*(\d{1,4})\b/i.exec(t) ?? /(?<![/\d])(\d{1,4})\s*(?:kg|units?)\s+(?:capacity|knapsack|bag)\b/i.exec(t);
  if (cap) out.capacity = Number(cap[1]);
  const list = (names: string) => {
    const m = new RegExp(String.raw`\b(?:${names})\s*(?:are|=|:)?\s*([[(]?\s*\d{1,4}(?:\s*(?:,|;|\s|and)\s*\d{1,4})*\s*[\])]?)`, 'i').exec(t);
    return m ? numberList(m[1]!, 1) : undefined;
  };
  const weights = list('weights?|w');
  const values = list('values?|profits?|v');
  const pairs = [...t.matchAll(/\(\s*(?:w\s*=\s*)?(\d{1,4})\s*,\s*(?:v\s*=\s*)?(\d{1,4})\s*\)/gi)].map((m) => ({ weight: Number(m[1]), value: Number(m[2]) }));
  let items: { weight: number; value: number }[] | undefined;
  if (weights && values) {
    if (weights.length !== values.length) warnings.push(`${weights.length} weights but ${values.length} values: the first ${Math.min(weights.length, values.length)} of each are paired`);
    items = weights.slice(0, values.length).map((w, k) => ({ weight: w, value: values[k]! }));
  } else if (pairs.length >= 1) items = pairs;
  if (items) {
    if (items.length > MAX_KNAPSACK_ITEMS) {
      warnings.push(`${items.length} items given; the first ${MAX_KNAPSACK_ITEMS} are used, so the table stays readable`);
      items = items.slice(0, MAX_KNAPSACK_ITEMS);
    }
    out.items = items;
  }
  // Weights and capacity with a common factor (10, 20, 30 in 50) are the same problem in smaller units.
  const cap0 = out.capacity;
  if (cap0 !== undefined && out.items && cap0 > MAX_KNAPSACK_CAPACITY) {
    const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y));
    const g = out.items.reduce((acc, it) => gcd(acc, it.weight), cap0);
    if (g > 1) {
      warnings.push(`weights and capacity divided by their common factor ${g} (the same choice, in a table ${cap0 / g + 1} columns wide)`);
      out.items = out.items.map((it) => ({ ...it, weight: it.weight / g }));
      out.capacity = cap0 / g;
    }
  }
  return out;
}

export const dpKnapsack = defineTemplate<KnapsackParams>({
  id: 'dp.knapsack',
  title: '0/1 knapsack',
  category: 'algorithms',
  style: 'algorithmic',
  example: '0/1 knapsack with weights 1 3 4 5, values 1 4 5 7 and capacity 7',
  params: knapsackParams,
  vocabulary: ['knapsack', 'capacity'],
  // The fractional knapsack is a greedy ratio rule, not this table.
  triggers: [
    { pattern: /^(?!.*\b(?:fractional|unbounded)\b).*\bknap ?sack\b/, score: 0.95 },
    { pattern: /\b0 ?\/? ?1 (knapsack|items?)\b/, score: 0.9 },
  ],
  extract: extractKnapsack,
  misfit: ({ capacity }) =>
    capacity > MAX_KNAPSACK_CAPACITY
      ? { message: `a capacity of ${capacity} needs ${capacity + 1} columns and at most ${MAX_KNAPSACK_CAPACITY + 1} stay readable: give the weights and capacity in larger units (capacity ${MAX_KNAPSACK_CAPACITY} or less)` }
      : undefined,
  facts(p) {
    const K = knapsackTable(p);
    const { taken } = knapsackChoice(p, K);
    return { best_value: K[p.items.length]![p.capacity]!, taken, total_weight: taken.reduce((s, i) => s + p.items[i - 1]!.weight, 0) };
  },
  compose(p, facts) {
    const K = knapsackTable(p);
    const { taken, path } = knapsackChoice(p, K);
    const n = p.items.length;
    const W = p.capacity;
    const grid = layoutDpGrid('x'.repeat(n), 'x'.repeat(W), 3);
    // Headers: capacities across, items (weight, value) down the side, right-aligned to the table.
    for (const o of grid.objects) {
      if (o.type !== 'text') continue;
      const col = /^ch(\d+)$/.exec(o.id);
      const row = /^rh(\d+)$/.exec(o.id);
      if (col) {
        o.text = col[1]!;
        o.color = '$muted';
      }
      if (row) {
        const i = Number(row[1]);
        o.text = i === 0 ? 'none' : `#${i} w${p.items[i - 1]!.weight} v${p.items[i - 1]!.value}`;
        o.align = 'right';
        o.x = (o.x ?? 0) + 0.45;
        o.size = Math.min(o.size ?? 0.3, 0.3);
      }
    }
    const total = n * (W + 1);
    let filled = 0;
    const counter = () => `capacity ${W}   cells filled ${filled}/${total}`;
    const scene = new AlgoScene('0/1 knapsack', counter());
    const tl = scene.tl;
    scene.add(...grid.objects);
    scene.legend = [
      { role: 'compare', label: 'used' },
      { role: 'path', label: 'traceback' },
      { role: 'found', label: 'item taken' },
    ];
    let pace = 1;
    const play = ([i, c]: [number, number]) => {
      tl.hold();
      filled++;
      const { weight, value } = p.items[i - 1]!;
      const fits = weight <= c;
      const sources = fits ? [grid.cell(i - 1, c), grid.cell(i - 1, c - weight)] : [grid.cell(i - 1, c)];
      const v = K[i]![c]!;
      const dur = 1 * pace;
      const text = fits ? `Item ${i}, capacity ${c}: skip (${K[i - 1]![c]}) or take (${value} + ${K[i - 1]![c - weight]}): ${v}.` : `Item ${i} (weight ${weight}) does not fit in ${c}: keep ${v} from above.`;
      scene.counter(counter()).step(text, dur, [grid.cell(i, c), ...sources]);
      for (const s of sources) tl.add({ type: 'highlight', target: s, at: tl.t, duration: dur * 0.8, color: roleColor('compare') });
      tl.setText(grid.value(i, c), String(v), tl.t + 0.2 * pace);
      tl.wait(dur);
    };

    scene.intro(`0/1 knapsack, capacity ${W}: the best value from the first items, for every capacity up to ${W}.`, 1.6);
    for (const id of grid.objects.filter((o) => !o.id.endsWith('v')).map((o) => o.id)) tl.appear(id, 0.4);
    tl.wait(0.6);
    for (let c = 0; c <= W; c++) tl.setText(grid.value(0, c), '0');
    scene.step('With no items, every capacity holds value 0.', 1.3, [grid.rowHead(0)]);
    tl.wait(1.3);
    const rounds = Array.from({ length: n }, (_, r) => Array.from({ length: W + 1 }, (_, c) => [r + 1, c] as [number, number]));
    playInGroups(tl, rounds, {
      narrated: () => true,
      detail: 6,
      play,
      speed: (grouped) => {
        pace = grouped ? GROUPED_SPEED : 1;
      },
      summary: (rest, r, partial) => `${partial ? `The rest of item ${r}` : `Item ${r} (w${p.items[r - 1]!.weight} v${p.items[r - 1]!.value})`}: ${rest.map(([i, c]) => K[i]![c]).join(' ')}.`,
      refs: (rest) => rest.map(([i, c]) => grid.cell(i, c)),
    });
    tl.wait(0.4);
    for (const [i, c] of path) tl.add({ type: 'tween', target: grid.cell(i, c), property: 'fill', to: roleColor('path'), start: tl.t, duration: 0.3 });
    scene.step(
      'Trace back from the corner: where a value differs from the one above, that item was taken.',
      1.5,
      path.map(([i, c]) => grid.cell(i, c)),
      { emphasis: 'dim-rest' },
    );
    tl.wait(1.5);
    for (const i of taken) {
      tl.add({ type: 'tween', target: grid.rowHead(i), property: 'color', to: roleColor('found'), start: tl.t, duration: 0.3 });
      const cell = path.find(([r]) => r === i)!;
      tl.add({ type: 'tween', target: grid.cell(cell[0], cell[1]), property: 'fill', to: roleColor('found'), start: tl.t, duration: 0.3 });
    }
    const best = facts.best_value as number;
    const weight = facts.total_weight as number;
    scene.step(taken.length ? `Take items ${listText(taken)}: weight ${weight} of ${W}, value ${best}.` : `Nothing fits: value 0.`, 1.5, taken.length ? taken.map((i) => grid.rowHead(i)) : [grid.cell(n, W)]);
    tl.wait(1.5);
    return scene.finish(`best value ${best} · items ${taken.length ? listText(taken) : 'none'} · weight ${weight}/${W}`, `The best the knapsack can hold is ${best}.`);
  },
});
