// automata.game_of_life: Conway's Game of Life (B3/S23) on a bounded grid with dead edges. A live cell with 2
// or 3 live neighbours survives, a dead cell with exactly 3 is born, every other cell is dead next generation.
import { z } from 'zod';
import type { ParsedText } from '../../text/parse.ts';
import { roleColor } from '../emphasis/roles.ts';
import { count, GROUPED_SPEED, playInGroups } from '../step-groups.ts';
import { defineTemplate } from '../types.ts';
import { AlgoScene } from './algo-scene.ts';

/** Well-known starting patterns, as live cells [row, column] near the top left. */
export const PATTERNS: Record<string, [number, number][]> = {
  glider: [
    [0, 1],
    [1, 2],
    [2, 0],
    [2, 1],
    [2, 2],
  ],
  blinker: [
    [1, 0],
    [1, 1],
    [1, 2],
  ],
  block: [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ],
  toad: [
    [1, 1],
    [1, 2],
    [1, 3],
    [2, 0],
    [2, 1],
    [2, 2],
  ],
  beacon: [
    [0, 0],
    [0, 1],
    [1, 0],
    [2, 3],
    [3, 2],
    [3, 3],
  ],
};

export const lifeParams = z.object({
  pattern: z.enum(['glider', 'blinker', 'block', 'toad', 'beacon']).default('glider'),
  generations: z.number().int().min(1).max(30, { error: 'at most 30 generations' }).default(8),
  rows: z.number().int().min(4).max(16).default(10),
  cols: z.number().int().min(4).max(24).default(12),
});
export type LifeParams = z.infer<typeof lifeParams>;

const key = (r: number, c: number) => r * 1000 + c;

/** One generation: the next live set, with who was born and who died. */
export function step(live: ReadonlySet<number>, rows: number, cols: number): { next: Set<number>; born: number[]; died: number[] } {
  const next = new Set<number>();
  const born: number[] = [];
  const died: number[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      let n = 0;
      for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) if ((dr || dc) && live.has(key(r + dr, c + dc)) && r + dr >= 0 && c + dc >= 0 && r + dr < rows && c + dc < cols) n++;
      const alive = live.has(key(r, c));
      if (alive ? n === 2 || n === 3 : n === 3) next.add(key(r, c));
      if (!alive && n === 3) born.push(key(r, c));
      if (alive && n !== 2 && n !== 3) died.push(key(r, c));
    }
  return { next, born, died };
}

/** The start placed with a margin, then every generation. */
export function runLife(p: LifeParams): { generations: { live: Set<number>; born: number[]; died: number[] }[] } {
  const off = p.pattern === 'glider' ? [1, 1] : [Math.floor(p.rows / 2) - 1, Math.floor(p.cols / 2) - 2];
  let live = new Set(PATTERNS[p.pattern]!.map(([r, c]) => key(r + off[0]!, c + off[1]!)));
  const gens = [{ live, born: [] as number[], died: [] as number[] }];
  for (let g = 0; g < p.generations; g++) {
    const s = step(live, p.rows, p.cols);
    live = s.next;
    gens.push({ live, born: s.born, died: s.died });
  }
  return { generations: gens };
}

function extractLife(text: ParsedText, warnings: string[]): Partial<LifeParams> {
  const t = text.normalized;
  for (const w of ['life', 'conway', 'glider', 'cellular', 'automaton']) if (t.includes(w)) text.used.add(w);
  const out: Partial<LifeParams> = {};
  const pattern = /\b(glider|blinker|block|toad|beacon)s?\b/.exec(t);
  if (pattern) out.pattern = pattern[1] as LifeParams['pattern'];
  const gens = /\b(\d{1,3}) (?:generations?|steps?|ticks?|iterations?)\b/.exec(t);
  if (gens) {
    const g = Number(gens[1]);
    if (g > 30) warnings.push(`${g} generations asked for; showing 30`);
    out.generations = Math.max(1, Math.min(30, g));
  }
  return out;
}

