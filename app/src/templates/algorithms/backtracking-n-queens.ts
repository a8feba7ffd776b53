// backtracking.n_queens: place n queens on an n × n board, one per row, top row first, trying columns left to
// right; a square attacked along a column or a diagonal is skipped, and a row with no safe square sends the
// search back to move the queen above. Stops at the first solution; the number of solutions is counted too.
import { z } from 'zod';
import { wordNumber, type ParsedText } from '../../text/parse.ts';
import { roleColor } from '../emphasis/roles.ts';
import { count, GROUPED_SPEED, playInGroups, splitBefore } from '../step-groups.ts';
import { defineTemplate } from '../types.ts';
import { AlgoScene, listText } from './algo-scene.ts';

export const queensParams = z.object({
  n: z.number().int({ error: 'n is a whole number' }).min(4, { error: 'n is at least 4 (2 and 3 queens have no solution; 1 is trivial)' }).max(8, { error: 'n is at most 8, so every try stays watchable' }).default(4),
});
export type QueensParams = z.infer<typeof queensParams>;

export type QueenStep = { kind: 'try'; row: number; col: number; attackedBy?: number } | { kind: 'place'; row: number; col: number } | { kind: 'remove'; row: number; col: number };

const attacks = (cols: readonly number[], row: number, col: number): number | undefined => {
  for (let r = 0; r < row; r++) if (cols[r] === col || Math.abs(cols[r]! - col) === row - r) return r;
  return undefined;
};

/** Backtracking to the first solution: the steps, the columns (one per row, from 0) and the counts. */
export function solveQueens(n: number): { solution: number[]; steps: QueenStep[]; placements: number; backtracks: number } {
  const cols: number[] = [];
  const steps: QueenStep[] = [];
  let placements = 0;
  let backtracks = 0;
  const place = (row: number): boolean => {
    if (row === n) return true;
    for (let col = 0; col < n; col++) {
      const by = attacks(cols, row, col);
      steps.push({ kind: 'try', row, col, ...(by === undefined ? {} : { attackedBy: by }) });
      if (by !== undefined) continue;
      cols.push(col);
      placements++;
      steps.push({ kind: 'place', row, col });
      if (place(row + 1)) return true;
      cols.pop();
      backtracks++;
      steps.push({ kind: 'remove', row, col });
    }
    return false;
  };
  place(0);
  return { solution: cols, steps, placements, backtracks };
}

/** Every solution counted by the same rule (for the facts: 2 for 4 queens, 92 for 8). */
export function countQueens(n: number): number {
  let found = 0;
  const cols: number[] = [];
  const go = (row: number) => {
    if (row === n) {
      found++;
      return;
    }
    for (let col = 0; col < n; col++)
      if (attacks(cols, row, col) === undefined) {
        cols.push(col);
        go(row + 1);
        cols.pop();
      }
  };
  go(0);
  return found;
}

function extractQueens(text: ParsedText, warnings: string[]): Partial<QueensParams> {
  for (const w of ['queens', 'queen', 'backtracking']) if (text.normalized.includes(w)) text.used.add(w);
  // "N-queens for 8 queens": the first size that is a number wins, whichever way it is written.
  const t = text.normalized;
  const found = [...t.matchAll(/\b(\d{1,2}|[a-z]+)[ -]queens?\b/g), ...t.matchAll(/\bn = (\d{1,2})\b/g), ...t.matchAll(/\b(\d{1,2}) ?(?:x|by) ?\d{1,2} (?:chess ?)?board\b/g)].map((m) => wordNumber(m[1]!)).find((v) => v !== undefined);
  const n = found;
  if (n === undefined || !Number.isInteger(n)) return {};
  if (n < 4 || n > 8) {
    const used = Math.min(8, Math.max(4, n));
    warnings.push(`${n} queens: ${n < 4 ? (n === 1 ? 'one queen is trivial' : `${n} queens have no solution`) : 'more tries than stay watchable'}; showing ${used}`);
    return { n: used };
  }
  return { n };
}

