// Stroked things: lines and arrows, graph edges, axes with ticks and labels, and function plots.
import * as THREE from 'three';
import { truncatePolyline, type Point } from '../scene/geometry.ts';
import { alphaGeometry, appendTriangles, circleOutline, emptyTriangles, fillTriangles, strokeTriangles } from './antialias.ts';
import { applyTransform, flatMaterial, fringeWidth, ImageQuad, num, setColor, type DrawContext, type Drawable, type Props } from './drawable.ts';
import { arrowHeadOutline, dashPolyline } from './stroke.ts';

/** Joins and heads reach this many half-widths past a line's points (the miter limit in antialias.ts). */
const REACH = 4;

/**
 * Bounds of what changes when a polyline drawn on from its first point (`shown(fraction)`) goes from
 * fraction `a` to `b`: the points between the two ends, from the start of the whole segment before
 * the shorter end's, padded by `pad` for width, joins and heads. That earlier segment counts because
 * the end's corners move when it becomes a join: the triangles of both segments change, and with
 * them the rounding of every pixel they cover, however little.
 */
export function drawOnBounds(shown: (fraction: number) => Point[], a: number, b: number, pad: number): THREE.Box3 {
  const short = shown(Math.min(a, b));
  const long = shown(Math.max(a, b));
  const from = Math.max(0, short.length - 3);
  const box = new THREE.Box3();
  for (const [x, y] of [...short.slice(from), ...long.slice(from)]) box.expandByPoint(new THREE.Vector3(x, y, 0));
  if (!box.isEmpty()) box.expandByVector(new THREE.Vector3(pad, pad, 0));
  return box;
}

/** Tracks an object's props apart from `progress`, to tell a draw-on from any other change. */
class DrawOnWatch {
  private rest = '';
  private progress = NaN;

  /** The progress the object had before, when nothing but progress changed; else undefined. */
  previous(p: Props, extra: unknown = null): number | undefined {
    const rest = JSON.stringify([{ ...p, progress: null }, extra]);
    const progress = num(p.progress, 1);
    const before = rest === this.rest && progress !== this.progress ? this.progress : undefined;
    this.rest = rest;
    this.progress = progress;
    return before;
  }
}

/** A polyline (optionally dashed, with arrow heads) that draws on as `progress` goes 0 → 1. */
class Polyline {
  readonly mesh = new THREE.Mesh(new THREE.BufferGeometry(), flatMaterial({ vertexAlpha: true }));
  private key = '';

  set(points: Point[], width: number, progress: number, arrow: string, aa: number, dash?: [number, number]): void {
    const key = JSON.stringify([points, width, progress, arrow, aa, dash]);
    if (key === this.key) return;
    this.key = key;
    const shown = truncatePolyline(points, progress);
    const head = width * 4;
    const triangles = emptyTriangles();
    let body = shown;
    // Shorten the body under each head so a thick line does not poke through the tip.
    if ((arrow === 'end' || arrow === 'both') && shown.length >= 2) body = shortenEnd(body, head * 0.8);
    if ((arrow === 'start' || arrow === 'both') && shown.length >= 2) body = shortenEnd([...body].reverse(), head * 0.8).reverse();
    for (const piece of dash ? dashPolyline(body, dash[0], dash[1]) : [body]) appendTriangles(triangles, strokeTriangles(piece, width, aa));
    if (progress > 0 && shown.length >= 2) {
      if (arrow === 'end' || arrow === 'both') appendTriangles(triangles, fillTriangles(arrowHeadOutline(shown[shown.length - 2]!, shown[shown.length - 1]!, head), aa));
      if (arrow === 'start' || arrow === 'both') appendTriangles(triangles, fillTriangles(arrowHeadOutline(shown[1]!, shown[0]!, head), aa));
    }
    this.mesh.geometry.dispose();
    this.mesh.geometry = alphaGeometry(triangles);
  }

  dispose(): void {
    this.mesh.geometry.dispose();
    this.mesh.material.dispose();
  }
}

function shortenEnd(points: Point[], by: number): Point[] {
  const out = points.slice();
  const last = out[out.length - 1]!;
  const prev = out[out.length - 2]!;
  const len = Math.hypot(last[0] - prev[0], last[1] - prev[1]);
  if (len <= by || len === 0) return out;
  const p = (len - by) / len;
  out[out.length - 1] = [prev[0] + (last[0] - prev[0]) * p, prev[1] + (last[1] - prev[1]) * p];
  return out;
}

