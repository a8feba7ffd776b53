// The Game of Life: generations checked against a plain array implementation of B3/S23 and the known
// behaviour of the patterns (a glider moves one cell diagonally every 4 generations, a blinker has period 2,
// a block never changes), the phrasings people type.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { lifeParams, runLife } from '../../src/templates/algorithms/automata-life.ts';

const SIZE = { width: 1280, height: 720, fps: 30 };

/** B3/S23 on a boolean array with dead edges, written apart from the template. */
function arrayStep(g: boolean[][]): boolean[][] {
  return g.map((row, r) =>
    row.map((alive, c) => {
      let n = 0;
      for (const [dr, dc] of [
        [-1, -1],
        [-1, 0],
        [-1, 1],
        [0, -1],
        [0, 1],
        [1, -1],
        [1, 0],
        [1, 1],
      ])
        if (g[r + dr!]?.[c + dc!]) n++;
      return alive ? n === 2 || n === 3 : n === 3;
    }),
  );
}

const cells = (live: Set<number>) => [...live].map((k) => [Math.floor(k / 1000), k % 1000]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);

test('Game of Life: every generation agrees with a plain array implementation', (t) => {
  for (const pattern of ['glider', 'blinker', 'block', 'toad', 'beacon'] as const) {
    const p = lifeParams.parse({ pattern, generations: 12 });
    const { generations } = runLife(p);
    let grid = Array.from({ length: p.rows }, (_, r) => Array.from({ length: p.cols }, (_, c) => generations[0]!.live.has(r * 1000 + c)));
    for (let g = 1; g < generations.length; g++) {
      grid = arrayStep(grid);
      const expected = grid.flatMap((row, r) => row.flatMap((alive, c) => (alive ? [[r, c]] : [])));
      t.deepEqual(cells(generations[g]!.live), expected, `${pattern} generation ${g}`);
    }
  }
});

test('Game of Life: a glider moves (1, 1) every 4 generations, a blinker and a toad and a beacon have period 2, a block stays', (t) => {
  const glider = runLife(lifeParams.parse({ pattern: 'glider', generations: 4 })).generations;
  t.deepEqual(
    cells(glider[4]!.live),
    cells(glider[0]!.live).map(([r, c]) => [r! + 1, c! + 1]),
  );
  for (const pattern of ['blinker', 'toad', 'beacon'] as const) {
    const g = runLife(lifeParams.parse({ pattern, generations: 2 })).generations;
    t.notDeepEqual(cells(g[1]!.live), cells(g[0]!.live), pattern);
    t.deepEqual(cells(g[2]!.live), cells(g[0]!.live), pattern);
  }
  const block = runLife(lifeParams.parse({ pattern: 'block', generations: 3 })).generations;
  t.deepEqual(cells(block[3]!.live), cells(block[0]!.live));
});

test('Game of Life: the phrasings people type, and a scene that tells births and deaths', (t) => {
  const cases: [string, string, number][] = [
    ["Conway's game of life glider", 'glider', 8],
    ['game of life blinker 4 generations', 'blinker', 4],
    ['cellular automaton (Conway) with a toad oscillator for 6 steps', 'toad', 6],
    ['Conways Game of Life beacon', 'beacon', 8],
  ];
  for (const [text, pattern, generations] of cases) {
    const a = analyze(text);
    t.is(a.template, 'automata.game_of_life', text);
    t.like(a.params, { pattern, generations }, text);
  }
  t.deepEqual(analyze("Conway's Game of Life with a glider for 8 generations").facts.population, [5, 5, 5, 5, 5, 5, 5, 5, 5]);
  t.not(analyze('Game theory: the prisoners dilemma').template, 'automata.game_of_life');
  const { scene } = sceneFromDescription("Conway's Game of Life with a glider for 8 generations", SIZE);
  const texts = scene.narration.steps.map((s) => s.text);
  t.true(texts.includes('Generation 1: 2 cells born, 2 die, 5 alive.'));
  t.true(texts.includes('Generations 5–8: populations 5, 5, 5, 5.'));
});
