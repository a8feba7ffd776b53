// Render options drawn over every frame: a watermark and a branding bar (logo, colours, product name).
// Licensing switches them on and off, so they live outside the scene spec.
import * as THREE from 'three';
import { alphaGeometry, fillTriangles, rectOutline } from './antialias.ts';
import { flatMaterial, ImageQuad, setColor } from './drawable.ts';
import { rasteriseImage, type RasterisedImage } from './text-texture.ts';

export interface OverlayOptions {
  watermark?: { text: string; opacity?: number };
  branding?: {
    productName?: string;
    /** A data: URL (PNG/JPEG/SVG) of the logo. */
    logo?: string;
    colors?: { primary?: string; text?: string };
  };
}

type TextFn = (text: string, opts: { font: 'sans' | 'mono'; weight: number; size: number; align: 'left' | 'center' | 'right' }) => RasterisedImage;

/** Builds the overlay layer for a 16 x 9 unit screen; returns undefined when there is nothing to draw. */
export async function buildOverlay(options: OverlayOptions, aspect: number, pixelsPerUnit: number, text: TextFn): Promise<THREE.Scene | undefined> {
  if (!options.watermark && !options.branding) return undefined;
  const scene = new THREE.Scene();
  const halfW = (9 * aspect) / 2;
  let order = 0;
  const add = (obj: THREE.Object3D) => {
    obj.traverse((o) => (o.renderOrder = order++));
    scene.add(obj);
  };

  const brand = options.branding;
  if (brand) {
    const barHeight = 0.12;
    const bar = new THREE.Mesh(alphaGeometry(fillTriangles(rectOutline(halfW * 2, barHeight), 1 / pixelsPerUnit)), flatMaterial({ vertexAlpha: true }));
    bar.position.set(0, -4.5 + barHeight / 2, 0);
    setColor(bar.material, brand.colors?.primary ?? '#2563eb', 1);
    add(bar);
    let x = -halfW + 0.35;
    if (brand.logo) {
      const img = new Image();
      img.src = brand.logo;
      await img.decode();
      const quad = new ImageQuad();
      const logo = rasteriseImage(img);
      const height = 0.6;
      quad.show(logo, logo.height / height, 'left');
      quad.mesh.position.x += x;
      quad.mesh.position.y = 4.5 - 0.25 - height / 2;
      quad.mesh.material.color.set('#ffffff');
      add(quad.mesh);
      x += (logo.width / logo.height) * height + 0.2;
    }
    if (brand.productName) {
      const quad = new ImageQuad();
      quad.show(text(brand.productName, { font: 'sans', weight: 700, size: 0.32, align: 'left' }), pixelsPerUnit, 'left');
      quad.mesh.position.x += x;
      quad.mesh.position.y = 4.5 - 0.55;
      setColor(quad.mesh.material, brand.colors?.text ?? brand.colors?.primary ?? '#ffffff', 1);
      add(quad.mesh);
    }
  }

  if (options.watermark) {
    // White on a dark pill: readable on light and dark themes alike.
    const opacity = options.watermark.opacity ?? 0.6;
    const quad = new ImageQuad();
    quad.show(text(options.watermark.text, { font: 'sans', weight: 700, size: 0.34, align: 'right' }), pixelsPerUnit, 'right');
    const { width, height } = quad.size(pixelsPerUnit);
    const right = halfW - 0.3;
    const y = -4.5 + 0.55;
    const pill = new THREE.Mesh(alphaGeometry(fillTriangles(rectOutline(width + 0.3, height + 0.06), 1 / pixelsPerUnit)), flatMaterial({ vertexAlpha: true }));
    pill.position.set(right - width / 2, y, 0);
    setColor(pill.material, '#000000', opacity * 0.6);
    add(pill);
    quad.mesh.position.x += right;
    quad.mesh.position.y = y;
    setColor(quad.mesh.material, '#ffffff', opacity);
    add(quad.mesh);
  }
  return scene;
}