export class LineDrawable implements Drawable {
  readonly layer = 'screen' as const;
  readonly node = new THREE.Group();
  private readonly line = new Polyline();
  private readonly watch = new DrawOnWatch();
  drawOnChange: THREE.Box3 | undefined;
  constructor() {
    this.node.add(this.line.mesh);
  }
  update(p: Props, ctx: DrawContext): void {
    applyTransform(this.node, p);
    const points = p.points as Point[];
    const width = num(p.width, 0.05);
    const before = this.watch.previous(p, fringeWidth(ctx));
    const head = p.arrow && p.arrow !== 'none' ? width * 4 : 0;
    this.drawOnChange = before === undefined ? undefined : drawOnBounds((f) => truncatePolyline(points, f), before, num(p.progress, 1), Math.max((width / 2) * REACH, head) + fringeWidth(ctx));
    this.line.set(points, width, num(p.progress, 1), String(p.arrow ?? 'none'), fringeWidth(ctx), p.dash as unknown as [number, number] | undefined);
    setColor(this.line.mesh.material, p.color, num(p.opacity, 1));
  }
  dispose(): void {
    this.line.dispose();
  }
}

/** An edge between two graph nodes; it follows them when they move. */
export class EdgeDrawable implements Drawable {
  readonly layer = 'screen' as const;
  readonly node = new THREE.Group();
  private readonly line = new Polyline();
  private readonly label = new ImageQuad();
  private readonly labelBg = new THREE.Mesh(new THREE.BufferGeometry(), flatMaterial({ vertexAlpha: true }));
  private labelBgKey = '';
  constructor() {
    this.node.add(this.line.mesh, this.labelBg, this.label.mesh);
  }
  update(p: Props, ctx: DrawContext): void {
    const a = ctx.propsOf(String(p.from));
    const b = ctx.propsOf(String(p.to));
    if (!a || !b) return;
    applyTransform(this.node, { ...p, x: 0, y: 0 });
    const [ax, ay, bx, by] = [num(a.x), num(a.y), num(b.x), num(b.y)];
    const len = Math.hypot(bx - ax, by - ay) || 1;
    const [ux, uy] = [(bx - ax) / len, (by - ay) / len];
    const ra = num(a.radius, 0.4) * num(a.scale, 1);
    const rb = num(b.radius, 0.4) * num(b.scale, 1);
    const from: Point = [ax + ux * ra, ay + uy * ra];
    const to: Point = [bx - ux * rb, by - uy * rb];
    const opacity = num(p.opacity, 1) * Math.min(num(a.opacity, 1), num(b.opacity, 1));
    const aa = fringeWidth(ctx);
    this.line.set([from, to], num(p.width, 0.05), num(p.progress, 1), p.directed ? 'end' : 'none', aa);
    setColor(this.line.mesh.material, p.color, opacity);
    const text = typeof p.label === 'string' ? p.label : '';
    this.label.mesh.visible = this.labelBg.visible = text !== '' && num(p.progress, 1) >= 1;
    if (text) {
      const size = 0.32;
      this.label.show(ctx.text(text, { font: 'mono', weight: 600, size, align: 'center' }), ctx.pixelsPerUnit);
      const mx = (from[0] + to[0]) / 2;
      const my = (from[1] + to[1]) / 2;
      this.label.mesh.position.set(mx, my, 0);
      this.labelBg.position.set(mx, my, 0);
      // Built at its drawn size, so the anti-aliasing fringe stays one pixel wide.
      const bgKey = `${size}|${aa}`;
      if (bgKey !== this.labelBgKey) {
        this.labelBgKey = bgKey;
        this.labelBg.geometry.dispose();
        this.labelBg.geometry = alphaGeometry(fillTriangles(circleOutline(size * 0.85, 48), aa));
      }
      setColor(this.labelBg.material, ctx.background, opacity);
      setColor(this.label.mesh.material, p.color, opacity);
    }
  }
  dispose(): void {
    this.line.dispose();
    this.label.dispose();
    this.labelBg.geometry.dispose();
    this.labelBg.material.dispose();
  }
}

