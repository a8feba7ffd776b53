// Where the graph templates put their nodes: on a circle when some order of the nodes round it has no crossing
// edges (the graph is outerplanar) and no edge crowds a node; otherwise a planar straight-line drawing when the graph
// is planar; otherwise the drawing with the fewest crossings found. Always the same picture for the same graph.
import { compareLabels, type Graph } from './graph-model.ts';
import { drawingDefects, distinctLines, type DrawingDefects, type Point } from './graph-geometry.ts';
import { faces, planarEmbedding } from './graph-embedding.ts';
import { barycentric, relocate, spread, triangulateInside, type Box, type Spacing } from './graph-planar-drawing.ts';

type Line = readonly [string, string];

export interface GraphLayout {
  pos: Map<string, Point>;
  /** circle: nodes on a circle; planar: a crossing-free drawing off the circle; fewest-crossings: the graph is not planar. */
  kind: 'circle' | 'planar' | 'fewest-crossings';
  defects: DrawingDefects;
}

const CENTER: Point = [-3.3, -0.65];
export const NODE_RADIUS = 0.4;
/** Room kept between a node's rim and an edge it is not on, so the edge does not read as touching it. */
export const EDGE_MARGIN = 0.15;
const SPACING: Spacing = { radius: NODE_RADIUS, margin: EDGE_MARGIN };
/** Cut-off of the exact search for the circle order with fewest crossings (orders tried), beyond which the best so far is kept. */
const ORDER_SEARCH_BUDGET = 200_000;

/** The circle's radius: as drawn before this layout (2.55 units, less when names are written below the nodes). */
function circleRadius(n: number, roomy: boolean): number {
  return n <= 2 ? 1.6 : n <= 4 ? 2.1 : roomy ? 2.4 : 2.55;
}

function circlePositions(order: readonly string[], roomy: boolean): Map<string, Point> {
  const r = circleRadius(order.length, roomy);
  const cy = roomy ? CENTER[1] + 0.1 : CENTER[1];
  return new Map(
    order.map((label, i) => {
      const a = Math.PI / 2 - (i * 2 * Math.PI) / Math.max(1, order.length);
      return [label, [CENTER[0] + r * Math.cos(a), cy + r * Math.sin(a)] as Point];
    }),
  );
}

/**
 * A crossing-free circle order when there is one: the graph plus one node joined to all is planar exactly when the
 * graph is outerplanar, and the order of the nodes round that extra node is such an order. Starts at `start`.
 */
function outerplanarOrder(nodes: readonly string[], lines: readonly Line[], start: string): string[] | undefined {
  const apex = '*';
  const rotation = planarEmbedding([...nodes, apex], [...lines, ...nodes.map((n) => [apex, n] as const)]);
  if (!rotation) return undefined;
  const around = rotation.get(apex)!;
  const at = around.indexOf(start);
  const order = [...around.slice(at), ...around.slice(0, at)];
  // Of the two directions, the one with the lower label second (clockwise from the top): a stable, readable choice.
  const reversed = [order[0]!, ...order.slice(1).reverse()];
  return order.length > 2 && compareLabels(reversed[1]!, order[1]!) < 0 ? reversed : order;
}

