// graph.bellman_ford: shortest paths that may use negative weights. Relax every edge, in the order written,
// round after round (at most n − 1 rounds; it stops early once a round changes nothing). If a further round
// would still improve a distance, a negative cycle is reachable and no shortest paths exist.
import { z } from 'zod';
import type { ParsedText } from '../../text/parse.ts';
import { roleColor } from '../emphasis/roles.ts';
import { count, GROUPED_SPEED, playInGroups } from '../step-groups.ts';
import { defineTemplate } from '../types.ts';
import { compareLabels, graphEdge, graphProblems, isDirected, MAX_GRAPH_EDGES, MAX_GRAPH_NODES, nodeLabel, type Graph } from './graph-model.ts';
import { findStart, markGraphUsed, parseGraph } from './graph-parse.ts';
import { GraphScene, PANEL_X } from './graph-scene.ts';
import { formatNumber } from './algo-scene.ts';

/** CLRS (3rd ed.) figure 24.4: a directed graph with negative edges and no negative cycle. */
export const DEFAULT_BF = {
  nodes: ['S', 'T', 'X', 'Y', 'Z'],
  edges: [
    { from: 'S', to: 'T', weight: 6 },
    { from: 'S', to: 'Y', weight: 7 },
    { from: 'T', to: 'X', weight: 5 },
    { from: 'T', to: 'Y', weight: 8 },
    { from: 'T', to: 'Z', weight: -4 },
    { from: 'X', to: 'T', weight: -2 },
    { from: 'Y', to: 'X', weight: -3 },
    { from: 'Y', to: 'Z', weight: 9 },
    { from: 'Z', to: 'S', weight: 2 },
    { from: 'Z', to: 'X', weight: 7 },
  ],
};

export const bellmanFordParams = z
  .object({
    nodes: z.array(nodeLabel).min(1).max(MAX_GRAPH_NODES).default(DEFAULT_BF.nodes),
    edges: z.array(graphEdge).max(MAX_GRAPH_EDGES).default(DEFAULT_BF.edges),
    directed: z.boolean().default(true),
    start: nodeLabel.default('S'),
  })
  .superRefine((g, ctx) => {
    for (const message of graphProblems(g)) ctx.addIssue({ code: 'custom', message });
    for (const e of g.edges) if (e.weight === undefined) ctx.addIssue({ code: 'custom', path: ['edges'], message: `edge ${e.from}-${e.to} needs a weight` });
  });
export type BellmanFordParams = z.infer<typeof bellmanFordParams>;

interface Arc {
  edge: number;
  from: string;
  to: string;
  weight: number;
}

export type BfStep = { kind: 'round'; round: number } | { kind: 'relax'; round: number; arc: Arc; old: number; candidate: number; better: boolean };

/** Every edge as the arcs it allows, in the order written (an undirected edge both ways). */
function arcs(g: Graph): Arc[] {
  return g.edges.flatMap((e, edge) => {
    const w = e.weight ?? 1;
    const there = { edge, from: e.from, to: e.to, weight: w };
    return isDirected(g, e) ? [there] : [there, { edge, from: e.to, to: e.from, weight: w }];
  });
}

export function bellmanFord(g: BellmanFordParams): { dist: Map<string, number>; rounds: number; negativeCycle: boolean; steps: BfStep[]; improvable: Arc[] } {
  const dist = new Map(g.nodes.map((n) => [n, n === g.start ? 0 : Infinity]));
  const all = arcs(g);
  const steps: BfStep[] = [];
  let rounds = 0;
  for (let round = 1; round < g.nodes.length; round++) {
    rounds = round;
    steps.push({ kind: 'round', round });
    let changed = false;
    for (const arc of all) {
      const from = dist.get(arc.from)!;
      // An edge out of a node not reached yet tells nothing (∞ + w is still ∞).
      if (from === Infinity) continue;
      const old = dist.get(arc.to)!;
      const candidate = from + arc.weight;
      const better = candidate < old;
      steps.push({ kind: 'relax', round, arc, old, candidate, better });
      if (better) {
        dist.set(arc.to, candidate);
        changed = true;
      }
    }
    if (!changed) break;
  }
  // One more look: an edge that still improves a distance lies on (or after) a negative cycle.
  const improvable = all.filter((a) => dist.get(a.from)! !== Infinity && dist.get(a.from)! + a.weight < dist.get(a.to)!);
  return { dist, rounds, negativeCycle: improvable.length > 0, steps, improvable };
}

