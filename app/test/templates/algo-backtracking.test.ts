// N-queens: the first solution and the solution counts checked against a brute force over every
// permutation and the known sequence (2, 10, 4, 40, 92 for n = 4 … 8), the phrasings people type.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { countQueens, queensParams, solveQueens } from '../../src/templates/algorithms/backtracking-n-queens.ts';

const SIZE = { width: 1280, height: 720, fps: 30 };

/** Every permutation of 0 … n − 1 (one queen per row and column) with no two queens on a diagonal, in lexicographic order. */
function bruteSolutions(n: number): number[][] {
  const out: number[][] = [];
  const go = (perm: number[], left: number[]) => {
    if (left.length === 0) {
      if (perm.every((c, r) => perm.every((d, s) => s === r || Math.abs(c - d) !== Math.abs(r - s)))) out.push(perm);
      return;
    }
    left.forEach((c, i) => go([...perm, c], [...left.slice(0, i), ...left.slice(i + 1)]));
  };
  go(
    [],
    Array.from({ length: n }, (_, i) => i),
  );
  return out;
}

test('N-queens: the first solution found is the lexicographically first of all, and the counts are 2, 10, 4, 40, 92', (t) => {
  const known = { 4: 2, 5: 10, 6: 4, 7: 40, 8: 92 } as Record<number, number>;
  for (let n = 4; n <= 8; n++) {
    const all = bruteSolutions(n);
    t.is(all.length, known[n]);
    t.is(countQueens(n), known[n]);
    t.deepEqual(solveQueens(n).solution, all[0], `n = ${n}`);
  }
  // 4 queens worked by hand: (1,1) then (2,3) dead-ends, (2,4) then (3,2) dead-ends; top queen moves to column 2 → 2 4 1 3.
  const four = solveQueens(4);
  t.deepEqual(four.solution, [1, 3, 0, 2]);
  t.is(four.backtracks, 4);
});

test('N-queens: the phrasings people type and the limits', (t) => {
  const cases: [string, number][] = [
    ['N-Queens backtracking for 8 queens', 8],
    ['eight queens puzzle', 8],
    ['N-queens backtracking on a 6x6 board', 6],
    ['n queens with n = 5', 5],
    ['Solve the 4 queens problem with backtracking', 4],
  ];
  for (const [text, n] of cases) {
    const a = analyze(text);
    t.is(a.template, 'backtracking.n_queens', text);
    t.is(a.params.n, n, text);
  }
  const big = analyze('12 queens');
  t.is(big.params.n, 8);
  t.true(big.warnings.some((w) => w.includes('showing 8')));
  t.not(analyze('Queen Victoria timeline').template, 'backtracking.n_queens');
  t.regex(queensParams.safeParse({ n: 3 }).error!.issues[0]!.message, /no solution/);
});

test('N-queens scene: attacked squares and placements told, backtracks grouped, the solution at the end', (t) => {
  const { scene } = sceneFromDescription('Solve the 4 queens problem with backtracking', SIZE);
  const texts = scene.narration.steps.map((s) => s.text);
  t.true(texts.includes('Row 1, column 1 is safe: place a queen.'));
  t.true(texts.includes('Row 2, column 1: attacked by the queen in row 1.'));
  t.true(texts.includes('A solution: columns 2, 4, 1, 3, row by row, after 4 backtracks.'));
});
