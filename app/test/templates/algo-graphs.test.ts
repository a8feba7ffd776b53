// Graph templates: parsing "A-B 4, B-C, A->D", traversal orders against a plain reference, shortest
// paths against Floyd–Warshall, and descriptions that must not be taken for graphs.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { parseGraph } from '../../src/templates/algorithms/graph-parse.ts';
import { bfs } from '../../src/templates/algorithms/graph-bfs.ts';
import { dfs } from '../../src/templates/algorithms/graph-dfs.ts';
import { dijkstra, pathTo } from '../../src/templates/algorithms/graph-dijkstra.ts';
import type { Graph } from '../../src/templates/algorithms/graph-model.ts';

/** Neighbours of u by scanning every edge, sorted by label (numbers by value). */
function neighbours(g: Graph, u: string): { v: string; w: number }[] {
  const out: { v: string; w: number }[] = [];
  for (const e of g.edges) {
    const directed = e.directed ?? g.directed;
    if (e.from === u) out.push({ v: e.to, w: e.weight ?? 1 });
    else if (!directed && e.to === u) out.push({ v: e.from, w: e.weight ?? 1 });
  }
  const key = (s: string) => (/^\d+$/.test(s) ? s.padStart(8, '0') : s);
  return out.sort((a, b) => (key(a.v) < key(b.v) ? -1 : key(a.v) > key(b.v) ? 1 : 0));
}

function referenceBfs(g: Graph, s: string): string[] {
  const order: string[] = [];
  const seen = new Set([s]);
  for (let frontier = [s]; frontier.length;) {
    const next: string[] = [];
    for (const u of frontier) {
      order.push(u);
      for (const { v } of neighbours(g, u)) {
        if (seen.has(v)) continue;
        seen.add(v);
        next.push(v);
      }
    }
    frontier = next;
  }
  return order;
}

function referenceDfs(g: Graph, s: string): string[] {
  const order: string[] = [];
  const go = (u: string) => {
    order.push(u);
    for (const { v } of neighbours(g, u)) if (!order.includes(v)) go(v);
  };
  go(s);
  return order;
}

function floydWarshall(g: Graph): Map<string, Map<string, number>> {
  const d = new Map(g.nodes.map((a) => [a, new Map(g.nodes.map((b) => [b, a === b ? 0 : Infinity]))]));
  for (const u of g.nodes) for (const { v, w } of neighbours(g, u)) d.get(u)!.set(v, Math.min(d.get(u)!.get(v)!, w));
  for (const k of g.nodes)
    for (const i of g.nodes)
      for (const j of g.nodes) {
        const via = d.get(i)!.get(k)! + d.get(k)!.get(j)!;
        if (via < d.get(i)!.get(j)!) d.get(i)!.set(j, via);
      }
  return d;
}

function randomGraphs(count: number): Graph[] {
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  return Array.from({ length: count }, (_, k) => {
    const n = 2 + Math.floor(next() * 9);
    const nodes = Array.from({ length: n }, (_, i) => String.fromCharCode(65 + i));
    const edges: Graph['edges'] = [];
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) if (next() < 0.4) edges.push(next() < 0.5 ? { from: nodes[i]!, to: nodes[j]!, weight: Math.floor(next() * 9) } : { from: nodes[j]!, to: nodes[i]!, weight: Math.floor(next() * 9) });
    return { nodes, edges, directed: k % 2 === 1 };
  });
}

test('graphs are parsed from text: weights optional, "->" directed, mixed graphs keep both kinds', (t) => {
  const w: string[] = [];
  t.deepEqual(parseGraph('A-B 4, B-C, A->D', w), {
    nodes: ['A', 'B', 'C', 'D'],
    edges: [
      { from: 'A', to: 'B', weight: 4 },
      { from: 'B', to: 'C' },
      { from: 'A', to: 'D', directed: true },
    ],
    directed: false,
    weighted: true,
  });
  t.like(parseGraph('S→A (7), A→T: 2, S->T weight 9', w), {
    directed: true,
    edges: [
      { from: 'S', to: 'A', weight: 7 },
      { from: 'A', to: 'T', weight: 2 },
      { from: 'S', to: 'T', weight: 9 },
    ],
  });
  t.deepEqual(parseGraph('path 1-2-3-4', w)?.edges, [
    { from: '1', to: '2' },
    { from: '2', to: '3' },
    { from: '3', to: '4' },
  ]);
  t.is(parseGraph('Breadth-first search on a graph starting at A', w), undefined);
  t.is(parseGraph('a step-by-step look at Depth-First search', w), undefined);
});

test('BFS and DFS orders match a plain reference on many graphs', (t) => {
  for (const g of randomGraphs(80)) {
    for (const start of g.nodes) {
      t.deepEqual(bfs(g, start).order, referenceBfs(g, start));
      t.deepEqual(dfs(g, start).order, referenceDfs(g, start));
    }
  }
  const g = {
    nodes: ['1', '2', '10', '3'],
    edges: [
      { from: '1', to: '10' },
      { from: '1', to: '2' },
      { from: '1', to: '3' },
    ],
    directed: false,
  };
  t.deepEqual(bfs(g, '1').order, ['1', '2', '3', '10'], 'numeric labels go in numeric order');
});

