// Topological sort (and the graph templates added with it): facts checked against independent values (every
// edge points forward in the order; a brute force over all orders for the lowest-label answer; Wikipedia's
// worked example), cycles reported, the phrasings people type.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { kahn, topoParams, type TopoParams } from '../../src/templates/algorithms/graph-topological.ts';
import { DisjointSets, kruskal, mstParams, prim, type MstParams } from '../../src/templates/algorithms/graph-mst.ts';
import { bellmanFord, bellmanFordParams, type BellmanFordParams } from '../../src/templates/algorithms/graph-bellman-ford.ts';
import { astar, astarParams, type AstarParams } from '../../src/templates/algorithms/graph-astar.ts';

const SIZE = { width: 1280, height: 720, fps: 30 };

/** Every order of the nodes in which each edge goes forward, listed by brute force. */
function allTopologicalOrders(p: TopoParams): string[][] {
  const out: string[][] = [];
  const permute = (done: string[], left: string[]) => {
    if (left.length === 0) {
      if (p.edges.every((e) => done.indexOf(e.from) < done.indexOf(e.to))) out.push(done);
      return;
    }
    left.forEach((n, i) => permute([...done, n], [...left.slice(0, i), ...left.slice(i + 1)]));
  };
  permute([], p.nodes);
  return out;
}

/** Deterministic small directed graphs, some with cycles. */
function graphs(count: number): TopoParams[] {
  let seed = 99;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => {
    const n = 2 + Math.floor(next() * 5);
    const nodes = Array.from({ length: n }, (_, i) => String.fromCharCode(65 + i));
    const edges: TopoParams['edges'] = [];
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && next() < 0.25 && !edges.some((e) => e.from === nodes[j] && e.to === nodes[i])) edges.push({ from: nodes[i]!, to: nodes[j]! });
    return topoParams.parse({ nodes, edges });
  });
}

test('topological sort: the order is valid, and it is the alphabetically first valid order; a cycle leaves nodes out', (t) => {
  for (const g of graphs(80)) {
    const orders = allTopologicalOrders(g);
    const { order, cycle } = kahn(g);
    if (orders.length === 0) {
      t.true(cycle.length > 0, JSON.stringify(g));
      continue;
    }
    t.deepEqual(cycle, []);
    // Taking the lowest ready label each time gives the lexicographically smallest topological order.
    const smallest = orders.map((o) => o.join(',')).sort()[0];
    t.is(order.join(','), smallest, JSON.stringify(g));
  }
});

test("topological sort: Wikipedia's example with the smallest-numbered ready vertex first", (t) => {
  const a = analyze("Kahn's algorithm on 5->11, 7->11, 7->8, 3->8, 3->10, 11->2, 11->9, 11->10, 8->9");
  t.is(a.template, 'graph.topological_sort');
  // en.wikipedia.org/wiki/Topological_sorting: "3, 5, 7, 8, 11, 2, 9, 10 (smallest-numbered available vertex first)".
  t.deepEqual(a.facts.order, ['3', '5', '7', '8', '11', '2', '9', '10']);
  t.false(a.facts.has_cycle);
});

test('topological sort: a cycle is reported and narrated; undirected edges are read left to right with a warning', (t) => {
  const cyc = analyze('topological sort A->B, B->C, C->A, C->D, E->A');
  t.deepEqual(cyc.facts, { order: ['E'], has_cycle: true, unordered: ['A', 'B', 'C', 'D'] });
  const { scene } = sceneFromDescription('topological sort A->B, B->C, C->A, C->D, E->A', SIZE);
  t.true(scene.narration.steps.some((s) => s.text.includes('a cycle blocks them, so no order exists')));
  const plain = analyze('topo sort A-B, B-C');
  t.deepEqual(plain.facts.order, ['A', 'B', 'C']);
  t.true(plain.warnings.some((w) => w.includes('read from left to right')));
  t.false(topoParams.safeParse({ nodes: ['A'], edges: [{ from: 'A', to: 'B' }] }).success);
});

