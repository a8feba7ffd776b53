// graph.astar: A* search on a grid with walls, moving up, down, left and right at cost 1, guided by the
// Manhattan distance to the goal. It always expands the open cell with the lowest f = g + h (ties: the lower
// h, then row, then column), so it finds a shortest path while looking at fewer cells than a blind search.
import { z } from 'zod';
import type { ParsedText } from '../../text/parse.ts';
import { roleColor } from '../emphasis/roles.ts';
import { count, GROUPED_SPEED, playInGroups } from '../step-groups.ts';
import { defineTemplate } from '../types.ts';
import { AlgoScene } from './algo-scene.ts';

const cellSchema = z.tuple([z.number().int().min(0), z.number().int().min(0)]);

export const astarParams = z
  .object({
    rows: z.number().int().min(2).max(10, { error: 'at most 10 rows fit on screen' }).default(6),
    cols: z.number().int().min(2).max(14, { error: 'at most 14 columns fit on screen' }).default(8),
    walls: z
      .array(cellSchema)
      .max(100)
      .default([
        [1, 3],
        [2, 3],
        [3, 3],
        [4, 3],
        [3, 5],
        [2, 5],
        [1, 5],
      ]),
    start: cellSchema.default([4, 1]),
    goal: cellSchema.default([1, 6]),
  })
  .superRefine((p, ctx) => {
    const inside = ([r, c]: [number, number]) => r < p.rows && c < p.cols;
    for (const [name, cell] of [
      ['start', p.start],
      ['goal', p.goal],
    ] as const) {
      if (!inside(cell)) ctx.addIssue({ code: 'custom', path: [name], message: `${name} (${cell[0]}, ${cell[1]}) is outside the ${p.rows} × ${p.cols} grid (rows and columns count from 0)` });
      if (p.walls.some((w) => w[0] === cell[0] && w[1] === cell[1])) ctx.addIssue({ code: 'custom', path: [name], message: `${name} (${cell[0]}, ${cell[1]}) is a wall` });
    }
    for (const w of p.walls) if (!inside(w)) ctx.addIssue({ code: 'custom', path: ['walls'], message: `wall (${w[0]}, ${w[1]}) is outside the grid` });
  });
export type AstarParams = z.infer<typeof astarParams>;

type Cell = [number, number];
export type AstarStep = { kind: 'expand'; cell: Cell; g: number; h: number } | { kind: 'open'; cell: Cell; g: number; h: number; from: Cell; better: boolean };

const key = ([r, c]: Cell) => `${r},${c}`;
const manhattan = (a: Cell, b: Cell) => Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]);

export function astar(p: AstarParams): { path: Cell[]; expanded: number; steps: AstarStep[] } {
  const walls = new Set(p.walls.map((w) => key(w as Cell)));
  const g = new Map<string, number>([[key(p.start as Cell), 0]]);
  const prev = new Map<string, Cell>();
  const open = new Map<string, Cell>([[key(p.start as Cell), p.start as Cell]]);
  const closed = new Set<string>();
  const steps: AstarStep[] = [];
  const goal = p.goal as Cell;
  while (open.size > 0) {
    const best = [...open.values()].sort((a, b) => {
      const fa = g.get(key(a))! + manhattan(a, goal);
      const fb = g.get(key(b))! + manhattan(b, goal);
      return fa - fb || manhattan(a, goal) - manhattan(b, goal) || a[0] - b[0] || a[1] - b[1];
    })[0]!;
    open.delete(key(best));
    closed.add(key(best));
    steps.push({ kind: 'expand', cell: best, g: g.get(key(best))!, h: manhattan(best, goal) });
    if (key(best) === key(goal)) break;
    for (const [dr, dc] of [
      [-1, 0],
      [0, 1],
      [1, 0],
      [0, -1],
    ] as const) {
      const n: Cell = [best[0] + dr, best[1] + dc];
      if (n[0] < 0 || n[1] < 0 || n[0] >= p.rows || n[1] >= p.cols || walls.has(key(n)) || closed.has(key(n))) continue;
      const ng = g.get(key(best))! + 1;
      const better = ng < (g.get(key(n)) ?? Infinity);
      if (!better) continue;
      g.set(key(n), ng);
      prev.set(key(n), best);
      open.set(key(n), n);
      steps.push({ kind: 'open', cell: n, g: ng, h: manhattan(n, goal), from: best, better });
    }
  }
  const expanded = steps.filter((s) => s.kind === 'expand').length;
  if (!closed.has(key(goal))) return { path: [], expanded, steps };
  const path: Cell[] = [goal];
  while (key(path[0]!) !== key(p.start as Cell)) path.unshift(prev.get(key(path[0]!))!);
  return { path, expanded, steps };
}

