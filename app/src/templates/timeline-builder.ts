// A small recorder for composing timelines step by step: a clock, entries and the narration track.
import type { NarrationStepInput } from '../scene/schema.ts';
import type { Composition } from './types.ts';

type Entry = Composition['timeline'][number];

export class TimelineBuilder {
  readonly entries: Entry[] = [];
  /** The narration steps, in order; each ends where the next begins at the latest. */
  readonly steps: NarrationStepInput[] = [];
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

  /**
   * A narration step from now for `seconds` (or until the next step replaces it), about the objects
   * `refs` names (ids; what a highlight of the step would show).
   */
  narrate(text: string, seconds: number, refs: string[] = []): this {
    const last = this.steps[this.steps.length - 1];
    if (last && last.start + last.duration > this.t) last.duration = this.t - last.start;
    // A step the next one replaced at once (same instant) never shows: it goes.
    if (last && last.duration <= 0) this.steps.pop();
    this.steps.push({ start: this.t, duration: seconds, text, refs });
    return this;
  }

  /** A narration step that names no objects (what every template did before steps had refs). */
  caption(text: string, seconds: number): this {
    return this.narrate(text, seconds);
  }

  setText(target: string, text: string, at = this.t): this {
    return this.add({ type: 'set', target, at, property: 'text', value: text });
  }

  appear(target: string, duration = 0.4, effect: 'fade' | 'grow' | 'draw' = 'fade', at = this.t): this {
    return this.add({ type: 'appear', target, at, duration, effect });
  }

  /** Extends the last step to `end` (call when composition is done). */
  finish(end: number): void {
    const last = this.steps[this.steps.length - 1];
    if (last) last.duration = Math.max(last.duration, end - last.start);
  }
}
