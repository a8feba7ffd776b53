// Normalises a description for matching: lower case, punctuation spaced out, and mild typos fixed
// against the vocabulary the templates declare ("bubblesort" → "bubble sort", "dijkstras" → "dijkstra").

/** Damerau-Levenshtein (optimal string alignment) distance, stopping early past `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    let rowMin = Infinity;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length]![b.length]!;
}

export class Normalizer {
  private readonly vocabulary: Set<string>;
  private readonly byLength = new Map<number, string[]>();
  private readonly cache = new Map<string, string>();

  constructor(vocabulary: Iterable<string>) {
    this.vocabulary = new Set([...vocabulary].map((w) => w.toLowerCase()));
    for (const w of this.vocabulary) {
      const list = this.byLength.get(w.length) ?? [];
      list.push(w);
      this.byLength.set(w.length, list);
    }
  }

  /** The vocabulary word a token was probably meant as, or the token itself. */
  correct(token: string): string {
    if (token.length < 5 || this.vocabulary.has(token) || /\d/.test(token)) return token;
    const cached = this.cache.get(token);
    if (cached !== undefined) return cached;
    let result = token;
    // Two known words run together: "bubblesort", "linkedlist".
    for (let i = 3; i <= token.length - 3; i++) {
      const a = token.slice(0, i);
      const b = token.slice(i);
      if (this.vocabulary.has(a) && this.vocabulary.has(b)) {
        result = `${a} ${b}`;
        break;
      }
    }
    if (result === token) {
      const max = token.length >= 8 ? 2 : 1;
      let best = max + 1;
      for (let len = token.length - max; len <= token.length + max; len++) {
        for (const word of this.byLength.get(len) ?? []) {
          const d = editDistance(token, word, max);
          if (d < best) {
            best = d;
            result = word;
          }
        }
      }
    }
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(token, result);
    return result;
  }

  normalize(text: string): string {
    const spaced = text
      .toLowerCase()
      .replace(/[’‘`]/g, "'")
      .replace(/'s\b/g, '')
      .replace(/[^a-z0-9\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff.+\-*/^=<>°%π ]+/g, ' ')
      .replace(/-/g, ' - ')
      .replace(/\s+/g, ' ')
      .trim();
    return spaced
      .split(' ')
      .map((t) => (/^[a-z]+$/.test(t) ? this.correct(t) : t))
      .join(' ')
      .replace(/ - /g, ' ');
  }
}
