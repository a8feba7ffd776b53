// The frame every algorithm animation shares: a title, a running counter under it, and a status line at
// the bottom where the facts are written at the end. Each step's sentence is narrated (and burned into
// the frame by the player's caption band, so the status line no longer repeats it). Content goes
// between y = -3.6 and y = 2.7.
import type { Composition } from '../types.ts';
import { TimelineBuilder, type NarrateOptions } from '../timeline-builder.ts';
import type { LegendEntry } from '../emphasis/roles.ts';
import { formatNumber as houseNumber } from '../format/index.ts';

type SceneObject = Composition['objects'][number];

export const TITLE_Y = 3.75;
export const COUNTER_Y = 3.1;
export const STATUS_Y = -3.97;
/** The band templates draw in: below the counter, above the status line. */
export const CONTENT_TOP = 2.7;
export const CONTENT_BOTTOM = -3.6;

export class AlgoScene {
  readonly tl = new TimelineBuilder();
  readonly objects: SceneObject[] = [];
  readonly title: string;
  /** The role colours this scene uses, for its legend (see emphasis/roles.ts). */
  legend: LegendEntry[] = [];

  constructor(title: string, counter = '') {
    this.title = title;
    this.objects.push(
      { id: 'title', type: 'text', text: title, x: 0, y: TITLE_Y, size: 0.6, weight: 700, color: '$foreground' },
      { id: 'counter', type: 'text', text: counter, x: 0, y: COUNTER_Y, size: 0.34, font: 'mono', color: '$muted' },
      { id: 'status', type: 'text', text: '', x: 0, y: STATUS_Y, size: 0.34, maxWidth: 15, color: '$foreground' },
    );
  }

  add(...objects: SceneObject[]): this {
    this.objects.push(...objects);
    return this;
  }

  /** Fades in the title and counter. */
  intro(caption: string, seconds = 1.2, refs: string[] = [], how: NarrateOptions = {}): this {
    this.tl.appear('title', 0.5).appear('counter', 0.5);
    this.step(caption, seconds, refs, how);
    return this;
  }

  counter(text: string): this {
    this.tl.setText('counter', text);
    return this;
  }

  /** One step's sentence, narrated for `seconds` (the clock does not move), about the objects `refs` (highlighted). */
  step(text: string, seconds: number, refs: string[] = [], how: NarrateOptions = {}): this {
    this.tl.narrate(text, seconds, refs, how);
    return this;
  }

  /** Writes the facts in the status line in the success colour and holds the last frame. */
  finish(facts: string, caption: string, hold = 2.5): Composition {
    const tl = this.tl;
    // The closing sentence is about the facts line it writes.
    tl.narrate(caption, hold, ['status']);
    tl.setText('status', facts);
    tl.add({ type: 'tween', target: 'status', property: 'color', to: '$success', start: tl.t, duration: 0.3 });
    tl.wait(hold);
    tl.finish(tl.t);
    return { objects: this.objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: this.title, ...(this.legend.length ? { legend: this.legend } : {}) };
  }
}

/** A short list for captions and the status line: "1, 3, 5, 8" (long lists end in "…"). */
export function listText(items: readonly (string | number)[], max = 20): string {
  const shown = items.slice(0, max).map((v) => (typeof v === 'number' ? formatNumber(v) : v));
  return shown.join(', ') + (items.length > max ? ', …' : '');
}

export function formatNumber(v: number): string {
  return houseNumber(v, { sigFigs: 4 });
}
