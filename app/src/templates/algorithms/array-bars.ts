// Arrays drawn as labelled bars, and the steps sorting algorithms animate on them: compare, swap,
// shift, mark as sorted. Bars keep their identity (b0, b1, … by original index) as they move.
import type { Composition } from '../types.ts';
import type { TimelineBuilder } from '../timeline-builder.ts';
import { roleColor } from '../emphasis/roles.ts';
import { formatNumber } from '../format/index.ts';

export interface BarLayout {
  objects: Composition['objects'];
  /** x of each slot. */
  slotX: number[];
  baseline: number;
  barIds: string[];
}

const AREA_WIDTH = 13;
const AREA_BOTTOM = -3.4;
const AREA_HEIGHT = 5;

export interface BarArea {
  /** y of the bars' base. */
  bottom?: number;
  /** Height of the tallest bar. */
  height?: number;
  /** Width the row of bars may take. */
  width?: number;
}

/** Bars for `values`, centred; `area` moves or shrinks the row (defaults: the whole lower view). */
export function layoutBars(values: number[], area: BarArea = {}): BarLayout {
  const bottom = area.bottom ?? AREA_BOTTOM;
  const height = area.height ?? AREA_HEIGHT;
  const n = values.length;
  const pitch = Math.min(1.6, (area.width ?? AREA_WIDTH) / Math.max(1, n));
  const width = pitch * 0.72;
  const min = Math.min(0, ...values);
  const max = Math.max(...values.map((v) => v - min), 1e-9);
  const slotX = values.map((_, i) => (i - (n - 1) / 2) * pitch);
  const barIds = values.map((_, i) => `bar${i}`);
  const objects: Composition['objects'] = values.map((v, i) => ({
    id: barIds[i]!,
    type: 'bar' as const,
    x: slotX[i]!,
    y: bottom,
    width,
    height: Math.max(0.08, ((v - min) / max) * height),
    label: formatValue(v),
    fill: '$primary',
  }));
  return { objects, slotX, baseline: bottom, barIds };
}

export function formatValue(v: number): string {
  return formatNumber(v, { sigFigs: 4 });
}

/** Plays sorting steps on bars; `order[slot]` is the bar id currently in that slot. */
export class BarAnimator {
  readonly tl: TimelineBuilder;
  readonly layout: BarLayout;
  readonly order: string[];
  compareTime = 0.45;
  swapTime = 0.6;

  constructor(layout: BarLayout, tl: TimelineBuilder) {
    this.layout = layout;
    this.tl = tl;
    this.order = [...layout.barIds];
  }

  /** The bars in these slots now (ids move with the bars): what a step about those slots refers to. */
  barsAt(...slots: number[]): string[] {
    return slots.map((slot) => this.order[slot]!);
  }

  /** The bars in slots lo … hi now. */
  barsBetween(lo: number, hi: number): string[] {
    return this.order.slice(Math.max(0, lo), hi + 1);
  }

  compare(i: number, j: number, color = roleColor('compare')): void {
    for (const slot of [i, j]) this.tl.add({ type: 'highlight', target: this.order[slot]!, at: this.tl.t, duration: this.compareTime, color });
    this.tl.wait(this.compareTime);
  }

  /** Exchanges two slots; `tint` colours both bars for the move (bubble sort's "swapped", legend-explained). */
  swap(i: number, j: number, tint?: string): void {
    const a = this.order[i]!;
    const b = this.order[j]!;
    // Both bars slide along the baseline: a bar lifted or sunk mid-swap would stand for another value than its
    // own for a moment (the review saw swapped bars dip below the axis). The tint tells which two are moving.
    if (tint) for (const id of [a, b]) this.tl.add({ type: 'highlight', target: id, at: this.tl.t, duration: this.swapTime, color: tint });
    this.tl.add({ type: 'move', target: a, start: this.tl.t, duration: this.swapTime, to: { x: this.layout.slotX[j]! } });
    this.tl.add({ type: 'move', target: b, start: this.tl.t, duration: this.swapTime, to: { x: this.layout.slotX[i]! } });
    this.order[i] = b;
    this.order[j] = a;
    this.tl.wait(this.swapTime);
  }

  markSorted(slot: number, color = roleColor('sorted')): void {
    this.tl.add({ type: 'tween', target: this.order[slot]!, property: 'fill', to: color, start: this.tl.t, duration: 0.25 });
  }

  /** Recolours the bar in a slot until recoloured again (a pivot, the current minimum). */
  mark(slot: number, color: string): void {
    this.markSorted(slot, color);
  }
}
