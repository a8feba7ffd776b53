// Minimum spanning trees: the params both MST templates share (a weighted, undirected graph and, for Prim,
// a start node), how they are read from text, and the two algorithms. Ties between equal weights go to the
// edge written first, so the tree drawn is the same every time.
import { z } from 'zod';
import type { ParsedText } from '../../text/parse.ts';
import { DEFAULT_WEIGHTED_EDGES, graphProblems, graphShape } from './graph-model.ts';
import { extractTraversal } from './graph-params.ts';

export const mstParams = z.object(graphShape(DEFAULT_WEIGHTED_EDGES)).superRefine((g, ctx) => {
  for (const message of graphProblems(g)) ctx.addIssue({ code: 'custom', message });
  if (g.directed || g.edges.some((e) => e.directed)) ctx.addIssue({ code: 'custom', path: ['directed'], message: 'a minimum spanning tree is for undirected graphs: write edges as "A-B 4", not "A->B 4"' });
  for (const e of g.edges) if (e.weight === undefined) ctx.addIssue({ code: 'custom', path: ['edges'], message: `edge ${e.from}-${e.to} needs a weight` });
});
export type MstParams = z.infer<typeof mstParams>;

export interface TreeEdge {
  from: string;
  to: string;
  weight: number;
}

/** The graph as an MST reads it: undirected (arrows dropped, with a warning), every edge weighted (1 when none is given). */
export function extractMst(text: ParsedText, warnings: string[]): Partial<MstParams> {
  const out = extractTraversal(text, warnings, { weighted: true });
  if (out.directed || out.edges?.some((e) => e.directed)) warnings.push('a spanning tree ignores directions: the arrows were read as plain edges');
  out.directed = false;
  if (out.edges) {
    const missing = out.edges.filter((e) => e.weight === undefined).length;
    if (missing > 0) warnings.push(`${missing} edge(s) had no weight: they count as 1 (write "A-B 4" to weight an edge)`);
    out.edges = out.edges.map(({ directed: _, ...e }) => ({ ...e, weight: e.weight ?? 1 }));
  }
  return out;
}

/** Disjoint sets with path halving: which tree a node is in so far. */
export class DisjointSets {
  private readonly parent = new Map<string, string>();

  constructor(nodes: readonly string[]) {
    for (const n of nodes) this.parent.set(n, n);
  }

  find(x: string): string {
    let p = this.parent.get(x)!;
    while (p !== x) {
      const gp = this.parent.get(p)!;
      this.parent.set(x, gp);
      x = p;
      p = this.parent.get(x)!;
    }
    return x;
  }

  union(a: string, b: string): boolean {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra === rb) return false;
    this.parent.set(rb, ra);
    return true;
  }
}

export type KruskalStep = { edge: number; from: string; to: string; weight: number; added: boolean };

/** Kruskal: edges by weight (ties: the one written first); keep an edge unless it closes a cycle. */
export function kruskal(g: MstParams): { steps: KruskalStep[]; tree: TreeEdge[]; total: number; components: number } {
  const order = g.edges.map((e, i) => ({ e, i })).sort((a, b) => a.e.weight! - b.e.weight! || a.i - b.i);
  const sets = new DisjointSets(g.nodes);
  const steps: KruskalStep[] = [];
  const tree: TreeEdge[] = [];
  for (const { e, i } of order) {
    if (tree.length === g.nodes.length - 1) break;
    const added = sets.union(e.from, e.to);
    steps.push({ edge: i, from: e.from, to: e.to, weight: e.weight!, added });
    if (added) tree.push({ from: e.from, to: e.to, weight: e.weight! });
  }
  return { steps, tree, total: tree.reduce((s, e) => s + e.weight, 0), components: g.nodes.length - tree.length };
}

export type PrimStep = { edge: number; from: string; to: string; weight: number; candidates: number[] };

/** Prim from `start`: add the cheapest edge leaving the tree (ties: the one written first), until none is left. */
export function prim(g: MstParams): { steps: PrimStep[]; tree: TreeEdge[]; total: number; reached: string[] } {
  const inTree = new Set([g.start]);
  const steps: PrimStep[] = [];
  const tree: TreeEdge[] = [];
  for (;;) {
    const candidates = g.edges.map((e, i) => ({ e, i })).filter(({ e }) => inTree.has(e.from) !== inTree.has(e.to));
    if (candidates.length === 0) break;
    const best = candidates.reduce((a, b) => (b.e.weight! < a.e.weight! ? b : a));
    const [from, to] = inTree.has(best.e.from) ? [best.e.from, best.e.to] : [best.e.to, best.e.from];
    inTree.add(to);
    steps.push({ edge: best.i, from, to, weight: best.e.weight!, candidates: candidates.map((c) => c.i) });
    tree.push({ from, to, weight: best.e.weight! });
  }
  return { steps, tree, total: tree.reduce((s, e) => s + e.weight, 0), reached: [...inTree] };
}
