// Which part of the canvas a frame changed. Explainer frames change little at a time (two bars swap, a
// counter ticks), so the renderer reads back and ships only that rectangle; the host patches it into
// the previous frame. Conservative: anything it cannot bound (a camera move) marks the whole frame.
import * as THREE from 'three';
import type { Scene, SceneObject } from '../scene/schema.ts';
import { CAMERA_ID } from '../scene/properties.ts';

/** A pixel rectangle in WebGL coordinates (origin bottom-left), end-exclusive. */
export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Bounds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const MARGIN_PX = 3;
/** Past this share of the frame, a full readback is as cheap. */
const FULL_FRAME_SHARE = 0.6;

export interface DirtyContext {
  scene: Scene;
  nodeOf(id: string): THREE.Object3D | undefined;
  /** What the object's last update changed, in its node's coordinates, when it can tell (a line drawing on). */
  drawOnChangeOf(id: string): THREE.Box3 | undefined;
  cameraFor(obj: SceneObject): THREE.Camera;
  /** Where on the canvas the scene's cameras draw (the whole canvas, or the content area above a caption band). */
  viewport(): PixelRect;
}

export class DirtyRegionTracker {
  private readonly ctx: DirtyContext;
  private readonly bounds = new Map<string, Bounds | null>();
  /** Objects that must be re-measured when a given object changes (children, edges, plots). */
  private readonly dependents = new Map<string, string[]>();
  private readonly byId: Map<string, SceneObject>;
  private readonly box = new THREE.Box3();
  private readonly corner = new THREE.Vector3();

  constructor(ctx: DirtyContext) {
    this.ctx = ctx;
    this.byId = new Map(ctx.scene.objects.map((o) => [o.id, o]));
    const link = (from: string, to: string) => this.dependents.set(from, [...(this.dependents.get(from) ?? []), to]);
    for (const o of ctx.scene.objects) {
      if (o.parent) link(o.parent, o.id);
      if (o.type === 'edge') {
        link(o.from, o.id);
        link(o.to, o.id);
      }
      if (o.type === 'plot') link(o.axes, o.id);
    }
  }

  /** Measures every object (after the first frame is drawn). */
  measureAll(): void {
    for (const o of this.ctx.scene.objects) this.bounds.set(o.id, this.measure(o));
  }

  /** The union of every object's pixel bounds as last measured (from the bottom left), or undefined when none draws. */
  contentBounds(): Bounds | undefined {
    let all: Bounds | null = null;
    for (const b of this.bounds.values()) if (b) all = union(all, b);
    return all ?? undefined;
  }

  /**
   * Whether object `id`, as last measured, may draw a pixel inside `rect` (with the anti-aliasing
   * margin). Unknown objects may; objects that draw nothing may not.
   */
  mayTouch(id: string, rect: PixelRect): boolean {
    const b = this.bounds.get(id);
    if (b === undefined) return true;
    if (b === null) return false;
    const p = this.toPixels(b);
    return p.x0 < rect.x + rect.width && rect.x < p.x1 && p.y0 < rect.y + rect.height && rect.y < p.y1;
  }

  /**
   * After a frame in which `changed` targets moved: the rectangles covering where they were and where
   * they are now (few, merged where they overlap or sit close), [] when nothing visible changed, or 'full'.
   * `extra` are rectangles something other than the scene's objects changed (the caption band).
   */
  update(changed: Set<string>, extra: readonly PixelRect[] = []): PixelRect[] | 'full' {
    if (changed.has(CAMERA_ID)) {
      this.measureAll();
      return 'full';
    }
    const affected = new Set<string>();
    const visit = (id: string) => {
      if (affected.has(id)) return;
      affected.add(id);
      for (const d of this.dependents.get(id) ?? []) visit(d);
    };
    for (const id of changed) visit(id);
    const regions: Bounds[] = [];
    for (const id of affected) {
      const obj = this.byId.get(id);
      if (!obj) continue;
      const before = this.bounds.get(id);
      const after = this.measure(obj);
      this.bounds.set(id, after);
      if (before === undefined) return 'full';
      // A line drawing on changes only around its moving end. Not for children: a parent's move
      // is not in the child's own props.
      const drawOn = obj.parent ? undefined : this.ctx.drawOnChangeOf(id);
      const region = drawOn ? this.project(drawOn, obj) : union(before, after);
      if (region) regions.push(this.toPixels(region));
    }
    for (const r of extra) regions.push({ x0: r.x, y0: r.y, x1: r.x + r.width, y1: r.y + r.height });
    const rects = mergeRegions(regions.filter((r) => r.x1 > r.x0 && r.y1 > r.y0));
    const { width: W, height: H } = this.ctx.scene;
    const area = rects.reduce((a, r) => a + (r.x1 - r.x0) * (r.y1 - r.y0), 0);
    if (area > FULL_FRAME_SHARE * W * H) return 'full';
    return rects.map((r) => ({ x: r.x0, y: r.y0, width: r.x1 - r.x0, height: r.y1 - r.y0 }));
  }

