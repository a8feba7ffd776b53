// Topological sort (and the graph templates added with it): facts checked against independent values (every
// edge points forward in the order; a brute force over all orders for the lowest-label answer; Wikipedia's
// worked example), cycles reported, the phrasings people type.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { kahn, topoParams, type TopoParams } from '../../src/templates/algorithms/graph-topological.ts';

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
