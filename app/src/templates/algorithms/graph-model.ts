// Graphs for the traversal and shortest-path templates: params (nodes, edges, directed, start), the
// default graph, and adjacency with neighbours in ascending label order.
import { z } from 'zod';

export const MAX_GRAPH_NODES = 12;
export const MAX_GRAPH_EDGES = 30;

/** A node label as drawn: short letters, digits or underscores ("A", "n1", "Paris"). */
export const nodeLabel = z.string().regex(/^[A-Za-z0-9_]{1,12}$/, { error: 'node labels are 1-12 letters, digits or _' });

export const graphEdge = z.object({
  from: nodeLabel,
  to: nodeLabel,
  weight: z.number().finite().gt(-1e9).lt(1e9).optional(),
  /** Overrides the graph's `directed` for this edge (a mixed graph such as "A-B, A->D"). */
  directed: z.boolean().optional(),
});
export type GraphEdge = z.infer<typeof graphEdge>;

export interface Graph {
  nodes: string[];
  edges: GraphEdge[];
  directed: boolean;
}

export const DEFAULT_NODES = ['A', 'B', 'C', 'D', 'E', 'F'];
/** A small graph where BFS, DFS and Dijkstra all take different routes. */
export const DEFAULT_WEIGHTED_EDGES: GraphEdge[] = [
  { from: 'A', to: 'B', weight: 4 },
  { from: 'A', to: 'C', weight: 2 },
  { from: 'B', to: 'C', weight: 1 },
  { from: 'B', to: 'D', weight: 5 },
  { from: 'C', to: 'E', weight: 10 },
  { from: 'D', to: 'E', weight: 2 },
  { from: 'D', to: 'F', weight: 6 },
  { from: 'E', to: 'F', weight: 3 },
];
export const DEFAULT_EDGES: GraphEdge[] = DEFAULT_WEIGHTED_EDGES.map(({ from, to }) => ({ from, to }));

const EXTRA_WEIGHTS = [3, 5, 2, 4, 6, 1, 7, 2, 5, 3, 4, 6];

/**
 * The example graph with `n` nodes (2 to MAX_GRAPH_NODES), for "a graph with 5 nodes" and no edges: the
 * default graph's first n nodes and the edges among them (connected for every n ≤ 6), and beyond six each
 * new node joined to the two before it, so it stays connected and small enough to read.
 */
export function exampleGraph(n: number): { nodes: string[]; edges: GraphEdge[] } {
  const nodes = Array.from({ length: n }, (_, i) => String.fromCharCode(65 + i));
  const edges = DEFAULT_WEIGHTED_EDGES.filter((e) => nodes.includes(e.from) && nodes.includes(e.to));
  for (let i = DEFAULT_NODES.length; i < n; i++) {
    edges.push({ from: nodes[i - 1]!, to: nodes[i]!, weight: EXTRA_WEIGHTS[(2 * i) % EXTRA_WEIGHTS.length]! });
    edges.push({ from: nodes[i - 2]!, to: nodes[i]!, weight: EXTRA_WEIGHTS[(2 * i + 1) % EXTRA_WEIGHTS.length]! });
  }
  return { nodes, edges };
}

/** The base params of every graph template; `edges` defaults differ (weighted for Dijkstra). */
export function graphShape(defaultEdges: GraphEdge[]) {
  return {
    nodes: z.array(nodeLabel).min(1).max(MAX_GRAPH_NODES).default(DEFAULT_NODES),
    edges: z.array(graphEdge).max(MAX_GRAPH_EDGES).default(defaultEdges),
    directed: z.boolean().default(false),
    start: nodeLabel.default('A'),
  };
}

/** Problems that make a graph unusable: endpoints or start that are not nodes, repeated nodes. */
export function graphProblems(g: Graph & { start: string; end?: string | null }): string[] {
  const problems: string[] = [];
  const nodes = new Set(g.nodes);
  if (nodes.size !== g.nodes.length) problems.push('nodes repeat');
  for (const e of g.edges) for (const end of [e.from, e.to]) if (!nodes.has(end)) problems.push(`edge ${e.from}-${e.to}: ${end} is not a node`);
  if (!nodes.has(g.start)) problems.push(`start ${g.start} is not a node`);
  if (g.end != null && !nodes.has(g.end)) problems.push(`end ${g.end} is not a node`);
  return problems;
}

/** Ascending label order: numbers by value ("2" before "10"), everything else by code point. */
export function compareLabels(a: string, b: string): number {
  const [na, nb] = [Number(a), Number(b)];
  if (a !== '' && b !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface Neighbour {
  node: string;
  /** Index of the edge in `edges`. */
  edge: number;
  weight: number | undefined;
}

export function isDirected(g: Graph, e: GraphEdge): boolean {
  return e.directed ?? g.directed;
}

/** Out-neighbours of every node, ascending by label (ties: the edge written first). */
export function adjacency(g: Graph): Map<string, Neighbour[]> {
  const adj = new Map<string, Neighbour[]>(g.nodes.map((n) => [n, []]));
  g.edges.forEach((e, i) => {
    adj.get(e.from)?.push({ node: e.to, edge: i, weight: e.weight });
    if (!isDirected(g, e)) adj.get(e.to)?.push({ node: e.from, edge: i, weight: e.weight });
  });
  for (const list of adj.values()) list.sort((x, y) => compareLabels(x.node, y.node) || x.edge - y.edge);
  return adj;
}
