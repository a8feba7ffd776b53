// The dynamic-programming templates: facts checked against brute force (every subsequence; every edit
// script by recursion) and textbook answers (CLRS's LCS of ABCBDAB and BDCABA; kitten → sitting = 3).
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { lcsParams, lcsTable, lcsTraceback } from '../../src/templates/algorithms/dp-lcs.ts';
import { editParams, editScript, editTable, type EditOp } from '../../src/templates/algorithms/dp-edit-distance.ts';
import { knapsackChoice, knapsackParams, knapsackTable, type KnapsackParams } from '../../src/templates/algorithms/dp-knapsack.ts';

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

/** Levenshtein distance by plain recursion over the three edits (exponential: short words only). */
function bruteEdit(a: string, b: string): number {
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  if (a[0] === b[0]) return bruteEdit(a.slice(1), b.slice(1));
  return 1 + Math.min(bruteEdit(a.slice(1), b.slice(1)), bruteEdit(a.slice(1), b), bruteEdit(a, b.slice(1)));
}

/** Applies an edit script left to right, to check that it really turns a into b. */
function applyScript(a: string, ops: EditOp[]): string {
  let out = '';
  let k = 0;
  for (const o of ops) {
    if (o.op === 'keep') out += a[k++];
    else if (o.op === 'substitute') {
      out += o.to;
      k++;
    } else if (o.op === 'delete') k++;
    else out += o.to;
  }
  return out + a.slice(k);
}

test('edit distance: the table corner agrees with plain recursion, and the edit script turns a into b in that many edits', (t) => {
  const ws = words(60, 'ABC').map((w) => w.slice(0, 6));
  for (let k = 0; k + 1 < ws.length; k += 2) {
    const [a, b] = [ws[k]!, ws[k + 1]!];
    const D = editTable(a, b);
    const { ops } = editScript(a, b, D);
    t.is(D[a.length]![b.length], bruteEdit(a, b), `${a} ${b}`);
    t.is(applyScript(a, ops), b, `${a} → ${b}: ${JSON.stringify(ops)}`);
    t.is(ops.filter((o) => o.op !== 'keep').length, D[a.length]![b.length]);
  }
});

test('edit distance: kitten → sitting is 3 (two substitutions and an insertion), and the phrasings people type', (t) => {
  const a = analyze('Edit distance between kitten and sitting');
  t.is(a.template, 'dp.edit_distance');
  t.deepEqual(a.facts, { distance: 3, operations: ['substitute k → s', 'substitute e → i', 'insert g'] });
  t.is(analyze("levenshtein distance 'sunday' 'saturday'").facts.distance, 3);
  const cases: [string, string, string][] = [
    ["levenshtein distance 'sunday' 'saturday'", 'sunday', 'saturday'],
    ['Minimum number of edits (insert, delete, replace) to turn horse into ros', 'horse', 'ros'],
    ['edit distance of intention and execution', 'intention', 'execution'],
    ['Levenstein distance between "flaw" and "lawn"', 'flaw', 'lawn'],
  ];
  for (const [text, x, y] of cases) {
    const r = analyze(text);
    t.is(r.template, 'dp.edit_distance', text);
    t.deepEqual(r.params, { a: x, b: y }, text);
  }
  t.is(analyze('Minimum number of edits (insert, delete, replace) to turn horse into ros').facts.distance, 3);
  t.regex(editParams.safeParse({ b: 'x'.repeat(11) }).error!.issues[0]!.message, /at most 10/);
});

test('edit distance scene: the ε row and column, the cells, the traceback and the edits named', (t) => {
  const { scene } = sceneFromDescription('Edit distance from kitten to sitting', SIZE);
  const texts = scene.narration.steps.map((s) => s.text);
  t.true(texts.includes('k ≠ s: 1 + the least of 0, 1 and 1 = 1.'));
  t.true(texts.includes('The edits: substitute k → s, substitute e → i, insert g.'));
  t.true(texts.at(-1)!.includes('the edit distance is 3'));
});

/** The best value by trying every subset of the items. */
function bruteKnapsack(p: KnapsackParams): number {
  let best = 0;
  for (let mask = 0; mask < 1 << p.items.length; mask++) {
    const chosen = p.items.filter((_, i) => mask & (1 << i));
    const w = chosen.reduce((s, it) => s + it.weight, 0);
    if (w <= p.capacity)
      best = Math.max(
        best,
        chosen.reduce((s, it) => s + it.value, 0),
      );
  }
  return best;
}

test('knapsack: the table corner agrees with a brute force over every subset, and the items read back give that value within the capacity', (t) => {
  let seed = 5;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let k = 0; k < 80; k++) {
    const items = Array.from({ length: 1 + Math.floor(next() * 6) }, () => ({ weight: 1 + Math.floor(next() * 8), value: Math.floor(next() * 20) }));
    const p = knapsackParams.parse({ items, capacity: 1 + Math.floor(next() * 15) });
    const K = knapsackTable(p);
    const { taken } = knapsackChoice(p, K);
    t.is(K[p.items.length]![p.capacity], bruteKnapsack(p), JSON.stringify(p));
    t.is(
      taken.reduce((s, i) => s + p.items[i - 1]!.value, 0),
      K[p.items.length]![p.capacity],
    );
    t.true(taken.reduce((s, i) => s + p.items[i - 1]!.weight, 0) <= p.capacity);
  }
});

test('knapsack: worked examples, items read as lists or pairs, a common factor divided out, a too-large capacity refused', (t) => {
  // Weights 1 3 4 5, values 1 4 5 7, capacity 7: items 2 and 3 (weight 7, value 9).
  t.deepEqual(analyze('0/1 knapsack with weights 1 3 4 5, values 1 4 5 7 and capacity 7').facts, { best_value: 9, taken: [2, 3], total_weight: 7 });
  // The GeeksforGeeks example: values 60 100 120, weights 10 20 30, capacity 50 → 220.
  const gfg = analyze('knapsack capacity 50 weights 10 20 30 values 60 100 120');
  t.like(gfg.facts, { best_value: 220, taken: [2, 3] });
  t.true(gfg.warnings.some((w) => w.includes('common factor 10')));
  const pairs = analyze('a 10 kg knapsack with items (2,3) (5,8) (6,9)');
  t.is(pairs.params.capacity, 10);
  t.like(pairs.facts, { best_value: 12, taken: [1, 3] });
  t.is(analyze('0/1 knapsack problem with dynamic programming').params.capacity, 7, '"0/1" is not a capacity');
  const wide = analyze('knapsack capacity 23 weights 5 7 11 values 3 4 9');
  t.false(wide.understood);
  t.regex(wide.needs!.message, /capacity of 23 needs 24 columns/);
  t.regex(knapsackParams.safeParse({ items: [{ weight: 0, value: 1 }] }).error!.issues[0]!.message, /at least 1/);
});

test('knapsack scene: skip-or-take sentences, rows per item, the traceback and the items taken', (t) => {
  const { scene } = sceneFromDescription('0/1 knapsack with weights 1 3 4 5, values 1 4 5 7 and capacity 7', SIZE);
  const texts = scene.narration.steps.map((s) => s.text);
  t.true(texts.includes('Item 1, capacity 1: skip (0) or take (1 + 0): 1.'));
  t.true(texts.includes('Item 4 (w5 v7): 0 1 1 4 5 7 8 9.'));
  t.true(texts.includes('Take items 2, 3: weight 7 of 7, value 9.'));
});