export const automataGameOfLife = defineTemplate<LifeParams>({
  id: 'automata.game_of_life',
  title: "Conway's Game of Life",
  category: 'algorithms',
  style: 'algorithmic',
  example: "Conway's Game of Life with a glider for 8 generations",
  params: lifeParams,
  vocabulary: ['conway', 'glider', 'blinker', 'automaton', 'automata'],
  triggers: [
    { pattern: /\bgame of life\b|\bconway s? (game|life)\b|\bconways (game|life)\b/, score: 0.95 },
    { pattern: /\bcellular automat\w*\b.*\b(glider|blinker|conway|life|b3 ?s23)\b|\b(glider|blinker)\b.*\bcellular automat/, score: 0.9 },
  ],
  extract: extractLife,
  facts(p) {
    const { generations } = runLife(p);
    const last = generations.at(-1)!.live;
    return { population: generations.map((g) => g.live.size), final: [...last].sort((a, b) => a - b).map((k) => [Math.floor(k / 1000), k % 1000]) };
  },
  compose(p) {
    const { generations } = runLife(p);
    const size = Math.min(0.55, 12.8 / p.cols, 5.6 / p.rows);
    const X = (c: number) => (c - (p.cols - 1) / 2) * size;
    const Y = (r: number) => -0.45 + ((p.rows - 1) / 2 - r) * size;
    const id = (k: number) => `c${Math.floor(k / 1000)}_${k % 1000}`;
    let gen = 0;
    const counter = () => `generation ${gen}/${p.generations}   alive ${generations[gen]!.live.size}`;
    const scene = new AlgoScene(`Game of Life: ${p.pattern}`, counter());
    const tl = scene.tl;
    const start = generations[0]!.live;
    for (let r = 0; r < p.rows; r++)
      for (let c = 0; c < p.cols; c++)
        scene.add({ id: id(key(r, c)), type: 'rect', x: X(c), y: Y(r), width: size * 0.9, height: size * 0.9, cornerRadius: 0.04, fill: start.has(key(r, c)) ? roleColor('current') : '$surface', stroke: '$grid', strokeWidth: 0.02 });
    scene.legend = [
      { role: 'current', label: 'alive' },
      { role: 'found', label: 'born' },
      { role: 'conflict', label: 'dies' },
    ];
    let pace = 1;
    const play = (g: number) => {
      tl.hold();
      const { born, died, live } = generations[g]!;
      const dur = 1.6 * pace;
      // Marked first (born green, dying red), then settled to alive or dead.
      for (const k of born) tl.add({ type: 'tween', target: id(k), property: 'fill', to: roleColor('found'), start: tl.t, duration: 0.2 * pace });
      for (const k of died) tl.add({ type: 'tween', target: id(k), property: 'fill', to: roleColor('conflict'), start: tl.t, duration: 0.2 * pace });
      gen = g;
      scene.counter(counter()).step(`Generation ${g}: ${count(born.length, 'cells')} born, ${died.length} die, ${live.size} alive.`, dur, [...born, ...died].map(id));
      for (const k of born) tl.add({ type: 'tween', target: id(k), property: 'fill', to: roleColor('current'), start: tl.t + dur * 0.6, duration: 0.2 * pace });
      for (const k of died) tl.add({ type: 'tween', target: id(k), property: 'fill', to: '$surface', start: tl.t + dur * 0.6, duration: 0.2 * pace });
      tl.wait(dur);
    };
    scene.intro('The Game of Life: a live cell with 2 or 3 live neighbours lives on; a dead cell with exactly 3 is born.', 1.6);
    for (let r = 0; r < p.rows; r++) for (let c = 0; c < p.cols; c++) tl.appear(id(key(r, c)), 0.3);
    tl.wait(0.6);
    scene.step(`Generation 0: a ${p.pattern} of ${start.size} live cells.`, 1.3, [...start].map(id));
    tl.wait(1.3);
    playInGroups(tl, [Array.from({ length: p.generations }, (_, i) => i + 1)], {
      narrated: () => true,
      detail: 4,
      play,
      speed: (g) => {
        pace = g ? GROUPED_SPEED : 1;
      },
      summary: (rest) => `Generations ${rest[0]}–${rest.at(-1)}: populations ${rest.map((g) => generations[g]!.live.size).join(', ')}.`,
      refs: (rest) => [...generations[rest.at(-1)!]!.live].map(id),
    });
    tl.wait(0.4);
    const pops = generations.map((g) => g.live.size);
    return scene.finish(`after ${p.generations} generations: ${pops.at(-1)} alive`, `After ${p.generations} generations, ${pops.at(-1)} cells are alive.`);
  },
});
