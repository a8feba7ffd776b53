// The playback core: draws a scene at a given frame. A pure function of (scene, frame): time is
// frame / fps, never the wall clock. The realtime and fixed-step drivers both call drawFrame.
import * as THREE from 'three';
import { burnsIn } from '../scene/narration.ts';
import { ANIMATABLE } from '../scene/properties.ts';
import { MIN_CONTENT_SCALE, TITLE_SAFE } from '../scene/safe-area.ts';
import type { Scene, SceneObject } from '../scene/schema.ts';
import { resolveColor, resolveTheme, type Theme } from '../scene/themes.ts';
import { CompiledTimeline, frameCount, type Value } from '../scene/timeline.ts';
import type { DrawContext, Drawable, Props } from './drawable.ts';
import { AxesDrawable, EdgeDrawable, LineDrawable, PlotDrawable } from './lines.ts';
import { MathDrawable, TextDrawable } from './labels.ts';
import { GroupDrawable, MeshDrawable } from './meshes.ts';
import { BACKING, CAPTION_FONT, CAPTION_WEIGHT, CaptionBand } from './caption-band.ts';
import { termColors } from '../scene/term-colors.ts';
import { buildOverlay, type OverlayOptions } from './overlay.ts';
import { DirtyRegionTracker, type PixelRect } from './dirty-region.ts';
import { BarDrawable, CircleDrawable, NodeDrawable, PolygonDrawable, RectDrawable } from './shapes.ts';
import { fontSpec, rasteriseSvg, rasteriseText, type RasterisedImage } from './text-texture.ts';

/** Height of the 2D view in world units; the width follows the aspect ratio (16 at 16:9). */
export const VIEW_HEIGHT = 9;

export interface PlayerAssets {
  /** LaTeX source → SVG from MathJax (rendered by the host, see render/math.ts). */
  math: Record<string, string>;
}

function createDrawable(obj: SceneObject): Drawable {
  switch (obj.type) {
    case 'rect':
      return new RectDrawable();
    case 'circle':
      return new CircleDrawable();
    case 'polygon':
      return new PolygonDrawable();
    case 'line':
      return new LineDrawable();
    case 'text':
      return new TextDrawable();
    case 'math':
      return new MathDrawable();
    case 'axes':
      return new AxesDrawable();
    case 'plot':
      return new PlotDrawable();
    case 'bar':
      return new BarDrawable();
    case 'node':
      return new NodeDrawable();
    case 'edge':
      return new EdgeDrawable();
    case 'mesh':
      return new MeshDrawable(obj as unknown as Props);
    case 'group':
      return new GroupDrawable();
  }
}

/** Times sampled to find where the content reaches (see fitSafeArea). */
const CONTENT_SAMPLES = 8;

// Fonts come in unicode-range subsets; loading with this sample pulls Latin, Latin-ext, Greek and Cyrillic.
const FONT_SAMPLE = 'AaZz09ÀàĀāŁłΑαΩωАаЯя−×÷';

export class ScenePlayer {
  readonly scene: Scene;
  readonly frameCount: number;
  /** changed[f] = 1 when frame f may differ from frame f - 1. */
  readonly changed: Uint8Array;
  readonly renderer: THREE.WebGLRenderer;
  private readonly theme: Theme;
  private readonly timeline: CompiledTimeline;
  private readonly world = new THREE.Scene();
  private readonly screen = new THREE.Scene();
  private overlay: THREE.Scene | undefined;
  /** The narration burned into the frame; undefined for sidecar-only captions or no narration. */
  private readonly captionBand: CaptionBand | undefined;
  private readonly camera: THREE.OrthographicCamera | THREE.PerspectiveCamera;
  private readonly screenCamera: THREE.OrthographicCamera;
  private readonly overlayCamera: THREE.OrthographicCamera;
  private readonly drawables = new Map<string, Drawable>();
  private readonly textCache = new Map<string, RasterisedImage>();
  private readonly mathCache = new Map<string, { image: RasterisedImage; size: number }>();
  /** Output pixels per world unit on the screen layer (less when the content area shrinks above the caption band). */
  private pixelsPerUnit: number;
  /** Where the scene's cameras draw: the whole canvas, or the content area above the caption band. */
  private viewport: PixelRect;
  /** The title-safe area in pixels: the scene's content is drawn only inside it (the caption band and overlay are not). */
  private readonly safeClip: PixelRect;
  private readonly background: string;
  private readonly assets: PlayerAssets;
  private readonly overlayOptions: OverlayOptions;
  private lastFrame = -1;
  private readonly hasMeshes: boolean;
  private lastDrawnTime: number | undefined;
  private readonly dirty: DirtyRegionTracker;
  /** What the last drawFrame changed on the canvas compared with the frame drawn before it. */
  lastChange: PixelRect[] | 'full' = 'full';

