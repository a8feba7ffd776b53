// graph.dijkstra: settle the unsettled node with the smallest tentative distance (ties: lowest label),
// then relax its edges in ascending neighbour order. The distance table sits beside the graph.
import { roleColor } from '../emphasis/roles.ts';
import { count, GROUPED_SPEED, playInGroups, splitBefore } from '../step-groups.ts';
import { defineTemplate } from '../types.ts';
import { adjacency, compareLabels, type Graph } from './graph-model.ts';
import { extractShortestPath, shortestPathParams, type ShortestPathParams } from './graph-params.ts';
import { GraphScene, PANEL_X } from './graph-scene.ts';
import { formatNumber } from './algo-scene.ts';

export type DijkstraStep =
  | { kind: 'settle'; node: string; dist: number }
  | { kind: 'relax'; edge: number; from: string; to: string; weight: number; old: number; candidate: number; better: boolean; oldEdge: number | undefined }
  | { kind: 'skip'; edge: number; from: string; to: string };

export interface DijkstraResult {
  dist: Map<string, number>;
  prev: Map<string, { node: string; edge: number }>;
  steps: DijkstraStep[];
}

export function dijkstra(g: Graph, start: string): DijkstraResult {
  const adj = adjacency(g);
  const dist = new Map(g.nodes.map((n) => [n, Infinity]));
  const prev = new Map<string, { node: string; edge: number }>();
  const settled = new Set<string>();
  const steps: DijkstraStep[] = [];
  dist.set(start, 0);
  for (;;) {
    let u: string | undefined;
    for (const n of [...g.nodes].sort(compareLabels)) if (!settled.has(n) && dist.get(n)! < Infinity && (u === undefined || dist.get(n)! < dist.get(u)!)) u = n;
    if (u === undefined) break;
    settled.add(u);
    steps.push({ kind: 'settle', node: u, dist: dist.get(u)! });
    for (const { node: v, edge, weight } of adj.get(u) ?? []) {
      if (settled.has(v)) {
        steps.push({ kind: 'skip', edge, from: u, to: v });
        continue;
      }
      const w = weight ?? 1;
      const old = dist.get(v)!;
      const candidate = dist.get(u)! + w;
      const better = candidate < old;
      steps.push({ kind: 'relax', edge, from: u, to: v, weight: w, old, candidate, better, oldEdge: prev.get(v)?.edge });
      if (better) {
        dist.set(v, candidate);
        prev.set(v, { node: u, edge });
      }
    }
  }
  return { dist, prev, steps };
}

/** Nodes from start to end along the shortest-path tree; [] when end cannot be reached. */
export function pathTo(result: DijkstraResult, start: string, end: string): { nodes: string[]; edges: number[] } {
  if (result.dist.get(end) === Infinity) return { nodes: [], edges: [] };
  const nodes = [end];
  const edges: number[] = [];
  let at = end;
  while (at !== start) {
    const step = result.prev.get(at)!;
    edges.unshift(step.edge);
    nodes.unshift(step.node);
    at = step.node;
  }
  return { nodes, edges };
}

const distText = (d: number) => (d === Infinity ? '∞' : formatNumber(d));

