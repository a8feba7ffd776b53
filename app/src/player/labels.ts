// Text labels and formulas: rasterised textures on quads of the screen layer.
import * as THREE from 'three';
import { applyTransform, flatMaterial, ImageQuad, num, setColor, type DrawContext, type Drawable, type Props } from './drawable.ts';

export class TextDrawable implements Drawable {
  readonly layer = 'screen' as const;
  readonly node = new THREE.Group();
  private readonly quad = new ImageQuad();
  private readonly background = new THREE.Mesh(new THREE.PlaneGeometry(1, 1), flatMaterial());
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
    this.background.scale.set(width + pad * 2, height + pad, 1);
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
