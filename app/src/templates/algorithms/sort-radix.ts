// sort.radix: least-significant-digit radix sort in base 10. Each pass drops the values, in their current
// order, into buckets 0–9 by one digit (ones, then tens, …) and collects the buckets in order; because each
// pass keeps the order of equal digits (it is stable), the list ends sorted after the last digit.
import { z } from 'zod';
import { roleColor } from '../emphasis/roles.ts';
import { count, GROUPED_SPEED, playInGroups } from '../step-groups.ts';
import { defineTemplate } from '../types.ts';
import { AlgoScene, listText } from './algo-scene.ts';
import { fitTextSize } from './array-cells.ts';
import { formatValue } from './array-bars.ts';
import { extractSortParams, finiteValue, MAX_ARRAY_VALUES } from './params.ts';
import { orderWord } from './sort-player.ts';

/** Values up to four digits: wider tiles would not fit sixteen to a row. */
export const MAX_RADIX_VALUE = 9999;
const PLACE_NAMES = ['ones', 'tens', 'hundreds', 'thousands'];

export const radixParams = z.object({
  values: z.array(finiteValue).min(2).max(MAX_ARRAY_VALUES).default([329, 457, 657, 839, 436, 720, 355]),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type RadixParams = z.infer<typeof radixParams>;

export interface RadixPass {
  place: number;
  /** For each value, in the order it is dropped: its index in the original list, and its bucket. */
  drops: { item: number; value: number; bucket: number }[];
  /** Original indexes in the order collected. */
  after: number[];
}

export function radixSort(values: readonly number[], order: 'asc' | 'desc'): { digits: number; passes: RadixPass[]; sorted: number[] } {
  const digits = Math.max(1, ...values.map((v) => String(v).length));
  let current = values.map((_, i) => i);
  const passes: RadixPass[] = [];
  for (let place = 0; place < digits; place++) {
    const buckets: number[][] = Array.from({ length: 10 }, () => []);
    const drops = current.map((item) => {
      const bucket = Math.floor(values[item]! / 10 ** place) % 10;
      buckets[bucket]!.push(item);
      return { item, value: values[item]!, bucket };
    });
    // Descending collects the buckets from 9 down: the same stable passes, the digits' order reversed.
    current = (order === 'asc' ? buckets : [...buckets].reverse()).flat();
    passes.push({ place, drops, after: current });
  }
  return { digits, passes, sorted: current.map((i) => values[i]!) };
}

function radixMisfit({ values }: RadixParams): { message: string; instead?: string } | undefined {
  const bad = values.find((v) => !Number.isInteger(v) || v < 0);
  if (bad !== undefined) return { message: `radix sort sorts whole numbers ≥ 0 digit by digit, and ${formatValue(bad)} is not one; quicksort sorts any numbers`, instead: 'sort.quick' };
  const big = values.find((v) => v > MAX_RADIX_VALUE);
  if (big !== undefined) return { message: `values up to ${MAX_RADIX_VALUE} (four digits) fit on the tiles, and ${formatValue(big)} has more; give smaller values`, instead: 'sort.quick' };
  return undefined;
}

export const sortRadix = defineTemplate<RadixParams>({
  id: 'sort.radix',
  title: 'Radix sort',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'LSD radix sort of 329 457 657 839 436 720 355',
  params: radixParams,
  vocabulary: ['radix', 'lsd', 'buckets'],
  // Most-significant-digit-first and radix sorts of strings work differently: they are not this template's.
  triggers: [
    { pattern: /^(?!.*\b(?:msd|most significant|strings|words)\b).*\bradix ?sort/, score: 0.95 },
    { pattern: /^(?!.*\b(?:msd|most significant|strings|words)\b).*\bradix\b/, score: 0.8 },
    { pattern: /\b(digit by digit|least significant digit)\b.*\bsort|\bsort\w*\b.*\b(digit by digit|least significant digit)\b/, score: 0.85 },
  ],
  extract: (text, warnings) => extractSortParams(text, warnings, ['radix', 'sort']),
  misfit: radixMisfit,
  facts({ values, order }) {
    const run = radixSort(values, order);
    return { digits: run.digits, passes: run.passes.map((p) => p.after.map((i) => values[i]!)), sorted: run.sorted };
  },
  compose({ values, order }, facts) {
    const run = radixSort(values, order);
    const n = values.length;
    const d = run.digits;
    // The tallest stack any bucket gets sets the tile height, so every bucket fits between the row and the floor.
    const deepest = Math.max(...run.passes.flatMap((p) => Array.from({ length: 10 }, (_, b) => p.drops.filter((x) => x.bucket === b).length)));
    const ROW_Y = 1.75;
    const FLOOR_Y = -3.0;
    const stackRoom = 3.6;
    const tileH = Math.min(0.8, (stackRoom / deepest) * 0.92);
    const step = Math.min(0.87, stackRoom / deepest);
    const pitch = Math.min(1.5, 13.4 / n);
    const tileW = Math.min(pitch * 0.88, 1.25);
    const digitSize = Math.min(fitTextSize(tileW, d, 0.5), tileH * 0.7);
    const charW = digitSize * 0.62;
    const rowX = (slot: number) => (slot - (n - 1) / 2) * pitch;
    const bucketX = (b: number) => (b - 4.5) * 1.36;
    const stackY = (k: number) => FLOOR_Y + tileH / 2 + k * step;

    const scene = new AlgoScene('Radix sort', `least significant digit first, ${count(d, 'passes')}`);
    const tl = scene.tl;
    const tile = (i: number) => `tile${i}`;
    const digit = (i: number, place: number) => `tile${i}d${place}`;
    const baseColor = (i: number, place: number) => (place >= String(values[i]).length ? '$muted' : '$foreground');
    values.forEach((v, i) => {
      // A group per value, so the box and its digits travel together.
      scene.add({ id: tile(i), type: 'group', x: rowX(i), y: ROW_Y }, { id: `${tile(i)}box`, parent: tile(i), type: 'rect', width: tileW, height: tileH, cornerRadius: 0.06, fill: '$surface', stroke: '$primary', strokeWidth: 0.04 });
      // Leading zeros in grey, so every value shows a digit for every pass.
      const padded = String(v).padStart(d, '0');
      for (let place = 0; place < d; place++) {
        const j = d - 1 - place;
        scene.add({ id: digit(i, place), parent: tile(i), type: 'text', text: padded[j]!, x: (j - (d - 1) / 2) * charW, y: 0, size: digitSize, font: 'mono', weight: 600, color: baseColor(i, place) });
      }
    });
    for (let b = 0; b < 10; b++) {
      scene.add(
        { id: `bucket${b}`, type: 'rect', x: bucketX(b), y: FLOOR_Y - 0.06, width: 1.2, height: 0.08, fill: '$muted' },
        { id: `bucket${b}l`, type: 'text', text: String(b), x: bucketX(b), y: FLOOR_Y - 0.38, size: 0.32, font: 'mono', weight: 700, color: '$muted' },
      );
    }
    scene.legend = [{ role: 'current', label: 'digit sorted on' }];

    let pace = 1;
    const stacks = Array.from({ length: 10 }, () => 0);
    const drop = (x: RadixPass['drops'][number], place: number) => {
      const s = 1 * pace;
      const name = PLACE_NAMES[place]!;
      const digitValue = Math.floor(x.value / 10 ** place) % 10;
      scene.step(`${formatValue(x.value)}: ${name} digit ${digitValue}, into bucket ${x.bucket}.`, s, [tile(x.item), `bucket${x.bucket}`]);
      tl.add({ type: 'move', target: tile(x.item), start: tl.t, duration: 0.6 * pace, to: { x: bucketX(x.bucket), y: stackY(stacks[x.bucket]!) } });
      tl.add({ type: 'highlight', target: `bucket${x.bucket}l`, at: tl.t, duration: s, color: roleColor('current') });
      stacks[x.bucket]!++;
      tl.wait(s);
    };

    scene.intro(`Radix sort on ${n > 8 ? `${n} values` : listText(values)} (${orderWord(order)}): one pass per digit, ones first.`, 1.5);
    for (let i = 0; i < n; i++) tl.appear(tile(i), 0.4);
    for (let b = 0; b < 10; b++) tl.appear(`bucket${b}`, 0.3).appear(`bucket${b}l`, 0.3);
    tl.wait(1);
    run.passes.forEach((pass, p) => {
      const name = PLACE_NAMES[pass.place]!;
      stacks.fill(0);
      scene.counter(`pass ${p + 1}/${d}: ${name} digit`);
      for (let i = 0; i < n; i++) {
        if (pass.place > 0) tl.add({ type: 'tween', target: digit(i, pass.place - 1), property: 'color', to: baseColor(i, pass.place - 1), start: tl.t, duration: 0.3 });
        tl.add({ type: 'tween', target: digit(i, pass.place), property: 'color', to: roleColor('current'), start: tl.t, duration: 0.3 });
      }
      scene.step(
        `Pass ${p + 1}: drop each value, left to right, into the bucket of its ${name} digit.`,
        1.4,
        pass.drops.map((x) => tile(x.item)),
        { emphasis: 'dim-rest' },
      );
      tl.wait(1.4);
      playInGroups(tl, [pass.drops], {
        narrated: () => true,
        detail: p === 0 ? 4 : 0,
        play: (x) => drop(x, pass.place),
        speed: (grouped) => {
          pace = grouped ? GROUPED_SPEED : 1;
        },
        summary: (rest, _round, partial) => `${partial ? `The other ${count(rest.length, 'values')}` : `All ${count(rest.length, 'values')}`} into the buckets of their ${name} digits.`,
        refs: (rest) => rest.map((x) => tile(x.item)),
      });
      // Collect: bucket 0 first (9 first descending), bottom to top, back into the row.
      const collected = pass.after.map((i) => values[i]!);
      scene.step(`Collect the buckets ${order === 'asc' ? '0 to 9' : '9 down to 0'}, bottom up: ${listText(collected)}.`, 1.6, pass.after.map(tile));
      pass.after.forEach((item, slot) => tl.add({ type: 'move', target: tile(item), start: tl.t + slot * 0.05, duration: 0.6, to: { x: rowX(slot), y: ROW_Y } }));
      tl.wait(0.6 + n * 0.05 + 0.4);
    });
    // On the sorted fill the digits take the background colour, to stay readable.
    for (let i = 0; i < n; i++) for (let place = 0; place < d; place++) tl.add({ type: 'tween', target: digit(i, place), property: 'color', to: '$background', start: tl.t, duration: 0.3 });
    for (let i = 0; i < n; i++) tl.add({ type: 'tween', target: `${tile(i)}box`, property: 'fill', to: roleColor('sorted'), start: tl.t, duration: 0.3 });
    scene.legend.push({ role: 'sorted' });
    tl.wait(0.4);
    const sorted = facts.sorted as number[];
    return scene.finish(`sorted: ${listText(sorted)}`, `Sorted after ${count(d, 'passes')}, one per digit, without comparing two values.`);
  },
});