export const backtrackingNQueens = defineTemplate<QueensParams>({
  id: 'backtracking.n_queens',
  title: 'N-queens (backtracking)',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'Solve the 4 queens problem with backtracking',
  params: queensParams,
  vocabulary: ['queens', 'backtracking'],
  triggers: [
    { pattern: /\b(n|\d{1,2}|four|five|six|seven|eight) ?-? ?queens?\b/, score: 0.95 },
    { pattern: /\bqueens?\b.*\b(chess ?board|backtrack\w*|attack\w*)\b|\bbacktrack\w*\b.*\bqueens?\b/, score: 0.9 },
  ],
  extract: extractQueens,
  facts({ n }) {
    const run = solveQueens(n);
    return { solution: run.solution, placements: run.placements, backtracks: run.backtracks, solutions: countQueens(n) };
  },
  compose({ n }, facts) {
    const run = solveQueens(n);
    const cell = Math.min(0.8, 5.8 / n);
    const cx = -2.6;
    const cy = -0.45;
    const X = (c: number) => cx + (c - (n - 1) / 2) * cell;
    const Y = (r: number) => cy + ((n - 1) / 2 - r) * cell;
    let placed = 0;
    let backs = 0;
    const counter = () => `queens placed ${placed}   backtracks ${backs}`;
    const scene = new AlgoScene(`${n} queens`, counter());
    const tl = scene.tl;
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) scene.add({ id: `sq${r}_${c}`, type: 'rect', x: X(c), y: Y(r), width: cell, height: cell, fill: (r + c) % 2 === 0 ? '$surface' : '$grid', stroke: '$grid', strokeWidth: 0.01 });
    for (let r = 0; r < n; r++) scene.add({ id: `q${r}`, type: 'text', text: '♛', x: X(0), y: Y(r), size: cell * 0.7, color: roleColor('current') });
    for (let r = 0; r < n; r++) scene.add({ id: `rl${r}`, type: 'text', text: `row ${r + 1}`, x: X(0) - cell / 2 - 0.15, y: Y(r), size: 0.26, align: 'right', color: '$muted' });
    scene.add({ id: 'rule', type: 'text', text: 'One queen per row; none may share a column or a diagonal.', x: 1.4, y: 1.9, size: 0.3, align: 'left', maxWidth: 5.6, color: '$muted' });
    scene.legend = [
      { role: 'current', label: 'queen' },
      { role: 'conflict', label: 'attacked' },
      { role: 'found', label: 'solution' },
    ];
    const k = Math.min(1, 55 / Math.max(1, run.steps.length * 0.8));
    let pace = 1;
    const shown = new Set<number>();
    const play = (s: QueenStep) => {
      tl.hold();
      const dur = (s.kind === 'try' && s.attackedBy === undefined ? 0.3 : 0.9) * k * pace;
      const sq = `sq${s.row}_${s.col}`;
      if (s.kind === 'try') {
        if (s.attackedBy !== undefined) {
          const by = s.attackedBy;
          scene.step(`Row ${s.row + 1}, column ${s.col + 1}: attacked by the queen in row ${by + 1}.`, dur, [sq, `q${by}`]);
          tl.add({ type: 'highlight', target: sq, at: tl.t, duration: dur * 0.8, color: roleColor('conflict') });
        }
        tl.wait(dur);
      } else if (s.kind === 'place') {
        placed++;
        scene.counter(counter()).step(`Row ${s.row + 1}, column ${s.col + 1} is safe: place a queen.`, dur, [sq]);
        tl.add({ type: 'set', target: `q${s.row}`, at: tl.t, property: 'x', value: X(s.col) });
        if (!shown.has(s.row)) {
          tl.appear(`q${s.row}`, 0.2 * pace);
          shown.add(s.row);
        } else tl.add({ type: 'tween', target: `q${s.row}`, property: 'opacity', to: 1, start: tl.t, duration: 0.2 * pace });
        tl.wait(dur);
      } else {
        backs++;
        scene.counter(counter()).step(`No safe square in row ${s.row + 2}: take back the queen in row ${s.row + 1} and try further right.`, dur, [`q${s.row}`]);
        tl.add({ type: 'tween', target: `q${s.row}`, property: 'opacity', to: 0, start: tl.t, duration: 0.25 * pace });
        tl.wait(dur);
      }
    };
    scene.intro(`${n} queens on a ${n} × ${n} board: place them row by row, backing up when a row has no safe square.`, 1.6);
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) tl.appear(`sq${r}_${c}`, 0.3);
    for (let r = 0; r < n; r++) tl.appear(`rl${r}`, 0.3);
    tl.appear('rule', 0.4);
    tl.wait(0.6);
    // Rounds: each new queen in the top row starts one.
    playInGroups(
      tl,
      splitBefore(run.steps, (s) => s.kind === 'place' && s.row === 0),
      {
        narrated: (s) => s.kind !== 'try' || s.attackedBy !== undefined,
        detail: 8,
        play,
        speed: (g) => {
          pace = g ? GROUPED_SPEED : 1;
        },
        summary: (rest) => {
          const places = rest.filter((s) => s.kind === 'place').length;
          const removes = rest.filter((s) => s.kind === 'remove').length;
          const top = rest.find((s) => s.kind === 'place' && s.row === 0);
          return `${top ? `Top queen in column ${top.col + 1}: ` : 'Then '}${count(places, 'queens')} placed, ${count(removes, 'backtracks')}.`;
        },
        refs: () => Array.from({ length: n }, (_, r) => `q${r}`),
      },
    );
    tl.wait(0.3);
    for (let r = 0; r < n; r++) tl.add({ type: 'tween', target: `sq${r}_${run.solution[r]!}`, property: 'fill', to: roleColor('found'), start: tl.t, duration: 0.3 });
    for (let r = 0; r < n; r++) tl.add({ type: 'tween', target: `q${r}`, property: 'color', to: '$background', start: tl.t, duration: 0.3 });
    const cols = run.solution.map((c) => c + 1);
    scene.step(
      `A solution: columns ${listText(cols)}, row by row, after ${count(run.backtracks, 'backtracks')}.`,
      1.6,
      Array.from({ length: n }, (_, r) => `q${r}`),
    );
    tl.wait(1.6);
    return scene.finish(`solution (columns by row): ${listText(cols)} · ${facts.solutions as number} solutions in all`, `${n} queens have ${facts.solutions as number} solutions; backtracking found the first one.`);
  },
});