function niceStep(span: number): number {
  const raw = span / 8;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  return (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
}

function formatTick(v: number, step: number): string {
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const s = v.toFixed(decimals);
  return s === '-0' ? '0' : s.replace('-', '−');
}

/** Maps data coordinates of an axes object to its local coordinates (centre origin). */
export function dataToLocal(axes: Props, [x, y]: Point): Point {
  const [x0, x1] = axes.xRange as unknown as [number, number];
  const [y0, y1] = axes.yRange as unknown as [number, number];
  const w = num(axes.width);
  const h = num(axes.height);
  return [((x - x0) / (x1 - x0) - 0.5) * w, ((y - y0) / (y1 - y0) - 0.5) * h];
}

export class AxesDrawable implements Drawable {
  readonly layer = 'screen' as const;
  readonly node = new THREE.Group();
  private readonly grid = new Polyline();
  private readonly axisLines = new Polyline();
  private readonly ticks = new Polyline();
  private labels: { quad: ImageQuad; at: Point; align: 'left' | 'center' | 'right' }[] = [];
  private labelKey = '';

  constructor() {
    this.node.add(this.grid.mesh, this.axisLines.mesh, this.ticks.mesh);
  }

  update(p: Props, ctx: DrawContext): void {
    applyTransform(this.node, p);
    const [x0, x1] = p.xRange as unknown as [number, number];
    const [y0, y1] = p.yRange as unknown as [number, number];
    const xStep = num(p.xStep, niceStep(x1 - x0));
    const yStep = num(p.yStep, niceStep(y1 - y0));
    const progress = num(p.progress, 1);
    const opacity = num(p.opacity, 1);
    const at = (pt: Point) => dataToLocal(p, pt);
    const xAxisY = y0 <= 0 && 0 <= y1 ? 0 : y0;
    const yAxisX = x0 <= 0 && 0 <= x1 ? 0 : x0;
    const xs: number[] = [];
    for (let v = Math.ceil(x0 / xStep) * xStep; v <= x1 + 1e-9; v += xStep) xs.push(v);
    const ys: number[] = [];
    for (let v = Math.ceil(y0 / yStep) * yStep; v <= y1 + 1e-9; v += yStep) ys.push(v);

    // The grid and the ticks are segments joined into one mesh each (dashes of a single polyline).
    const gridSegs: Point[][] = [];
    if (p.grid) {
      for (const v of xs) gridSegs.push([at([v, y0]), at([v, y1])]);
      for (const v of ys) gridSegs.push([at([x0, v]), at([x1, v])]);
    }
    const aa = fringeWidth(ctx);
    this.setSegments(
      this.grid,
      gridSegs.map((s) => scaleSegment(s, progress)),
      0.015,
      aa,
    );
    this.setSegments(this.axisLines, [scaleSegment([at([x0, xAxisY]), at([x1, xAxisY])], progress), scaleSegment([at([yAxisX, y0]), at([yAxisX, y1])], progress)], 0.035, aa, 'end');
    const tick = 0.08;
    const tickSegs: Point[][] = [];
    for (const v of xs)
      if (v !== yAxisX)
        tickSegs.push([
          [at([v, xAxisY])[0], at([v, xAxisY])[1] - tick],
          [at([v, xAxisY])[0], at([v, xAxisY])[1] + tick],
        ]);
    for (const v of ys)
      if (v !== xAxisY)
        tickSegs.push([
          [at([yAxisX, v])[0] - tick, at([yAxisX, v])[1]],
          [at([yAxisX, v])[0] + tick, at([yAxisX, v])[1]],
        ]);
    this.setSegments(this.ticks, progress >= 1 ? tickSegs : [], 0.03, aa);
    const color = p.color;
    setColor(this.grid.mesh.material, color, opacity * 0.35);
    setColor(this.axisLines.mesh.material, color, opacity);
    setColor(this.ticks.mesh.material, color, opacity);

    const key = JSON.stringify([p.xRange, p.yRange, p.width, p.height, xStep, yStep, p.labels, p.xLabel, p.yLabel]);
    if (key !== this.labelKey) {
      this.labelKey = key;
      for (const l of this.labels) {
        this.node.remove(l.quad.mesh);
        l.quad.dispose();
      }
      this.labels = [];
      const size = 0.26;
      if (p.labels) {
        for (const v of xs) if (v !== yAxisX) this.addLabel(ctx, formatTick(v, xStep), [at([v, xAxisY])[0], at([v, xAxisY])[1] - 0.3], 'center', size);
        for (const v of ys) if (v !== xAxisY) this.addLabel(ctx, formatTick(v, yStep), [at([yAxisX, v])[0] - 0.15, at([yAxisX, v])[1]], 'right', size);
      }
      if (typeof p.xLabel === 'string') this.addLabel(ctx, p.xLabel, [at([x1, xAxisY])[0] + 0.1, at([x1, xAxisY])[1] + 0.3], 'right', 0.34);
      if (typeof p.yLabel === 'string') this.addLabel(ctx, p.yLabel, [at([yAxisX, y1])[0] + 0.2, at([yAxisX, y1])[1] - 0.05], 'left', 0.34);
    }
    for (const l of this.labels) {
      l.quad.mesh.visible = progress >= 1;
      setColor(l.quad.mesh.material, color, opacity);
    }
  }

  private addLabel(ctx: DrawContext, text: string, at: Point, align: 'left' | 'center' | 'right', size: number): void {
    const quad = new ImageQuad();
    quad.show(ctx.text(text, { font: 'sans', weight: 400, size, align: 'center' }), ctx.pixelsPerUnit, align);
    quad.mesh.position.x += at[0];
    quad.mesh.position.y = at[1];
    this.node.add(quad.mesh);
    this.labels.push({ quad, at, align });
  }

  private setSegments(line: Polyline, segments: Point[][], width: number, aa: number, arrow = 'none'): void {
    // Each segment is its own strip; build them into one geometry.
    const triangles = emptyTriangles();
    for (const s of segments) {
      if (s.length < 2) continue;
      appendTriangles(triangles, strokeTriangles(s, width, aa));
      if (arrow === 'end') appendTriangles(triangles, fillTriangles(arrowHeadOutline(s[0]!, s[1]!, width * 4), aa));
    }
    line.mesh.geometry.dispose();
    line.mesh.geometry = alphaGeometry(triangles);
  }

  dispose(): void {
    this.grid.dispose();
    this.axisLines.dispose();
    this.ticks.dispose();
    for (const l of this.labels) l.quad.dispose();
  }
}

function scaleSegment([a, b]: Point[], progress: number): Point[] {
  return [a!, [a![0] + (b![0] - a![0]) * progress, a![1] + (b![1] - a![1]) * progress]];
}

/** A function plot in the data coordinates of its axes; points outside the y range break the curve. */
export class PlotDrawable implements Drawable {
  readonly layer = 'screen' as const;
  readonly node = new THREE.Group();
  private readonly mesh = new THREE.Mesh(new THREE.BufferGeometry(), flatMaterial({ vertexAlpha: true }));
  private key = '';
  private readonly watch = new DrawOnWatch();
  drawOnChange: THREE.Box3 | undefined;
  constructor() {
    this.node.add(this.mesh);
  }
  update(p: Props, ctx: DrawContext): void {
    const axes = ctx.propsOf(String(p.axes));
    if (!axes) return;
    applyTransform(this.node, { ...p, x: num(axes.x) + num(p.x), y: num(axes.y) + num(p.y) });
    const aa = fringeWidth(ctx);
    const width = num(p.width, 0.06);
    const before = this.watch.previous(p, [axes, aa]);
    this.drawOnChange = undefined;
    const key = JSON.stringify([p.points, p.width, p.progress, axes.xRange, axes.yRange, axes.width, axes.height, aa]);
    if (key !== this.key) {
      this.key = key;
      const [y0, y1] = axes.yRange as unknown as [number, number];
      const pieces: Point[][] = [[]];
      for (const pt of p.points as (Point | null)[]) {
        if (!pt || pt[1] < y0 - 1e-9 || pt[1] > y1 + 1e-9 || !Number.isFinite(pt[1])) {
          if (pieces[pieces.length - 1]!.length) pieces.push([]);
          continue;
        }
        pieces[pieces.length - 1]!.push(dataToLocal(axes, pt));
      }
      // Draw-on progress is measured across all pieces by point count, left to right.
      const total = pieces.reduce((n, s) => n + s.length, 0);
      // What changed while drawing on: the points between the old and the new end, whichever piece.
      const flat = pieces.flat();
      const shown = (f: number) => flat.slice(0, Math.ceil(f * total) + 1);
      this.drawOnChange = before === undefined ? undefined : drawOnBounds(shown, before, num(p.progress, 1), (width / 2) * REACH + aa);
      let budget = num(p.progress, 1) * total;
      const triangles = emptyTriangles();
      for (const piece of pieces) {
        if (budget <= 1) break;
        const take = Math.min(piece.length, Math.ceil(budget));
        appendTriangles(triangles, strokeTriangles(truncatePolyline(piece.slice(0, take), 1), width, aa));
        budget -= piece.length;
      }
      this.mesh.geometry.dispose();
      this.mesh.geometry = alphaGeometry(triangles);
    }
    setColor(this.mesh.material, p.color, num(p.opacity, 1));
  }
  dispose(): void {
    this.mesh.geometry.dispose();
    this.mesh.material.dispose();
  }
}
