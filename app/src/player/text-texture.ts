// Text and formulas become textures drawn white at the output's pixel density, then tinted by the
// material colour: crisp at 4K, and a colour change (highlight) needs no re-rasterising.
import * as THREE from 'three';

export interface TextStyle {
  family: string;
  weight: number;
  /** Font size in pixels. */
  sizePx: number;
  align: 'left' | 'center' | 'right';
  /** Wrap width in pixels. */
  maxWidthPx?: number;
}

export interface RasterisedImage {
  texture: THREE.Texture;
  /** Pixel size of the texture. */
  width: number;
  height: number;
}

/** Pixels of padding around rasterised text and formulas. */
export const TEXT_PAD = 4;

export function wrapLines(ctx: CanvasRenderingContext2D, text: string, maxWidth?: number): string[] {
  const paragraphs = text.split('\n');
  if (!maxWidth) return paragraphs;
  const lines: string[] = [];
  for (const para of paragraphs) {
    let line = '';
    // No-break spaces (the narrow one between digit groups, "12 500"; the one before a unit) hold a word together.
    for (const word of para.split(/[^\S\u00a0\u202f]+/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && ctx.measureText(candidate).width > maxWidth) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

export function fontSpec(style: Pick<TextStyle, 'family' | 'weight' | 'sizePx'>): string {
  return `${style.weight} ${style.sizePx}px "${style.family}"`;
}

export function makeTexture(canvas: HTMLCanvasElement): THREE.Texture {
  const texture = new THREE.CanvasTexture(canvas);
  texture.colorSpace = THREE.SRGBColorSpace;
  texture.generateMipmaps = false;
  texture.minFilter = THREE.LinearFilter;
  texture.magFilter = THREE.LinearFilter;
  texture.needsUpdate = true;
  return texture;
}

/** Draws user text as pixels (never as markup): the string is only ever passed to fillText. */
export function rasteriseText(text: string, style: TextStyle): RasterisedImage {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d')!;
  ctx.font = fontSpec(style);
  const lines = wrapLines(ctx, text, style.maxWidthPx);
  const lineHeight = Math.ceil(style.sizePx * 1.25);
  const width = Math.max(1, ...lines.map((l) => Math.ceil(ctx.measureText(l).width))) + TEXT_PAD * 2;
  const height = lineHeight * lines.length + TEXT_PAD * 2;
  canvas.width = width;
  canvas.height = height;
  ctx.font = fontSpec(style);
  ctx.fillStyle = '#ffffff';
  ctx.textBaseline = 'middle';
  ctx.textAlign = style.align;
  const x = style.align === 'left' ? TEXT_PAD : style.align === 'right' ? width - TEXT_PAD : width / 2;
  lines.forEach((line, i) => ctx.fillText(line, x, TEXT_PAD + lineHeight * (i + 0.5)));
  return { texture: makeTexture(canvas), width, height };
}

/**
 * Rasterises an SVG from MathJax (sized in Node at 1 em = 100 px) in white, at `pxPerEm` pixels per em.
 * MathJax draws with currentColor; drawing it white lets the material tint it.
 */
export async function rasteriseSvg(svg: string, pxPerEm: number): Promise<RasterisedImage> {
  const white = svg.replace(/currentColor/g, '#ffffff');
  const img = new Image();
  img.src = 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(white)));
  await img.decode();
  const k = pxPerEm / 100;
  const width = Math.max(1, Math.ceil(img.naturalWidth * k));
  const height = Math.max(1, Math.ceil(img.naturalHeight * k));
  const canvas = document.createElement('canvas');
  canvas.width = width + TEXT_PAD * 2;
  canvas.height = height + TEXT_PAD * 2;
  canvas.getContext('2d')!.drawImage(img, TEXT_PAD, TEXT_PAD, width, height);
  return { texture: makeTexture(canvas), width: canvas.width, height: canvas.height };
}

export function rasteriseImage(img: HTMLImageElement): RasterisedImage {
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  canvas.getContext('2d')!.drawImage(img, 0, 0);
  return { texture: makeTexture(canvas), width: canvas.width, height: canvas.height };
}
