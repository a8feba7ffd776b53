// Small geometry helpers shared by the timeline and the player.

export type Point = [number, number];

/** The unit vector along (x, y), or undefined when it has no length. */
export function unitVector(x: number, y: number): Point | undefined {
  const len = Math.hypot(x, y);
  return len < 1e-12 ? undefined : [x / len, y / len];
}

/** n points spread evenly by arc length along a polyline (so shapes with different point counts can morph). */
export function resamplePolyline(points: Point[], n: number): Point[] {
  if (points.length === 0) return [];
  if (n <= 1 || points.length === 1) return Array.from({ length: Math.max(1, n) }, () => [...points[0]!] as Point);
  const cumulative = [0];
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1]!;
    const [bx, by] = points[i]!;
    cumulative.push(cumulative[i - 1]! + Math.hypot(bx - ax, by - ay));
  }
  const total = cumulative[cumulative.length - 1]!;
  const out: Point[] = [];
  let seg = 1;
  for (let k = 0; k < n; k++) {
    const d = (total * k) / (n - 1);
    while (seg < points.length - 1 && cumulative[seg]! < d) seg++;
    const d0 = cumulative[seg - 1]!;
    const d1 = cumulative[seg]!;
    const p = d1 > d0 ? (d - d0) / (d1 - d0) : 0;
    const [ax, ay] = points[seg - 1]!;
    const [bx, by] = points[seg]!;
    out.push([ax + (bx - ax) * p, ay + (by - ay) * p]);
  }
  return out;
}

/** The polyline cut at a fraction of its length (for lines that draw themselves on). */
export function truncatePolyline(points: Point[], fraction: number): Point[] {
  if (fraction >= 1 || points.length < 2) return points;
  if (fraction <= 0) return [points[0]!, points[0]!];
  let total = 0;
  for (let i = 1; i < points.length; i++) total += Math.hypot(points[i]![0] - points[i - 1]![0], points[i]![1] - points[i - 1]![1]);
  let remaining = total * fraction;
  const out: Point[] = [points[0]!];
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1]!;
    const [bx, by] = points[i]!;
    const len = Math.hypot(bx - ax, by - ay);
    if (len >= remaining) {
      const p = len > 0 ? remaining / len : 0;
      out.push([ax + (bx - ax) * p, ay + (by - ay) * p]);
      return out;
    }
    out.push([bx, by]);
    remaining -= len;
  }
  return out;
}
