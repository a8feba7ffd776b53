// DNA sequences: reading one from text ("ATGCGT", "5'-ATG CGT-3'", "a-t-g-c") and base pairing.

export type Base = 'A' | 'T' | 'G' | 'C';
export const PAIR: Record<Base, Base> = { A: 'T', T: 'A', G: 'C', C: 'G' };
/** Hydrogen bonds holding each pair together. */
export const HYDROGEN_BONDS: Record<Base, number> = { A: 2, T: 2, G: 3, C: 3 };
export const BASE_NAMES: Record<Base, string> = { A: 'adenine', T: 'thymine', G: 'guanine', C: 'cytosine' };

/** Base-by-base partner strand, read in the same direction (ATGCGT → TACGCA). */
export function complement(sequence: string): string {
  return [...sequence].map((b) => PAIR[b as Base]).join('');
}

/** The partner strand read 5′→3′, as it would be written on its own (ATGCGT → ACGCAT). */
export function reverseComplement(sequence: string): string {
  return [...complement(sequence)].reverse().join('');
}

export function gcContent(sequence: string): number {
  return sequence.length ? [...sequence].filter((b) => b === 'G' || b === 'C').length / sequence.length : 0;
}

export function hydrogenBonds(sequence: string): number {
  return [...sequence].reduce((n, b) => n + HYDROGEN_BONDS[b as Base], 0);
}

/**
 * The sequence written in a description. Capital runs of A/C/G/T (spaces, dashes and 5′/3′ marks
 * allowed in between) count; lower-case runs only when six or more long (shorter ones are words:
 * "cat", "tact"). U (RNA) is read as T; other letters inside a run are dropped — both with a warning.
 */
export function findSequence(original: string, warnings: string[]): string | undefined {
  const text = original.replace(/[53]['′’]?\s*-?\s*(?=[ACGTUacgtu])|(?<=[ACGTUacgtu])\s*-?\s*[35]['′’]/g, ' ');
  const runs: string[] = [];
  for (const m of text.matchAll(/(?<![A-Za-z])[ACGTU](?:[\s-]?[ACGTUN])+(?![A-Za-z])/g)) runs.push(m[0]);
  for (const m of text.matchAll(/(?<![A-Za-z])[acgtu]{6,}(?![A-Za-z])/g)) runs.push(m[0]);
  // Lower-case letters one by one: "a-t-g-c" (dashes), or four or more apart ("a t g c").
  for (const m of text.matchAll(/(?<![A-Za-z-])[acgtu](?:-[acgtu]){2,}(?![A-Za-z-])|(?<![A-Za-z])[acgtu](?: [acgtu]){3,}(?![A-Za-z])/g)) runs.push(m[0]);
  // Single capital letters with spaces ("A T G") must be at least three to count.
  const candidates = runs.map((r) => r.replace(/[\s-]/g, '').toUpperCase()).filter((r) => r.length >= 3);
  if (!candidates.length) return undefined;
  let seq = candidates.sort((a, b) => b.length - a.length)[0]!;
  if (seq.includes('U')) {
    warnings.push('U (uracil) is an RNA base; DNA has T (thymine) in its place, so U was read as T');
    seq = seq.replace(/U/g, 'T');
  }
  if (/[^ACGT]/.test(seq)) {
    warnings.push(`dropped ${seq.replace(/[ACGT]/g, '').length} unknown base(s) (only A, C, G and T pair)`);
    seq = seq.replace(/[^ACGT]/g, '');
  }
  return seq || undefined;
}
