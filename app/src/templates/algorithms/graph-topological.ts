// graph.topological_sort: Kahn's algorithm on a directed graph. Count each node's incoming edges; repeatedly
// take the ready node (no incoming edges left) with the lowest label, write it down and remove its outgoing
// edges. Every node written down: a topological order. Nodes left over: they lie on a cycle, and none exists.
import { z } from 'zod';
import type { ParsedText } from '../../text/parse.ts';
import { roleColor } from '../emphasis/roles.ts';
import { count, GROUPED_SPEED, playInGroups, splitBefore } from '../step-groups.ts';
import { defineTemplate } from '../types.ts';
import { compareLabels, graphEdge, MAX_GRAPH_EDGES, MAX_GRAPH_NODES, nodeLabel, type Graph } from './graph-model.ts';
import { markGraphUsed, parseGraph } from './graph-parse.ts';
import { GraphScene } from './graph-scene.ts';

/** A small course-style DAG with two sources and a node with three prerequisites. */
export const DEFAULT_DAG = {
  nodes: ['A', 'B', 'C', 'D', 'E', 'F'],
  edges: [
    { from: 'A', to: 'C' },
    { from: 'B', to: 'C' },
    { from: 'B', to: 'D' },
    { from: 'C', to: 'E' },
    { from: 'D', to: 'E' },
    { from: 'D', to: 'F' },
    { from: 'E', to: 'F' },
  ],
};

export const topoParams = z
  .object({
    nodes: z.array(nodeLabel).min(1).max(MAX_GRAPH_NODES).default(DEFAULT_DAG.nodes),
    /** Every edge points from → to ("from comes before to"). */
    edges: z.array(graphEdge).max(MAX_GRAPH_EDGES).default(DEFAULT_DAG.edges),
  })
  .superRefine((g, ctx) => {
    const nodes = new Set(g.nodes);
    if (nodes.size !== g.nodes.length) ctx.addIssue({ code: 'custom', path: ['nodes'], message: 'nodes repeat' });
    for (const e of g.edges) for (const end of [e.from, e.to]) if (!nodes.has(end)) ctx.addIssue({ code: 'custom', path: ['edges'], message: `edge ${e.from}->${e.to}: ${end} is not a node` });
  });
export type TopoParams = z.infer<typeof topoParams>;

export type TopoStep = { kind: 'take'; node: string; ready: string[] } | { kind: 'remove'; edge: number; from: string; to: string; left: number; nowReady: boolean };

export function kahn(p: TopoParams): { order: string[]; cycle: string[]; indegree: Map<string, number>; steps: TopoStep[] } {
  const indegree = new Map(p.nodes.map((n) => [n, 0]));
  for (const e of p.edges) indegree.set(e.to, indegree.get(e.to)! + 1);
  const initial = new Map(indegree);
  const out = new Map<string, { to: string; edge: number }[]>(p.nodes.map((n) => [n, []]));
  p.edges.forEach((e, edge) => out.get(e.from)!.push({ to: e.to, edge }));
  for (const list of out.values()) list.sort((a, b) => compareLabels(a.to, b.to) || a.edge - b.edge);
  const ready = p.nodes.filter((n) => indegree.get(n) === 0).sort(compareLabels);
  const order: string[] = [];
  const steps: TopoStep[] = [];
  while (ready.length > 0) {
    // The lowest label among the ready nodes: one answer of the many, the same every time.
    const u = ready.shift()!;
    order.push(u);
    steps.push({ kind: 'take', node: u, ready: [...ready] });
    for (const { to, edge } of out.get(u)!) {
      const left = indegree.get(to)! - 1;
      indegree.set(to, left);
      steps.push({ kind: 'remove', edge, from: u, to, left, nowReady: left === 0 });
      if (left === 0) {
        ready.push(to);
        ready.sort(compareLabels);
      }
    }
  }
  const cycle = p.nodes.filter((n) => !order.includes(n)).sort(compareLabels);
  return { order, cycle, indegree: initial, steps };
}

function extractTopo(text: ParsedText, warnings: string[]): Partial<TopoParams> {
  for (const w of ['topological', 'topo', 'kahn', 'sort']) if (text.normalized.includes(w)) text.used.add(w);
  const parsed = parseGraph(text.original, warnings);
  if (!parsed) return {};
  markGraphUsed(text, parsed);
  const plain = parsed.edges.filter((e) => !(e.directed ?? parsed.directed)).length;
  if (plain > 0) warnings.push(`${plain} edge(s) had no arrow: a topological sort needs directions, so each is read from left to right (write "A->B" for "A before B")`);
  if (parsed.edges.some((e) => e.weight !== undefined)) warnings.push('edge weights play no part in a topological sort and were left out');
  return { nodes: parsed.nodes, edges: parsed.edges.map(({ from, to }) => ({ from, to })) };
}

