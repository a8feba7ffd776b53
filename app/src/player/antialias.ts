// Anti-aliased 2D geometry without multisampling. Every filled outline and every stroke carries a
// feathered fringe one pixel wide, centred on its true edge, whose alpha falls from the shape's to 0
// (the way NanoVG draws): the coverage a one-pixel box filter gives, so edges are as smooth as with
// 4× MSAA. On a software rasteriser (SwiftShader, where a GPU-less appliance renders) multisampling
// cost half of each 2D frame's raster time; scenes with 3D meshes still get MSAA for those.
import * as THREE from 'three';
import { unitVector, type Point } from '../scene/geometry.ts';

/** Triangles (x, y pairs, three points each) and one alpha per point. */
export interface AlphaTriangles {
  positions: number[];
  alphas: number[];
}

export function emptyTriangles(): AlphaTriangles {
  return { positions: [], alphas: [] };
}

export function appendTriangles(into: AlphaTriangles, more: AlphaTriangles): AlphaTriangles {
  for (const v of more.positions) into.positions.push(v);
  for (const a of more.alphas) into.alphas.push(a);
  return into;
}

/** A geometry whose vertex colours carry the alpha; use it with `flatMaterial({ vertexAlpha: true })`. */
export function alphaGeometry({ positions, alphas }: AlphaTriangles): THREE.BufferGeometry {
  const xyz = new Float32Array((positions.length / 2) * 3);
  for (let i = 0, j = 0; i < positions.length; i += 2, j += 3) {
    xyz[j] = positions[i]!;
    xyz[j + 1] = positions[i + 1]!;
  }
  const rgba = new Float32Array(alphas.length * 4).fill(1);
  for (let i = 0; i < alphas.length; i++) rgba[i * 4 + 3] = alphas[i]!;
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.BufferAttribute(xyz, 3));
  // Always present, even when empty: a vertex-colour material drawn without it would read black.
  g.setAttribute('color', new THREE.BufferAttribute(rgba, 4));
  return g;
}

const MITER_LIMIT = 4;

/** Per point of a polyline: the unit miter direction (left of travel) and its length factor. */
function miters(pts: Point[], closed: boolean): { nx: number; ny: number; scale: number }[] {
  const n = pts.length;
  const out: { nx: number; ny: number; scale: number }[] = [];
  for (let i = 0; i < n; i++) {
    const prev = closed ? pts[(i - 1 + n) % n]! : pts[Math.max(0, i - 1)]!;
    const next = closed ? pts[(i + 1) % n]! : pts[Math.min(n - 1, i + 1)]!;
    const cur = pts[i]!;
    const d0 = unitVector(cur[0] - prev[0], cur[1] - prev[1]);
    const d1 = unitVector(next[0] - cur[0], next[1] - cur[1]);
    const dirIn = d0 ?? d1!;
    const dirOut = d1 ?? d0!;
    let nx = -(dirIn[1] + dirOut[1]);
    let ny = dirIn[0] + dirOut[0];
    const len = Math.hypot(nx, ny);
    if (len < 1e-9) {
      nx = -dirIn[1];
      ny = dirIn[0];
    } else {
      nx /= len;
      ny /= len;
    }
    const cos = nx * -dirIn[1] + ny * dirIn[0];
    out.push({ nx, ny, scale: Math.min(MITER_LIMIT, 1 / Math.max(cos, 1e-3)) });
  }
  return out;
}

/** Two triangles joining edge (a0, a1) of one cross-section to edge (b0, b1) of the next. */
function quad(t: AlphaTriangles, a0: Point, a1: Point, b0: Point, b1: Point, alphaA0: number, alphaA1: number, alphaB0: number, alphaB1: number): void {
  t.positions.push(a0[0], a0[1], a1[0], a1[1], b0[0], b0[1], a1[0], a1[1], b1[0], b1[1], b0[0], b0[1]);
  t.alphas.push(alphaA0, alphaA1, alphaB0, alphaA1, alphaB1, alphaB0);
}

/**
 * A stroke of `width` along `points`, mitred, with a one-`aa` fringe on each side and at open ends.
 * Strokes thinner than `aa` keep the width of the fringe and fade instead, as their coverage would.
 */
export function strokeTriangles(points: Point[], width: number, aa: number, closed = false): AlphaTriangles {
  const t = emptyTriangles();
  const pts = dedupe(points, closed);
  if (pts.length < 2 || width <= 0) return t;
  const core = Math.max(0, width / 2 - aa / 2);
  const outer = width / 2 + aa / 2;
  // A triangular profile of half-width `outer` covers outer × peak: equal to `width` for hairlines.
  const peak = core > 0 ? 1 : (2 * width) / (width + aa);
  const m = miters(pts, closed);
  // Offsets across the stroke, left to right, and the alpha at each.
  const offsets = core > 0 ? [outer, core, -core, -outer] : [outer, 0, -outer];
  const alphas = core > 0 ? [0, peak, peak, 0] : [0, peak, 0];
  const section = (i: number): Point[] => {
    const p = pts[i]!;
    const { nx, ny, scale } = m[i]!;
    return offsets.map((d) => [p[0] + nx * d * scale, p[1] + ny * d * scale] as Point);
  };
  const count = closed ? pts.length + 1 : pts.length;
  let prev = section(0);
  const first = prev;
  for (let k = 1; k < count; k++) {
    const cur = k === pts.length ? first : section(k);
    for (let b = 0; b < offsets.length - 1; b++) quad(t, prev[b]!, prev[b + 1]!, cur[b]!, cur[b + 1]!, alphas[b]!, alphas[b + 1]!, alphas[b]!, alphas[b + 1]!);
    prev = cur;
  }
  if (!closed) {
    endFringe(t, section(0), pts[0]!, pts[1]!, alphas, aa);
    endFringe(t, prev, pts[pts.length - 1]!, pts[pts.length - 2]!, alphas, aa);
  }
  return t;
}

