// Whether a token is an English word, from the `word-list` package (~275k words, one per line). Typo
// correction uses it so that it only ever rewrites tokens that are not words ("phishing" is a word and
// stays; "quicksrot" is not and becomes "quicksort"). Loaded once, on the first look-up, because most
// descriptions are fully matched by the catalogue's own vocabulary and never need it.
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

let words: Set<string> | undefined;

/** Loads the list now (a few hundred ms and ~30 MB the first time); later calls are free. */
export function englishWords(): ReadonlySet<string> {
  words ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'));
  return words;
}

/** True for a lower-case English word, its plural or other inflection as the list spells it. */
export function isEnglishWord(token: string): boolean {
  return englishWords().has(token);
}
