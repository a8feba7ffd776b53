// The narration burned into the frame: the current step's text in a lower-third band (white Inter on
// a semi-opaque dark backing, at most two lines, sized to the frame height, inside the 5% title-safe
// margin), fading in and out. A step's key terms are drawn in the colour of the objects they name. A pure function of time like everything the player draws, so the
// preview and the export show the same pixels; it reports the pixels it changed for partial redraw.
import * as THREE from 'three';
import { captionAt, NO_CAPTION, sameCaption, type CaptionState } from '../scene/narration.ts';
import type { NarrationStep } from '../scene/schema.ts';
import { alphaGeometry, fillTriangles } from './antialias.ts';
import { flatMaterial, ImageQuad, setColor } from './drawable.ts';
import type { PixelRect } from './dirty-region.ts';
import { roundedRectOutline } from './shapes.ts';
import { fontSpec, makeTexture, TEXT_PAD, wrapLines, type RasterisedImage } from './text-texture.ts';

/** The house sans (bundled with the player), whatever the theme's label font. */
export const CAPTION_FONT = 'Inter';
export const CAPTION_WEIGHT = 600;
/** Text height as a share of the frame height: 32 px at 720p, 49 px at 1080p. */
const SIZE_SHARE = 0.045;
/** Long steps shrink to this share of the size before they are cut to two lines. */
const MIN_SIZE_FACTOR = 0.8;
const MAX_LINES = 2;
/** Title-safe margin: nothing closer than 5% of the frame to its edge. */
const SAFE = 0.05;
export const BACKING = '#0b0f19';
const BACKING_ALPHA = 0.78;
const TEXT = '#ffffff';
/** Anti-aliasing margin around the band's pixels (as dirty-region.ts). */
const MARGIN_PX = 3;

type Step = Pick<NarrationStep, 'start' | 'duration' | 'text' | 'terms'>;

interface Laid {
  image: RasterisedImage;
  /** Backing size in pixels. */
  width: number;
  height: number;
}

export class CaptionBand {
  /** Drawn after the scene's screen layer and before any overlay, with the overlay's camera (16 x 9 units at 16:9). */
  readonly scene = new THREE.Scene();
  private readonly steps: readonly Step[];
  private readonly width: number;
  private readonly height: number;
  private readonly backing = new THREE.Mesh(new THREE.BufferGeometry(), flatMaterial({ vertexAlpha: true }));
  private readonly quad = new ImageQuad();
  private laid: { step: number; layout: Laid } | undefined;
  private state: CaptionState = NO_CAPTION;
  /** Pixel bounds of what the band drew last (undefined when it drew nothing). */
  private drawn: PixelRect | undefined;
  private measure: CanvasRenderingContext2D | undefined;
  /** Per step, the colour of each of its terms (scene/term-colors.ts). */
  private readonly termColors: readonly (readonly (string | undefined)[])[];

  constructor(steps: readonly Step[], width: number, height: number, termColors: readonly (readonly (string | undefined)[])[] = []) {
    this.steps = steps;
    this.termColors = termColors;
    this.width = width;
    this.height = height;
    this.backing.renderOrder = 0;
    this.quad.mesh.renderOrder = 1;
    this.scene.add(this.backing, this.quad.mesh);
    this.backing.visible = false;
    this.quad.mesh.visible = false;
  }

  /** Marks in `changed` every frame whose caption differs from the frame before (see ScenePlayer.changed). */
  markChangedFrames(changed: Uint8Array, fps: number): void {
    if (!this.steps.length) return;
    let before = captionAt(this.steps, 0);
    for (let f = 1; f < changed.length; f++) {
      const now = captionAt(this.steps, f / fps);
      if (!sameCaption(before, now)) changed[f] = 1;
      before = now;
    }
  }