export const graphDijkstra = defineTemplate<ShortestPathParams>({
  id: 'graph.dijkstra',
  title: "Dijkstra's shortest paths",
  category: 'algorithms',
  style: 'algorithmic',
  example: 'Dijkstra shortest path from A to E',
  params: shortestPathParams,
  vocabulary: ['dijkstra', 'shortest', 'path', 'weighted'],
  triggers: [
    { pattern: /\bdijkstra/, score: 0.97 },
    // "Shortest path to promotion" is prose: a graph needs endpoints or graph words nearby.
    { pattern: /\bshortest (path|route|distance)s?\b.*\b(from|between|graph|nodes?|vertex|vertices|edges?|weighted)\b|\b(graph|network)\b.*\bshortest (path|route|distance)/, score: 0.85 },
    { pattern: /\bshortest (path|route|distance)s?\b/, score: 0.4 },
    { pattern: /\b(cheapest|fastest|minimum cost) (path|route)\b/, score: 0.7 },
  ],
  extract(text, warnings) {
    for (const w of ['dijkstra', 'shortest', 'path']) if (text.normalized.includes(w)) text.used.add(w);
    return extractShortestPath(text, warnings);
  },
  facts(p) {
    const result = dijkstra(p, p.start);
    const distances = Object.fromEntries(p.nodes.map((n) => [n, result.dist.get(n) === Infinity ? null : result.dist.get(n)!]));
    if (p.end === null) return { distances };
    const d = result.dist.get(p.end)!;
    return { distances, path: pathTo(result, p.start, p.end).nodes, distance: d === Infinity ? null : d };
  },
  compose(p) {
    const result = dijkstra(p, p.start);
    const { steps } = result;
    let settledCount = 0;
    let relaxations = 0;
    const counter = () => `settled ${settledCount}/${p.nodes.length}   edges relaxed ${relaxations}`;
    const scene = new GraphScene("Dijkstra's algorithm", p, p.start, counter());
    const tl = scene.tl;
    const labels = [...p.nodes].sort(compareLabels);
    const width = Math.max(4, ...labels.map((l) => l.length));
    const row = (label: string, d: number, via: string) => `${label.padEnd(width)} ${distText(d).padStart(5)}   ${via}`;
    const gap = Math.min(0.42, 4.6 / labels.length);
    scene.panelText('tableHead', `${'node'.padEnd(width)} ${'dist'.padStart(5)}   via`, 2.2, { size: 0.32, color: '$muted', wrap: false });
    const rowId = new Map(labels.map((l, i) => [l, `row${i}`]));
    labels.forEach((l, i) => scene.panelText(rowId.get(l)!, row(l, l === p.start ? 0 : Infinity, '—'), 1.7 - i * gap, { size: 0.32, wrap: false }));
    scene.add({
      id: 'tableRule',
      type: 'line',
      points: [
        [PANEL_X, 1.97],
        [PANEL_X + 4.6, 1.97],
      ],
      color: '$grid',
      width: 0.03,
    });
    scene.stateLegend(
      [
        ['current', 'settling'],
        ['done', 'settled'],
      ],
      -3.2,
      { tree: 'shortest-path tree', ...(p.end !== null ? { path: `path to ${p.end}` } : {}), order: 'settle order' },
    );
    const k = Math.min(1, 70 / Math.max(1, steps.length * 0.9));

    scene.intro(`Dijkstra from ${p.start}${p.end ? ` to ${p.end}` : ''}: always settle the closest unsettled node, then relax its edges.`, 1.6);
    scene.showGraph();
    for (const id of ['tableHead', 'tableRule', ...rowId.values()]) tl.appear(id, 0.4);
    tl.wait(0.6);
    scene.step(`dist(${p.start}) = 0; every other node starts at ∞.`, 1.1, [scene.nodeId(p.start)]);
    tl.wait(1.1);
    const current = new Map(p.nodes.map((n) => [n, n === p.start ? 0 : Infinity]));
    let last: string | undefined;
    // Grouped rounds play faster: their summary, not each sentence, is what is read.
    let pace = 1;
    const play = (step: DijkstraStep) => {
      if (step.kind === 'settle') {
        if (last) scene.setState(last, 'done');
        last = step.node;
        settledCount++;
        scene.setState(step.node, 'current');
        scene.badge(step.node, settledCount);
        tl.add({ type: 'tween', target: rowId.get(step.node)!, property: 'color', to: roleColor('done'), start: tl.t, duration: 0.3 });
        scene.counter(counter()).step(`Settle ${step.node}: the smallest tentative distance, ${distText(step.dist)}.`, 1 * k * pace, [scene.nodeId(step.node)]);
        tl.wait(1 * k * pace);
      } else if (step.kind === 'skip') {
        scene.flashEdge(step.edge, 0.5 * k * pace);
        scene.step(`${step.from} → ${step.to}: ${step.to} is already settled.`, 0.6 * k * pace, [scene.nodeId(step.from), scene.nodeId(step.to)]);
        tl.wait(0.6 * k * pace);
      } else {
        relaxations++;
        scene.counter(counter());
        scene.flashEdge(step.edge, 0.8 * k * pace);
        const sum = `${distText(current.get(step.from)!)} + ${formatNumber(step.weight)} = ${formatNumber(step.candidate)}`;
        if (step.better) {
          current.set(step.to, step.candidate);
          scene.step(`${step.from} → ${step.to}: ${sum} < ${distText(step.old)}, so dist(${step.to}) = ${formatNumber(step.candidate)} via ${step.from}.`, 0.9 * k * pace, [
            scene.nodeId(step.from),
            scene.nodeId(step.to),
            rowId.get(step.to)!,
          ]);
          tl.setText(rowId.get(step.to)!, row(step.to, step.candidate, step.from));
          tl.add({ type: 'highlight', target: rowId.get(step.to)!, at: tl.t, duration: 0.8 * k * pace, color: roleColor('current') });
          if (step.oldEdge !== undefined) scene.markEdge(step.oldEdge, '$muted', 0.05);
          scene.markEdge(step.edge, roleColor('tree'), 0.09, tl.t + 0.8 * k * pace);
        } else {
          scene.step(`${step.from} → ${step.to}: ${sum} ≥ ${distText(step.old)}, keep ${distText(step.old)}.`, 0.9 * k * pace, [scene.nodeId(step.from), scene.nodeId(step.to)]);
        }
        tl.wait(0.9 * k * pace);
      }
    };
    // The first nodes one sentence per edge, then each later settle and its edges under one summary.
    playInGroups(
      tl,
      splitBefore(steps, (s) => s.kind === 'settle'),
      {
        narrated: () => true,
        summary: (rest, _round, partial) => {
          const settle = rest.find((s) => s.kind === 'settle');
          const better = rest.filter((s) => s.kind === 'relax' && s.better).length;
          const edges = rest.filter((s) => s.kind !== 'settle').length;
          return `${settle && settle.kind === 'settle' ? `Settle ${settle.node} at ${distText(settle.dist)}` : partial ? 'Then' : 'Next'}: ${count(edges, 'edges')} checked, ${count(better, 'distances')} improved.`;
        },
        play,
        refs: (rest) => rest.flatMap((s) => (s.kind === 'settle' ? [scene.nodeId(s.node)] : [])),
        speed: (grouped) => {
          pace = grouped ? GROUPED_SPEED : 1;
        },
      },
    );
    if (last) scene.setState(last, 'done');
    const unreached = p.nodes.filter((n) => result.dist.get(n) === Infinity);
    if (unreached.length > 0) {
      scene.step(
        `${unreached.join(', ')} cannot be reached from ${p.start}: distance ∞.`,
        1.4,
        unreached.map((u) => scene.nodeId(u)),
      );
      tl.wait(1.4);
    }
    if (p.end !== null) {
      const path = pathTo(result, p.start, p.end);
      for (const e of path.edges) scene.markEdge(e, roleColor('path'), 0.13);
      const d = result.dist.get(p.end)!;
      const text = path.nodes.length ? `shortest path ${path.nodes.join(' → ')}, length ${distText(d)}` : `${p.end} cannot be reached from ${p.start}`;
      return scene.finish(text, `${text[0]!.toUpperCase()}${text.slice(1)}.`, 3);
    }
    const all = labels.map((l) => `${l} ${distText(result.dist.get(l)!)}`).join(', ');
    const line = `distances from ${p.start}: ${all}`;
    return scene.finish(line.length <= 70 ? line : `shortest distances from ${p.start}: see the table`, `Shortest distances from ${p.start}: ${all}.`, 3);
  },
});