function extractBellmanFord(text: ParsedText, warnings: string[]): Partial<BellmanFordParams> {
  for (const w of ['bellman', 'ford', 'negative']) if (text.normalized.includes(w)) text.used.add(w);
  // "Bellman-Ford" is the name, not an edge between nodes Bellman and Ford.
  const parsed = parseGraph(text.original.replace(/\bbellman\s*[-–—]?\s*ford\b/gi, ' '), warnings);
  if (!parsed) {
    const start = findStart(text.original, DEFAULT_BF.nodes);
    return start ? { start } : {};
  }
  markGraphUsed(text, parsed);
  const missing = parsed.edges.filter((e) => e.weight === undefined).length;
  if (missing > 0) warnings.push(`${missing} edge(s) had no weight: they count as 1 (write "A->B -2" to weight an edge)`);
  const plainNegative = parsed.edges.filter((e) => !(e.directed ?? parsed.directed) && (e.weight ?? 1) < 0);
  if (plainNegative.length > 0) warnings.push(`${plainNegative[0]!.from}-${plainNegative[0]!.to} is undirected with a negative weight: going there and back is a negative cycle by itself (write "A->B" for one way)`);
  const start = findStart(text.original, parsed.nodes) ?? (parsed.nodes.includes('S') ? 'S' : parsed.nodes.includes('A') ? 'A' : parsed.nodes[0]!);
  return { nodes: parsed.nodes, edges: parsed.edges.map((e) => ({ ...e, weight: e.weight ?? 1 })), directed: parsed.directed, start };
}

const distText = (d: number) => (d === Infinity ? '∞' : formatNumber(d));

