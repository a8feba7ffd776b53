// Groups repetitive steps for the narration: the first few steps are narrated one sentence each, then the
// rest of that round and every later round (a pass, a partition, a block of moves) play faster under one
// summary sentence. One home for the rule, so sorts, searches and recursions group the same way.
import type { TimelineBuilder } from './timeline-builder.ts';
import { currentDelivery } from './delivery.ts';

/** Sentences narrated one at a time before the rest is grouped into summaries (a first pass, roughly). */
export const DETAIL_STEPS = 8;
/** Sentences narrated one at a time when the user asked for detail ("step by step", "for beginners"): every one, up to this. */
export const DETAILED_STEPS = 40;
/** Sentences narrated one at a time in an overview ("briefly", "a quick overview") before the summaries. */
export const OVERVIEW_STEPS = 3;
/** How much of its own time a grouped step plays in: the summary, not each sentence, is what is read. */
export const GROUPED_SPEED = 0.6;

export interface GroupPlay<S> {
  /** Whether the step narrates a sentence of its own (spends one of the detailed sentences). */
  narrated(step: S): boolean;
  /** The summary of the steps `rest` of round number `round` (1-based); `partial` when the round began in detail. */
  summary(rest: readonly S[], round: number, partial: boolean): string;
  /** Plays one step (narrating through the builder as usual; inside a group its sentence is dropped). */
  play(step: S): void;
  /** Told true as a group starts and false as it ends, to change the animation's speed. */
  speed?(grouped: boolean): void;
  /** Sentences narrated one at a time before grouping (DETAIL_STEPS). */
  detail?: number;
  /** The objects a summary talks about (its highlight: the part of the array a pass works on, a sub-tower). */
  refs?(rest: readonly S[]): string[];
}

export function playInGroups<S>(tl: TimelineBuilder, rounds: readonly (readonly S[])[], how: GroupPlay<S>): void {
  const depth = currentDelivery().depth;
  const base = how.detail ?? DETAIL_STEPS;
  let detailLeft = depth === 'detailed' ? Math.max(base, DETAILED_STEPS) : depth === 'overview' ? Math.min(base, OVERVIEW_STEPS) : base;
  rounds.forEach((round, index) => {
    let i = 0;
    for (; i < round.length && (detailLeft > 0 || !how.narrated(round[i]!)); i++) {
      if (how.narrated(round[i]!)) detailLeft--;
      how.play(round[i]!);
    }
    const rest = round.slice(i);
    if (rest.length === 0) return;
    // One sentence left is as quick to read as a summary of it, and says more.
    if (rest.filter((s) => how.narrated(s)).length <= 1) {
      rest.forEach((s) => how.play(s));
      return;
    }
    tl.group(how.summary(rest, index + 1, i > 0), how.refs?.(rest) ?? []);
    how.speed?.(true);
    for (const step of rest) how.play(step);
    how.speed?.(false);
    tl.ungroup();
  });
}

/** "4 comparisons", "1 swap": a count with its noun, singular for one. */
export function count(k: number, plural: string): string {
  return `${k} ${k === 1 ? plural.replace(/s$/, '') : plural}`;
}

/** Cuts steps into rounds, a new one starting at each step `starts` says begins one (a visit, a settle). */
export function splitBefore<S>(steps: readonly S[], starts: (step: S) => boolean): S[][] {
  const rounds: S[][] = [];
  for (const step of steps) {
    if (rounds.length === 0 || starts(step)) rounds.push([]);
    rounds[rounds.length - 1]!.push(step);
  }
  return rounds;
}
