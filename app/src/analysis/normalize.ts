// Normalises a description for matching: lower case, punctuation spaced out, and mild typos fixed
// against the vocabulary the templates declare ("bubblesort" → "bubble sort", "dijkstras" → "dijkstra").
import { editDistance } from '../text/edit-distance.ts';

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
