// The string templates: facts checked against independent values (the Caesar shift by an alphabet table,
// decrypting undoes encrypting, ROT13 twice is the identity, textbook examples) and the phrasings people type.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { caesar, caesarParams } from '../../src/templates/algorithms/string-caesar.ts';
import { kmpParams, kmpSearch, lpsTable } from '../../src/templates/algorithms/string-kmp.ts';
import { huffmanCodes, huffmanParams, huffmanTree } from '../../src/templates/algorithms/string-huffman.ts';

const SIZE = { width: 1280, height: 720, fps: 30 };

test('Caesar: matches a shifted-alphabet lookup, keeps case and punctuation, and shifting back undoes it', (t) => {
  const plain = 'abcdefghijklmnopqrstuvwxyz';
  for (let k = -25; k <= 25; k++) {
    const table = plain.slice(((k % 26) + 26) % 26) + plain.slice(0, ((k % 26) + 26) % 26);
    const message = 'The quick brown fox, 42 jumps!';
    const expected = [...message].map((c) => {
      const i = plain.indexOf(c.toLowerCase());
      if (i < 0) return c;
      return c === c.toUpperCase() ? table[i]!.toUpperCase() : table[i]!;
    });
    t.is(caesar(message, k), expected.join(''), `shift ${k}`);
    t.is(caesar(caesar(message, k), -k), message);
  }
  t.is(caesar('HELLO', 3), 'KHOOR');
  t.is(caesar('ATTACK AT DAWN', 3), 'DWWDFN DW GDZQ');
  t.is(caesar(caesar('Hello, World!', 13), 13), 'Hello, World!');
});

test('Caesar: the phrasings people type, with shift, message and direction read', (t) => {
  const cases: [string, string, number, 'encrypt' | 'decrypt', string][] = [
    ['Caesar cipher with shift 3 on HELLO', 'HELLO', 3, 'encrypt', 'KHOOR'],
    ['decrypt KHOOR with a caesar shift of 3', 'KHOOR', 3, 'decrypt', 'HELLO'],
    ["ROT13 of 'Hello, World!'", 'Hello, World!', 13, 'encrypt', 'Uryyb, Jbeyq!'],
    ['GCSE computing: caesar cipher, key 5, encrypt "MEET ME AT NOON"', 'MEET ME AT NOON', 5, 'encrypt', 'RJJY RJ FY STTS'],
    ['Ceasar shift cipher by 1 for SECRET', 'SECRET', 1, 'encrypt', 'TFDSFU'],
  ];
  for (const [text, message, shift, mode, result] of cases) {
    const a = analyze(text);
    t.is(a.template, 'string.caesar', text);
    t.deepEqual(a.params, { text: message, shift, mode }, text);
    t.is(a.facts.result, result, text);
  }
  t.not(analyze('Julius Caesar Act 3 summary').template, 'string.caesar');
  t.not(analyze('Vigenere cipher encryption').template, 'string.caesar');
  t.regex(caesarParams.safeParse({ text: '1234' }).error!.issues[0]!.message, /at least one letter/);
  t.regex(caesarParams.safeParse({ shift: 30 }).error!.issues[0]!.message, /between −25 and 25/);
});

test('Caesar scene: the two alphabets, the first letters one by one (wrapping past Z said), then the rest in one sentence', (t) => {
  const { scene } = sceneFromDescription('Caesar cipher with shift 3 on ATTACK AT DAWN', SIZE);
  const texts = scene.narration.steps.map((s) => s.text);
  t.true(texts.includes('The shifted alphabet: A becomes D, B becomes E, and so on.'));
  t.true(texts.includes('T + 3 → W.'));
  t.true(texts.includes('The other 7 letters the same way: KATDAWN → NDWGDZQ.'));
  const wrap = sceneFromDescription('Caesar cipher with shift 3 on XYZ', SIZE).scene;
  t.true(wrap.narration.steps.some((s) => s.text === 'X + 3 → A (past Z, round to A).'));
});

/** The longest proper prefix of s that is also its suffix, by trying every length. */
function bruteBorder(s: string): number {
  for (let k = s.length - 1; k > 0; k--) if (s.slice(0, k) === s.slice(s.length - k)) return k;
  return 0;
}

/** Every start where the pattern occurs, by checking each position. */
function naiveMatches(text: string, pattern: string): number[] {
  const out: number[] = [];
  for (let i = 0; i + pattern.length <= text.length; i++) if (text.slice(i, i + pattern.length) === pattern) out.push(i);
  return out;
}