  constructor(canvas: HTMLCanvasElement | OffscreenCanvas, scene: Scene, assets: PlayerAssets, options: { overlay?: OverlayOptions; antialias?: boolean } = {}) {
    this.scene = scene;
    this.assets = assets;
    this.overlayOptions = options.overlay ?? {};
    this.theme = resolveTheme(scene.style.theme, scene.style.palette);
    this.timeline = new CompiledTimeline(scene);
    this.frameCount = frameCount(scene);
    this.changed = this.timeline.changedFrames(scene.fps, this.frameCount);
    if (burnsIn(scene.captions.mode) && scene.narration.steps.length) {
      this.captionBand = new CaptionBand(scene.narration.steps, scene.width, scene.height, termColors(scene, this.timeline, BACKING));
      this.captionBand.markChangedFrames(this.changed, scene.fps);
    }
    this.background = resolveColor(scene.background, this.theme.palette);

    canvas.width = scene.width;
    canvas.height = scene.height;
    this.hasMeshes = scene.objects.some((o) => o.type === 'mesh');
    // 2D drawables anti-alias their own edges (antialias.ts); multisampling is for 3D meshes only.
    const msaa = (options.antialias ?? true) && this.hasMeshes;
    this.renderer = new THREE.WebGLRenderer({ canvas, antialias: msaa, preserveDrawingBuffer: true, alpha: false, powerPreference: 'high-performance' });
    this.renderer.setPixelRatio(1);
    this.renderer.setSize(scene.width, scene.height, false);
    this.renderer.outputColorSpace = THREE.SRGBColorSpace;
    this.renderer.autoClear = false;
    this.renderer.setClearColor(this.background.slice(0, 7), 1);

    const aspect = scene.width / scene.height;
    const halfW = (VIEW_HEIGHT * aspect) / 2;
    const ortho = () => new THREE.OrthographicCamera(-halfW, halfW, VIEW_HEIGHT / 2, -VIEW_HEIGHT / 2, -100, 100);
    this.screenCamera = ortho();
    this.overlayCamera = ortho();
    if (scene.camera.type === 'perspective') {
      this.camera = new THREE.PerspectiveCamera(scene.camera.fov, aspect, 0.05, 1000);
    } else {
      this.camera = this.screenCamera;
      this.camera.position.z = 50;
    }
    this.screenCamera.position.z = 50;
    this.overlayCamera.position.z = 50;
    this.pixelsPerUnit = (scene.height / VIEW_HEIGHT) * (scene.camera.type === 'orthographic' ? scene.camera.zoom : 1);
    this.viewport = { x: 0, y: 0, width: scene.width, height: scene.height };
    const [mx, my] = [Math.round(scene.width * TITLE_SAFE), Math.round(scene.height * TITLE_SAFE)];
    this.safeClip = { x: mx, y: my, width: scene.width - 2 * mx, height: scene.height - 2 * my };
    this.addLights();
    this.buildObjects();
    this.dirty = new DirtyRegionTracker({
      scene,
      nodeOf: (id) => this.drawables.get(id)?.node,
      drawOnChangeOf: (id) => this.drawables.get(id)?.drawOnChange,
      cameraFor: (obj) => (obj.type === 'mesh' ? this.camera : this.screenCamera),
      viewport: () => this.viewport,
    });
  }

  private addLights(): void {
    this.world.add(new THREE.HemisphereLight(0xffffff, 0x334155, 1.2));
    const key = new THREE.DirectionalLight(0xffffff, 2.2);
    key.position.set(5, 8, 10);
    const fill = new THREE.DirectionalLight(0xffffff, 0.6);
    fill.position.set(-6, -2, 4);
    this.world.add(key, fill);
  }