export const graphBellmanFord = defineTemplate<BellmanFordParams>({
  id: 'graph.bellman_ford',
  title: 'Bellman–Ford shortest paths',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'Bellman-Ford from S on S->T 6, S->Y 7, T->X 5, T->Y 8, T->Z -4, X->T -2, Y->X -3, Y->Z 9, Z->S 2, Z->X 7',
  params: bellmanFordParams,
  vocabulary: ['bellman', 'ford', 'negative', 'relaxation'],
  triggers: [
    // Above Dijkstra's name (0.97): a text naming both is about why Bellman–Ford is needed.
    { pattern: /\bbellman ?ford\b|\bbellman\b/, score: 0.98 },
    // Above Dijkstra's shortest-path phrase (0.85): negative weights are what Dijkstra cannot take.
    { pattern: /\bshortest (path|paths|distance)s?\b.*\bnegative (edge )?(weights?|edges?|costs?)\b|\bnegative (edge )?(weights?|edges?)\b.*\bshortest/, score: 0.9 },
    { pattern: /\bnegative (weight )?cycle (detection|check)\b|\bdetect(ing)? (a )?negative cycles?\b/, score: 0.8 },
  ],
  extract: extractBellmanFord,
  facts(p) {
    const { dist, rounds, negativeCycle } = bellmanFord(p);
    return {
      distances: Object.fromEntries(p.nodes.map((n) => [n, dist.get(n) === Infinity ? null : dist.get(n)!])),
      rounds,
      negative_cycle: negativeCycle,
    };
  },
  compose(p) {
    const { steps, rounds, negativeCycle, improvable, dist } = bellmanFord(p);
    let relaxed = 0;
    let round = 0;
    const counter = () => `round ${round}/${p.nodes.length - 1}   edges relaxed ${relaxed}`;
    const scene = new GraphScene('Bellman–Ford', p, p.start, counter());
    const tl = scene.tl;
    const labels = [...p.nodes].sort(compareLabels);
    const width = Math.max(4, ...labels.map((l) => l.length));
    const row = (label: string, d: number) => `${label.padEnd(width)} ${distText(d).padStart(5)}`;
    const gap = Math.min(0.42, 4.4 / labels.length);
    scene.panelText('tableHead', `${'node'.padEnd(width)} ${'dist'.padStart(5)}`, 2.2, { size: 0.32, color: '$muted', wrap: false });
    const rowId = new Map(labels.map((l, i) => [l, `row${i}`]));
    labels.forEach((l, i) => scene.panelText(rowId.get(l)!, row(l, l === p.start ? 0 : Infinity), 1.7 - i * gap, { size: 0.32, wrap: false }));
    scene.add({
      id: 'tableRule',
      type: 'line',
      points: [
        [PANEL_X, 1.97],
        [PANEL_X + 3, 1.97],
      ],
      color: '$grid',
      width: 0.03,
    });
    scene.stateLegend([['current', 'improved']], -3.2);
    const relaxCount = steps.filter((s) => s.kind === 'relax').length;
    const k = Math.min(1, 60 / Math.max(1, relaxCount * 0.9 + rounds));
    let pace = 1;

    const play = (s: BfStep) => {
      tl.hold();
      if (s.kind === 'round') {
        round = s.round;
        scene.counter(counter());
        return;
      }
      relaxed++;
      scene.counter(counter());
      const dur = 0.9 * k * pace;
      scene.flashEdge(s.arc.edge, dur * 0.8);
      const w = s.arc.weight < 0 ? `(${formatNumber(s.arc.weight)})` : formatNumber(s.arc.weight);
      const sum = `${distText(s.candidate - s.arc.weight)} + ${w} = ${formatNumber(s.candidate)}`;
      const refs = [scene.nodeId(s.arc.from), scene.nodeId(s.arc.to), ...(s.better ? [rowId.get(s.arc.to)!] : [])];
      scene.step(s.better ? `${s.arc.from} → ${s.arc.to}: ${sum} < ${distText(s.old)}, so dist(${s.arc.to}) = ${formatNumber(s.candidate)}.` : `${s.arc.from} → ${s.arc.to}: ${sum} ≥ ${distText(s.old)}, keep it.`, dur, refs);
      if (s.better) {
        tl.setText(rowId.get(s.arc.to)!, row(s.arc.to, s.candidate));
        tl.add({ type: 'highlight', target: rowId.get(s.arc.to)!, at: tl.t, duration: dur * 0.8, color: roleColor('current') });
        tl.add({ type: 'highlight', target: scene.nodeId(s.arc.to), at: tl.t, duration: dur * 0.8, color: roleColor('current') });
      }
      tl.wait(dur);
    };

    scene.intro(`Bellman–Ford from ${p.start}: relax every edge, round after round; negative weights are allowed.`, 1.6);
    scene.showGraph();
    for (const id of ['tableHead', 'tableRule', ...rowId.values()]) tl.appear(id, 0.4);
    tl.wait(0.6);
    scene.step(`dist(${p.start}) = 0, every other node ∞. At most ${p.nodes.length - 1} rounds are needed for ${p.nodes.length} nodes.`, 1.4, [scene.nodeId(p.start), rowId.get(p.start)!]);
    tl.wait(1.4);
    // Rounds: the first relaxations one sentence each, then each round under one summary.
    const byRound = Array.from({ length: rounds }, (_, r) => steps.filter((s) => s.round === r + 1));
    playInGroups(tl, byRound, {
      narrated: (s) => s.kind === 'relax',
      detail: 6,
      play,
      speed: (grouped) => {
        pace = grouped ? GROUPED_SPEED : 1;
      },
      // A round is "the rest of" only when some of its relaxations were told one by one.
      summary: (rest, r) => {
        const better = rest.filter((s) => s.kind === 'relax' && s.better).length;
        const tried = rest.filter((s) => s.kind === 'relax').length;
        const partial = tried < byRound[r - 1]!.filter((s) => s.kind === 'relax').length;
        return `${partial ? `The rest of round ${r}` : `Round ${r}`}: ${count(tried, 'edges')} relaxed, ${count(better, 'distances')} improved.`;
      },
      refs: (rest) => [...new Set(rest.flatMap((s) => (s.kind === 'relax' && s.better ? [rowId.get(s.arc.to)!] : [])))],
    });
    const lastRound = byRound.at(-1) ?? [];
    const changedLast = lastRound.some((s) => s.kind === 'relax' && s.better);
    if (!changedLast && !negativeCycle) {
      scene.step(`Round ${rounds} changed nothing, so the distances are final.`, 1.3, [...rowId.values()]);
      tl.wait(1.3);
    }
    if (negativeCycle) {
      const a = improvable[0]!;
      scene.flashEdge(a.edge, 1.5);
      scene.step(`One more round would still improve ${a.to} via ${a.from} → ${a.to}: a negative cycle, so no shortest paths exist.`, 2, [scene.nodeId(a.from), scene.nodeId(a.to)]);
      tl.wait(2);
      return scene.finish('negative cycle reachable: no shortest paths', `A negative cycle is reachable from ${p.start}: going round it again always makes a path shorter.`, 3);
    }
    if (changedLast) {
      scene.step(`A check round improves nothing: no negative cycle, the distances are final.`, 1.4, [...rowId.values()]);
      tl.wait(1.4);
    }
    const all = labels.map((l) => `${l} ${distText(dist.get(l)!)}`).join(', ');
    const line = `distances from ${p.start}: ${all}`;
    return scene.finish(line.length <= 70 ? line : `shortest distances from ${p.start}: see the table`, `Shortest distances from ${p.start}: ${all}.`, 3);
  },
});