test('KMP: the lps table agrees with a brute-force border, matches with a naive search, within 2n comparisons', (t) => {
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const word = (len: number) => Array.from({ length: len }, () => 'AB'[Math.floor(next() * 2)]).join('');
  for (let k = 0; k < 150; k++) {
    const pattern = word(1 + Math.floor(next() * 6));
    const text = word(pattern.length + Math.floor(next() * 16));
    const { lps } = lpsTable(pattern);
    t.deepEqual(
      lps,
      [...pattern].map((_, j) => bruteBorder(pattern.slice(0, j + 1))),
      pattern,
    );
    const run = kmpSearch(text, pattern);
    t.deepEqual(run.matches, naiveMatches(text, pattern), `${pattern} in ${text}`);
    t.true(run.comparisons <= 2 * text.length);
  }
  // Worked examples: lps of AAACAAAA is 0 1 2 0 1 2 3 3; ABABCABAB in ABABDABACDABABCABAB at 10.
  t.deepEqual(lpsTable('AAACAAAA').lps, [0, 1, 2, 0, 1, 2, 3, 3]);
  t.deepEqual(kmpSearch('ABABDABACDABABCABAB', 'ABABCABAB').matches, [10]);
});

test('KMP: the phrasings people type, and limits that say what to fix', (t) => {
  const cases: [string, string, string][] = [
    ['KMP search for pattern ABABCABAB in ABABDABACDABABCABAB', 'ABABDABACDABABCABAB', 'ABABCABAB'],
    ["Knuth-Morris-Pratt: find 'AABA' in 'AABAACAADAABAABA'", 'AABAACAADAABAABA', 'AABA'],
    ['kmp algorithm pattern: abab text: abacababcabab', 'abacababcabab', 'abab'],
  ];
  for (const [text, body, pattern] of cases) {
    const a = analyze(text);
    t.is(a.template, 'string.kmp', text);
    t.deepEqual(a.params, { text: body, pattern }, text);
  }
  t.deepEqual(analyze("Knuth-Morris-Pratt: find 'AABA' in 'AABAACAADAABAABA'").facts.matches, [0, 9, 12]);
  t.is(analyze('KMP string matching').template, 'string.kmp');
  t.regex(kmpParams.safeParse({ text: 'AB', pattern: 'ABC' }).error!.issues[0]!.message, /longer than the text/);
});

test('KMP scene: the lps table first, then mismatches and slides told, the match found', (t) => {
  const { scene } = sceneFromDescription('KMP search for pattern ABABCABAB in ABABDABACDABABCABAB', SIZE);
  const texts = scene.narration.steps.map((s) => s.text);
  t.true(texts.includes('B extends the border: lps = 2 (AB starts and ends ABAB).'));
  t.true(texts.includes('D ≠ C at text position 4.'));
  t.true(texts.includes('Slide to 2: its first 2 letters already match (lps 2), so compare on from there.'));
  t.true(texts.some((s) => s.includes('found at 10')));
});

test('Huffman: codes are prefix-free, fill the Kraft sum exactly, decode back to the text, and cost the sum of the merge weights', (t) => {
  for (const text of ['MISSISSIPPI', 'ABRACADABRA', 'go go gophers', 'AAAAB', 'ABCDEFGHIJ', 'this is an example']) {
    const { root, merges } = huffmanTree(text);
    const codes = huffmanCodes(root);
    const list = [...codes.values()];
    for (const a of list) for (const b of list) if (a !== b) t.false(b.startsWith(a), `${a} is a prefix of ${b}`);
    t.is(
      list.reduce((s, c) => s + 2 ** -c.length, 0),
      1,
      `${text}: Kraft sum`,
    );
    const encoded = [...text].map((c) => codes.get(c)).join('');
    const back = new Map([...codes.entries()].map(([c, code]) => [code, c]));
    let decoded = '';
    let buf = '';
    for (const bit of encoded) {
      buf += bit;
      if (back.has(buf)) {
        decoded += back.get(buf);
        buf = '';
      }
    }
    t.is(decoded, text);
    // Every merge adds its weight once per level below it: the total is the encoded length.
    t.is(
      merges.reduce((s, m) => s + m.parent.weight, 0),
      encoded.length,
    );
  }
  // Textbook: MISSISSIPPI (I 4, S 4, P 2, M 1) takes 21 bits.
  t.like(analyze('Huffman coding for MISSISSIPPI').facts, { frequencies: { I: 4, M: 1, P: 2, S: 4 }, bits: 21, fixed_bits: 22 });
});

test('Huffman: the phrasings people type, limits, and a scene that counts, merges and reads the codes', (t) => {
  for (const [text, body] of [
    ['Huffman coding for MISSISSIPPI', 'MISSISSIPPI'],
    ["huffman tree for 'go go gophers'", 'go go gophers'],
    ['GCSE compression: Huffman encode BANANA', 'BANANA'],
  ] as const) {
    const a = analyze(text);
    t.is(a.template, 'string.huffman', text);
    t.is(a.params.text, body, text);
  }
  t.not(analyze('Huffman decoding of a bit string with a given tree').template, 'string.huffman');
  t.regex(huffmanParams.safeParse({ text: 'ABCDEFGHIJK' }).error!.issues[0]!.message, /at most 10 fit/);
  const { scene } = sceneFromDescription('Huffman coding of ABRACADABRA', SIZE);
  const texts = scene.narration.steps.map((s) => s.text);
  t.true(texts.includes('Count each character: C:1, D:1, B:2, R:2, A:5.'));
  t.true(texts.includes('Merge the two lightest, C:1 and D:1: a tree of weight 2.'));
  t.true(texts.at(-1)!.includes('23 bits, against 33'));
});