/** Crossings of chords on a circle, counted from the order alone: two chords cross when their ends alternate. */
function fewestCrossingOrder(nodes: readonly string[], lines: readonly Line[], start: string, seed: readonly string[]): string[] {
  const n = nodes.length;
  const index = new Map(nodes.map((v, i) => [v, i]));
  const adj = nodes.map(() => [] as number[]);
  for (const [a, b] of lines) {
    adj[index.get(a)!]!.push(index.get(b)!);
    adj[index.get(b)!]!.push(index.get(a)!);
  }
  const chordsCross = (order: readonly number[]) => {
    const at = new Array<number>(n);
    order.forEach((v, i) => (at[v] = i));
    let count = 0;
    for (let i = 0; i < lines.length; i++)
      for (let j = i + 1; j < lines.length; j++) {
        let [a, b] = [at[index.get(lines[i]![0])!]!, at[index.get(lines[i]![1])!]!];
        const [c, d] = [at[index.get(lines[j]![0])!]!, at[index.get(lines[j]![1])!]!];
        if (a === c || a === d || b === c || b === d) continue;
        if (a > b) [a, b] = [b, a];
        if (a < c && c < b !== (a < d && d < b)) count++;
      }
    return count;
  };
  let best = seed.map((v) => index.get(v)!);
  let bestCount = chordsCross(best);
  // Branch and bound: nodes are placed one after another, and crossings among placed chords are final (a later node
  // goes between the last and the first, which no placed chord's ends alternate round).
  const order = [index.get(start)!];
  const at = new Array<number>(n).fill(-1);
  at[order[0]!] = 0;
  let tried = 0;
  const grow = (count: number) => {
    if (count >= bestCount || tried > ORDER_SEARCH_BUDGET) return;
    if (order.length === n) {
      best = [...order];
      bestCount = count;
      return;
    }
    tried++;
    const k = order.length;
    // Neighbours of the last placed node first: good orders are found early and bound the rest.
    const last = order[k - 1]!;
    const next = [...adj[last]!.filter((v) => at[v] < 0), ...nodes.map((_, v) => v).filter((v) => at[v] < 0 && !adj[last]!.includes(v))];
    for (const v of next) {
      let added = 0;
      for (const u of adj[v]!) {
        if (at[u] < 0) continue;
        // The new chord u–v spans the positions after u's; a placed chord crosses it when one end is in there.
        for (const x of order)
          for (const y of adj[x]!) {
            if (y < x || at[y] < 0 || x === u || y === u) continue;
            if (at[u] < at[x] !== at[u] < at[y]) added++;
          }
      }
      order.push(v);
      at[v] = k;
      grow(count + added);
      order.pop();
      at[v] = -1;
    }
  };
  grow(0);
  return best.map((i) => nodes[i]!);
}

/** Scales and centres `pos` to fill the box (one factor for both axes), then turns it so `start` is up and left. */
function fitAndTurn(pos: ReadonlyMap<string, Point>, box: Box, start: string): Map<string, Point> {
  const xs = [...pos.values()].map((p) => p[0]);
  const ys = [...pos.values()].map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = (2 * box.half) / Math.max(x1 - x0, y1 - y0, 1e-9);
  const [mx, my] = [(x0 + x1) / 2, (y0 + y1) / 2];
  const centred = new Map([...pos].map(([v, p]) => [v, [(p[0] - mx) * scale, (p[1] - my) * scale] as Point]));
  // The eight turns and mirrorings of a square keep the fill; pick the one where reading starts at the start node.
  const turns: ((p: Point) => Point)[] = [(p) => p, (p) => [-p[1], p[0]], (p) => [-p[0], -p[1]], (p) => [p[1], -p[0]]];
  let best: Map<string, Point> | undefined;
  let bestScore = -Infinity;
  for (const mirror of [false, true])
    for (const turn of turns) {
      const placed = new Map([...centred].map(([v, p]) => [v, turn(mirror ? [-p[0], p[1]] : p)]));
      const s = placed.get(start) ?? [0, 0];
      const score = Math.round((s[1] - 0.5 * s[0]) * 1000);
      if (score > bestScore) {
        bestScore = score;
        best = placed;
      }
    }
  return new Map([...best!].map(([v, p]) => [v, [box.cx + p[0], box.cy + p[1]] as Point]));
}

/** One line from each component to the next, so that the drawing is of one connected graph (never drawn). */
function connectors(nodes: readonly string[], lines: readonly Line[]): Line[] {
  const root = new Map(nodes.map((n) => [n, n]));
  const find = (v: string): string => (root.get(v) === v ? v : find(root.get(v)!));
  for (const [a, b] of lines) root.set(find(a), find(b));
  const firsts = nodes.filter((n, i) => nodes.findIndex((m) => find(m) === find(n)) === i);
  return firsts.slice(1).map((n, i) => [firsts[i]!, n] as const);
}

/** A planar subgraph with every node connected: spanning edges first, then each other edge that keeps it planar. */
function planarSubgraph(nodes: readonly string[], lines: readonly Line[]): Line[] {
  const kept: Line[] = [];
  const root = new Map(nodes.map((n) => [n, n]));
  const find = (v: string): string => (root.get(v) === v ? v : find(root.get(v)!));
  const rest: Line[] = [];
  for (const line of lines) {
    if (find(line[0]) !== find(line[1])) {
      root.set(find(line[0]), find(line[1]));
      kept.push(line);
    } else rest.push(line);
  }
  for (const line of rest) if (planarEmbedding(nodes, [...kept, line])) kept.push(line);
  return kept;
}

