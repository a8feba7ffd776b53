// Text labels and formulas: rasterised textures on quads of the screen layer.
import * as THREE from 'three';
import { alphaGeometry, fillTriangles, rectOutline } from './antialias.ts';
import { applyTransform, flatMaterial, fringeWidth, ImageQuad, num, setColor, type DrawContext, type Drawable, type Props } from './drawable.ts';

export class TextDrawable implements Drawable {
  readonly layer = 'screen' as const;
  readonly node = new THREE.Group();
  private readonly quad = new ImageQuad();
  private readonly background = new THREE.Mesh(new THREE.BufferGeometry(), flatMaterial({ vertexAlpha: true }));
  private backgroundKey = '';
  constructor() {
    this.node.add(this.background, this.quad.mesh);
  }
  update(p: Props, ctx: DrawContext): void {
    applyTransform(this.node, p);
    const align = (p.align as 'left' | 'center' | 'right') ?? 'center';
    const image = ctx.text(String(p.text ?? ''), {
      font: p.font === 'mono' ? 'mono' : 'sans',
      weight: num(p.weight, 400),
      size: num(p.size, 0.5),
      align,
      maxWidth: typeof p.maxWidth === 'number' ? p.maxWidth : undefined,
    });
    this.quad.show(image, ctx.pixelsPerUnit, align);
    const opacity = num(p.opacity, 1);
    setColor(this.quad.mesh.material, p.color, opacity);
    const { width, height } = this.quad.size(ctx.pixelsPerUnit);
    const pad = num(p.size, 0.5) * 0.4;
    // Built at its drawn size, so the anti-aliasing fringe stays one pixel wide.
    const key = `${width}|${height}|${pad}|${fringeWidth(ctx)}`;
    if (key !== this.backgroundKey) {
      this.backgroundKey = key;
      this.background.geometry.dispose();
      this.background.geometry = alphaGeometry(fillTriangles(rectOutline(width + pad * 2, height + pad), fringeWidth(ctx)));
    }
    this.background.position.x = this.quad.mesh.position.x;
    setColor(this.background.material, p.background, opacity);
  }
  dispose(): void {
    this.quad.dispose();
    this.background.geometry.dispose();
    this.background.material.dispose();
  }
}

export class MathDrawable implements Drawable {
  readonly layer = 'screen' as const;
  readonly node = new THREE.Group();
  private readonly quad = new ImageQuad();
  constructor() {
    this.node.add(this.quad.mesh);
  }
  update(p: Props, ctx: DrawContext): void {
    applyTransform(this.node, p);
    const prepared = ctx.math(String(p.latex));
    this.quad.mesh.visible = prepared !== undefined;
    if (!prepared) return;
    // Rasterised once at its declared size; a size tween scales the quad.
    this.quad.show(prepared.image, (ctx.pixelsPerUnit * prepared.size) / num(p.size, 0.6));
    setColor(this.quad.mesh.material, p.color, num(p.opacity, 1));
  }
  dispose(): void {
    this.quad.dispose();
  }
}
