// dp.edit_distance: the Levenshtein distance by dynamic programming. D[i][j] is the fewest insertions,
// deletions and substitutions turning the first i letters of a into the first j of b: the diagonal when the
// letters match, else 1 + the least of the diagonal (substitute), above (delete) and left (insert). The
// traceback from the corner gives one shortest edit script (substitutions preferred, then deletions).
import { z } from 'zod';
import { roleColor } from '../emphasis/roles.ts';
import { count } from '../step-groups.ts';
import { defineTemplate } from '../types.ts';
import { AlgoScene } from './algo-scene.ts';
import { extractWords, fillRows, layoutDpGrid, markPath, MAX_DP_WORD } from './dp-grid.ts';

const word = z
  .string()
  .regex(/^[A-Za-z0-9]+$/, { error: 'letters and digits only' })
  .min(1, { error: 'a word needs at least one letter' })
  .max(MAX_DP_WORD, { error: `at most ${MAX_DP_WORD} letters, so the table stays readable` });

export const editParams = z.object({ a: word.default('kitten'), b: word.default('sitting') });
export type EditParams = z.infer<typeof editParams>;

export function editTable(a: string, b: string): number[][] {
  const D = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) D[i]![j] = a[i - 1] === b[j - 1] ? D[i - 1]![j - 1]! : 1 + Math.min(D[i - 1]![j - 1]!, D[i - 1]![j]!, D[i]![j - 1]!);
  return D;
}

export type EditOp = { op: 'keep' | 'substitute' | 'delete' | 'insert'; i: number; j: number; from?: string; to?: string };

/** The edit script from a to b, first letter first, with the cells the traceback passes (corner first). */
export function editScript(a: string, b: string, D: number[][]): { ops: EditOp[]; path: [number, number][] } {
  let [i, j] = [a.length, b.length];
  const ops: EditOp[] = [];
  const path: [number, number][] = [[i, j]];
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && a[i - 1] === b[j - 1] && D[i]![j] === D[i - 1]![j - 1]) {
      ops.unshift({ op: 'keep', i, j, from: a[i - 1] });
      i--;
      j--;
    } else if (i > 0 && j > 0 && D[i]![j] === D[i - 1]![j - 1]! + 1) {
      ops.unshift({ op: 'substitute', i, j, from: a[i - 1], to: b[j - 1] });
      i--;
      j--;
    } else if (i > 0 && D[i]![j] === D[i - 1]![j]! + 1) {
      ops.unshift({ op: 'delete', i, j, from: a[i - 1] });
      i--;
    } else {
      ops.unshift({ op: 'insert', i, j, to: b[j - 1] });
      j--;
    }
    path.push([i, j]);
  }
  return { ops, path };
}

const opText = (o: EditOp) => (o.op === 'substitute' ? `substitute ${o.from} → ${o.to}` : o.op === 'delete' ? `delete ${o.from}` : o.op === 'insert' ? `insert ${o.to}` : `keep ${o.from}`);

export const dpEditDistance = defineTemplate<EditParams>({
  id: 'dp.edit_distance',
  title: 'Edit distance (Levenshtein)',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'Edit distance from kitten to sitting',
  params: editParams,
  vocabulary: ['levenshtein', 'edit'],
  triggers: [
    { pattern: /\b(edit|levenshtein) distance\b|\blevenshtein\b/, score: 0.95 },
    { pattern: /\bminimum (number of )?(edits|operations)\b.*\b(insert\w*|delet\w*|substitut\w*|replac\w*)/, score: 0.85 },
  ],
  extract(text, warnings) {
    for (const w of ['edit', 'distance', 'levenshtein']) if (text.normalized.includes(w)) text.used.add(w);
    return extractWords(text, warnings) ?? {};
  },
  facts({ a, b }) {
    const D = editTable(a, b);
    const { ops } = editScript(a, b, D);
    return { distance: D[a.length]![b.length]!, operations: ops.filter((o) => o.op !== 'keep').map(opText) };
  },
  compose({ a, b }, facts) {
    const D = editTable(a, b);
    const { ops, path } = editScript(a, b, D);
    const grid = layoutDpGrid(a, b);
    const total = a.length * b.length;
    let filled = 0;
    const counter = () => `cells filled ${filled}/${total}`;
    const scene = new AlgoScene(`Edit distance: ${a} → ${b}`, counter());
    const tl = scene.tl;
    scene.add(...grid.objects);
    scene.legend = [
      { role: 'compare', label: 'used' },
      { role: 'path', label: 'traceback' },
      { role: 'conflict', label: 'an edit' },
    ];
    let pace = 1;
    const play = ([i, j]: [number, number]) => {
      tl.hold();
      filled++;
      const same = a[i - 1] === b[j - 1];
      const [diag, up, left] = [D[i - 1]![j - 1]!, D[i - 1]![j]!, D[i]![j - 1]!];
      const sources = same ? [grid.cell(i - 1, j - 1)] : [grid.cell(i - 1, j - 1), grid.cell(i - 1, j), grid.cell(i, j - 1)];
      const v = D[i]![j]!;
      const dur = 1 * pace;
      const text = same ? `${a[i - 1]} = ${b[j - 1]}: no edit, the diagonal ${diag}.` : `${a[i - 1]} ≠ ${b[j - 1]}: 1 + the least of ${diag}, ${up} and ${left} = ${v}.`;
      scene.counter(counter()).step(text, dur, [grid.cell(i, j), ...sources]);
      for (const s of sources) tl.add({ type: 'highlight', target: s, at: tl.t, duration: dur * 0.8, color: roleColor('compare') });
      tl.setText(grid.value(i, j), String(v), tl.t + 0.2 * pace);
      tl.wait(dur);
    };

    scene.intro(`Edit distance from ${a} to ${b}: the fewest insertions, deletions and substitutions.`, 1.6);
    for (const id of grid.objects.filter((o) => !o.id.endsWith('v')).map((o) => o.id)) tl.appear(id, 0.4);
    tl.wait(0.6);
    for (let j = 0; j <= b.length; j++) tl.setText(grid.value(0, j), String(j));
    for (let i = 1; i <= a.length; i++) tl.setText(grid.value(i, 0), String(i));
    scene.step(`Row ε: insert 1, 2, … letters; column ε: delete them. So 0 … ${b.length} across and 0 … ${a.length} down.`, 1.5, [grid.cell(0, 0)]);
    tl.wait(1.5);
    fillRows(tl, grid, a, b.length, D, play, (p) => {
      pace = p;
    });
    tl.wait(0.4);
    markPath(tl, grid, path);
    scene.step(
      'Trace back from the corner: each step to a cell that gives this one its value.',
      1.5,
      path.map(([i, j]) => grid.cell(i, j)),
      { emphasis: 'dim-rest' },
    );
    tl.wait(1.5);
    const edits = ops.filter((o) => o.op !== 'keep');
    for (const o of edits) tl.add({ type: 'tween', target: grid.cell(o.i, o.j), property: 'fill', to: roleColor('conflict'), start: tl.t, duration: 0.3 });
    const d = facts.distance as number;
    scene.step(d === 0 ? 'The words are the same: no edits.' : `The edits: ${edits.map(opText).join(', ')}.`, 1.5, edits.length ? edits.map((o) => grid.cell(o.i, o.j)) : [grid.cell(a.length, b.length)]);
    tl.wait(1.5);
    return scene.finish(`edit distance ${d}`, `${a} becomes ${b} in ${count(d, 'edits')}: the edit distance is ${d}.`);
  },
});
