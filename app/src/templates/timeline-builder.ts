// A small recorder for composing timelines step by step: a clock, entries and captions.
import type { Composition } from './types.ts';

type Entry = Composition['timeline'][number];

export class TimelineBuilder {
  readonly entries: Entry[] = [];
  readonly captions: Composition['captions'] = [];
  /** Current time in seconds. */
  t = 0;

  add(entry: Entry): this {
    this.entries.push(entry);
    return this;
  }

  wait(seconds: number): this {
    this.t += seconds;
    return this;
  }

  /** A caption from now for `seconds` (or until the next caption replaces it). */
  caption(text: string, seconds: number): this {
    const last = this.captions[this.captions.length - 1];
    if (last && last.end > this.t) last.end = this.t;
    this.captions.push({ start: this.t, end: this.t + seconds, text });
    return this;
  }

  setText(target: string, text: string, at = this.t): this {
    return this.add({ type: 'set', target, at, property: 'text', value: text });
  }

  appear(target: string, duration = 0.4, effect: 'fade' | 'grow' | 'draw' = 'fade', at = this.t): this {
    return this.add({ type: 'appear', target, at, duration, effect });
  }

  /** Extends the last caption to `end` (call when composition is done). */
  finish(end: number): void {
    const last = this.captions[this.captions.length - 1];
    if (last) last.end = Math.max(last.end, end);
  }
}
