// A straight-line drawing from a planar embedding: the embedding is triangulated inside (dummy edges, never drawn),
// the outer face goes on a regular polygon and every other node at the average of its neighbours (Tutte's
// barycentric drawing, crossing-free for such a graph), and then a force-directed pass spreads the nodes out,
// taking only moves that add no crossing and bring no node nearer an edge than the rules allow.
import { faces, type Rotation } from './graph-embedding.ts';
import { pointSegmentDistance, segmentsIntersect, type Point } from './graph-geometry.ts';

type Line = readonly [string, string];
export interface Box {
  cx: number;
  cy: number;
  /** Half the side of the square the drawing fills. */
  half: number;
}
export interface Spacing {
  radius: number;
  margin: number;
}

function copy(rotation: Rotation): Rotation {
  return new Map([...rotation].map(([v, around]) => [v, [...around]]));
}

function hasDart(face: readonly string[], a: string, b: string): boolean {
  return face.some((v, i) => v === a && face[(i + 1) % face.length] === b);
}

/** Adds the edge face[i]–face[j] inside the face: each end gets the other just after the walk's previous node. */
function addChord(rotation: Rotation, face: readonly string[], i: number, j: number): void {
  const n = face.length;
  for (const [at, other] of [
    [i, j],
    [j, i],
  ] as const) {
    const around = rotation.get(face[at]!)!;
    around.splice(around.indexOf(face[(at + n - 1) % n]!) + 1, 0, face[other]!);
  }
}

/** A chord that can split the face: two distinct, not yet adjacent nodes, not next to each other on the walk. Ears first. */
function chordOf(rotation: Rotation, face: readonly string[]): [number, number] | undefined {
  const n = face.length;
  const ok = (i: number, j: number) => face[i] !== face[j] && !rotation.get(face[i]!)!.includes(face[j]!);
  for (let i = 0; i < n; i++) if (ok(i, (i + 2) % n)) return [i, (i + 2) % n];
  for (let i = 0; i < n; i++) for (let j = i + 2; j < n; j++) if ((i + n - j) % n !== 1 && ok(i, j)) return [i, j];
  return undefined;
}

/**
 * Triangulates every face but the outer one (a face of `rotation`), and makes the outer face a simple cycle (no
 * node met twice) by cutting off corners at nodes it meets twice. Returns the outer cycle ([] if it cannot be made one).
 */
export function triangulateInside(rotation: Rotation, outer0: readonly string[]): { rotation: Rotation; outer: string[] } {
  const rot = copy(rotation);
  let dart: [string, string] = [outer0[0]!, outer0[1 % outer0.length]!];
  for (let guard = 0; guard < 200; guard++) {
    const fs = faces(rot);
    const outer = fs.find((f) => hasDart(f, dart[0], dart[1]))!;
    const inner = fs.find((f) => f !== outer && f.length > 3 && chordOf(rot, f));
    if (inner) {
      const [i, j] = chordOf(rot, inner)!;
      addChord(rot, inner, i, j);
      continue;
    }
    const n = outer.length;
    const corner = outer.findIndex((v, i) => outer.indexOf(v) !== outer.lastIndexOf(v) && outer[(i + n - 1) % n] !== outer[(i + 1) % n] && !rot.get(outer[(i + n - 1) % n]!)!.includes(outer[(i + 1) % n]!));
    if (corner < 0) return { rotation: rot, outer: new Set(outer).size === outer.length ? outer : [] };
    const [p, q] = [outer[(corner + n - 1) % n]!, outer[(corner + 1) % n]!];
    addChord(rot, outer, (corner + n - 1) % n, (corner + 1) % n);
    // The rest of the outer face now walks p → q along the new edge; the corner is an inner triangle.
    dart = [p, q];
  }
  return { rotation: rot, outer: [] };
}

/** Tutte's drawing: the outer cycle on a regular polygon from the top, clockwise; every other node at the mean of its neighbours. */
export function barycentric(rotation: Rotation, outer: readonly string[], box: Box): Map<string, Point> {
  const pos = new Map<string, [number, number]>();
  outer.forEach((v, i) => {
    const a = Math.PI / 2 - (i * 2 * Math.PI) / outer.length;
    pos.set(v, [box.cx + box.half * Math.cos(a), box.cy + box.half * Math.sin(a)]);
  });
  const inner = [...rotation.keys()].filter((v) => !pos.has(v));
  for (const v of inner) pos.set(v, [box.cx, box.cy]);
  // Gauss–Seidel converges here in a few hundred sweeps at most (12 nodes); a fixed count keeps it deterministic.
  for (let sweep = 0; sweep < 2000; sweep++) {
    let moved = 0;
    for (const v of inner) {
      const around = rotation.get(v)!;
      const x = around.reduce((s, u) => s + pos.get(u)![0], 0) / around.length;
      const y = around.reduce((s, u) => s + pos.get(u)![1], 0) / around.length;
      const p = pos.get(v)!;
      moved = Math.max(moved, Math.abs(p[0] - x) + Math.abs(p[1] - y));
      pos.set(v, [x, y]);
    }
    if (moved < 1e-10) break;
  }
  return pos;
}

