// What a label sits over: grid lines (an axes object's frame), a plotted curve or a drawn line passing through its box.
// Such a label gets a backing (backing.ts) so it reads against the lines behind it.
import type { Scene, SceneObject } from '../../scene/schema.ts';
import type { Box, SceneBounds } from '../emphasis/bounds.ts';
import { toWorld } from './frames.ts';

type Polyline = [number, number][];

/** Whether segment a–b passes through box `r` (Liang–Barsky clipping). */
export function segmentCrosses(a: readonly [number, number], b: readonly [number, number], r: Box): boolean {
  let [t0, t1] = [0, 1];
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  for (const [p, q] of [
    [-dx, a[0] - r.x0],
    [dx, r.x1 - a[0]],
    [-dy, a[1] - r.y0],
    [dy, r.y1 - a[1]],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** The world polylines of the scene's curves: plots through their axes, lines through their frames. */
export function curves(scene: Scene, bounds: SceneBounds, skip: (o: SceneObject) => boolean): Polyline[] {
  const out: Polyline[] = [];
  for (const o of scene.objects) {
    if (skip(o)) continue;
    if (o.type === 'line') out.push(o.points.map((p) => toWorld(scene, o, p)));
    if (o.type === 'plot') {
      const axes = scene.objects.find((a) => a.id === o.axes);
      const frame = bounds.box(o.axes, 0);
      if (axes?.type !== 'axes' || !frame) continue;
      const [xa, xb] = axes.xRange;
      const [ya, yb] = axes.yRange;
      let run: Polyline = [];
      for (const p of o.points) {
        if (!p || p[1] < ya || p[1] > yb) {
          if (run.length > 1) out.push(run);
          run = [];
          continue;
        }
        run.push([frame.x0 + ((p[0] - xa) / (xb - xa)) * (frame.x1 - frame.x0), frame.y0 + ((p[1] - ya) / (yb - ya)) * (frame.y1 - frame.y0)]);
      }
      if (run.length > 1) out.push(run);
    }
  }
  return out;
}

/** Whether a label's box lies over an axes' grid or is crossed by one of `lines`. */
export function overGridOrCurve(box: Box, grids: readonly Box[], lines: readonly Polyline[]): boolean {
  const overlaps = (g: Box) => Math.min(box.x1, g.x1) > Math.max(box.x0, g.x0) && Math.min(box.y1, g.y1) > Math.max(box.y0, g.y0);
  if (grids.some(overlaps)) return true;
  return lines.some((pl) => pl.some((p, i) => i > 0 && segmentCrosses(pl[i - 1]!, p, box)));
}
