// dp.lcs: the longest common subsequence by dynamic programming. L[i][j] is the LCS length of the first i
// letters of a and the first j of b: 1 + the diagonal when the letters match, else the larger of the cell
// above and the cell to the left. The traceback from the corner (up before left on ties, as in CLRS)
// spells one longest common subsequence.
import { z } from 'zod';
import { roleColor } from '../emphasis/roles.ts';
import { defineTemplate } from '../types.ts';
import { AlgoScene } from './algo-scene.ts';
import { extractWords, fillRows, layoutDpGrid, markPath, MAX_DP_WORD } from './dp-grid.ts';

const word = z
  .string()
  .regex(/^[A-Za-z0-9]+$/, { error: 'letters and digits only' })
  .min(1, { error: 'a string needs at least one letter' })
  .max(MAX_DP_WORD, { error: `at most ${MAX_DP_WORD} letters, so the table stays readable` });

export const lcsParams = z.object({ a: word.default('ABCBDAB'), b: word.default('BDCABA') });
export type LcsParams = z.infer<typeof lcsParams>;

export function lcsTable(a: string, b: string): number[][] {
  const L = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) L[i]![j] = a[i - 1] === b[j - 1] ? L[i - 1]![j - 1]! + 1 : Math.max(L[i - 1]![j]!, L[i]![j - 1]!);
  return L;
}

/** The traceback: cells from the corner to the edge, and the letters matched on the way (in order). */
export function lcsTraceback(a: string, b: string, L: number[][]): { path: [number, number][]; subsequence: string } {
  let [i, j] = [a.length, b.length];
  const path: [number, number][] = [[i, j]];
  let out = '';
  while (i > 0 && j > 0) {
    if (a[i - 1] === b[j - 1]) {
      out = a[i - 1] + out;
      i--;
      j--;
    } else if (L[i - 1]![j]! >= L[i]![j - 1]!) i--;
    else j--;
    path.push([i, j]);
  }
  return { path, subsequence: out };
}

export const dpLcs = defineTemplate<LcsParams>({
  id: 'dp.lcs',
  title: 'Longest common subsequence',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'Longest common subsequence of ABCBDAB and BDCABA',
  params: lcsParams,
  vocabulary: ['subsequence', 'lcs'],
  triggers: [
    { pattern: /\blongest common sub ?sequence\b|\blcs\b/, score: 0.95 },
    { pattern: /\bcommon sub ?sequence\b/, score: 0.85 },
  ],
  extract(text, warnings) {
    for (const w of ['longest', 'common', 'subsequence', 'lcs']) if (text.normalized.includes(w)) text.used.add(w);
    return extractWords(text, warnings) ?? {};
  },
  facts({ a, b }) {
    const L = lcsTable(a, b);
    const { subsequence } = lcsTraceback(a, b, L);
    return { length: L[a.length]![b.length]!, subsequence };
  },
  compose({ a, b }, facts) {
    const L = lcsTable(a, b);
    const { path, subsequence } = lcsTraceback(a, b, L);
    const grid = layoutDpGrid(a, b);
    const total = a.length * b.length;
    let filled = 0;
    const counter = () => `cells filled ${filled}/${total}`;
    const scene = new AlgoScene(`LCS of ${a} and ${b}`, counter());
    const tl = scene.tl;
    scene.add(...grid.objects);
    scene.legend = [
      { role: 'compare', label: 'used' },
      { role: 'path', label: 'traceback' },
      { role: 'found', label: 'match' },
    ];
    let pace = 1;
    const play = ([i, j]: [number, number]) => {
      tl.hold();
      filled++;
      const match = a[i - 1] === b[j - 1];
      const sources = match ? [grid.cell(i - 1, j - 1)] : [grid.cell(i - 1, j), grid.cell(i, j - 1)];
      const v = L[i]![j]!;
      const dur = 1 * pace;
      const text = match ? `${a[i - 1]} = ${b[j - 1]}: a match, 1 + the diagonal ${L[i - 1]![j - 1]} = ${v}.` : `${a[i - 1]} ≠ ${b[j - 1]}: the larger of above (${L[i - 1]![j]}) and left (${L[i]![j - 1]}), ${v}.`;
      scene.counter(counter()).step(text, dur, [grid.cell(i, j), ...sources]);
      for (const s of sources) tl.add({ type: 'highlight', target: s, at: tl.t, duration: dur * 0.8, color: roleColor('compare') });
      for (const h of [grid.rowHead(i), grid.colHead(j)]) tl.add({ type: 'highlight', target: h, at: tl.t, duration: dur * 0.8, color: roleColor('compare') });
      tl.setText(grid.value(i, j), String(v), tl.t + 0.2 * pace);
      tl.wait(dur);
    };

    scene.intro(`Longest common subsequence of ${a} and ${b}: fill the table row by row, then trace back.`, 1.6);
    for (const id of grid.objects.filter((o) => !o.id.endsWith('v')).map((o) => o.id)) tl.appear(id, 0.4);
    tl.wait(0.6);
    const edge = [...Array.from({ length: b.length + 1 }, (_, j) => [0, j] as const), ...Array.from({ length: a.length }, (_, i) => [i + 1, 0] as const)];
    for (const [i, j] of edge) tl.setText(grid.value(i, j), '0');
    scene.step('Row ε and column ε: an empty string has nothing in common with anything, so 0.', 1.4, [grid.cell(0, 0)]);
    tl.wait(1.4);
    fillRows(tl, grid, a, b.length, L, play, (p) => {
      pace = p;
    });
    tl.wait(0.4);
    // The traceback, then the letters it matched.
    markPath(tl, grid, path);
    const matches = path.filter(([i, j], k) => k + 1 < path.length && path[k + 1]![0] === i - 1 && path[k + 1]![1] === j - 1 && a[i - 1] === b[j - 1]);
    scene.step(
      `Trace back from the corner: up or left while the letters differ, diagonally on a match.`,
      1.6,
      path.map(([i, j]) => grid.cell(i, j)),
      { emphasis: 'dim-rest' },
    );
    tl.wait(1.6);
    for (const [i, j] of matches) {
      tl.add({ type: 'tween', target: grid.cell(i, j), property: 'fill', to: roleColor('found'), start: tl.t, duration: 0.3 });
      tl.add({ type: 'tween', target: grid.value(i, j), property: 'color', to: '$background', start: tl.t, duration: 0.3 });
    }
    scene.step(
      subsequence ? `The diagonal matches spell ${subsequence.split('').join(' ')}.` : 'No letter is shared: the subsequence is empty.',
      1.4,
      matches.length ? matches.map(([i, j]) => grid.cell(i, j)) : [grid.cell(a.length, b.length)],
    );
    tl.wait(1.4);
    const len = facts.length as number;
    return scene.finish(`LCS length ${len}${subsequence ? `: ${subsequence}` : ''}`, `The longest common subsequence has ${len} letter${len === 1 ? '' : 's'}${subsequence ? `: ${subsequence}` : ''}.`);
  },
});
