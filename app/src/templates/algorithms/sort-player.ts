// Plays the steps an in-place sorting algorithm recorded (compare, swap, mark, sorted …) on bars,
// with a caption per step and running counters. The algorithms record; this file only draws.
import { BarAnimator, layoutBars, formatValue } from './array-bars.ts';
import { roleColor } from '../emphasis/roles.ts';
import { AlgoScene, listText } from './algo-scene.ts';
import type { Composition } from '../types.ts';
import type { LegendEntry } from '../emphasis/roles.ts';
import { count, GROUPED_SPEED, playInGroups } from '../step-groups.ts';

export type SortStep =
  /** Compare the values in two slots (counts a comparison). */
  | { kind: 'compare'; i: number; j: number; note: string }
  /** Exchange two slots (counts a swap unless `counted` is false). */
  | { kind: 'swap'; i: number; j: number; note?: string; counted?: boolean }
  /** The slot holds its final value. */
  | { kind: 'sorted'; i: number; note?: string }
  /** Recolour a slot until recoloured again: pivots, the current minimum, a partition. */
  | { kind: 'mark'; i: number; color: string }
  /** The part of the array being worked on. */
  | { kind: 'range'; lo: number; hi: number; note?: string }
  /** A sentence; `slots` names the values it is about (the key to insert, the root to move). */
  | { kind: 'note'; note: string; slots?: number[] };

export interface SortRun {
  steps: SortStep[];
  sorted: number[];
}

export interface SortSceneOptions {
  title: string;
  values: number[];
  order: 'asc' | 'desc';
  steps: SortStep[];
  /** What the swap counter is called ("swaps", "shifts"); null hides it. */
  swapLabel: string | null;
  /** The facts written on screen at the end. */
  result: string;
  summary: string;
  intro: string;
  /** The role colours the steps use besides compare and sorted (a pivot, the key being inserted). */
  legend?: LegendEntry[];
  /** Tint swapped bars in the swap role's colour (bubble sort; where swaps are the story). */
  tintSwaps?: boolean;
  /** What a grouped round is called in its summary ("Gap 2"); by default "Positions 0–4" or "Pass 3". */
  roundLabel?: (round: readonly SortStep[], pass: number) => string;
}

export const SORT_BAR_AREA = { bottom: -3.0, height: 4.5 };
const RANGE_Y = -3.25;
/** The longest natural length worth sitting through; bigger inputs play faster. */
const TARGET_SECONDS = 75;

/** Splits the steps into rounds: a new one begins before each range or each note after a comparison, and after each value placed. */
export function splitRounds(steps: readonly SortStep[]): SortStep[][] {
  const rounds: SortStep[][] = [];
  let round: SortStep[] = [];
  for (const step of steps) {
    const starts = step.kind === 'range' || (step.kind === 'note' && round.some((s) => s.kind === 'compare'));
    if (starts && round.length > 0) {
      rounds.push(round);
      round = [];
    }
    round.push(step);
    if (step.kind === 'sorted') {
      rounds.push(round);
      round = [];
    }
  }
  if (round.length > 0) rounds.push(round);
  // A round without a comparison (a value placed, a closing note) joins the round before: no "0 comparisons".
  const merged: SortStep[][] = [];
  for (const r of rounds) {
    if (merged.length > 0 && !r.some((s) => s.kind === 'compare')) merged[merged.length - 1]!.push(...r);
    else merged.push(r);
  }
  return merged;
}

export function roundLabel(round: readonly SortStep[], pass: number): string {
  const range = round.find((s) => s.kind === 'range');
  return range && range.kind === 'range' ? `Positions ${range.lo}–${range.hi}` : `Pass ${pass}`;
}

/** "Pass 3: 4 comparisons, 2 swaps; one more value in place." — what a grouped round did, in one sentence. */
export function roundSummary(label: string, rest: readonly SortStep[], swapLabel: string | null): string {
  const compares = rest.filter((s) => s.kind === 'compare').length;
  const swaps = rest.filter((s) => s.kind === 'swap' && s.counted !== false && s.i !== s.j).length;
  const parts = [count(compares, 'comparisons'), ...(swapLabel === null ? [] : [count(swaps, swapLabel)])];
  const placed = rest.filter((s) => s.kind === 'sorted').length;
  return `${label}: ${parts.join(', ')}${placed === 0 ? '' : `; ${placed === 1 ? 'one more value' : `${placed} more values`} in place`}.`;
}