function extractAstar(text: ParsedText, warnings: string[]): Partial<AstarParams> {
  for (const w of ['astar', 'a*', 'heuristic', 'grid']) if (text.normalized.includes(w)) text.used.add(w);
  const t = text.original;
  const out: Partial<AstarParams> = {};
  const size = /\b(\d{1,2})\s*(?:x|×|by)\s*(\d{1,2})\b/i.exec(t);
  if (size) {
    out.rows = Math.min(10, Number(size[1]));
    out.cols = Math.min(14, Number(size[2]));
    if (Number(size[1]) > 10 || Number(size[2]) > 14) warnings.push('the grid was cut to 10 rows × 14 columns, the most that stay readable');
  }
  const at = (words: string) => new RegExp(String.raw`\b(?:${words})\s*(?:at|=|:)?\s*\(\s*(\d{1,2})\s*,\s*(\d{1,2})\s*\)`, 'i').exec(t);
  const start = at('start|from|source');
  const goal = at('goal|end|target|to|destination');
  if (start) out.start = [Number(start[1]), Number(start[2])];
  if (goal) out.goal = [Number(goal[1]), Number(goal[2])];
  const wallsAt = /\b(?:walls?|obstacles?|blocked)\b\s*(?:at|=|:)?\s*((?:\(\s*\d{1,2}\s*,\s*\d{1,2}\s*\)\s*,?\s*(?:and\s*)?)+)/i.exec(t);
  if (wallsAt) out.walls = [...wallsAt[1]!.matchAll(/\(\s*(\d{1,2})\s*,\s*(\d{1,2})\s*\)/g)].map((m) => [Number(m[1]), Number(m[2])] as [number, number]);
  else if (size || start || goal) out.walls = [];
  return out;
}