/** What is wrong near one node: crossings of its edges, edges through or crowding it or other nodes, nodes too close. */
export function localDefects(v: string, pos: ReadonlyMap<string, Point>, lines: readonly Line[], s: Spacing): [number, number, number] {
  let crossings = 0;
  let through = 0;
  let crowded = 0;
  const p = pos.get(v)!;
  const mine = lines.filter(([a, b]) => a === v || b === v);
  for (const [a, b] of mine)
    for (const [c, d] of lines) {
      if (a === c || a === d || b === c || b === d) continue;
      if (segmentsIntersect(pos.get(a)!, pos.get(b)!, pos.get(c)!, pos.get(d)!)) crossings++;
    }
  const near = (dist: number) => {
    if (dist < s.radius) through++;
    else if (dist < s.radius + s.margin) crowded++;
  };
  for (const [a, b] of lines) if (a !== v && b !== v) near(pointSegmentDistance(p, pos.get(a)!, pos.get(b)!));
  for (const [a, b] of mine) for (const [u, q] of pos) if (u !== a && u !== b) near(pointSegmentDistance(q, pos.get(a)!, pos.get(b)!));
  for (const [u, q] of pos) if (u !== v && Math.hypot(q[0] - p[0], q[1] - p[1]) < 2 * s.radius + 2 * s.margin) crowded++;
  return [crossings, through, crowded];
}

const worse = (a: readonly number[], b: readonly number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
};

function closestPoint(p: Point, a: Point, b: Point): Point {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return [a[0] + t * dx, a[1] + t * dy];
}

function clampTo(box: Box, p: Point): [number, number] {
  return [Math.max(box.cx - box.half, Math.min(box.cx + box.half, p[0])), Math.max(box.cy - box.half, Math.min(box.cy + box.half, p[1]))];
}

/**
 * Fruchterman–Reingold spreading inside the box, one node at a time, keeping a move only when it makes nothing
 * near that node worse (crossings first, then edges through nodes, then crowding): a crossing-free start stays
 * crossing-free, and crowding can only go down.
 */
export function spread(start: ReadonlyMap<string, Point>, lines: readonly Line[], pull: readonly Line[], box: Box, s: Spacing, rounds = 160): Map<string, Point> {
  const pos = new Map<string, Point>(start);
  const nodes = [...pos.keys()];
  const k = 1.05 * Math.sqrt((4 * box.half * box.half) / Math.max(1, nodes.length));
  const springs = [...lines, ...pull];
  for (let round = 0; round < rounds; round++) {
    const temperature = box.half * 0.12 * (1 - round / rounds) + 0.01;
    for (const v of nodes) {
      const p = pos.get(v)!;
      let [fx, fy] = [0, 0];
      for (const [u, q] of pos) {
        if (u === v) continue;
        const [dx, dy] = [p[0] - q[0], p[1] - q[1]];
        const d = Math.max(0.05, Math.hypot(dx, dy));
        fx += ((k * k) / d) * (dx / d);
        fy += ((k * k) / d) * (dy / d);
      }
      for (const [a, b] of springs) {
        if (a !== v && b !== v) continue;
        const q = pos.get(a === v ? b : a)!;
        const [dx, dy] = [q[0] - p[0], q[1] - p[1]];
        const d = Math.hypot(dx, dy);
        fx += (d * dx) / k;
        fy += (d * dy) / k;
      }
      // Edges push away nodes they pass too near: node–node repulsion alone lets a node sit on a long edge.
      const reach = 2 * (s.radius + s.margin);
      for (const [a, b] of lines) {
        if (a === v || b === v) continue;
        const [qa, qb] = [pos.get(a)!, pos.get(b)!];
        const d = Math.max(0.02, pointSegmentDistance(p, qa, qb));
        if (d >= reach) continue;
        const c = closestPoint(p, qa, qb);
        const len = Math.max(1e-9, Math.hypot(p[0] - c[0], p[1] - c[1]));
        fx += ((k * k) / d) * ((p[0] - c[0]) / len);
        fy += ((k * k) / d) * ((p[1] - c[1]) / len);
      }
      const f = Math.hypot(fx, fy);
      if (f < 1e-9) continue;
      const step = Math.min(temperature, f);
      const before = localDefects(v, pos, lines, s);
      pos.set(v, clampTo(box, [p[0] + (fx / f) * step, p[1] + (fy / f) * step]));
      if (worse(localDefects(v, pos, lines, s), before)) pos.set(v, p);
    }
  }
  return pos;
}

/**
 * Fewer crossings by moving one node at a time to the best point of a grid over the box (for graphs with no
 * crossing-free drawing): the count can only go down, and the same drawing always comes out.
 */
export function relocate(start: ReadonlyMap<string, Point>, lines: readonly Line[], box: Box, s: Spacing, steps = 12): Map<string, Point> {
  const pos = new Map<string, Point>(start);
  for (let round = 0; round < 6; round++) {
    let changed = false;
    for (const v of pos.keys()) {
      const here = pos.get(v)!;
      let best = here;
      let bestScore = localDefects(v, pos, lines, s);
      for (let i = 0; i <= steps; i++)
        for (let j = 0; j <= steps; j++) {
          const p: Point = [box.cx - box.half + (2 * box.half * i) / steps, box.cy - box.half + (2 * box.half * j) / steps];
          pos.set(v, p);
          const score = localDefects(v, pos, lines, s);
          if (worse(bestScore, score)) {
            best = p;
            bestScore = score;
          }
        }
      pos.set(v, best);
      if (best !== here) changed = true;
    }
    if (!changed) break;
  }
  return pos;
}