  private buildObjects(): void {
    const groups = new Map<string, GroupDrawable>();
    this.scene.objects.forEach((obj, index) => {
      const d = createDrawable(obj);
      this.drawables.set(obj.id, d);
      if (d instanceof GroupDrawable) groups.set(obj.id, d);
      // Declaration order is drawing order on the screen layer. three.js sorts a group's descendants
      // by the group's renderOrder first, so nested groups keep the object's base order and only the
      // meshes count up (otherwise a node's label, outside its shape group, sinks under the fill).
      let order = index * 64;
      d.node.traverse((o) => (o.renderOrder = o instanceof THREE.Group ? index * 64 : order++));
    });
    for (const obj of this.scene.objects) {
      const d = this.drawables.get(obj.id)!;
      const parent = obj.parent ? groups.get(obj.parent) : undefined;
      if (d instanceof GroupDrawable) {
        (parent ? parent.node : this.screen).add(d.node);
        (parent ? parent.worldNode : this.world).add(d.worldNode);
      } else if (d.layer === 'world') (parent ? parent.worldNode : this.world).add(d.node);
      else (parent ? parent.node : this.screen).add(d.node);
    }
  }

  private fontFamily(font: 'sans' | 'mono'): string {
    return font === 'mono' ? this.theme.fontMono : this.theme.fontSans;
  }

  private readonly context: DrawContext = {
    pixelsPerUnit: 0,
    background: '',
    fontSans: '',
    fontMono: '',
    propsOf: () => undefined,
    text: (text, o) => {
      const key = JSON.stringify([text, o.font, o.weight, o.size, o.align, o.maxWidth, this.pixelsPerUnit]);
      let image = this.textCache.get(key);
      if (!image) {
        image = rasteriseText(text, {
          family: this.fontFamily(o.font),
          weight: o.weight,
          sizePx: Math.max(1, Math.round(o.size * this.pixelsPerUnit)),
          align: o.align,
          maxWidthPx: o.maxWidth ? o.maxWidth * this.pixelsPerUnit : undefined,
        });
        this.textCache.set(key, image);
      }
      return image;
    },
    math: (latex) => this.mathCache.get(latex),
  };

  /** Loads fonts and rasterises formulas; call once before the first drawFrame. */
  async prepare(): Promise<void> {
    const families = new Set([this.theme.fontSans, this.theme.fontMono]);
    const loads: Promise<unknown>[] = [];
    for (const family of families) {
      for (const weight of [400, 600, 700]) loads.push(document.fonts.load(fontSpec({ family, weight, sizePx: 32 }), FONT_SAMPLE));
    }
    if (this.captionBand) loads.push(document.fonts.load(fontSpec({ family: CAPTION_FONT, weight: CAPTION_WEIGHT, sizePx: 32 }), FONT_SAMPLE));
    await Promise.all(loads);
    await document.fonts.ready;

    await this.rasteriseMath();
    this.overlay = await buildOverlay(this.overlayOptions, this.scene.width / this.scene.height, this.pixelsPerUnit, this.context.text);
    await this.fitSafeArea(this.captionBand);
  }

  /** Formulas as textures at the current pixel density (see MathDrawable). */
  private async rasteriseMath(): Promise<void> {
    for (const { image } of this.mathCache.values()) image.texture.dispose();
    this.mathCache.clear();
    const mathSizes = new Map<string, number>();
    for (const obj of this.scene.objects) if (obj.type === 'math') mathSizes.set(obj.latex, Math.max(mathSizes.get(obj.latex) ?? 0, obj.size));
    for (const entry of this.scene.timeline) {
      if (entry.type !== 'set' || entry.property !== 'latex' || typeof entry.value !== 'string') continue;
      const obj = this.scene.objects.find((o) => o.id === entry.target);
      if (obj?.type === 'math') mathSizes.set(entry.value, Math.max(mathSizes.get(entry.value) ?? 0, obj.size));
    }
    for (const [latex, size] of mathSizes) {
      const svg = this.assets.math[latex];
      if (!svg) continue;
      this.mathCache.set(latex, { image: await rasteriseSvg(svg, size * this.pixelsPerUnit), size });
    }
  }