/** Half a pixel of fade past an open end, away from `inward`. */
function endFringe(t: AlphaTriangles, section: Point[], end: Point, inward: Point, alphas: number[], aa: number): void {
  const d = unitVector(end[0] - inward[0], end[1] - inward[1]);
  if (!d) return;
  const out = section.map(([x, y]) => [x + d[0] * aa * 0.5, y + d[1] * aa * 0.5] as Point);
  for (let b = 0; b < section.length - 1; b++) quad(t, section[b]!, section[b + 1]!, out[b]!, out[b + 1]!, alphas[b]!, alphas[b + 1]!, 0, 0);
}

function signedArea(pts: Point[]): number {
  let a = 0;
  for (let i = 0; i < pts.length; i++) {
    const [x0, y0] = pts[i]!;
    const [x1, y1] = pts[(i + 1) % pts.length]!;
    a += x0 * y1 - x1 * y0;
  }
  return a / 2;
}

/**
 * A filled outline (any orientation, simple polygon): the outline pulled in by half of `aa` filled
 * solid, and a fringe from there to half of `aa` outside fading to 0. Shapes too thin to pull in
 * (a bar growing from nothing) are filled as they are, with the fringe outside, faded to the
 * coverage they really have.
 */
export function fillTriangles(outline: Point[], aa: number): AlphaTriangles {
  const t = emptyTriangles();
  const pts = dedupe(outline, true);
  if (pts.length < 3) return t;
  const area = signedArea(pts);
  if (Math.abs(area) < 1e-12) return t;
  // For counter-clockwise outlines the miter direction (left of travel) points inside.
  const inside = area > 0 ? 1 : -1;
  const m = miters(pts, true);
  const offset = (d: number): Point[] => pts.map((p, i) => [p[0] + m[i]!.nx * d * inside * m[i]!.scale, p[1] + m[i]!.ny * d * inside * m[i]!.scale] as Point);
  let inner = offset(aa / 2);
  let outer = offset(-aa / 2);
  const thin = !keepsShape(pts, inner);
  if (thin) {
    inner = pts;
    outer = offset(-aa / 2);
  }
  const faces = THREE.ShapeUtils.triangulateShape(
    inner.map(([x, y]) => new THREE.Vector2(x, y)),
    [],
  );
  for (const [a, b, c] of faces) {
    for (const i of [a!, b!, c!]) t.positions.push(inner[i]![0], inner[i]![1]);
    t.alphas.push(1, 1, 1);
  }
  for (let i = 0; i < pts.length; i++) {
    const j = (i + 1) % pts.length;
    quad(t, inner[i]!, outer[i]!, inner[j]!, outer[j]!, 1, 0, 1, 0);
  }
  if (thin) {
    // Drawn whole plus a fringe, it would cover more than it is: fade it to its true coverage.
    const k = Math.min(1, Math.abs(area) / coverage(t));
    for (let i = 0; i < t.alphas.length; i++) t.alphas[i] = t.alphas[i]! * k;
  }
  return t;
}

/** ∫ alpha dA over the triangles (alpha is linear across each). */
export function coverage({ positions, alphas }: AlphaTriangles): number {
  let sum = 0;
  for (let v = 0; v < alphas.length; v += 3) {
    const [ax, ay, bx, by, cx, cy] = [positions[v * 2]!, positions[v * 2 + 1]!, positions[v * 2 + 2]!, positions[v * 2 + 3]!, positions[v * 2 + 4]!, positions[v * 2 + 5]!];
    sum += (Math.abs((bx - ax) * (cy - ay) - (cx - ax) * (by - ay)) / 2) * ((alphas[v]! + alphas[v + 1]! + alphas[v + 2]!) / 3);
  }
  return sum;
}

/** Whether every edge of the pulled-in outline still runs the way the original's does. */
function keepsShape(pts: Point[], inner: Point[]): boolean {
  if (Math.sign(signedArea(inner)) !== Math.sign(signedArea(pts))) return false;
  for (let i = 0; i < pts.length; i++) {
    const j = (i + 1) % pts.length;
    const dot = (pts[j]![0] - pts[i]![0]) * (inner[j]![0] - inner[i]![0]) + (pts[j]![1] - pts[i]![1]) * (inner[j]![1] - inner[i]![1]);
    if (dot <= 0) return false;
  }
  return true;
}

/** The outline of an axis-aligned rectangle centred on (cx, cy). */
export function rectOutline(width: number, height: number, cx = 0, cy = 0): Point[] {
  const [w, h] = [width / 2, height / 2];
  return [
    [cx - w, cy - h],
    [cx + w, cy - h],
    [cx + w, cy + h],
    [cx - w, cy + h],
  ];
}

/** A closed polygon approximating a circle of radius `r`. */
export function circleOutline(r: number, segments = 96, cx = 0, cy = 0): Point[] {
  return Array.from({ length: segments }, (_, i) => {
    const a = (i / segments) * Math.PI * 2;
    return [cx + Math.cos(a) * r, cy + Math.sin(a) * r] as Point;
  });
}

function dedupe(points: Point[], closed: boolean): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) > 1e-9) out.push(p);
  }
  if (closed && out.length > 1 && Math.hypot(out[0]![0] - out[out.length - 1]![0], out[0]![1] - out[out.length - 1]![1]) <= 1e-9) out.pop();
  return out;
}
