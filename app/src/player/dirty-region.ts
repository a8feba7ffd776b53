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
  cameraFor(obj: SceneObject): THREE.Camera;
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

  /**
   * After drawing a frame in which `changed` targets moved: the rectangle covering where they were and
   * where they are now, or 'full'.
   */
  update(changed: Set<string>): PixelRect | 'full' {
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
    let region: Bounds | null = null;
    for (const id of affected) {
      const obj = this.byId.get(id);
      if (!obj) continue;
      const before = this.bounds.get(id);
      const after = this.measure(obj);
      this.bounds.set(id, after);
      if (before === undefined) return 'full';
      region = union(union(region, before), after);
    }
    const { width: W, height: H } = this.ctx.scene;
    if (!region) return { x: 0, y: 0, width: 0, height: 0 };
    const x0 = Math.max(0, Math.floor(region.x0) - MARGIN_PX);
    const y0 = Math.max(0, Math.floor(region.y0) - MARGIN_PX);
    const x1 = Math.min(W, Math.ceil(region.x1) + MARGIN_PX);
    const y1 = Math.min(H, Math.ceil(region.y1) + MARGIN_PX);
    if (x1 <= x0 || y1 <= y0) return { x: 0, y: 0, width: 0, height: 0 };
    if ((x1 - x0) * (y1 - y0) > FULL_FRAME_SHARE * W * H) return 'full';
    return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  }

  /** Pixel bounds of an object as drawn (null when it draws nothing). */
  private measure(obj: SceneObject): Bounds | null {
    const node = this.ctx.nodeOf(obj.id);
    if (!node) return null;
    node.updateWorldMatrix(true, true);
    this.box.setFromObject(node);
    if (this.box.isEmpty()) return null;
    const camera = this.ctx.cameraFor(obj);
    const { width: W, height: H } = this.ctx.scene;
    let b: Bounds | null = null;
    for (let i = 0; i < 8; i++) {
      this.corner.set(i & 1 ? this.box.max.x : this.box.min.x, i & 2 ? this.box.max.y : this.box.min.y, i & 4 ? this.box.max.z : this.box.min.z);
      this.corner.project(camera);
      // Behind a perspective camera the projection flips: give up on bounding it.
      if (this.corner.z > 1 || this.corner.z < -1) return { x0: 0, y0: 0, x1: W, y1: H };
      const px = ((this.corner.x + 1) / 2) * W;
      const py = ((this.corner.y + 1) / 2) * H;
      b = union(b, { x0: px, y0: py, x1: px, y1: py });
    }
    return b;
  }
}

function union(a: Bounds | null, b: Bounds | null): Bounds | null {
  if (!a) return b;
  if (!b) return a;
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}
