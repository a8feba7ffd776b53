// Typo correction on the catalogue's vocabulary: real words survive, names keep their plurals and
// possessives, true typos are still fixed, and no correction moves a description into another domain.
import test from 'ava';
import { analyze } from '../src/analysis/analyze.ts';
import { catalogueNormalizer } from '../src/analysis/lexicon.ts';
import { Normalizer } from '../src/analysis/normalize.ts';
import { englishWords, isEnglishWord } from '../src/analysis/english-words.ts';

// Real words a near catalogue word once replaced (the mistake in the comment).
const REAL_WORDS: [string, string][] = [
  ['phishing', 'hashing'],
  ['integrity', 'integrate'],
  ['visualise', 'visualize'],
  ['mitosis', 'mitosis'],
  ['stoichiometry', 'stoichiometry'],
  ['colour', 'column'],
  ['hashing', 'hashing'],
  ['respect', 'rect'],
  ['fishing', 'hashing'],
  ['inertia', 'insertion'],
  ['portion', 'partition'],
];

// Typos (not English words) and what they must become.
const TYPOS: [string, string][] = [
  ['bubblesort 5 2 9', 'bubble sort 5 2 9'],
  ['dijkstras algorithm', 'dijkstra algorithm'],
  ['quicksrot on 9 4 7', 'quicksort on 9 4 7'],
  ['pythagoras theorm', 'pythagoras theorem'],
  ['selction sort', 'selection sort'],
  ['binery search', 'binary search'],
  ['fibonaci sequence', 'fibonacci sequence'],
  ['sieve of erathostenes', 'sieve of eratosthenes'],
  ['linkedlist reversal', 'linked list reversal'],
  ['insertoin sort', 'insertion sort'],
];

test('real English words are never rewritten into catalogue words', (t) => {
  const n = catalogueNormalizer();
  for (const [word, once] of REAL_WORDS) {
    t.true(isEnglishWord(word), `${word} is in the word list`);
    t.is(n.normalize(word), word, `${word} stays (it once became ${once})`);
  }
});

test('typos that are not words are still corrected', (t) => {
  const n = catalogueNormalizer();
  for (const [typed, meant] of TYPOS) t.is(n.normalize(typed), meant, typed);
});

test("names keep their plurals and possessives: prim's, prims, dijkstras, kruskal's", (t) => {
  const n = catalogueNormalizer();
  t.is(n.normalize("Prim's algorithm"), 'prim algorithm');
  t.is(n.normalize('prims algorithm'), 'prim algorithm');
  t.is(n.normalize('dijkstras shortest path'), 'dijkstra shortest path');
  t.is(n.normalize("Kruskal's algorithm"), 'kruskal algorithm');
  t.is(n.normalize('kruskals algorithm'), 'kruskal algorithm');
  t.is(n.normalize("Archimedes' principle"), 'archimedes principle');
  t.is(n.normalize('sieve for primes'), 'sieve for primes', 'a plural that is not a name stays');
});

test('a correction never crosses a domain boundary', (t) => {
  const n = catalogueNormalizer();
  // "integrety" is no word; its nearest catalogue word is "integrate" (mathematics), but the text is about the workplace.
  t.is(n.normalize('integrety training for staff'), 'integrety training for staff');
  t.is(n.normalize('integrety of a polynomial'), 'integrate of a polynomial', 'in a mathematics text the correction is made');
  // The rule itself, on a small vocabulary: a near word of another domain is not taken.
  const small = new Normalizer(['hashing', 'sort'], {
    domains: new Map([
      ['hashing', ['computing']],
      ['employees', ['business']],
      ['array', ['computing']],
    ]),
    names: [],
    isWord: () => false,
  });
  t.is(small.normalize('hashin for employees'), 'hashin for employees');
  t.is(small.normalize('hashin an array'), 'hashing an array');
  t.is(small.normalize('hashin'), 'hashing', 'a text with no domain words may be corrected');
});

test('the confident mistakes are gone end to end', (t) => {
  for (const text of ['Phishing awareness course for new employees', 'Code of conduct: integrity and respect at work', 'Academic integrity module for first-year students']) {
    const a = analyze(text);
    t.false(['ds.hash_table', 'calculus.integral'].includes(a.template) && a.confidence >= 0.5, `${text}: ${a.template} ${a.confidence}`);
  }
  t.not(analyze('prims algorithm on a weighted graph').template, 'number.primes_sieve');
  t.is(analyze('Demonstrate quicksrot on 9, 4, 7, 1, 3').template, 'sort.quick');
  t.is(analyze('pythagoras theorm with sides 3 and 4').template, 'geometry.pythagorean');
});

test('the word list loads once, with a quarter of a million words', (t) => {
  const words = englishWords();
  t.true(words.size > 250_000, `${words.size} words`);
  t.is(englishWords(), words, 'the same set on the second call');
});
