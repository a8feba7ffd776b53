// Params of the graph templates and how they are found in text: the graph (or the default one),
// the start node, and for shortest paths the end node and usable weights.
import { z } from 'zod';
import { wordNumber, type ParsedText } from '../../text/parse.ts';
import { DEFAULT_EDGES, DEFAULT_NODES, DEFAULT_WEIGHTED_EDGES, exampleGraph, graphProblems, MAX_GRAPH_NODES, graphShape, nodeLabel, type Graph, type GraphEdge } from './graph-model.ts';
import { findEnd, findStart, markGraphUsed, mentionedLabel, parseGraph } from './graph-parse.ts';

/** Issues for a graph whose edges, start or end name nodes it does not have. */
function checkGraph(g: Graph & { start: string; end?: string | null }, ctx: z.RefinementCtx): void {
  for (const message of graphProblems(g)) ctx.addIssue({ code: 'custom', message });
}

export const traversalParams = z.object(graphShape(DEFAULT_EDGES)).superRefine(checkGraph);
export type TraversalParams = z.infer<typeof traversalParams>;

export const shortestPathParams = z
  .object({
    ...graphShape(DEFAULT_WEIGHTED_EDGES),
    /** Where the path should end; null: distances to every node only. */
    end: nodeLabel.nullable().default(null),
  })
  .superRefine((g, ctx) => {
    checkGraph(g, ctx);
    for (const e of g.edges) if (e.weight !== undefined && e.weight < 0) ctx.addIssue({ code: 'custom', message: `edge ${e.from}-${e.to}: Dijkstra needs weights ≥ 0` });
  });
export type ShortestPathParams = z.infer<typeof shortestPathParams>;

/** "a graph with 5 nodes", "on seven vertices": the size asked for when no edges are written. */
function askedNodeCount(normalized: string, warnings: string[]): number | undefined {
  const m = /\b(\d{1,3}|[a-z]+) (?:nodes|vertices|vertexes)\b/.exec(normalized);
  const n = m ? wordNumber(m[1]!) : undefined;
  if (n === undefined || !Number.isInteger(n) || n < 2) return undefined;
  if (n > MAX_GRAPH_NODES) warnings.push(`${n} nodes asked for; at most ${MAX_GRAPH_NODES} stay readable, so the example graph has ${MAX_GRAPH_NODES}`);
  return Math.min(n, MAX_GRAPH_NODES);
}

/** Weighted edges are kept only for the templates that use weights. */
export function extractTraversal(text: ParsedText, warnings: string[], opts: { weighted?: boolean } = {}): Partial<TraversalParams> {
  const out: Partial<TraversalParams> = {};
  const parsed = parseGraph(text.original, warnings);
  const count = parsed ? undefined : askedNodeCount(text.normalized, warnings);
  const example = count === undefined ? undefined : exampleGraph(count);
  const nodes = parsed?.nodes ?? example?.nodes ?? DEFAULT_NODES;
  if (parsed) {
    out.nodes = parsed.nodes;
    out.edges = parsed.edges;
    out.directed = parsed.directed;
    markGraphUsed(text, parsed);
  } else if (example) {
    // A size but no edges: the example graph, of the size asked, said to be an example.
    out.nodes = example.nodes;
    out.edges = opts.weighted ? example.edges : example.edges.map(({ from, to }) => ({ from, to }));
    warnings.push(`no edges were given: showing an example graph with ${example.nodes.length} nodes (write edges like "A-B 4, B-C 2" to use your own)`);
  }
  if (!parsed && /\b(directed graph|digraph)\b/.test(text.normalized) && !/\bundirected\b/.test(text.normalized)) {
    out.directed = true;
  }
  const start = findStart(text.original, nodes);
  if (start) out.start = start;
  else {
    const asked = mentionedLabel('start', text.original);
    const fallback = nodes.includes('A') ? 'A' : nodes[0]!;
    if (asked) warnings.push(`start node ${asked} is not in the graph (nodes: ${nodes.join(', ')}); starting at ${fallback}`);
    out.start = fallback;
  }
  return out;
}

export function extractShortestPath(text: ParsedText, warnings: string[]): Partial<ShortestPathParams> {
  const out: Partial<ShortestPathParams> = extractTraversal(text, warnings, { weighted: true });
  const nodes = out.nodes ?? DEFAULT_NODES;
  if (out.edges) out.edges = usableWeights(out.edges, warnings);
  const end = findEnd(text.original, nodes);
  if (end && end !== out.start) out.end = end;
  else if (!end) {
    const asked = mentionedLabel('end', text.original);
    if (asked && !nodes.includes(asked)) warnings.push(`end node ${asked} is not in the graph (nodes: ${nodes.join(', ')}); showing the distances to every node`);
  }
  return out;
}

/** Dijkstra needs a weight on every edge, none negative: missing ones become 1, negative ones are refused. */
function usableWeights(edges: GraphEdge[], warnings: string[]): GraphEdge[] {
  const missing = edges.filter((e) => e.weight === undefined).length;
  if (missing > 0 && missing < edges.length) warnings.push(`${missing} edge(s) had no weight: they count as 1`);
  else if (missing === edges.length) warnings.push('no weights given: every edge counts as 1 (write "A-B 4" to weight an edge)');
  return edges.map((e) => {
    if (e.weight === undefined) return { ...e, weight: 1 };
    if (e.weight < 0) {
      warnings.push(`edge ${e.from}-${e.to} has the negative weight ${e.weight}: Dijkstra's algorithm needs weights ≥ 0, so it counts as ${-e.weight}`);
      return { ...e, weight: -e.weight };
    }
    return e;
  });
}