  /**
   * Shows the caption of time `t`. Returns the pixel rectangle (WebGL coordinates) covering what the
   * band drew before and draws now when that changed, else undefined.
   */
  update(t: number): PixelRect | undefined {
    const next = captionAt(this.steps, t);
    if (sameCaption(next, this.state)) return undefined;
    this.state = next;
    const before = this.drawn;
    this.drawn = next.step < 0 ? undefined : this.show(next);
    this.backing.visible = next.step >= 0;
    this.quad.mesh.visible = next.step >= 0;
    return union(before, this.drawn);
  }

  /** Lays out and tints the band for `state`; returns its pixel bounds. */
  private show(state: CaptionState): PixelRect {
    const ppu = this.height / 9;
    if (this.laid?.step !== state.step) {
      this.laid?.layout.image.texture.dispose();
      const layout = this.layout(state.step);
      this.laid = { step: state.step, layout };
      this.backing.geometry.dispose();
      const radius = Math.min(layout.height / 2, this.height * 0.012);
      this.backing.geometry = alphaGeometry(fillTriangles(roundedRectOutline(layout.width / ppu, layout.height / ppu, radius / ppu), 1 / ppu));
      this.quad.show(layout.image, ppu, 'center');
    }
    const { width, height } = this.laid.layout;
    // Centred, its bottom on the title-safe line.
    const bottomPx = Math.round(this.height * SAFE);
    const centreY = (bottomPx + height / 2) / ppu - 4.5;
    this.backing.position.set(0, centreY, 0);
    // The text's texels on whole pixels (centred, an odd leftover would put them on half pixels and blur them).
    const imageWidth = this.laid.layout.image.width;
    this.quad.mesh.position.set((Math.round((this.width - imageWidth) / 2) - (this.width - imageWidth) / 2) / ppu, centreY, 0);
    setColor(this.backing.material, BACKING, BACKING_ALPHA * state.band);
    setColor(this.quad.mesh.material, TEXT, state.text);
    const x0 = Math.floor((this.width - width) / 2) - MARGIN_PX;
    const y0 = bottomPx - MARGIN_PX;
    return clamp({ x: x0, y: y0, width: Math.ceil(width) + 2 * MARGIN_PX + 1, height: Math.ceil(height) + 2 * MARGIN_PX + 1 }, this.width, this.height);
  }

  /**
   * Pixels from the frame's bottom edge to just above the tallest step's band: the strip the scene's
   * content should keep clear (see ScenePlayer.prepare). Call once the caption font is loaded.
   */
  reservedHeight(): number {
    let lines = 0;
    let sizePx = 0;
    for (const step of this.steps) {
      const w = this.wrap(step.text);
      lines = Math.max(lines, w.lines.length);
      sizePx = Math.max(sizePx, w.sizePx);
    }
    if (!lines) return 0;
    const textHeight = Math.ceil(sizePx * 1.25) * lines + 2 * TEXT_PAD;
    return Math.round(this.height * SAFE) + textHeight + 2 * padY(sizePx) + Math.round(this.height * 0.02);
  }

  /** The step's text in lines at the largest size that fits two of them inside the safe area. */
  private wrap(text: string): { lines: string[]; sizePx: number } {
    const base = this.height * SIZE_SHARE;
    const maxWidth = (px: number) => this.width * (1 - 2 * SAFE) - 2 * padX(px);
    const ctx = (this.measure ??= document.createElement('canvas').getContext('2d')!);
    let sizePx = Math.max(6, Math.round(base));
    let lines: string[];
    for (;;) {
      ctx.font = fontSpec({ family: CAPTION_FONT, weight: CAPTION_WEIGHT, sizePx });
      lines = wrapLines(ctx, text.replace(/[^\S\u00a0\u202f]+/g, ' ').trim(), maxWidth(sizePx));
      if (lines.length <= MAX_LINES || sizePx <= Math.round(base * MIN_SIZE_FACTOR)) break;
      sizePx -= 1;
    }
    if (lines.length > MAX_LINES) lines = [lines[0]!, ellipsis(ctx, lines.slice(1).join(' '), maxWidth(sizePx))];
    return { lines, sizePx };
  }