test('topological sort: the phrasings people type pick it; the scene takes ready nodes lowest label first', (t) => {
  for (const text of [
    'Topological sort of course prerequisites',
    'topological ordering of a DAG: shirt->tie, tie->jacket, trousers->shoes',
    'Kahns algorithm step by step',
    'Order tasks in a DAG: A->B, A->C, C->B',
    'topologcal sort for my algorithms module',
  ]) {
    t.is(analyze(text).template, 'graph.topological_sort', text);
  }
  const { scene } = sceneFromDescription('Topological sort of A->C, B->C, B->D, C->E, D->E, D->F, E->F', SIZE);
  const texts = scene.narration.steps.map((s) => s.text);
  t.true(texts.includes('Count incoming edges: A, B have none, so they are ready.'));
  t.true(texts.includes('Take A: position 1 (ready: B; lowest label first).'));
  t.true(texts.includes('Remove B → C: C has no incoming edges left, it is ready.'));
  t.true(texts.at(-1)!.includes('A, B, C, D, E, F'));
});

/** The lightest spanning tree's weight by brute force: every set of n − 1 edges that connects all nodes. */
function bruteForceMst(p: MstParams): number | undefined {
  const n = p.nodes.length;
  let best: number | undefined;
  const pick = (from: number, chosen: number[]) => {
    if (chosen.length === n - 1) {
      const sets = new DisjointSets(p.nodes);
      if (chosen.every((i) => sets.union(p.edges[i]!.from, p.edges[i]!.to))) {
        const w = chosen.reduce((s, i) => s + p.edges[i]!.weight!, 0);
        if (best === undefined || w < best) best = w;
      }
      return;
    }
    for (let i = from; i < p.edges.length; i++) pick(i + 1, [...chosen, i]);
  };
  pick(0, []);
  return best;
}

/** Deterministic small connected weighted graphs: a random tree plus extra edges, weights with ties. */
function weightedGraphs(count: number): MstParams[] {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => {
    const n = 2 + Math.floor(next() * 5);
    const nodes = Array.from({ length: n }, (_, i) => String.fromCharCode(65 + i));
    const edges: MstParams['edges'] = [];
    const has = (a: string, b: string) => edges.some((e) => (e.from === a && e.to === b) || (e.from === b && e.to === a));
    for (let i = 1; i < n; i++) edges.push({ from: nodes[Math.floor(next() * i)]!, to: nodes[i]!, weight: 1 + Math.floor(next() * 6) });
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (!has(nodes[i]!, nodes[j]!) && next() < 0.4) edges.push({ from: nodes[i]!, to: nodes[j]!, weight: 1 + Math.floor(next() * 6) });
    return mstParams.parse({ nodes, edges, start: 'A' });
  });
}

test('minimum spanning trees: Kruskal and Prim both reach the brute-force minimum weight with n − 1 edges', (t) => {
  for (const g of weightedGraphs(60)) {
    const best = bruteForceMst(g);
    if (best === undefined) return t.fail(`no spanning tree: ${JSON.stringify(g)}`);
    const k = kruskal(g);
    const p = prim(g);
    t.is(k.total, best, JSON.stringify(g));
    t.is(p.total, best, JSON.stringify(g));
    t.is(k.tree.length, g.nodes.length - 1);
    t.is(p.tree.length, g.nodes.length - 1);
  }
});

test('minimum spanning trees: the default graph worked by hand, in the order each algorithm adds edges', (t) => {
  // Kruskal: B–C 1, A–C 2, D–E 2, E–F 3, (A–B 4 closes A–C–B), B–D 5: weight 13. Prim from A: A–C, C–B, B–D, D–E, E–F.
  const kr = analyze("Kruskal's algorithm on A-B 4, A-C 2, B-C 1, B-D 5, C-E 10, D-E 2, D-F 6, E-F 3");
  t.is(kr.template, 'graph.mst_kruskal');
  t.deepEqual(
    (kr.facts.edges as { from: string; to: string }[]).map((e) => `${e.from}${e.to}`),
    ['BC', 'AC', 'DE', 'EF', 'BD'],
  );
  t.is(kr.facts.total_weight, 13);
  const pr = analyze("Prim's algorithm from A on A-B 4, A-C 2, B-C 1, B-D 5, C-E 10, D-E 2, D-F 6, E-F 3");
  t.is(pr.template, 'graph.mst_prim');
  t.deepEqual(
    (pr.facts.edges as { from: string; to: string }[]).map((e) => `${e.from}${e.to}`),
    ['AC', 'CB', 'BD', 'DE', 'EF'],
  );
  t.like(pr.facts, { total_weight: 13, spanning: true });
});