  /**
   * Fits what the scene draws, at any of a few sampled times, inside the title-safe area: 5% in from every edge, and
   * above the caption band when there is one (the narration must not cover the subject). The content area (both
   * cameras' viewport) shrinks just enough and moves only as far as it must, so every layout respects the margin
   * whatever it placed near an edge. Content already inside is left as it is; it never shrinks below
   * MIN_CONTENT_SCALE: past that it is kept under the top edge (its bottom may reach the caption band, as before) and
   * whatever still reaches the margin is cut there (drawFrame's scissor), as a grid meant to run off the edge is.
   */
  private async fitSafeArea(band: CaptionBand | undefined): Promise<void> {
    const { width: W, height: H } = this.scene;
    const safe = { x0: W * TITLE_SAFE, x1: W * (1 - TITLE_SAFE), y0: Math.max(H * TITLE_SAFE, band?.reservedHeight() ?? 0), y1: H * (1 - TITLE_SAFE) };
    let box: { x0: number; y0: number; x1: number; y1: number } | undefined;
    const lastT = (this.frameCount - 1) / this.scene.fps;
    for (let i = 0; i <= CONTENT_SAMPLES; i++) {
      this.pose((lastT * i) / CONTENT_SAMPLES);
      this.dirty.measureAll();
      const b = this.dirty.contentBounds();
      if (b) box = box ? { x0: Math.min(box.x0, b.x0), y0: Math.min(box.y0, b.y0), x1: Math.max(box.x1, b.x1), y1: Math.max(box.y1, b.y1) } : b;
    }
    if (!box || (box.x0 >= safe.x0 && box.x1 <= safe.x1 && box.y0 >= safe.y0 && box.y1 <= safe.y1)) return;
    const scale = Math.max(MIN_CONTENT_SCALE, Math.min(1, (safe.x1 - safe.x0) / Math.max(1, box.x1 - box.x0), (safe.y1 - safe.y0) / Math.max(1, box.y1 - box.y0)));
    const width = Math.round(W * scale);
    const height = Math.round(H * scale);
    // Where the viewport's corner may go so that [lo, hi] (content at full size) lands inside [min, max] once scaled:
    // the usual place when it fits there, else the nearest that fits; content too big even at the smallest scale is
    // centred across, and kept under the top edge (its bottom may then reach the caption band, as it always could).
    const place = (usual: number, lo: number, hi: number, min: number, max: number, tooBig: number) => {
      const [from, to] = [min - lo * scale, max - hi * scale];
      return from <= to ? Math.min(Math.max(usual, from), to) : tooBig;
    };
    const x = place((W - width) / 2, box.x0, box.x1, safe.x0, safe.x1, (safe.x0 + safe.x1) / 2 - ((box.x0 + box.x1) / 2) * scale);
    const y = place(H - height, box.y0, box.y1, safe.y0, safe.y1, safe.y1 - box.y1 * scale);
    this.viewport = { x: Math.round(x), y: Math.round(y), width, height };
    // Text (cached by density) and formulas are rasterised again for the pixels they now cover.
    this.pixelsPerUnit *= height / H;
    await this.rasteriseMath();
  }

  /** Every object's props at time t: declared values, palette resolved, timeline applied, opacity inherited. */
  private propsAt(t: number): Map<string, Props> {
    const animated = this.timeline.stateAt(t);
    const out = new Map<string, Props>();
    const resolve = (obj: SceneObject): Props => {
      const done = out.get(obj.id);
      if (done) return done;
      const props = { ...(this.timeline.base.get(obj.id) as Props), ...(animated.get(obj.id) ?? {}) } as Props;
      if (obj.parent) {
        const parent = this.scene.objects.find((o) => o.id === obj.parent);
        if (parent) props.opacity = (props.opacity as number) * (resolve(parent).opacity as number);
      }
      out.set(obj.id, props);
      return props;
    };
    for (const obj of this.scene.objects) resolve(obj);
    return out;
  }

  private updateCamera(t: number): void {
    const cam = this.scene.camera;
    const v = (prop: string, fallback: number): number => {
      const value: Value = this.timeline.valueAt('camera', prop, t);
      return typeof value === 'number' ? value : fallback;
    };
    if (cam.type === 'perspective' && this.camera instanceof THREE.PerspectiveCamera) {
      this.camera.fov = v('fov', cam.fov);
      this.camera.position.set(v('x', cam.x), v('y', cam.y), v('z', cam.z));
      this.camera.lookAt(v('targetX', cam.targetX), v('targetY', cam.targetY), v('targetZ', cam.targetZ));
      this.camera.updateProjectionMatrix();
    } else if (cam.type === 'orthographic') {
      this.screenCamera.position.x = v('x', cam.x);
      this.screenCamera.position.y = v('y', cam.y);
      this.screenCamera.zoom = v('zoom', cam.zoom);
      this.screenCamera.updateProjectionMatrix();
    }
  }

