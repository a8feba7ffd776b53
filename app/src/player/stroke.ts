// Line helpers: arrow heads and dashes (the triangles themselves come from antialias.ts).
import { unitVector, type Point } from '../scene/geometry.ts';

/** The outline of a triangular arrow head whose tip is at `tip`, pointing along from → tip. */
export function arrowHeadOutline(from: Point, tip: Point, size: number): Point[] {
  const d = unitVector(tip[0] - from[0], tip[1] - from[1]);
  if (!d) return [];
  const [dx, dy] = d;
  const bx = tip[0] - dx * size;
  const by = tip[1] - dy * size;
  const w = size * 0.55;
  return [tip, [bx - dy * w, by + dx * w], [bx + dy * w, by - dx * w]];
}

/** Splits a polyline into dashes of `on` length separated by `off`. */
export function dashPolyline(points: Point[], on: number, off: number): Point[][] {
  const dashes: Point[][] = [];
  let drawing = true;
  let left = on;
  let current: Point[] = [points[0]!];
  for (let i = 1; i < points.length; i++) {
    let [ax, ay] = points[i - 1]!;
    const [bx, by] = points[i]!;
    let len = Math.hypot(bx - ax, by - ay);
    while (len > 0) {
      const step = Math.min(left, len);
      const p = step / len;
      ax += (bx - ax) * p;
      ay += (by - ay) * p;
      len -= step;
      left -= step;
      if (drawing) current.push([ax, ay]);
      if (left <= 1e-9) {
        if (drawing && current.length > 1) dashes.push(current);
        drawing = !drawing;
        left = drawing ? on : off;
        current = [[ax, ay]];
      }
    }
  }
  if (drawing && current.length > 1) dashes.push(current);
  return dashes;
}