test('minimum spanning trees: a disconnected graph gives a forest (Kruskal) or the start’s part (Prim); arrows and missing weights are warned about', (t) => {
  const kr = analyze('Kruskal on A-B 1, B-C 2, D-E 3');
  t.like(kr.facts, { total_weight: 6, spanning: false });
  const pr = analyze("Prim's algorithm from A on A-B 1, B-C 2, D-E 3");
  t.like(pr.facts, { total_weight: 3, spanning: false });
  const { scene } = sceneFromDescription("Prim's algorithm from A on A-B 1, B-C 2, D-E 3", SIZE);
  t.true(scene.narration.steps.some((s) => s.text.includes('the graph is not connected')));
  const arrows = analyze('minimum spanning tree of A->B 3, B-C');
  t.true(arrows.warnings.some((w) => w.includes('ignores directions')));
  t.true(arrows.warnings.some((w) => w.includes('count as 1')));
  t.regex(mstParams.safeParse({ directed: true }).error!.issues[0]!.message, /undirected graphs/);
});

test('minimum spanning trees: the phrasings people type, and "prims" is Prim, not primes', (t) => {
  const cases: [string, string][] = [
    ['prims algorithm on a weighted graph', 'graph.mst_prim'],
    ["Prim's algorithm for minimum spanning tree", 'graph.mst_prim'],
    ['MST using Prim from node C on A-B 2, B-C 3, A-C 1', 'graph.mst_prim'],
    ["Kruskal's algorithm step by step", 'graph.mst_kruskal'],
    ['Minimum spanning tree with Kruskal', 'graph.mst_kruskal'],
    ['minimum spanning tree of A-B 3, B-C 1, A-C 2', 'graph.mst_kruskal'],
    ['kruskals algorithm', 'graph.mst_kruskal'],
  ];
  for (const [text, template] of cases) t.is(analyze(text).template, template, text);
  t.is(analyze('MST using Prim from node C on A-B 2, B-C 3, A-C 1').params.start, 'C');
  t.is(analyze('prime numbers up to 50').template, 'number.primes_sieve');
  const { scene } = sceneFromDescription("Kruskal's algorithm on A-B 4, A-C 2, B-C 1, B-D 5, C-E 10, D-E 2, D-F 6, E-F 3", SIZE);
  const texts = scene.narration.steps.map((s) => s.text);
  t.true(texts.includes('A–B (4): A and B are already connected, it would close a cycle: skip.'));
  t.true(texts.at(-1)!.includes('weight 13'));
});

/** Floyd–Warshall on the arcs (an undirected edge both ways): all-pairs distances, an independent check. */
function floydWarshall(p: BellmanFordParams): Map<string, Map<string, number>> {
  const d = new Map(p.nodes.map((a) => [a, new Map(p.nodes.map((b) => [b, a === b ? 0 : Infinity]))]));
  for (const e of p.edges) {
    const dir = e.directed ?? p.directed;
    for (const [a, b] of dir
      ? [[e.from, e.to]]
      : [
          [e.from, e.to],
          [e.to, e.from],
        ])
      d.get(a!)!.set(b!, Math.min(d.get(a!)!.get(b!)!, e.weight!));
  }
  for (const k of p.nodes) for (const i of p.nodes) for (const j of p.nodes) if (d.get(i)!.get(k)! + d.get(k)!.get(j)! < d.get(i)!.get(j)!) d.get(i)!.set(j, d.get(i)!.get(k)! + d.get(k)!.get(j)!);
  return d;
}