export function composeSort(opts: SortSceneOptions): Composition {
  const { values, steps } = opts;
  const layout = layoutBars(values, SORT_BAR_AREA);
  const pitch = values.length > 1 ? layout.slotX[1]! - layout.slotX[0]! : 1;
  let comparisons = 0;
  let swaps = 0;
  const counterText = () => (opts.swapLabel === null ? `comparisons ${comparisons}` : `comparisons ${comparisons}   ${opts.swapLabel} ${swaps}`);
  const scene = new AlgoScene(opts.title, counterText());
  const tl = scene.tl;
  const anim = new BarAnimator(layout, tl);
  scene.add(...layout.objects);
  // The worked-on range is marked in a neutral colour: the role colours are the bars' (pivot, compared …).
  scene.add({ id: 'range', type: 'rect', x: 0, y: RANGE_Y, width: pitch * values.length, height: 0.07, fill: '$muted', opacity: 0 });
  scene.legend = [{ role: 'compare' }, ...(opts.tintSwaps ? [{ role: 'swap' as const }] : []), ...(opts.legend ?? []), { role: 'sorted' }];

  // Pace: a long run plays faster so a 16-value worst case stays watchable.
  const compareCount = steps.filter((s) => s.kind === 'compare').length;
  const swapCount = steps.filter((s) => s.kind === 'swap').length;
  const natural = compareCount * 0.5 + swapCount * 0.6 + steps.length * 0.05;
  const k = Math.min(1, Math.max(0.35, TARGET_SECONDS / Math.max(1, natural)));
  anim.compareTime = 0.5 * k;
  anim.swapTime = 0.6 * k;

  const normalTimes = { compare: anim.compareTime, swap: anim.swapTime };
  // A group plays faster: its summary, not each sentence, is what is read.
  const grouped = (on: boolean) => {
    anim.compareTime = normalTimes.compare * (on ? GROUPED_SPEED : 1);
    anim.swapTime = normalTimes.swap * (on ? GROUPED_SPEED : 1);
  };

  scene.intro(opts.intro, 1.2);
  for (const id of layout.barIds) tl.appear(id, 0.5, 'grow');
  tl.wait(1.2);
  const current = [...values];
  const play = (step: SortStep) => {
    switch (step.kind) {
      case 'compare':
        comparisons++;
        scene.counter(counterText()).step(step.note, anim.compareTime, anim.barsAt(step.i, step.j));
        anim.compare(step.i, step.j);
        break;
      case 'swap':
        if (step.counted !== false) swaps++;
        scene.counter(counterText());
        if (step.note) scene.step(step.note, anim.swapTime, anim.barsAt(step.i, step.j));
        if (step.i !== step.j) {
          [current[step.i], current[step.j]] = [current[step.j]!, current[step.i]!];
          anim.swap(step.i, step.j, opts.tintSwaps ? roleColor('swap') : undefined);
        } else tl.wait(anim.swapTime * 0.5);
        break;
      case 'sorted':
        if (step.note) scene.step(step.note, 0.5 * k, anim.barsAt(step.i));
        anim.markSorted(step.i);
        tl.wait(0.15 * k);
        break;
      case 'mark':
        anim.mark(step.i, step.color);
        break;
      case 'range': {
        const x0 = layout.slotX[step.lo]! - pitch / 2;
        const x1 = layout.slotX[step.hi]! + pitch / 2;
        tl.add({ type: 'tween', target: 'range', property: 'x', to: (x0 + x1) / 2, start: tl.t, duration: 0.3 * k });
        tl.add({ type: 'tween', target: 'range', property: 'width', to: x1 - x0, start: tl.t, duration: 0.3 * k });
        tl.add({ type: 'tween', target: 'range', property: 'opacity', to: 1, start: tl.t, duration: 0.3 * k });
        // The part being worked on stands out: the rest dims while it is named.
        if (step.note) scene.step(step.note, 0.8 * k, [...anim.barsBetween(step.lo, step.hi), 'range'], { emphasis: 'dim-rest' });
        tl.wait(0.5 * k);
        break;
      }
      case 'note':
        scene.step(step.note, 0.9 * k, anim.barsAt(...(step.slots ?? [])));
        tl.wait(0.9 * k);
        break;
    }
  };
  // The first steps one sentence each; then the rest of that round and each later round play as a group
  // under one summary ("Pass 3: 4 comparisons, 2 swaps; one more value in place.").
  playInGroups(tl, splitRounds(steps), {
    narrated: (step) => Boolean((step as { note?: string }).note),
    summary: (rest, round, partial) => {
      const label = opts.roundLabel?.(rest, round);
      return roundSummary(partial ? (label ? `The rest of ${label.toLowerCase()}` : 'The rest of this pass') : (label ?? roundLabel(rest, round)), rest, opts.swapLabel);
    },
    play,
    speed: grouped,
    refs: (rest) => {
      const slots = rest.flatMap((s) => (s.kind === 'compare' || s.kind === 'swap' ? [s.i, s.j] : s.kind === 'sorted' || s.kind === 'mark' ? [s.i] : s.kind === 'range' ? [s.lo, s.hi] : []));
      return slots.length ? anim.barsBetween(Math.min(...slots), Math.max(...slots)) : [];
    },
  });
  tl.add({ type: 'tween', target: 'range', property: 'opacity', to: 0, start: tl.t, duration: 0.3 });
  for (let slot = 0; slot < values.length; slot++) anim.markSorted(slot);
  tl.wait(0.4);
  return scene.finish(opts.result, opts.summary);
}

export function orderWord(order: 'asc' | 'desc'): string {
  return order === 'asc' ? 'ascending' : 'descending';
}

/** "Quicksort on 5, 3, 8 (ascending)."; long inputs are counted, not listed (the bars show them). */
export function sortIntro(name: string, values: number[], order: 'asc' | 'desc'): string {
  return `${name} on ${values.length > 8 ? `${values.length} values` : listText(values)} (${orderWord(order)}).`;
}

/** "a before b" in words for captions: "3 ≤ 5", "8 ≥ 2". */
export function relation(a: number, b: number, order: 'asc' | 'desc', strict = false): string {
  const sym = order === 'asc' ? (strict ? '<' : '≤') : strict ? '>' : '≥';
  return `${formatValue(a)} ${sym} ${formatValue(b)}`;
}

export { formatValue };
