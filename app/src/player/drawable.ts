// What every drawn object shares: a three.js node on one layer, and an update from its current props.
import * as THREE from 'three';
import type { Value } from '../scene/timeline.ts';
import type { RasterisedImage } from './text-texture.ts';

export type Props = Record<string, Value | undefined> & { id: string; type: string };

export interface DrawContext {
  /** Output pixels per world unit on the screen (2D) layer: text is rasterised at this density. */
  pixelsPerUnit: number;
  /** The scene's background colour (labels that sit on lines cut them with it). */
  background: string;
  fontSans: string;
  fontMono: string;
  /** Current props of another object (edges follow nodes, plots follow axes). */
  propsOf(id: string): Props | undefined;
  /** A text texture, cached by content and style. */
  text: (text: string, opts: { font: 'sans' | 'mono'; weight: number; size: number; align: 'left' | 'center' | 'right'; maxWidth?: number }) => RasterisedImage;
  /** A formula's texture, prepared before the first frame, and the size (world units per em) it was rasterised for. */
  math(latex: string): { image: RasterisedImage; size: number } | undefined;
}

export type Layer = 'screen' | 'world';

export interface Drawable {
  readonly node: THREE.Object3D;
  readonly layer: Layer;
  /** Applies the object's props; `opacity` is already multiplied by its parents'. */
  update(props: Props, ctx: DrawContext): void;
  /**
   * When the last update only drew more (or less) of the object on, as a line drawing itself does:
   * bounds, in the node's own coordinates, of everything that changed. Undefined when anything else
   * changed, so the whole object counts (see dirty-region.ts).
   */
  readonly drawOnChange?: THREE.Box3 | undefined;
  dispose(): void;
}

/**
 * Materials for flat 2D drawing: no lighting, no depth, painter's order by declaration. With
 * `vertexAlpha`, the geometry's vertex colours carry each point's alpha (see antialias.ts).
 */
export function flatMaterial(opts: { vertexAlpha?: boolean } = {}): THREE.MeshBasicMaterial {
  return new THREE.MeshBasicMaterial({ transparent: true, depthTest: false, depthWrite: false, side: THREE.DoubleSide, vertexColors: opts.vertexAlpha ?? false });
}

/** Width in world units of the anti-aliasing fringe: one output pixel. */
export function fringeWidth(ctx: DrawContext): number {
  return 1 / ctx.pixelsPerUnit;
}

export function setColor(material: THREE.MeshBasicMaterial | THREE.MeshStandardMaterial, color: Value | undefined, opacity: number): void {
  if (typeof color !== 'string') {
    material.visible = false;
    return;
  }
  const hex = color.length === 9 ? color.slice(0, 7) : color;
  const alpha = color.length === 9 ? parseInt(color.slice(7), 16) / 255 : 1;
  material.color.set(hex);
  material.opacity = opacity * alpha;
  material.visible = material.opacity > 0.001;
}

export function num(v: Value | undefined, fallback = 0): number {
  return typeof v === 'number' ? v : fallback;
}

export function applyTransform(node: THREE.Object3D, p: Props): void {
  node.position.set(num(p.x), num(p.y), num(p.z));
  const deg = Math.PI / 180;
  node.rotation.set(num(p.rotationX) * deg, num(p.rotationY) * deg, num(p.rotation) * deg);
  const s = num(p.scale, 1);
  node.scale.set(s, s, s);
  node.visible = s !== 0;
}

/** A textured quad showing a rasterised image at `pixelsPerUnit`, anchored per `align`. */
export class ImageQuad {
  readonly mesh: THREE.Mesh<THREE.PlaneGeometry, THREE.MeshBasicMaterial>;
  private image: RasterisedImage | undefined;

  constructor() {
    const material = flatMaterial();
    this.mesh = new THREE.Mesh(new THREE.PlaneGeometry(1, 1), material);
  }

  show(image: RasterisedImage, pixelsPerUnit: number, align: 'left' | 'center' | 'right' = 'center'): void {
    if (this.image !== image) {
      this.image = image;
      this.mesh.material.map = image.texture;
      this.mesh.material.needsUpdate = true;
    }
    const w = image.width / pixelsPerUnit;
    const h = image.height / pixelsPerUnit;
    this.mesh.scale.set(w, h, 1);
    this.mesh.position.x = align === 'left' ? w / 2 : align === 'right' ? -w / 2 : 0;
  }

  /** Size in world units of what is shown. */
  size(pixelsPerUnit: number): { width: number; height: number } {
    return this.image ? { width: this.image.width / pixelsPerUnit, height: this.image.height / pixelsPerUnit } : { width: 0, height: 0 };
  }

  dispose(): void {
    this.mesh.geometry.dispose();
    this.mesh.material.dispose();
  }
}
