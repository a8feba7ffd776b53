// Two labelled lists written one after the other, for side-by-side comparisons: "Do: a, b. Don't: c, d",
// "Before: slow, manual; After: fast, automatic", "Option A: cheap, slow vs Option B: dear, fast".
import { splitItems } from './lists.ts';

export interface Column {
  heading: string;
  items: string[];
}

export interface FoundColumns {
  /** What comes before the first column (a title, a request); "" when none. */
  head: string;
  /** Exactly two when found; undefined when the text does not hold two labelled lists. */
  columns?: [Column, Column];
}

// A short label and a colon at the start, after a sentence, separator or colon, or after "vs": where a column starts.
// The colon is not a time's or a ratio's ("9:30", "3:2"); a label never spans a "vs" ("cheap vs Option B:").
const LABEL = /(?<=(?:^|[.;:\n]|\s(?:vs\.?|versus|compared (?:to|with))\s)\s*)([\p{L}](?:(?!\s(?:vs\.?|versus)\s)[\p{L}\p{N}'’ &/-]){0,30}?)\s*:(?!\d)\s*/giu;

const TRAILING_VS = /\s+(?:vs\.?|versus|compared (?:to|with))\s*$/i;

/** The last two labelled lists of `text`, each with at least one item, and the words before them. */
export function findColumns(text: string): FoundColumns {
  const t = text.trim();
  const labels = [...t.matchAll(LABEL)];
  if (labels.length < 2) return { head: t };
  const [a, b] = labels.slice(-2) as [RegExpMatchArray, RegExpMatchArray];
  const aBodyStart = a.index! + a[0].length;
  const first = splitItems(t.slice(aBodyStart, b.index!).replace(TRAILING_VS, ''));
  const second = splitItems(t.slice(b.index! + b[0].length));
  if (first.length === 0 || second.length === 0) return { head: t };
  const head = t
    .slice(0, a.index!)
    .replace(/[\s:;,.-]+$/, '')
    .trim();
  return {
    head,
    columns: [
      { heading: a[1]!.trim(), items: first },
      { heading: b[1]!.trim(), items: second },
    ],
  };
}
