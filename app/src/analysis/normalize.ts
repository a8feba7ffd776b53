// Normalises a description for matching: lower case, punctuation spaced out, and mild typos fixed
// against the vocabulary the templates declare ("bubblesort" → "bubble sort", "quicksrot" → "quicksort").
// A correction is only ever made to a token that is not an English word ("phishing" and "integrity"
// stay as typed), never turns a name's plural or possessive into a near word ("prims" → "prim", not
// "prime"), and never moves the description into another domain (see domains.ts).
import { editDistance } from '../text/edit-distance.ts';
import { NAMES, type Domain } from './domains.ts';
import { isEnglishWord } from './english-words.ts';

export interface NormalizerOptions {
  /** The domains each word belongs to (vocabulary words and cue words alike); a word not listed belongs to none. */
  domains?: ReadonlyMap<string, readonly Domain[]>;
  /** Names whose plurals and possessives mean the name ("dijkstras" → "dijkstra"); default: all of domains.ts. */
  names?: Iterable<string>;
  /** Whether a token is a real word that must not be corrected; default: the English word list. */
  isWord?: (token: string) => boolean;
}

const ALL_NAMES = Object.values(NAMES).flat();

export class Normalizer {
  private readonly vocabulary: Set<string>;
  private readonly names: Set<string>;
  private readonly domains: ReadonlyMap<string, readonly Domain[]>;
  private readonly isWord: (token: string) => boolean;
  private readonly byLength = new Map<number, string[]>();
  /** Token → the vocabulary word (or words) it is nearest to, before the domain check. */
  private readonly cache = new Map<string, string>();

  constructor(vocabulary: Iterable<string>, options: NormalizerOptions = {}) {
    this.names = new Set([...(options.names ?? ALL_NAMES)].map((w) => w.toLowerCase()));
    this.vocabulary = new Set([...vocabulary, ...this.names].map((w) => w.toLowerCase()));
    this.domains = options.domains ?? new Map();
    this.isWord = options.isWord ?? isEnglishWord;
    for (const w of this.vocabulary) {
      const list = this.byLength.get(w.length) ?? [];
      list.push(w);
      this.byLength.set(w.length, list);
    }
  }

  /** The name a plural or possessive stands for ("prims", "kruskals" → "prim", "kruskal"), if it is one. */
  private nameOf(token: string): string | undefined {
    if (this.names.has(token)) return token;
    // Only a plain "s": "primes" is not a plural of Prim.
    if (token.endsWith('s') && this.names.has(token.slice(0, -1))) return token.slice(0, -1);
    return undefined;
  }

  /** The domains the words of a description (as typed, known words only) place it in. */
  domainsOf(tokens: readonly string[]): Set<Domain> {
    const found = new Set<Domain>();
    for (const t of tokens) for (const d of this.domains.get(this.nameOf(t) ?? t) ?? []) found.add(d);
    return found;
  }

  /** The nearest vocabulary word (or "word word" for two run together), or the token itself. */
  private nearest(token: string): string {
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

  /**
   * The vocabulary word a token was probably meant as, or the token itself. `context` is the set of
   * domains the rest of the description is in: a correction into a word of none of them is not made.
   */
  correct(token: string, context: ReadonlySet<Domain> = new Set()): string {
    const name = this.nameOf(token);
    if (name) return name;
    if (token.length < 5 || this.vocabulary.has(token) || /\d/.test(token)) return token;
    const result = this.nearest(token);
    // The word list is consulted only for a correction about to be made: most tokens have no near catalogue word.
    if (result === token || this.isWord(token)) return token;
    if (context.size === 0) return result;
    const target = result.split(' ').flatMap((w) => this.domains.get(w) ?? []);
    // A word of no domain (3D shapes, say) fits anywhere; otherwise it must share one with the text.
    return target.length === 0 || target.some((d) => context.has(d)) ? result : token;
  }

  normalize(text: string): string {
    const spaced = text
      .toLowerCase()
      .replace(/[’‘`]/g, "'")
      .replace(/'s\b/g, '')
      .replace(/s'(?=\s|$)/g, 's')
      .replace(/[^a-z0-9\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff.+\-*/^=<>°%π ]+/g, ' ')
      .replace(/-/g, ' - ')
      .replace(/\s+/g, ' ')
      .trim();
    const tokens = spaced.split(' ');
    const context = this.domainsOf(tokens);
    return tokens
      .map((t) => (/^[a-z]+$/.test(t) ? this.correct(t, context) : t))
      .join(' ')
      .replace(/ - /g, ' ');
  }
}
