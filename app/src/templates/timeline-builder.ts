// A small recorder for composing timelines step by step: a clock, entries and the narration track. It paces
// the narration for reading (pacing.ts): a new step, or the end, first holds the clock until the step before
// has been on screen long enough to read, so the animation waits for the reader and no template computes it.
import type { EmphasisKind, NarrationStepInput, Term } from '../scene/schema.ts';
import { readingTime, stepDuration } from './pacing.ts';
import type { Composition } from './types.ts';

type Entry = Composition['timeline'][number];

/** How a narrated step shows what it names: its highlight's kind (a surround by default) and its coloured terms. */
export interface NarrateOptions {
  emphasis?: EmphasisKind;
  /** Words of the text drawn in the colour of the object each names; words not in the text are dropped. */
  terms?: Term[];
}

export class TimelineBuilder {
  readonly entries: Entry[] = [];
  /** The narration steps, in order; each ends where the next begins at the latest. */
  readonly steps: NarrationStepInput[] = [];
  /** Current time in seconds. */
  t = 0;
  /** Inside a group (see group()): the steps' own sentences are not narrated, the summary stands for them. */
  private quiet = false;

  add(entry: Entry): this {
    this.entries.push(entry);
    return this;
  }

  wait(seconds: number): this {
    this.t += seconds;
    return this;
  }

  /**
   * Holds the clock (the animation waits) until the last step has been readable long enough; what is
   * added from here on starts after it. Called by narrate() and finish(); call it before anything that
   * should begin only once the current caption has been read.
   */
  hold(): this {
    const last = this.steps[this.steps.length - 1];
    if (last) this.t = Math.max(this.t, last.start + readingTime(last.text));
    return this;
  }

  /**
   * A narration step from now for `seconds` (or until the next step replaces it), about the objects
   * `refs` names (ids; what a highlight of the step would show). Empty text ends the last step and
   * narrates nothing. The step before is held until it has been read.
   */
  narrate(text: string, seconds: number, refs: string[] = [], how: NarrateOptions = {}): this {
    if (this.quiet) return this;
    // A step replaced at the same instant by the next one never shows: it goes, unread and unheld. (A clock a
    // template set back before the last step's start is held forward instead: that step is kept.)
    const replaced = this.steps[this.steps.length - 1];
    if (replaced && Math.abs(replaced.start - this.t) < 1e-9) this.steps.pop();
    this.hold();
    const last = this.steps[this.steps.length - 1];
    if (last && last.start + last.duration > this.t) last.duration = this.t - last.start;
    if (text.trim()) {
      const terms = how.terms?.filter((term) => text.includes(term.text));
      this.steps.push({
        start: this.t,
        duration: stepDuration({ animationS: seconds, text }),
        text,
        refs,
        ...(how.emphasis && refs.length ? { emphasis: { kind: how.emphasis } } : {}),
        ...(terms?.length ? { terms } : {}),
      });
    }
    return this;
  }

  /**
   * Starts a group of repetitive steps (a later pass, a block of moves): `summary` is narrated once ("Pass 2:
   * 4 swaps.") and the steps' own sentences are dropped until ungroup() or the next group(), so the animation
   * plays them without waiting for a caption each. The first pass or moves stay one sentence each.
   */
  group(summary: string, refs: string[] = [], how: NarrateOptions = {}): this {
    this.quiet = false;
    this.narrate(summary, 0, refs, how);
    this.quiet = true;
    return this;
  }

  /** Ends a group: each step's own sentence is narrated again. */
  ungroup(): this {
    this.quiet = false;
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

  /**
   * Ends the composition at `end` or later: the last step is held until read and extended to the end.
   * Returns the end (the composition's duration), which is `end` unless the last step needed longer.
   */
  finish(end: number): number {
    this.quiet = false;
    this.t = Math.max(this.t, end);
    this.hold();
    const last = this.steps[this.steps.length - 1];
    if (last) last.duration = this.t - last.start;
    return this.t;
  }
}