export const graphAstar = defineTemplate<AstarParams>({
  id: 'graph.astar',
  title: 'A* search on a grid',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'A* pathfinding on a grid with walls',
  params: astarParams,
  vocabulary: ['astar', 'pathfinding', 'heuristic', 'manhattan'],
  triggers: [
    // "A*" alone is also a grade: the search, the algorithm or path finding must be named.
    { pattern: /(?:^|\s)a ?\* ?(?:search|algorithm|path ?finding|shortest path)\b|\ba ?star (search|algorithm|path ?finding)\b|\bastar\b/, score: 0.95 },
    { pattern: /\bpath ?finding\b.*\b(grid|maze|obstacles?|walls?)\b|\b(grid|maze)\b.*\bpath ?finding\b/, score: 0.8 },
  ],
  extract: extractAstar,
  facts(p) {
    const { path, expanded } = astar(p);
    return { found: path.length > 0, length: Math.max(0, path.length - 1), path, expanded };
  },
  compose(p, facts) {
    const { path, steps } = astar(p);
    const size = Math.min(0.8, 12.4 / p.cols, 5.6 / p.rows);
    const X = (c: number) => (c - (p.cols - 1) / 2) * size;
    const Y = (r: number) => -0.5 + ((p.rows - 1) / 2 - r) * size;
    const walls = new Set(p.walls.map((w) => key(w as Cell)));
    let expanded = 0;
    const counter = () => `expanded ${expanded}   (f = g + h, h = Manhattan distance)`;
    const scene = new AlgoScene('A* search', counter());
    const tl = scene.tl;
    const id = ([r, c]: Cell) => `g${r}_${c}`;
    for (let r = 0; r < p.rows; r++)
      for (let c = 0; c < p.cols; c++) {
        const wall = walls.has(key([r, c]));
        scene.add({ id: id([r, c]), type: 'rect', x: X(c), y: Y(r), width: size * 0.94, height: size * 0.94, cornerRadius: 0.04, fill: wall ? '$muted' : '$surface', stroke: '$grid', strokeWidth: 0.02 });
      }
    const [sr, sc] = p.start;
    const [gr, gc] = p.goal;
    scene.add({ id: 'startMark', type: 'text', text: 'S', x: X(sc), y: Y(sr), size: size * 0.5, weight: 700, color: '$foreground' });
    scene.add({ id: 'goalMark', type: 'text', text: 'G', x: X(gc), y: Y(gr), size: size * 0.5, weight: 700, color: '$foreground' });
    scene.legend = [
      { role: 'frontier', label: 'open' },
      { role: 'current', label: 'expanding' },
      { role: 'done', label: 'closed' },
      // The path's own colour: the open cells already take the path role's.
      { role: 'marked', label: 'path' },
    ];
    let pace = 1;
    let last: Cell | undefined;
    const fill = (cell: Cell, color: string) => tl.add({ type: 'tween', target: id(cell), property: 'fill', to: color, start: tl.t, duration: 0.2 });
    const play = (s: AstarStep) => {
      tl.hold();
      const dur = (s.kind === 'expand' ? 1.1 : 0.35) * pace;
      if (s.kind === 'expand') {
        expanded++;
        if (last) fill(last, roleColor('done'));
        last = s.cell;
        fill(s.cell, roleColor('current'));
        scene.counter(counter()).step(`Expand (${s.cell[0]}, ${s.cell[1]}): g ${s.g} + h ${s.h} = f ${s.g + s.h}, the lowest f open.`, dur, [id(s.cell)]);
      } else fill(s.cell, roleColor('frontier'));
      tl.wait(dur);
    };
    scene.intro(`A* from S to G: expand the open cell with the lowest f = steps so far + distance left.`, 1.6);
    for (let r = 0; r < p.rows; r++) for (let c = 0; c < p.cols; c++) tl.appear(id([r, c]), 0.3);
    tl.appear('startMark', 0.3).appear('goalMark', 0.3);
    tl.wait(0.6);
    scene.step(`${walls.size ? 'Grey cells are walls. ' : ''}h is the Manhattan distance to G: S starts at h = ${Math.abs(sr - gr) + Math.abs(sc - gc)}.`, 1.5, ['startMark', 'goalMark']);
    tl.wait(1.5);
    // Rounds by f: A* works through the cells of one f value before the next.
    const rounds: AstarStep[][] = [];
    let f = -1;
    for (const s of steps) {
      if (rounds.length === 0 || (s.kind === 'expand' && s.g + s.h !== f)) rounds.push([]);
      if (s.kind === 'expand') f = s.g + s.h;
      rounds[rounds.length - 1]!.push(s);
    }
    playInGroups(tl, rounds, {
      narrated: (s) => s.kind === 'expand',
      detail: 6,
      play,
      speed: (g) => {
        pace = g ? GROUPED_SPEED : 1;
      },
      summary: (rest, _round, partial) => {
        const e = rest.filter((s) => s.kind === 'expand');
        const opened = rest.filter((s) => s.kind === 'open').length;
        const fv = e[0] && e[0].kind === 'expand' ? e[0].g + e[0].h : f;
        return `${partial ? 'The rest of ' : ''}f = ${fv}: ${count(e.length, 'cells')} expanded, ${count(opened, 'cells')} opened.`;
      },
      refs: (rest) => rest.flatMap((s) => (s.kind === 'expand' ? [id(s.cell)] : [])),
    });
    if (last) fill(last, roleColor('done'));
    tl.wait(0.3);
    if (path.length === 0) {
      scene.step('The open set is empty: the walls cut G off, there is no path.', 1.6, ['goalMark']);
      tl.wait(1.6);
      return scene.finish(`no path from S to G · ${facts.expanded as number} cells expanded`, 'No path: every reachable cell was expanded without meeting G.');
    }
    for (const c of path) fill(c, roleColor('marked'));
    scene.step(`G reached: follow each cell back to where it was opened from.`, 1.5, path.map(id), { emphasis: 'dim-rest' });
    tl.wait(1.5);
    return scene.finish(`shortest path: ${facts.length as number} steps · ${facts.expanded as number} cells expanded`, `A shortest path of ${facts.length as number} steps, found after expanding ${facts.expanded as number} cells.`);
  },
});