test("Dijkstra's distances and paths equal Floyd–Warshall's", (t) => {
  for (const g of randomGraphs(80)) {
    const all = floydWarshall(g);
    for (const start of g.nodes) {
      const r = dijkstra(g, start);
      for (const n of g.nodes) {
        t.is(r.dist.get(n), all.get(start)!.get(n));
        const path = pathTo(r, start, n);
        if (r.dist.get(n) === Infinity) t.deepEqual(path.nodes, []);
        else {
          t.is(path.nodes[0], start);
          t.is(path.nodes[path.nodes.length - 1], n);
          // The path's own length is the distance.
          const length = path.edges.reduce((s, e) => s + (g.edges[e]!.weight ?? 1), 0);
          t.is(length, r.dist.get(n)!);
        }
      }
    }
  }
});

test('descriptions people write reach the graph templates with the right graph, start and end', (t) => {
  const bfsText = analyze('BFS on A-B, B-C, A-D, D-C from A');
  t.is(bfsText.template, 'graph.bfs');
  t.deepEqual(bfsText.facts, { order: ['A', 'B', 'D', 'C'] });

  for (const text of ['Breadth-first search on a graph starting at A', 'How does BFS work starting from node A', 'breadth first traversal', 'bredth-first search from a']) {
    const a = analyze(text);
    t.is(a.template, 'graph.bfs', text);
    t.is(a.params.start, 'A', text);
    t.true((a.params.nodes as string[]).length >= 5, 'the default graph is listed in params');
  }
  t.is(analyze('depth first search from C').params.start, 'C');
  t.is(analyze('DFS on 1-2, 1-3, 2-4 starting at node 1').template, 'graph.dfs');
  t.deepEqual(analyze('DFS on 1-2, 1-3, 2-4 starting at node 1').facts, { order: ['1', '2', '4', '3'] });

  const d = analyze('dijkstras from A to C on A-B 4, B-C 1, A-C 7');
  t.is(d.template, 'graph.dijkstra');
  t.deepEqual(d.facts, { distances: { A: 0, B: 4, C: 5 }, path: ['A', 'B', 'C'], distance: 5 });
  const missing = analyze('dijkstras from A to E on A-B 4, B-C 1, A-C 7');
  t.is(missing.params.end, null);
  t.true(missing.warnings.some((w) => w.includes('E is not in the graph')));
  t.is(analyze('Find the shortest path from A to F').template, 'graph.dijkstra');
  t.is(analyze('djikstra shortest path from A to E').params.end, 'E');
});

test('Dijkstra refuses negative weights and counts missing ones as 1, saying so', (t) => {
  const a = analyze('dijkstra from A on A-B -3, B-C');
  t.deepEqual(a.params.edges, [
    { from: 'A', to: 'B', weight: 3 },
    { from: 'B', to: 'C', weight: 1 },
  ]);
  t.true(a.warnings.some((w) => w.includes('negative weight')));
  t.true(a.warnings.some((w) => w.includes('count as 1')));
});

test('big graphs are capped with a warning; a start that is not a node falls back with one', (t) => {
  const edges = Array.from({ length: 20 }, (_, i) => `N${i}-N${i + 1}`).join(', ');
  const a = analyze(`BFS on ${edges} from N0`);
  t.is((a.params.nodes as string[]).length, 12);
  t.true(a.warnings.some((w) => w.includes('21 nodes given')));
  const b = analyze('BFS on A-B, B-C from Z');
  t.is(b.params.start, 'A');
  t.true(b.warnings.some((w) => w.includes('Z is not in the graph')));
});

test('function plots, bar charts and prose are not taken for graph searches', (t) => {
  for (const text of ['Graph x^2 - 4 from -3 to 3', 'Quarterly revenue bar chart: Q1 120, Q2 150', 'graph of sin(x)', 'line graph of sales by month']) {
    t.false(analyze(text).template.startsWith('graph.'), text);
  }
});

test('graph scenes lay every node out inside the view and end with the facts', (t) => {
  for (const text of ['BFS on A-B, B-C, A-D, D-C from A', 'DFS from A', 'Dijkstra shortest path from A to E', `BFS on ${Array.from({ length: 11 }, (_, i) => `N${i}-N${i + 1}`).join(', ')} from N0`]) {
    const { scene, analysis } = sceneFromDescription(text, { width: 1280, height: 720, fps: 30 });
    for (const o of scene.objects.filter((o) => o.type === 'node')) {
      t.true(Math.abs(o.x) + 0.4 <= 8 && Math.abs(o.y) + 0.4 <= 4.5, `${o.id} at ${o.x},${o.y}`);
    }
    const last = (target: string) => (scene.timeline.filter((e) => e.type === 'set' && e.target === target && e.property === 'text').pop() as { value: string }).value;
    const order = analysis.facts.order as string[] | undefined;
    // The visit order is listed in the panel; the status line repeats it when it fits on one line.
    if (order) t.is(last('order'), order.join(' → '));
    else t.true(last('status').includes('shortest path A → C → B → D → E, length 10'), last('status'));
    t.true(last('status').length <= 72, last('status'));
  }
});