  /** Every object and the camera as they are at time t. */
  private pose(t: number): void {
    const props = this.propsAt(t);
    Object.assign(this.context, {
      pixelsPerUnit: this.pixelsPerUnit,
      background: this.background,
      propsOf: (id: string) => props.get(id),
    });
    for (const obj of this.scene.objects) this.drawables.get(obj.id)!.update(props.get(obj.id)!, this.context);
    this.updateCamera(t);
  }

  /**
   * Draws frame `frame` (clamped to the scene) into the canvas. With `partial`, only the rectangle
   * that changed since the last drawn frame is redrawn (scissored); the canvas keeps the rest
   * (preserveDrawingBuffer), and rasterisation per pixel is the same, so the image is identical.
   */
  drawFrame(frame: number, opts: { partial?: boolean } = {}): void {
    const f = Math.min(this.frameCount - 1, Math.max(0, Math.floor(frame)));
    const t = f / this.scene.fps;
    this.pose(t);
    const band = this.captionBand?.update(t);

    if (this.lastDrawnTime === undefined || t <= this.lastDrawnTime) {
      this.dirty.measureAll();
      this.lastChange = 'full';
    } else {
      this.lastChange = this.dirty.update(this.timeline.changedTargets(this.lastDrawnTime, t), band ? [band] : []);
    }
    this.lastDrawnTime = t;
    this.lastFrame = f;
    const change = opts.partial ? this.lastChange : 'full';
    if (change !== 'full' && change.length === 0) return;

    // Re-applied every frame: three keeps the clear colour converted for the last render target
    // (the YUV readback's is linear), which would darken the canvas background.
    const r = this.renderer;
    r.setRenderTarget(null);
    r.setClearColor(this.background.slice(0, 7), 1);
    for (const rect of change === 'full' ? [undefined] : change) {
      const hidden = rect ? this.hideOutside(rect) : [];
      if (rect) {
        r.setScissor(rect.x, rect.y, rect.width, rect.height);
        r.setScissorTest(true);
      }
      r.clear();
      const vp = this.viewport;
      r.setViewport(vp.x, vp.y, vp.width, vp.height);
      // Content that even the fitted viewport leaves past the margin (a grid meant to run off the edge) is cut there.
      const clip = intersect(rect ?? this.safeClip, this.safeClip);
      r.setScissor(clip.x, clip.y, clip.width, clip.height);
      r.setScissorTest(true);
      if (this.hasMeshes) r.render(this.world, this.camera);
      r.clearDepth();
      r.render(this.screen, this.screenCamera);
      if (rect) r.setScissor(rect.x, rect.y, rect.width, rect.height);
      else r.setScissorTest(false);
      r.setViewport(0, 0, this.scene.width, this.scene.height);
      if (this.captionBand) r.render(this.captionBand.scene, this.overlayCamera);
      if (this.overlay) r.render(this.overlay, this.overlayCamera);
      for (const node of hidden) node.visible = true;
    }
    r.setScissorTest(false);
  }

  /**
   * Hides, for one scissored pass, the objects that cannot draw inside `rect`: they would add nothing
   * to it, yet on a software rasteriser every draw call costs set-up time even when scissored away.
   * Returns the nodes hidden, to be shown again after the pass. Groups stay: their children decide.
   */
  private hideOutside(rect: PixelRect): THREE.Object3D[] {
    const hidden: THREE.Object3D[] = [];
    for (const [id, d] of this.drawables) {
      if (d instanceof GroupDrawable || !d.node.visible || this.dirty.mayTouch(id, rect)) continue;
      d.node.visible = false;
      hidden.push(d.node);
    }
    return hidden;
  }

  get currentFrame(): number {
    return this.lastFrame;
  }

  dispose(): void {
    for (const d of this.drawables.values()) d.dispose();
    for (const image of this.textCache.values()) image.texture.dispose();
    this.captionBand?.dispose();
    this.renderer.dispose();
  }
}

/** Properties of an object that the timeline may animate (re-exported for hosts building editors). */
export { ANIMATABLE };

/** The overlap of two pixel rectangles (empty, not negative, when they do not meet). */
function intersect(a: PixelRect, b: PixelRect): PixelRect {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return { x, y, width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - x), height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - y) };
}