  /** The step's text wrapped, rasterised (its terms in their objects' colours), and the size of its backing. */
  private layout(index: number): Laid {
    const step = this.steps[index]!;
    const { lines, sizePx } = this.wrap(step.text);
    const colors = (step.terms ?? []).flatMap((term, i) => {
      const color = this.termColors[index]?.[i];
      return color ? [{ text: term.text, color }] : [];
    });
    const image = rasteriseRuns(
      lines.map((line) => colourRuns(line, colors)),
      sizePx,
    );
    return { image, width: image.width + 2 * padX(sizePx), height: image.height + 2 * padY(sizePx) };
  }

  dispose(): void {
    this.laid?.layout.image.texture.dispose();
    this.backing.geometry.dispose();
    this.backing.material.dispose();
    this.quad.dispose();
  }
}

interface Run {
  text: string;
  color: string;
}

/** A line cut into runs: each term found in it (whole words, first match) in its colour, the rest in the text colour. */
export function colourRuns(line: string, terms: readonly { text: string; color: string }[]): Run[] {
  const marks: { from: number; to: number; color: string }[] = [];
  for (const term of terms) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${term.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
    let from = 0;
    // The first occurrence not already coloured by an earlier term ("Compare 5 and 5": each 5 its own bar).
    for (;;) {
      const m = re.exec(line.slice(from));
      if (!m) break;
      const start = from + m.index;
      const end = start + term.text.length;
      if (!marks.some((k) => start < k.to && end > k.from)) {
        marks.push({ from: start, to: end, color: term.color });
        break;
      }
      from = end;
    }
  }
  marks.sort((a, b) => a.from - b.from);
  const runs: Run[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.from > at) runs.push({ text: line.slice(at, m.from), color: TEXT });
    runs.push({ text: line.slice(m.from, m.to), color: m.color });
    at = m.to;
  }
  if (at < line.length || !runs.length) runs.push({ text: line.slice(at), color: TEXT });
  return runs;
}

/** Lines of coloured runs, centred, in the caption font: drawn in their own colours (the band tints with white). */
function rasteriseRuns(lines: readonly Run[][], sizePx: number): RasterisedImage {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d')!;
  const font = fontSpec({ family: CAPTION_FONT, weight: CAPTION_WEIGHT, sizePx });
  ctx.font = font;
  const lineHeight = Math.ceil(sizePx * 1.25);
  const widths = lines.map((runs) => ctx.measureText(runs.map((r) => r.text).join('')).width);
  const width = Math.max(1, ...widths.map((w) => Math.ceil(w))) + TEXT_PAD * 2;
  const height = lineHeight * lines.length + TEXT_PAD * 2;
  canvas.width = width;
  canvas.height = height;
  ctx.font = font;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  lines.forEach((runs, i) => {
    // Each run starts where the line's text before it ends, so the runs sit exactly where one string would.
    const x0 = (width - widths[i]!) / 2;
    let before = '';
    for (const run of runs) {
      ctx.fillStyle = run.color;
      ctx.fillText(run.text, x0 + ctx.measureText(before).width, TEXT_PAD + lineHeight * (i + 0.5));
      before += run.text;
    }
  });
  return { texture: makeTexture(canvas), width, height };
}

function padX(sizePx: number): number {
  return Math.round(sizePx * 0.6);
}

function padY(sizePx: number): number {
  return Math.round(sizePx * 0.28);
}

/** `text` cut at a word to fit `maxWidth` with a trailing ellipsis (the .vtt keeps the whole step). */
function ellipsis(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  const words = text.split(' ');
  while (words.length > 1 && ctx.measureText(`${words.join(' ')}…`).width > maxWidth) words.pop();
  return `${words.join(' ')}…`;
}

function union(a: PixelRect | undefined, b: PixelRect | undefined): PixelRect | undefined {
  if (!a) return b;
  if (!b) return a;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

function clamp(r: PixelRect, W: number, H: number): PixelRect {
  const x = Math.max(0, r.x);
  const y = Math.max(0, r.y);
  return { x, y, width: Math.min(W, r.x + r.width) - x, height: Math.min(H, r.y + r.height) - y };
}