/** Deterministic small directed graphs with some negative weights. */
function negativeGraphs(count: number): BellmanFordParams[] {
  let seed = 2024;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => {
    const n = 2 + Math.floor(next() * 5);
    const nodes = Array.from({ length: n }, (_, i) => String.fromCharCode(65 + i));
    const edges: BellmanFordParams['edges'] = [];
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && next() < 0.35) edges.push({ from: nodes[i]!, to: nodes[j]!, weight: Math.floor(next() * 12) - 3 });
    return bellmanFordParams.parse({ nodes, edges, directed: true, start: 'A' });
  });
}

test('Bellman–Ford agrees with Floyd–Warshall, and finds a negative cycle exactly when one is reachable', (t) => {
  let cycles = 0;
  for (const g of negativeGraphs(120)) {
    const fw = floydWarshall(g);
    const reachable = g.nodes.filter((n) => fw.get(g.start)!.get(n)! < Infinity);
    const cycleReachable = reachable.some((n) => fw.get(n)!.get(n)! < 0);
    const run = bellmanFord(g);
    t.is(run.negativeCycle, cycleReachable, JSON.stringify(g));
    if (cycleReachable) {
      cycles++;
      continue;
    }
    for (const n of g.nodes) t.is(run.dist.get(n), fw.get(g.start)!.get(n), `${JSON.stringify(g)} ${n}`);
  }
  t.true(cycles > 5 && cycles < 115, `${cycles} graphs with a reachable negative cycle`);
});

test('Bellman–Ford: the CLRS figure 24.4 graph, and a negative cycle told as such', (t) => {
  // CLRS 3rd ed. figure 24.4: δ(s, t) = 2, δ(s, x) = 4, δ(s, y) = 7, δ(s, z) = −2.
  const a = analyze('Bellman-Ford from S on S->T 6, S->Y 7, T->X 5, T->Y 8, T->Z -4, X->T -2, Y->X -3, Y->Z 9, Z->S 2, Z->X 7');
  t.is(a.template, 'graph.bellman_ford');
  t.deepEqual(a.params.nodes, ['S', 'T', 'Y', 'X', 'Z'], '"Bellman-Ford" is not read as an edge');
  t.like(a.facts, { distances: { S: 0, T: 2, X: 4, Y: 7, Z: -2 }, negative_cycle: false });
  const cyc = analyze('bellman ford A->B 1, B->C -2, C->A -1 from A');
  t.true(cyc.facts.negative_cycle as boolean);
  const { scene } = sceneFromDescription('bellman ford A->B 1, B->C -2, C->A -1 from A', SIZE);
  t.true(scene.narration.steps.some((s) => s.text.includes('a negative cycle, so no shortest paths exist')));
  const undirected = analyze('Bellman-Ford on A-B -1, B-C 2 from A');
  t.true(undirected.warnings.some((w) => w.includes('negative cycle by itself')));
  t.true(undirected.facts.negative_cycle as boolean);
});

test('Bellman–Ford: the phrasings people type; the default graph is CLRS’s; the scene groups later rounds', (t) => {
  for (const text of [
    'Bellman-Ford algorithm on a graph with negative weights',
    'bellmanford shortest paths from A on A->B 4, A->C 5, B->C -3',
    'shortest path with negative edge weights: S->A 4, A->B -2, S->B 3',
    'negative cycle detection with Bellman Ford',
  ]) {
    t.is(analyze(text).template, 'graph.bellman_ford', text);
  }
  const d = analyze('Bellman-Ford algorithm on a graph with negative weights');
  t.deepEqual(d.params.nodes, ['S', 'T', 'X', 'Y', 'Z']);
  t.is(d.params.start, 'S');
  const { scene } = sceneFromDescription('Bellman-Ford from S on S->T 6, S->Y 7, T->X 5, T->Y 8, T->Z -4, X->T -2, Y->X -3, Y->Z 9, Z->S 2, Z->X 7', SIZE);
  const texts = scene.narration.steps.map((s) => s.text);
  t.true(texts.includes('T → Z: 6 + (−4) = 2 < ∞, so dist(Z) = 2.'));
  t.true(texts.includes('Round 2: 10 edges relaxed, 1 distance improved.'));
  t.true(texts.includes('Round 4 changed nothing, so the distances are final.'));
});