export const graphTopologicalSort = defineTemplate<TopoParams>({
  id: 'graph.topological_sort',
  title: 'Topological sort',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'Topological sort of A->C, B->C, B->D, C->E, D->E, D->F, E->F',
  params: topoParams,
  vocabulary: ['topological', 'topo', 'kahn', 'dag', 'acyclic', 'prerequisites'],
  triggers: [
    { pattern: /\btopo(logical)? ?(sort|order)/, score: 0.95 },
    { pattern: /\bkahns? (s )?algorithm\b/, score: 0.9 },
    { pattern: /\b(dag|directed acyclic graph)\b.*\b(order|sort|schedul\w*)\b|\b(order|sort|schedul\w*)\b.*\b(dag|directed acyclic graph)\b/, score: 0.8 },
    { pattern: /\bdependency (order|resolution|graph)\b/, score: 0.6 },
  ],
  extract: extractTopo,
  facts(p) {
    const { order, cycle } = kahn(p);
    return { order, has_cycle: cycle.length > 0, ...(cycle.length ? { unordered: cycle } : {}) };
  },
  compose(p) {
    const { order, cycle, indegree, steps } = kahn(p);
    const graph: Graph = { nodes: p.nodes, edges: p.edges.map(({ from, to }) => ({ from, to })), directed: true };
    const first = [...p.nodes].sort(compareLabels).find((n) => indegree.get(n) === 0) ?? p.nodes[0]!;
    let taken = 0;
    let removed = 0;
    const counter = () => `ordered ${taken}/${p.nodes.length}   edges removed ${removed}`;
    const scene = new GraphScene('Topological sort (Kahn)', graph, first, counter());
    const tl = scene.tl;
    const labels = [...p.nodes].sort(compareLabels);
    const width = Math.max(4, ...labels.map((l) => l.length));
    const perRow = labels.length > 6 ? 2 : 1;
    const cell = (l: string, d: number) => `${l.padEnd(width)} ${String(d).padStart(2)}`;
    scene.panelText('degHead', perRow === 2 ? `${'node'.padEnd(width)} in   ${'node'.padEnd(width)} in` : `${'node'.padEnd(width)} in`, 2.3, { size: 0.3, color: '$muted', wrap: false });
    const rowOf = (i: number) => Math.floor(i / perRow);
    const gap = 0.4;
    const degId = new Map(labels.map((l, i) => [l, `deg${i}`]));
    labels.forEach((l, i) => {
      const o = scene.panelText(degId.get(l)!, cell(l, indegree.get(l)!), 1.85 - rowOf(i) * gap, { size: 0.3, wrap: false });
      if (i % perRow === 1) o.x = (o.x ?? 0) + 2.6;
    });
    const below = 1.85 - (rowOf(labels.length - 1) + 1) * gap - 0.25;
    scene.panelText('readyHead', 'ready (no incoming edges)', below, { size: 0.3, color: '$muted' });
    scene.panelText('ready', '', below - 0.42, { size: 0.32, weight: 600 });
    scene.panelText('orderHead', 'order', below - 1.0, { size: 0.3, color: '$muted' });
    scene.panelText('order', '—', below - 1.42, { size: 0.32, weight: 600 });
    scene.stateLegend(
      [
        ['frontier', 'ready'],
        ['current', 'taken'],
        ['done', 'ordered'],
      ],
      -3.2,
      { order: 'position' },
    );
    const degree = new Map(indegree);
    const ready = labels.filter((l) => indegree.get(l) === 0);
    const readyText = () => (ready.length ? ready.join(', ') : 'none');
    const k = Math.min(1, 60 / Math.max(1, steps.length * 0.9));

    scene.intro("Kahn's algorithm: take a node with no incoming edges, write it down, remove its edges; repeat.", 1.6);
    scene.showGraph();
    for (const id of ['degHead', ...degId.values(), 'readyHead', 'ready', 'orderHead', 'order']) tl.appear(id, 0.4);
    tl.wait(0.6);
    for (const l of ready) scene.setState(l, 'frontier');
    scene.setPanelText('ready', readyText(), below - 0.42, 0.32);
    scene.step(
      ready.length ? `Count incoming edges: ${ready.join(', ')} ${ready.length === 1 ? 'has' : 'have'} none, so ${ready.length === 1 ? 'it is' : 'they are'} ready.` : 'Count incoming edges: every node has one, so none is ready.',
      1.4,
      [...ready.map((l) => scene.nodeId(l)), ...[...degId.values()]],
    );
    tl.wait(1.4);
    let pace = 1;
    let last: string | undefined;
    const play = (step: TopoStep) => {
      // The last sentence is read before this step's colours change.
      tl.hold();
      if (step.kind === 'take') {
        if (last) scene.setState(last, 'done');
        last = step.node;
        taken++;
        ready.splice(ready.indexOf(step.node), 1);
        scene.setState(step.node, 'current');
        scene.badge(step.node, taken);
        scene.setPanelText('ready', readyText(), below - 0.42, 0.32);
        scene.setPanelText('order', order.slice(0, taken).join(' → '), below - 1.42, 0.32);
        const others = step.ready.length ? ` (ready: ${step.ready.join(', ')}; lowest label first)` : '';
        scene.counter(counter()).step(`Take ${step.node}: position ${taken}${others}.`, 1 * k * pace, [scene.nodeId(step.node)]);
        tl.wait(1 * k * pace);
      } else {
        removed++;
        degree.set(step.to, step.left);
        scene.counter(counter());
        scene.flashEdge(step.edge, 0.7 * k * pace);
        scene.step(step.nowReady ? `Remove ${step.from} → ${step.to}: ${step.to} has no incoming edges left, it is ready.` : `Remove ${step.from} → ${step.to}: ${step.to} still has ${count(step.left, 'incoming edges')}.`, 0.9 * k * pace, [
          scene.nodeId(step.from),
          scene.nodeId(step.to),
          degId.get(step.to)!,
        ]);
        tl.setText(degId.get(step.to)!, cell(step.to, step.left));
        tl.add({ type: 'highlight', target: degId.get(step.to)!, at: tl.t, duration: 0.7 * k * pace, color: roleColor('current') });
        // A removed edge fades, once its flash is over.
        tl.add({ type: 'tween', target: scene.edgeId(step.edge), property: 'opacity', to: 0.15, start: tl.t + 0.7 * k * pace, duration: 0.3 });
        if (step.nowReady) {
          ready.push(step.to);
          ready.sort(compareLabels);
          scene.setState(step.to, 'frontier');
          scene.setPanelText('ready', readyText(), below - 0.42, 0.32);
        }
        tl.wait(0.9 * k * pace);
      }
    };
    playInGroups(
      tl,
      splitBefore(steps, (s) => s.kind === 'take'),
      {
        narrated: () => true,
        summary: (rest, _round, partial) => {
          const take = rest.find((s) => s.kind === 'take');
          const freed = rest.filter((s) => s.kind === 'remove' && s.nowReady).map((s) => (s.kind === 'remove' ? s.to : ''));
          const edges = rest.filter((s) => s.kind === 'remove').length;
          const head = take && take.kind === 'take' ? `Take ${take.node}` : partial ? 'Then' : 'Next';
          return `${head}: ${count(edges, 'edges')} removed${freed.length ? `, ${freed.join(', ')} now ready` : ''}.`;
        },
        play,
        refs: (rest) => [...new Set(rest.flatMap((s) => (s.kind === 'take' ? [s.node] : [s.to])))].map((n) => scene.nodeId(n)),
        speed: (grouped) => {
          pace = grouped ? GROUPED_SPEED : 1;
        },
      },
    );
    if (last) scene.setState(last, 'done');
    if (cycle.length > 0) {
      scene.step(
        `Nothing is ready, yet ${cycle.join(', ')} still ${cycle.length === 1 ? 'has' : 'have'} incoming edges: a cycle blocks them, so no order exists.`,
        2,
        cycle.map((c) => scene.nodeId(c)),
      );
      tl.wait(2);
      return scene.finish(`no topological order: the graph has a cycle`, `The graph has a cycle, so it is not a DAG: ${count(cycle.length, 'nodes')} cannot be ordered.`, 3);
    }
    const line = `topological order: ${order.join(' → ')}`;
    return scene.finish(line.length <= 70 ? line : 'topological order: see the panel', `Every edge points forward in ${order.join(', ')}: a topological order.`, 3);
  },
});
