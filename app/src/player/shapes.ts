// Filled 2D shapes: rectangles, circles, polygons, array bars and graph nodes.
import * as THREE from 'three';
import type { Point } from '../scene/geometry.ts';
import { alphaGeometry, circleOutline, fillTriangles, strokeTriangles } from './antialias.ts';
import { applyTransform, flatMaterial, fringeWidth, ImageQuad, num, setColor, type DrawContext, type Drawable, type Props } from './drawable.ts';

export function roundedRectOutline(w: number, h: number, r: number): Point[] {
  const radius = Math.max(0, Math.min(r, w / 2, h / 2));
  if (radius <= 0)
    return [
      [-w / 2, -h / 2],
      [w / 2, -h / 2],
      [w / 2, h / 2],
      [-w / 2, h / 2],
    ];
  const pts: Point[] = [];
  const corners: [number, number, number][] = [
    [w / 2 - radius, -h / 2 + radius, -Math.PI / 2],
    [w / 2 - radius, h / 2 - radius, 0],
    [-w / 2 + radius, h / 2 - radius, Math.PI / 2],
    [-w / 2 + radius, -h / 2 + radius, Math.PI],
  ];
  for (const [cx, cy, a0] of corners) {
    for (let i = 0; i <= 8; i++) {
      const a = a0 + (i / 8) * (Math.PI / 2);
      pts.push([cx + Math.cos(a) * radius, cy + Math.sin(a) * radius]);
    }
  }
  return pts;
}

/** A filled outline with an optional stroke; geometry is rebuilt only when the outline changes. */
class OutlineShape {
  readonly group = new THREE.Group();
  private readonly fill = new THREE.Mesh(new THREE.BufferGeometry(), flatMaterial({ vertexAlpha: true }));
  private readonly stroke = new THREE.Mesh(new THREE.BufferGeometry(), flatMaterial({ vertexAlpha: true }));
  private key = '';

  constructor() {
    this.group.add(this.fill, this.stroke);
  }

  update(outline: () => Point[], key: string, strokeWidth: number, fill: Props['fill'], stroke: Props['stroke'], opacity: number, aa: number): void {
    const fullKey = `${key}|${strokeWidth}|${aa}`;
    if (fullKey !== this.key) {
      this.key = fullKey;
      const pts = outline();
      this.fill.geometry.dispose();
      this.fill.geometry = alphaGeometry(fillTriangles(pts, aa));
      this.stroke.geometry.dispose();
      this.stroke.geometry = alphaGeometry(strokeTriangles(pts, strokeWidth, aa, true));
    }
    setColor(this.fill.material, fill, opacity);
    setColor(this.stroke.material, strokeWidth > 0 ? stroke : undefined, opacity);
  }

  dispose(): void {
    for (const m of [this.fill, this.stroke]) {
      m.geometry.dispose();
      m.material.dispose();
    }
  }
}

export class RectDrawable implements Drawable {
  readonly layer = 'screen' as const;
  readonly node = new THREE.Group();
  private readonly shape = new OutlineShape();
  constructor() {
    this.node.add(this.shape.group);
  }
  update(p: Props, ctx: DrawContext): void {
    applyTransform(this.node, p);
    const [w, h, r] = [num(p.width), num(p.height), num(p.cornerRadius)];
    this.shape.update(() => roundedRectOutline(w, h, r), `${w},${h},${r}`, num(p.strokeWidth), p.fill, p.stroke, num(p.opacity, 1), fringeWidth(ctx));
  }
  dispose(): void {
    this.shape.dispose();
  }
}

export class CircleDrawable implements Drawable {
  readonly layer = 'screen' as const;
  readonly node = new THREE.Group();
  private readonly shape = new OutlineShape();
  constructor() {
    this.node.add(this.shape.group);
  }
  update(p: Props, ctx: DrawContext): void {
    applyTransform(this.node, p);
    const r = num(p.radius);
    this.shape.update(() => circleOutline(r), `${r}`, num(p.strokeWidth), p.fill, p.stroke, num(p.opacity, 1), fringeWidth(ctx));
  }
  dispose(): void {
    this.shape.dispose();
  }
}

export class PolygonDrawable implements Drawable {
  readonly layer = 'screen' as const;
  readonly node = new THREE.Group();
  private readonly shape = new OutlineShape();
  constructor() {
    this.node.add(this.shape.group);
  }
  update(p: Props, ctx: DrawContext): void {
    applyTransform(this.node, p);
    const pts = p.points as Point[];
    this.shape.update(() => pts, JSON.stringify(pts), num(p.strokeWidth), p.fill, p.stroke, num(p.opacity, 1), fringeWidth(ctx));
  }
  dispose(): void {
    this.shape.dispose();
  }
}

/** A bar of an array or chart: (x, y) is the middle of its base; the label sits on top. */
export class BarDrawable implements Drawable {
  readonly layer = 'screen' as const;
  readonly node = new THREE.Group();
  private readonly shape = new OutlineShape();
  private readonly label = new ImageQuad();
  constructor() {
    this.node.add(this.shape.group, this.label.mesh);
  }
  update(p: Props, ctx: DrawContext): void {
    applyTransform(this.node, p);
    const [w, h, r] = [num(p.width), num(p.height), num(p.cornerRadius)];
    const opacity = num(p.opacity, 1);
    this.shape.update(() => roundedRectOutline(w, h, Math.min(r, h / 2)).map(([x, y]) => [x, y + h / 2] as Point), `${w},${h},${r}`, 0, p.fill, undefined, opacity, fringeWidth(ctx));
    const text = typeof p.label === 'string' ? p.label : '';
    this.label.mesh.visible = text !== '';
    if (text) {
      const size = Math.min(0.45, Math.max(0.22, w * 0.45));
      this.label.show(ctx.text(text, { font: 'mono', weight: 600, size, align: 'center' }), ctx.pixelsPerUnit);
      this.label.mesh.position.y = h + size * 0.75;
      setColor(this.label.mesh.material, p.labelColor, opacity);
    }
  }
  dispose(): void {
    this.shape.dispose();
    this.label.dispose();
  }
}

/** A graph node: a stroked circle with its label in the middle. */
export class NodeDrawable implements Drawable {
  readonly layer = 'screen' as const;
  readonly node = new THREE.Group();
  private readonly shape = new OutlineShape();
  private readonly label = new ImageQuad();
  constructor() {
    this.node.add(this.shape.group, this.label.mesh);
  }
  update(p: Props, ctx: DrawContext): void {
    applyTransform(this.node, p);
    const r = num(p.radius, 0.4);
    const opacity = num(p.opacity, 1);
    this.shape.update(() => circleOutline(r), `${r}`, num(p.strokeWidth), p.fill, p.stroke, opacity, fringeWidth(ctx));
    const text = typeof p.label === 'string' ? p.label : '';
    this.label.mesh.visible = text !== '';
    if (text) {
      this.label.show(ctx.text(text, { font: 'sans', weight: 600, size: r * 0.9, align: 'center' }), ctx.pixelsPerUnit);
      setColor(this.label.mesh.material, p.labelColor, opacity);
    }
  }
  dispose(): void {
    this.shape.dispose();
    this.label.dispose();
  }
}
