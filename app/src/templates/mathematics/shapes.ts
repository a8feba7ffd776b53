// Small builders for geometric scene objects: polygons centred on their centroid (so "grow" scales them
// in place), closed outlines, unit grids inside squares, and right-angle marks.
import type { Composition } from '../types.ts';

type SceneObject = Composition['objects'][number];
export type P2 = [number, number];

export function centroid(points: P2[]): P2 {
  const n = points.length;
  return [points.reduce((s, p) => s + p[0], 0) / n, points.reduce((s, p) => s + p[1], 0) / n];
}

/** A filled polygon positioned at its centroid with points relative to it. */
export function polygonAt(id: string, points: P2[], fill: string, opacity = 1): SceneObject {
  const [cx, cy] = centroid(points);
  return { id, type: 'polygon', x: cx, y: cy, points: points.map(([x, y]) => [x - cx, y - cy] as P2), fill, opacity };
}

/** A closed outline through the points, positioned at their centroid (so it can grow with its fill). */
export function outlineAt(id: string, points: P2[], color: string, width = 0.05): SceneObject {
  const [cx, cy] = centroid(points);
  const rel = points.map(([x, y]) => [x - cx, y - cy] as P2);
  return { id, type: 'line', x: cx, y: cy, points: [...rel, rel[0]!], color, width };
}

/**
 * Grid lines dividing the square with corner `origin` and edge vectors `u`, `v` into n x n cells,
 * as one zig-zag polyline (lines along the edges retrace the border, which is drawn anyway).
 */
export function squareGrid(id: string, origin: P2, u: P2, v: P2, n: number, color: string): SceneObject {
  const at = (s: number, t: number): P2 => [origin[0] + u[0] * s + v[0] * t, origin[1] + u[1] * s + v[1] * t];
  const pts: P2[] = [];
  let tEnd = 0;
  for (let i = 1; i < n; i++) {
    const s = i / n;
    pts.push(at(s, tEnd), at(s, 1 - tEnd));
    tEnd = 1 - tEnd;
  }
  // Along the border to the far side, then the cross lines, alternating direction; the hops between
  // lines run along the border, so nothing stray is drawn.
  pts.push(at(1, tEnd));
  let sEnd = 1;
  for (let k = 1; k < n; k++) {
    const t = tEnd === 1 ? 1 - k / n : k / n;
    pts.push(at(sEnd, t), at(1 - sEnd, t));
    sEnd = 1 - sEnd;
  }
  if (pts.length < 2) pts.push(at(0, 0), at(0, 0));
  const [cx, cy] = at(0.5, 0.5);
  return { id, type: 'line', x: cx, y: cy, points: pts.map(([x, y]) => [x - cx, y - cy] as P2), color, width: 0.025, opacity: 0.45 };
}

/** The little square marking a right angle at `corner` between unit directions `d1` and `d2`. */
export function rightAngleMark(id: string, corner: P2, d1: P2, d2: P2, size: number, color: string): SceneObject {
  const p1: P2 = [corner[0] + d1[0] * size, corner[1] + d1[1] * size];
  const p2: P2 = [p1[0] + d2[0] * size, p1[1] + d2[1] * size];
  const p3: P2 = [corner[0] + d2[0] * size, corner[1] + d2[1] * size];
  return { id, type: 'line', points: [p1, p2, p3], color, width: 0.035 };
}

/** Points of a circular arc (angles in radians), for angle marks and sectors. */
export function arcPoints(center: P2, radius: number, from: number, to: number, segments = 24): P2[] {
  const pts: P2[] = [];
  for (let i = 0; i <= segments; i++) {
    const a = from + ((to - from) * i) / segments;
    pts.push([center[0] + radius * Math.cos(a), center[1] + radius * Math.sin(a)]);
  }
  return pts;
}
