// The dynamic-programming templates: facts checked against brute force (every subsequence; every edit
// script by recursion) and textbook answers (CLRS's LCS of ABCBDAB and BDCABA; kitten → sitting = 3).
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { lcsParams, lcsTable, lcsTraceback } from '../../src/templates/algorithms/dp-lcs.ts';

const SIZE = { width: 1280, height: 720, fps: 30 };

const isSubsequence = (s: string, of: string) => {
  let k = 0;
  for (const c of of) if (k < s.length && s[k] === c) k++;
  return k === s.length;
};

/** The longest common subsequence's length by trying every subsequence of the shorter word. */
function bruteLcs(a: string, b: string): number {
  const [s, t] = a.length <= b.length ? [a, b] : [b, a];
  let best = 0;
  for (let mask = 0; mask < 1 << s.length; mask++) {
    const sub = [...s].filter((_, i) => mask & (1 << i)).join('');
    if (sub.length > best && isSubsequence(sub, t)) best = sub.length;
  }
  return best;
}

function words(count: number, alphabet = 'ABCD'): string[] {
  let seed = 31;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(next() * 9) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
}

test('LCS: the table corner agrees with a brute force over every subsequence, and the traceback spells a common subsequence that long', (t) => {
  const ws = words(80);
  for (let k = 0; k + 1 < ws.length; k += 2) {
    const [a, b] = [ws[k]!, ws[k + 1]!];
    const L = lcsTable(a, b);
    const { subsequence } = lcsTraceback(a, b, L);
    t.is(L[a.length]![b.length], bruteLcs(a, b), `${a} ${b}`);
    t.is(subsequence.length, L[a.length]![b.length]);
    t.true(isSubsequence(subsequence, a) && isSubsequence(subsequence, b), `${subsequence} in ${a} and ${b}`);
  }
});

test('LCS: CLRS figure 15.8 (ABCBDAB, BDCABA → BCBA, length 4) and the phrasings people type', (t) => {
  const a = analyze('Longest common subsequence of ABCBDAB and BDCABA');
  t.is(a.template, 'dp.lcs');
  t.deepEqual(a.facts, { length: 4, subsequence: 'BCBA' });
  const cases: [string, string, string][] = [
    ["LCS of 'AGGTAB' and 'GXTXAYB'", 'AGGTAB', 'GXTXAYB'],
    ['longest common subsequence between stone and longest', 'stone', 'longest'],
    ['Dynamic programming LCS table for "ABCDGH" and "AEDFHR"', 'ABCDGH', 'AEDFHR'],
    ['longest comon subsequence ACCGGTCG GTCGTTCG for bioinformatics', 'ACCGGTCG', 'GTCGTTCG'],
  ];
  for (const [text, x, y] of cases) {
    const r = analyze(text);
    t.is(r.template, 'dp.lcs', text);
    t.deepEqual(r.params, { a: x, b: y }, text);
  }
  t.is(analyze("LCS of 'AGGTAB' and 'GXTXAYB'").facts.length, 4);
  const long = analyze('LCS of ABCDEFGHIJKLMN and ACE');
  t.is(long.params.a, 'ABCDEFGHIJ');
  t.true(long.warnings.some((w) => w.includes('first 10')));
  t.regex(lcsParams.safeParse({ a: 'AB C' }).error!.issues[0]!.message, /letters and digits/);
});

test('LCS scene: the first cells one by one, then a row per sentence, the traceback and the letters it matched', (t) => {
  const { scene } = sceneFromDescription('Longest common subsequence of ABCBDAB and BDCABA', SIZE);
  const texts = scene.narration.steps.map((s) => s.text);
  t.true(texts.includes('A ≠ B: the larger of above (0) and left (0), 0.'));
  t.true(texts.includes('A = A: a match, 1 + the diagonal 0 = 1.'));
  t.true(texts.includes('Row 7 (B): 1 2 2 3 4 4.'));
  t.true(texts.includes('The diagonal matches spell B C B A.'));
});
