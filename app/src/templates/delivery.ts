// How the user asked for it to be told ("slowly", "in detail", "a quick overview"): the pace of the whole
// scene and the depth of its repetitive parts. The analyser reads it (analysis/delivery-words.ts); compose.ts
// applies the pace; step-groups.ts applies the depth, through `composingWith`, so that the two dozen
// templates that group their steps follow it without each passing it down.

export const PACES = ['slow', 'normal', 'fast'] as const;
export const DEPTHS = ['overview', 'standard', 'detailed'] as const;

export interface Delivery {
  /** slow: every step held longer; fast: as short as reading allows. */
  pace: (typeof PACES)[number];
  /** detailed: every step of every round narrated; overview: only the first few, then summaries. */
  depth: (typeof DEPTHS)[number];
}

export const STANDARD_DELIVERY: Delivery = { pace: 'normal', depth: 'standard' };

let current: Delivery = STANDARD_DELIVERY;

/**
 * Runs a template's compose with `delivery` in force. Composing is synchronous, so a plain variable restored
 * in `finally` is enough: nothing else composes in between.
 */
export function composingWith<T>(delivery: Delivery, compose: () => T): T {
  const previous = current;
  current = delivery;
  try {
    return compose();
  } finally {
    current = previous;
  }
}

/** The delivery of the scene being composed (standard outside composingWith). */
export function currentDelivery(): Delivery {
  return current;
}
