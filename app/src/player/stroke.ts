// Thick lines as triangle meshes: WebGL draws 1-pixel lines only, and strokes must scale with the scene.
import * as THREE from 'three';
import type { Point } from '../scene/geometry.ts';

const MITER_LIMIT = 4;

/** Triangles for a polyline of the given width, mitred joins (bevelled past the limit). */
export function strokePositions(points: Point[], width: number, closed = false): number[] {
  const pts = dedupe(points);
  const out: number[] = [];
  if (pts.length < 2 || width <= 0) return out;
  const half = width / 2;
  const n = pts.length;
  const count = closed ? n + 1 : n;
  const left: Point[] = [];
  const right: Point[] = [];
  for (let k = 0; k < count; k++) {
    const i = k % n;
    const prev = closed ? pts[(i - 1 + n) % n]! : pts[Math.max(0, i - 1)]!;
    const next = closed ? pts[(i + 1) % n]! : pts[Math.min(n - 1, i + 1)]!;
    const cur = pts[i]!;
    const d0 = normalize(cur[0] - prev[0], cur[1] - prev[1]);
    const d1 = normalize(next[0] - cur[0], next[1] - cur[1]);
    const dirIn = d0 ?? d1!;
    const dirOut = d1 ?? d0!;
    let mx = -(dirIn[1] + dirOut[1]);
    let my = dirIn[0] + dirOut[0];
    const len = Math.hypot(mx, my);
    if (len < 1e-9) {
      mx = -dirIn[1];
      my = dirIn[0];
    } else {
      mx /= len;
      my /= len;
    }
    const cos = mx * -dirIn[1] + my * dirIn[0];
    const scale = Math.min(MITER_LIMIT, 1 / Math.max(cos, 1e-3));
    left.push([cur[0] + mx * half * scale, cur[1] + my * half * scale]);
    right.push([cur[0] - mx * half * scale, cur[1] - my * half * scale]);
  }
  for (let k = 0; k < left.length - 1; k++) {
    const [a, b, c, d] = [left[k]!, right[k]!, left[k + 1]!, right[k + 1]!];
    out.push(a[0], a[1], 0, b[0], b[1], 0, c[0], c[1], 0);
    out.push(b[0], b[1], 0, d[0], d[1], 0, c[0], c[1], 0);
  }
  return out;
}

/** A filled triangle arrow head whose tip is at `tip`, pointing along from → tip. */
export function arrowHeadPositions(from: Point, tip: Point, size: number): number[] {
  const d = normalize(tip[0] - from[0], tip[1] - from[1]);
  if (!d) return [];
  const [dx, dy] = d;
  const bx = tip[0] - dx * size;
  const by = tip[1] - dy * size;
  const w = size * 0.55;
  return [tip[0], tip[1], 0, bx - dy * w, by + dx * w, 0, bx + dy * w, by - dx * w, 0];
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

export function geometryFrom(positions: number[]): THREE.BufferGeometry {
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.Float32BufferAttribute(positions, 3));
  return g;
}

function normalize(x: number, y: number): Point | undefined {
  const len = Math.hypot(x, y);
  return len < 1e-12 ? undefined : [x / len, y / len];
}

function dedupe(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) > 1e-9) out.push(p);
  }
  return out;
}