/** A straight-line drawing of the planar graph `drawn` (plus invisible `pull` lines) spread out in the box. */
function planarDrawing(nodes: readonly string[], drawn: readonly Line[], pull: readonly Line[], box: Box, start: string): Map<string, Point> | undefined {
  const rotation = planarEmbedding(nodes, [...drawn, ...pull]);
  if (!rotation) return undefined;
  // Which face is outside decides how deep the rest nests: each face is tried, and the Tutte drawing with the
  // fewest nodes on or near edges, then the most room between them, is spread out.
  let best: { pos: Map<string, Point>; score: number[] } | undefined;
  for (const face of faces(rotation)) {
    const { rotation: triangulated, outer } = triangulateInside(rotation, face);
    if (outer.length < 3) continue;
    const pos = barycentric(triangulated, outer, box);
    const d = drawingDefects(
      pos,
      drawn.map(([from, to]) => ({ from, to })),
      NODE_RADIUS,
      EDGE_MARGIN,
    );
    const score = [d.crossings, d.throughNodes + d.crowded, -Math.round(d.clearance * 100), -outer.length];
    if (!best || lexLess(score, best.score)) best = { pos, score };
  }
  if (!best) return undefined;
  const spreadOut = spread(best.pos, drawn, pull, box, SPACING);
  const left = drawingDefects(
    spreadOut,
    drawn.map(([from, to]) => ({ from, to })),
    NODE_RADIUS,
    EDGE_MARGIN,
  );
  // Forces can leave a node pinned against an edge (a pendant node in a corner); moving it to the best free point fixes that.
  return fitAndTurn(left.throughNodes + left.crowded > 0 ? relocate(spreadOut, drawn, box, SPACING) : spreadOut, box, start);
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}
const rank = (d: DrawingDefects) => [d.crossings, d.throughNodes, d.crowded];
const better = (a: DrawingDefects, b: DrawingDefects) => lexLess(rank(a), rank(b));

/** The layout of `g` in the graph panel, the start node first (top or top left); `roomy` leaves space for names below nodes. */
export function graphLayout(g: Graph, start: string, roomy = false, seed: readonly string[] = g.nodes): GraphLayout {
  const nodes = g.nodes;
  const first = nodes.includes(start) ? start : nodes[0]!;
  const lines = distinctLines(g.edges.filter((e) => nodes.includes(e.from) && nodes.includes(e.to))) as Line[];
  const measure = (pos: Map<string, Point>) => drawingDefects(pos, g.edges, NODE_RADIUS, EDGE_MARGIN);
  const seeded = seed[0] === first ? seed : [first, ...seed.filter((v) => v !== first)];
  // The search for the circle with fewest crossings only matters when no drawing is free of them.
  const order = outerplanarOrder(nodes, lines, first) ?? (planarEmbedding(nodes, lines) ? seeded : fewestCrossingOrder(nodes, lines, first, seeded));
  const circle = { pos: circlePositions(order, roomy), kind: 'circle' as const, defects: measure(circlePositions(order, roomy)) };
  if (rank(circle.defects).every((x) => x === 0) || nodes.length < 4) return circle;
  const box: Box = { cx: CENTER[0], cy: roomy ? CENTER[1] + 0.1 : CENTER[1], half: circleRadius(nodes.length, roomy) };
  const pull = connectors(nodes, lines);
  const planar = planarDrawing(nodes, lines, pull, box, first);
  if (planar) {
    const drawn = { pos: planar, kind: 'planar' as const, defects: measure(planar) };
    return better(drawn.defects, circle.defects) ? drawn : circle;
  }
  // Not planar: a drawing of a planar part, the other edges added, then nodes moved to where fewer edges cross.
  const part = planarDrawing(nodes, planarSubgraph(nodes, lines), pull, box, first);
  const moved = part && fitAndTurn(relocate(part, lines, box, SPACING), box, first);
  const fewest = moved && { pos: moved, kind: 'fewest-crossings' as const, defects: measure(moved) };
  return fewest && better(fewest.defects, circle.defects) ? fewest : { ...circle, kind: circle.defects.crossings > 0 ? 'fewest-crossings' : 'circle' };
}
