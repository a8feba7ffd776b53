// What makes a straight-line graph drawing hard to read, counted: edges that cross, and edges that pass through (or
// too close to) a node they do not join. The graph layout (graph-layout.ts) searches for a drawing with none of either.
export type Point = readonly [number, number];
export interface Segment {
  from: string;
  to: string;
}

/** Twice the signed area of a, b, c: > 0 when they turn left, 0 when collinear. */
function orient(a: Point, b: Point, c: Point): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

/** Below this (in squared units) three points count as collinear: drawings are in scene units, about 1 per node. */
const EPS = 1e-9;

function onSegment(a: Point, b: Point, p: Point): boolean {
  return Math.min(a[0], b[0]) - 1e-9 <= p[0] && p[0] <= Math.max(a[0], b[0]) + 1e-9 && Math.min(a[1], b[1]) - 1e-9 <= p[1] && p[1] <= Math.max(a[1], b[1]) + 1e-9;
}

/** Whether segments a–b and c–d meet: a proper crossing, one touching the other, or a collinear overlap. */
export function segmentsIntersect(a: Point, b: Point, c: Point, d: Point): boolean {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  const s = (v: number) => (Math.abs(v) < EPS ? 0 : Math.sign(v));
  if (s(o1) * s(o2) < 0 && s(o3) * s(o4) < 0) return true;
  return (s(o1) === 0 && onSegment(a, b, c)) || (s(o2) === 0 && onSegment(a, b, d)) || (s(o3) === 0 && onSegment(c, d, a)) || (s(o4) === 0 && onSegment(c, d, b));
}

/** Distance from p to the segment a–b. */
export function pointSegmentDistance(p: Point, a: Point, b: Point): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

export interface DrawingDefects {
  /** Pairs of edges that share no endpoint and meet. */
  crossings: number;
  /** Node-edge pairs where the edge, not joining the node, passes within the node's radius: it reads as joining it. */
  throughNodes: number;
  /** Node-edge pairs (edge not on the node) closer than radius + margin: legal, but crowded. */
  crowded: number;
  /** The smallest distance from a node to an edge not on it (Infinity when there is no such pair). */
  clearance: number;
}

/**
 * Counts what is wrong with a drawing of `edges` at `pos`. Edges between the same two nodes (a two-way road written
 * twice) are drawn as one line, so they are counted once; an edge from a node to itself has no line.
 */
export function drawingDefects(pos: ReadonlyMap<string, Point>, edges: readonly Segment[], radius: number, margin: number): DrawingDefects {
  const lines = distinctLines(edges);
  let crossings = 0;
  for (let i = 0; i < lines.length; i++)
    for (let j = i + 1; j < lines.length; j++) {
      const [a, b] = lines[i]!;
      const [c, d] = lines[j]!;
      if (a === c || a === d || b === c || b === d) continue;
      if (segmentsIntersect(pos.get(a)!, pos.get(b)!, pos.get(c)!, pos.get(d)!)) crossings++;
    }
  let throughNodes = 0;
  let crowded = 0;
  let clearance = Infinity;
  for (const [n, p] of pos)
    for (const [a, b] of lines) {
      if (a === n || b === n) continue;
      const dist = pointSegmentDistance(p, pos.get(a)!, pos.get(b)!);
      clearance = Math.min(clearance, dist);
      if (dist < radius) throughNodes++;
      else if (dist < radius + margin) crowded++;
    }
  return { crossings, throughNodes, crowded, clearance };
}

/** One [a, b] per pair of distinct nodes joined by at least one edge, in the order first written. */
export function distinctLines(edges: readonly Segment[]): [string, string][] {
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const { from, to } of edges) {
    if (from === to) continue;
    const key = from < to ? `${from}\u0000${to}` : `${to}\u0000${from}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([from, to]);
  }
  return out;
}