/** Shortest path length on the grid by plain breadth-first search (no heuristic), −1 if none. */
function bfsGrid(p: AstarParams): number {
  const walls = new Set(p.walls.map(([r, c]) => `${r},${c}`));
  const dist = new Map([[`${p.start[0]},${p.start[1]}`, 0]]);
  const queue = [p.start as [number, number]];
  while (queue.length) {
    const [r, c] = queue.shift()!;
    for (const [dr, dc] of [
      [1, 0],
      [-1, 0],
      [0, 1],
      [0, -1],
    ]) {
      const [nr, nc] = [r + dr!, c + dc!];
      const k = `${nr},${nc}`;
      if (nr < 0 || nc < 0 || nr >= p.rows || nc >= p.cols || walls.has(k) || dist.has(k)) continue;
      dist.set(k, dist.get(`${r},${c}`)! + 1);
      queue.push([nr, nc]);
    }
  }
  return dist.get(`${p.goal[0]},${p.goal[1]}`) ?? -1;
}

test('A*: the path is as short as breadth-first search finds, each step to a free neighbour; no path when walls cut the goal off', (t) => {
  let seed = 77;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  let blocked = 0;
  for (let k = 0; k < 80; k++) {
    const rows = 3 + Math.floor(next() * 6);
    const cols = 3 + Math.floor(next() * 8);
    const walls: [number, number][] = [];
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (next() < 0.25 && !(r === 0 && c === 0) && !(r === rows - 1 && c === cols - 1)) walls.push([r, c]);
    const p = astarParams.parse({ rows, cols, walls, start: [0, 0], goal: [rows - 1, cols - 1] });
    const { path, expanded } = astar(p);
    const best = bfsGrid(p);
    if (best < 0) {
      blocked++;
      t.deepEqual(path, []);
      continue;
    }
    t.is(path.length - 1, best, JSON.stringify(p));
    t.true(expanded <= rows * cols - walls.length);
    for (let i = 1; i < path.length; i++) {
      t.is(Math.abs(path[i]![0] - path[i - 1]![0]) + Math.abs(path[i]![1] - path[i - 1]![1]), 1);
      t.false(walls.some(([r, c]) => r === path[i]![0] && c === path[i]![1]));
    }
  }
  t.true(blocked < 80);
});

test('A*: the default map, grids and walls read from text, the phrasings people type, and a grade A* is not it', (t) => {
  const d = analyze('A* pathfinding on a grid with walls');
  t.is(d.template, 'graph.astar');
  t.like(d.facts, { found: true, length: 10 });
  const g = analyze('A* search on a 5x5 grid from (0,0) to (4,4) with walls at (1,1), (2,2), (3,3)');
  t.like(g.params, {
    rows: 5,
    cols: 5,
    start: [0, 0],
    goal: [4, 4],
    walls: [
      [1, 1],
      [2, 2],
      [3, 3],
    ],
  });
  t.is(g.facts.length, 8);
  for (const text of ['a star algorithm for game pathfinding', 'A* search with the Manhattan heuristic', 'Pathfinding in a maze with obstacles']) t.is(analyze(text).template, 'graph.astar', text);
  t.not(analyze('Grade A* revision tips').template, 'graph.astar');
  t.regex(astarParams.safeParse({ start: [1, 3] }).error!.issues[0]!.message, /is a wall/);
  const { scene } = sceneFromDescription('A* pathfinding on a grid with walls', SIZE);
  const texts = scene.narration.steps.map((s) => s.text);
  t.true(texts.includes('Expand (3, 1): g 1 + h 7 = f 8, the lowest f open.'));
  t.true(texts.some((s) => /^f = 10: \d+ cells expanded/.test(s)));
});