  /** Whole pixels, with a margin for anti-aliasing, clamped to the canvas. */
  private toPixels(b: Bounds): Bounds {
    const { width: W, height: H } = this.ctx.scene;
    return {
      x0: Math.max(0, Math.floor(b.x0) - MARGIN_PX),
      y0: Math.max(0, Math.floor(b.y0) - MARGIN_PX),
      x1: Math.min(W, Math.ceil(b.x1) + MARGIN_PX),
      y1: Math.min(H, Math.ceil(b.y1) + MARGIN_PX),
    };
  }

  /** Pixel bounds of an object as drawn (null when it draws nothing). */
  private measure(obj: SceneObject): Bounds | null {
    const node = this.ctx.nodeOf(obj.id);
    if (!node) return null;
    node.updateWorldMatrix(true, true);
    this.box.setFromObject(node);
    return this.projectBox(obj);
  }

  /** Pixel bounds of `local`, a box in the object's node coordinates (null when empty). */
  private project(local: THREE.Box3, obj: SceneObject): Bounds | null {
    const node = this.ctx.nodeOf(obj.id);
    if (!node) return null;
    node.updateWorldMatrix(true, false);
    this.box.copy(local).applyMatrix4(node.matrixWorld);
    return this.projectBox(obj);
  }

  /** Pixel bounds of this.box (world coordinates) as the object's camera sees it. */
  private projectBox(obj: SceneObject): Bounds | null {
    if (this.box.isEmpty()) return null;
    const camera = this.ctx.cameraFor(obj);
    const { width: W, height: H } = this.ctx.scene;
    const vp = this.ctx.viewport();
    let b: Bounds | null = null;
    for (let i = 0; i < 8; i++) {
      this.corner.set(i & 1 ? this.box.max.x : this.box.min.x, i & 2 ? this.box.max.y : this.box.min.y, i & 4 ? this.box.max.z : this.box.min.z);
      this.corner.project(camera);
      // Behind a perspective camera the projection flips: give up on bounding it.
      if (this.corner.z > 1 || this.corner.z < -1) return { x0: 0, y0: 0, x1: W, y1: H };
      const px = vp.x + ((this.corner.x + 1) / 2) * vp.width;
      const py = vp.y + ((this.corner.y + 1) / 2) * vp.height;
      b = union(b, { x0: px, y0: py, x1: px, y1: py });
    }
    return b;
  }
}

const MAX_RECTS = 4;

function areaOf(b: Bounds): number {
  return (b.x1 - b.x0) * (b.y1 - b.y0);
}

/**
 * Merges rectangles that overlap, or whose union costs little more than the two apart, until at most
 * MAX_RECTS remain: each rectangle is one more scissored pass and one more readback.
 */
export function mergeRegions(input: Bounds[]): Bounds[] {
  const rects = input.slice();
  for (;;) {
    let overlapping: [number, number] | undefined;
    let cheapest: [number, number] | undefined;
    let cheapestCost = Infinity;
    let cheapestShare = Infinity;
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i]!;
        const b = rects[j]!;
        if (!overlapping && overlaps(a, b)) overlapping = [i, j];
        const cost = areaOf(union(a, b)!) - areaOf(a) - areaOf(b);
        if (cost < cheapestCost) {
          cheapestCost = cost;
          cheapestShare = cost / Math.max(1, areaOf(a) + areaOf(b));
          cheapest = [i, j];
        }
      }
    }
    // A pixel must be patched once, so overlapping rectangles always merge; others merge past the
    // limit, or when their union costs at most a quarter more than the two apart.
    const pair = overlapping ?? (cheapest && (rects.length > MAX_RECTS || cheapestShare <= 0.25) ? cheapest : undefined);
    if (!pair) return rects;
    const [i, j] = pair;
    const merged = union(rects[i]!, rects[j]!)!;
    rects.splice(j, 1);
    rects.splice(i, 1, merged);
  }
}

function overlaps(a: Bounds, b: Bounds): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function union(a: Bounds | null, b: Bounds | null): Bounds | null {
  if (!a) return b;
  if (!b) return a;
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}
