// Where an object is on screen at a moment: its axis-aligned box in world units (the 2D view is 9 units high,
// origin at the centre), from its declared props and the compiled timeline. The emphasis tools fit surrounds
// and pointers to it and the legend looks for a free corner with it. A text's width comes from advance widths
// measured in Chromium for the theme's face (text/text-width.ts; kerning ignored), wrapped as the player wraps it;
// a formula's width is still an estimate from its source (MathJax lays it out in the browser), generous rather than tight.
import type { Scene, SceneObject } from '../../scene/schema.ts';
import { THEMES } from '../../scene/themes.ts';
import type { CompiledTimeline, Value } from '../../scene/timeline.ts';
import { wrappedText } from '../../text/text-width.ts';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Properties that change where an object is or how big. */
const GEOMETRY = new Set(['x', 'y', 'scale', 'width', 'height', 'radius', 'points', 'size', 'text', 'latex', 'label']);

export function union(boxes: readonly (Box | undefined)[]): Box | undefined {
  let out: Box | undefined;
  for (const b of boxes) {
    if (!b) continue;
    out = out ? { x0: Math.min(out.x0, b.x0), y0: Math.min(out.y0, b.y0), x1: Math.max(out.x1, b.x1), y1: Math.max(out.y1, b.y1) } : { ...b };
  }
  return out;
}

export function pad(b: Box, by: number): Box {
  return { x0: b.x0 - by, y0: b.y0 - by, x1: b.x1 + by, y1: b.y1 + by };
}

export function overlapArea(a: Box, b: Box): number {
  return Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
}

