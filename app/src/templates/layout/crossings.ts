// What a label sits over: grid lines (an axes object's frame), a plotted curve or a drawn line passing through its box.
// Such a label gets a backing (backing.ts) so it reads against the lines behind it.
import type { Scene, SceneObject } from '../../scene/schema.ts';
import type { Box, SceneBounds } from '../emphasis/bounds.ts';
import { toWorld } from './frames.ts';

type Polyline = [number, number][];

/** Whether segment a–b passes through box `r` (Liang–Barsky clipping). Allocation-free: it runs for every segment of every curve against every label. */
export function segmentCrosses(a: readonly [number, number], b: readonly [number, number], r: Box): boolean {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let t0 = 0;
  let t1 = 1;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q >= 0;
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    return t0 <= t1;
  };
  return clip(-dx, a[0] - r.x0) && clip(dx, r.x1 - a[0]) && clip(-dy, a[1] - r.y0) && clip(dy, r.y1 - a[1]);
}

/** A polyline's bounding box, computed once per polyline: most curves are nowhere near most labels. */
const extents = new WeakMap<Polyline, Box>();
function extent(pl: Polyline): Box {
  let box = extents.get(pl);
  if (!box) {
    box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
    for (const [x, y] of pl) {
      box.x0 = Math.min(box.x0, x);
      box.x1 = Math.max(box.x1, x);
      box.y0 = Math.min(box.y0, y);
      box.y1 = Math.max(box.y1, y);
    }
    extents.set(pl, box);
  }
  return box;
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
  // Touching counts for a curve's extent: a straight horizontal or vertical line has no width.
  const near = (e: Box) => Math.min(box.x1, e.x1) >= Math.max(box.x0, e.x0) && Math.min(box.y1, e.y1) >= Math.max(box.y0, e.y0);
  return lines.some((pl) => near(extent(pl)) && pl.some((p, i) => i > 0 && segmentCrosses(pl[i - 1]!, p, box)));
}