/** The axis-aligned box around `b` turned by `angle` radians about the origin. */
function turned(b: Box, angle: number): Box {
  const [c, s] = [Math.cos(angle), Math.sin(angle)];
  const corners = [
    [b.x0, b.y0],
    [b.x1, b.y0],
    [b.x0, b.y1],
    [b.x1, b.y1],
  ].map(([x, y]) => [x! * c - y! * s, x! * s + y! * c] as const);
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** Measures objects of one scene at any time. */
export class SceneBounds {
  private readonly byId: Map<string, SceneObject>;
  private readonly timeline: CompiledTimeline;
  /** The families the player draws `font: 'sans'` and `font: 'mono'` text in (the scene's theme). */
  private readonly families: { sans: string; mono: string };

  /** Each group's children, found once: a layout's subject group holds nearly every object, and it is asked often. */
  private readonly children = new Map<string, SceneObject[]>();

  constructor(scene: Scene, timeline: CompiledTimeline) {
    this.byId = new Map(scene.objects.map((o) => [o.id, o]));
    for (const o of scene.objects) if (o.parent) this.children.set(o.parent, [...(this.children.get(o.parent) ?? []), o]);
    this.timeline = timeline;
    const theme = THEMES[scene.style.theme];
    this.families = { sans: theme.fontSans, mono: theme.fontMono };
  }

  private num(id: string, prop: string, t: number): number {
    const v: Value = this.timeline.valueAt(id, prop, t);
    return typeof v === 'number' ? v : 0;
  }

  /** Whether the object's box may change between t0 and t1 (a move, a resize, a parent's move, an edge's ends). */
  moves(id: string, t0: number, t1: number, up = true): boolean {
    const obj = this.byId.get(id);
    if (!obj) return false;
    const tracks = this.timeline.tracks.get(id);
    if (tracks) for (const [prop, track] of tracks) if (GEOMETRY.has(prop) && track.some((seg) => seg.start < t1 && seg.end > t0 - 1e-9)) return true;
    if (up && obj.parent && this.moves(obj.parent, t0, t1)) return true;
    // Asked from a group (up = false), the ends' own group is that group: looking up again would never end.
    if (obj.type === 'edge') return this.moves(obj.from, t0, t1, up) || this.moves(obj.to, t0, t1, up);
    // Children are looked at downwards only: asking a child about its parent again would never end.
    if (obj.type === 'group') return (this.children.get(id) ?? []).some((o) => this.moves(o.id, t0, t1, false));
    return false;
  }

  /** The object's opacity at t, times its parents' (as the player draws it). */
  opacity(id: string, t: number): number {
    const obj = this.byId.get(id);
    if (!obj) return 0;
    const own = this.num(id, 'opacity', t);
    return obj.parent ? own * this.opacity(obj.parent, t) : own;
  }

  /** The object's box at t in world units, or undefined for what has no 2D extent (meshes, unknown ids). */
  box(id: string, t: number): Box | undefined {
    const obj = this.byId.get(id);
    if (!obj) return undefined;
    // A group is where its children are (their boxes already carry the group's own move).
    if (obj.type === 'group') return union((this.children.get(obj.id) ?? []).map((c) => this.box(c.id, t)));
    const local = this.localBox(obj, t);
    if (!local) return undefined;
    // Groups move, scale and turn their children: a turned group's child covers the box around its turned corners
    // (the electrons of an atom's shells go round with their group).
    let box = local;
    let parent = obj.parent ? this.byId.get(obj.parent) : undefined;
    while (parent) {
      const s = this.num(parent.id, 'scale', t);
      const px = this.num(parent.id, 'x', t);
      const py = this.num(parent.id, 'y', t);
      const turn = (this.num(parent.id, 'rotation', t) * Math.PI) / 180;
      box = turn ? turned(box, turn) : box;
      box = { x0: px + box.x0 * s, y0: py + box.y0 * s, x1: px + box.x1 * s, y1: py + box.y1 * s };
      parent = parent.parent ? this.byId.get(parent.parent) : undefined;
    }
    return box;
  }

  private localBox(obj: SceneObject, t: number): Box | undefined {
    const n = (prop: string) => this.num(obj.id, prop, t);
    const x = n('x');
    const y = n('y');
    const s = n('scale');
    const around = (hw: number, hh: number): Box => ({ x0: x - hw * s, y0: y - hh * s, x1: x + hw * s, y1: y + hh * s });
    switch (obj.type) {
      case 'rect':
      case 'axes':
        return around(n('width') / 2, n('height') / 2);
      case 'circle':
      case 'node':
        return around(n('radius'), n('radius'));
      case 'bar': {
        const w = n('width');
        const h = n('height');
        // The value label sits above the bar (player/shapes.ts: BarDrawable).
        const label = this.timeline.valueAt(obj.id, 'label', t) ? Math.min(0.45, Math.max(0.22, w * 0.45)) * 1.3 : 0;
        return { x0: x - (w / 2) * s, y0: y, x1: x + (w / 2) * s, y1: y + (h + label) * s };
      }
      case 'text': {
        const text = String(this.timeline.valueAt(obj.id, 'text', t) ?? '');
        if (!text) return undefined;
        const size = n('size');
        const face = { family: this.families[obj.font], weight: obj.weight };
        const { lines, width: w } = wrappedText(text, face, size, obj.maxWidth);
        const h = lines * size * 1.25;
        const left = obj.align === 'left' ? x : obj.align === 'right' ? x - w * s : x - (w / 2) * s;
        return { x0: left, y0: y - (h / 2) * s, x1: left + w * s, y1: y + (h / 2) * s };
      }
      case 'math': {
        const latex = String(this.timeline.valueAt(obj.id, 'latex', t) ?? '');
        // A formula's width is a guess from its source without the markup (MathJax lays it out in the browser).
        const visible = latex.replace(/\\[a-zA-Z]+|[{}^_]/g, (m) => (m.startsWith('\\') ? 'x' : '')).length;
        const size = n('size');
        return around((visible * size * 0.5) / 2, size * 0.8);
      }
      case 'line':
      case 'polygon': {
        const pts = this.timeline.valueAt(obj.id, 'points', t) as [number, number][];
        const xs = pts.map((p) => x + p[0] * s);
        const ys = pts.map((p) => y + p[1] * s);
        return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
      }
      case 'edge': {
        const a = this.box(obj.from, t);
        const b = this.box(obj.to, t);
        if (!a || !b) return undefined;
        const ca = [(a.x0 + a.x1) / 2, (a.y0 + a.y1) / 2];
        const cb = [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2];
        return { x0: Math.min(ca[0]!, cb[0]!), y0: Math.min(ca[1]!, cb[1]!), x1: Math.max(ca[0]!, cb[0]!), y1: Math.max(ca[1]!, cb[1]!) };
      }
      case 'plot': {
        const axes = this.byId.get(obj.axes);
        if (axes?.type !== 'axes') return undefined;
        const frame = this.box(axes.id, t);
        if (!frame) return undefined;
        const pts = (this.timeline.valueAt(obj.id, 'points', t) as ([number, number] | null)[]).filter((p): p is [number, number] => p !== null);
        const [xa, xb] = axes.xRange;
        const [ya, yb] = axes.yRange;
        const px = (v: number) => frame.x0 + ((v - xa) / (xb - xa)) * (frame.x1 - frame.x0);
        const py = (v: number) => frame.y0 + ((Math.min(yb, Math.max(ya, v)) - ya) / (yb - ya)) * (frame.y1 - frame.y0);
        if (!pts.length) return undefined;
        return { x0: Math.min(...pts.map((p) => px(p[0]))), y0: Math.min(...pts.map((p) => py(p[1]))), x1: Math.max(...pts.map((p) => px(p[0]))), y1: Math.max(...pts.map((p) => py(p[1]))) };
      }
      case 'group':
      case 'mesh':
        return undefined;
    }
  }
}
