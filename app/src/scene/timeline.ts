// Turns a scene's timeline into per-property tracks and evaluates them at any time.
// Pure: the value of every property is a function of (scene, t) alone, so the realtime preview
// and the fixed-step renderer draw the same pixels, and frames where nothing changes are known in advance.
import { mixColors } from './color.ts';
import { ease, type EasingName } from './easing.ts';
import { ANIMATABLE, CAMERA_ANIMATABLE, CAMERA_ID, DRAW_PROPERTY, HIGHLIGHT_PROPERTY, type PropertyKind } from './properties.ts';
import type { Scene, SceneObject } from './schema.ts';
import { resolveColor, resolveTheme, type Palette } from './themes.ts';
import { resamplePolyline } from './geometry.ts';

export type Value = number | string | boolean | number[] | [number, number][];

export interface Segment {
  start: number;
  end: number;
  from: Value;
  to: Value;
  easing: EasingName;
  kind: PropertyKind;
  /** Extra lift, in units, at the middle of a move (y only). */
  arc: number;
}

type Track = Segment[];
type Props = Record<string, Value>;

const HIGHLIGHT_FADE = 0.15;
const EPS = 1e-9;

export class CompiledTimeline {
  /** Base values of every target, palette colours resolved and appear-effects applied. */
  readonly base = new Map<string, Props>();
  readonly tracks = new Map<string, Map<string, Track>>();
  readonly palette: Palette;
  private readonly scene: Scene;

  constructor(scene: Scene) {
    this.scene = scene;
    this.palette = resolveTheme(scene.style.theme, scene.style.palette).palette;
    for (const obj of scene.objects) this.base.set(obj.id, this.resolveProps(obj as unknown as Props, ANIMATABLE[obj.type]));
    this.base.set(CAMERA_ID, this.resolveProps(scene.camera as unknown as Props, CAMERA_ANIMATABLE[scene.camera.type]));
    this.compile();
  }

  private resolveProps(props: Props, kinds: Record<string, PropertyKind>): Props {
    const out: Props = { ...props };
    for (const [key, kind] of Object.entries(kinds)) {
      const v = out[key];
      if (kind === 'color' && typeof v === 'string') out[key] = resolveColor(v, this.palette);
    }
    return out;
  }

  private kindOf(target: string, property: string): PropertyKind {
    if (target === CAMERA_ID) return CAMERA_ANIMATABLE[this.scene.camera.type][property]!;
    const obj = this.scene.objects.find((o) => o.id === target)!;
    return ANIMATABLE[obj.type][property]!;
  }

  private objectType(target: string): SceneObject['type'] | undefined {
    return this.scene.objects.find((o) => o.id === target)?.type;
  }

  private resolveValue(kind: PropertyKind, v: Value): Value {
    return kind === 'color' && typeof v === 'string' ? resolveColor(v, this.palette) : v;
  }

  /** Adds a segment; `from` undefined means "whatever the property is when the segment starts". */
  private add(target: string, property: string, start: number, duration: number, to: Value, opts: { from?: Value; easing?: EasingName; arc?: number } = {}): void {
    const kind = this.kindOf(target, property);
    let tracks = this.tracks.get(target);
    if (!tracks) this.tracks.set(target, (tracks = new Map<string, Track>()));
    let track = tracks.get(property);
    if (!track) tracks.set(property, (track = []));
    const from = opts.from !== undefined ? this.resolveValue(kind, opts.from) : this.valueAt(target, property, start);
    let toValue = this.resolveValue(kind, to);
    let fromValue = from;
    if (kind === 'points' && Array.isArray(fromValue) && Array.isArray(toValue) && fromValue.length !== toValue.length) {
      const n = Math.max(fromValue.length, toValue.length);
      fromValue = resamplePolyline(fromValue as [number, number][], n);
      toValue = resamplePolyline(toValue as [number, number][], n);
    }
    const easing = opts.easing ?? resolveTheme(this.scene.style.theme).easing;
    const seg: Segment = { start, end: start + duration, from: fromValue, to: toValue, easing, kind, arc: opts.arc ?? 0 };
    // Keep the track sorted by start; equal starts keep insertion order (later wins).
    let i = track.length;
    while (i > 0 && track[i - 1]!.start > start) i--;
    track.splice(i, 0, seg);
  }

  private compile(): void {
    const entries = this.scene.timeline.map((entry, index) => ({ entry, index, start: 'start' in entry ? entry.start : entry.at })).sort((a, b) => a.start - b.start || a.index - b.index);

    // Appear effects change the starting state, so apply them before any segment is resolved.
    for (const { entry } of entries) {
      if (entry.type !== 'appear') continue;
      const base = this.base.get(entry.target)!;
      const type = this.objectType(entry.target)!;
      const drawProp = DRAW_PROPERTY[type];
      if (entry.effect === 'draw' && drawProp) base[drawProp] = 0;
      else if (entry.effect === 'grow') base.scale = 0;
      else base.opacity = 0;
    }

    for (const { entry } of entries) {
      const obj = this.scene.objects.find((o) => o.id === entry.target);
      switch (entry.type) {
        case 'tween':
          this.add(entry.target, entry.property, entry.start, entry.duration, entry.to as Value, {
            from: entry.from as Value | undefined,
            easing: entry.easing,
          });
          break;
        case 'set':
          this.add(entry.target, entry.property, entry.at, 0, entry.value as Value, { easing: 'step' });
          break;
        case 'appear': {
          const drawProp = DRAW_PROPERTY[obj!.type];
          const declared = obj as unknown as Props;
          if (entry.effect === 'draw' && drawProp) this.add(entry.target, drawProp, entry.at, entry.duration, (declared[drawProp] as number) ?? 1, { easing: 'easeInOutSine' });
          else if (entry.effect === 'grow') this.add(entry.target, 'scale', entry.at, entry.duration, obj!.scale, { easing: 'easeOutBack' });
          else this.add(entry.target, 'opacity', entry.at, entry.duration, obj!.opacity, { easing: 'easeOutQuad' });
          break;
        }
        case 'disappear':
          this.add(entry.target, 'opacity', entry.at, entry.duration, 0, { easing: 'easeInQuad' });
          break;
        case 'highlight': {
          const prop = HIGHLIGHT_PROPERTY[obj!.type];
          if (!prop) break;
          const before = this.valueAt(entry.target, prop, entry.at);
          const fade = Math.min(HIGHLIGHT_FADE, entry.duration / 2);
          this.add(entry.target, prop, entry.at, fade, entry.color, { easing: 'easeOutQuad' });
          if (typeof before === 'string') this.add(entry.target, prop, entry.at + entry.duration - fade, fade, before, { easing: 'easeInQuad' });
          break;
        }
        case 'move':
          for (const axis of ['x', 'y', 'z'] as const) {
            const to = entry.to[axis];
            if (to === undefined) continue;
            this.add(entry.target, axis, entry.start, entry.duration, to, { easing: entry.easing, arc: axis === 'y' ? entry.arc : 0 });
          }
          // An arc on a purely horizontal move still lifts the object.
          if (entry.arc && entry.to.y === undefined) this.add(entry.target, 'y', entry.start, entry.duration, this.valueAt(entry.target, 'y', entry.start), { easing: entry.easing, arc: entry.arc });
          break;
        case 'morph':
          this.add(entry.target, 'points', entry.start, entry.duration, entry.points, { easing: entry.easing });
          break;
      }
    }
  }

  /** The value of one property at time t. */
  valueAt(target: string, property: string, t: number): Value {
    const track = this.tracks.get(target)?.get(property);
    const base = this.base.get(target)?.[property] as Value;
    if (!track) return base;
    let seg: Segment | undefined;
    for (let i = track.length - 1; i >= 0; i--) {
      if (track[i]!.start <= t + EPS) {
        seg = track[i];
        break;
      }
    }
    if (!seg) return base;
    return segmentValue(seg, t);
  }

  /** Every animated property of every target at time t (targets without tracks are omitted). */
  stateAt(t: number): Map<string, Props> {
    const out = new Map<string, Props>();
    for (const [target, tracks] of this.tracks) {
      const props: Props = {};
      for (const property of tracks.keys()) props[property] = this.valueAt(target, property, t);
      out.set(target, props);
    }
    return out;
  }

  /** Targets whose properties may differ between time t1 and time t2 > t1. */
  changedTargets(t1: number, t2: number): Set<string> {
    const out = new Set<string>();
    for (const [target, tracks] of this.tracks) {
      outer: for (const track of tracks.values()) {
        for (const seg of track) {
          const instant = seg.end <= seg.start;
          const hit = instant ? seg.start > t1 + EPS && seg.start <= t2 + EPS : seg.start < t2 - EPS && seg.end > t1 + EPS;
          if (hit) {
            out.add(target);
            break outer;
          }
        }
      }
    }
    return out;
  }

  /**
   * changed[f] is 1 when frame f may differ from frame f-1 (frame 0 is always 1).
   * A renderer neither redraws nor recaptures the others: explainers hold still a lot.
   */
  changedFrames(fps: number, frameCount: number): Uint8Array {
    const changed = new Uint8Array(frameCount);
    if (frameCount > 0) changed[0] = 1;
    for (const tracks of this.tracks.values()) {
      for (const track of tracks.values()) {
        for (const seg of track) {
          if (sameValue(seg.from, seg.to) && seg.arc === 0) continue;
          // A tween changes frames whose time passes its start and whose predecessor is before its end;
          // an instant change (set) shows from the first frame at or after its time.
          const instant = seg.end <= seg.start;
          const firstFrame = Math.max(1, instant ? Math.ceil(seg.start * fps - EPS) : Math.floor(seg.start * fps + EPS) + 1);
          const lastFrame = instant ? firstFrame : Math.ceil(seg.end * fps - EPS);
          for (let f = firstFrame; f <= lastFrame && f < frameCount; f++) changed[f] = 1;
        }
      }
    }
    return changed;
  }
}

function sameValue(a: Value, b: Value): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

function lerp(a: number, b: number, p: number): number {
  return a + (b - a) * p;
}

export function segmentValue(seg: Segment, t: number): Value {
  const duration = seg.end - seg.start;
  const raw = duration <= 0 ? 1 : (t - seg.start) / duration;
  const p = ease(seg.easing, Math.min(1, Math.max(0, raw)));
  const { from, to } = seg;
  switch (seg.kind) {
    case 'number': {
      const v = lerp(from as number, to as number, p);
      const linear = Math.min(1, Math.max(0, raw));
      return seg.arc ? v + seg.arc * 4 * linear * (1 - linear) : v;
    }
    case 'color':
      return p >= 1 ? to : p <= 0 ? from : mixColors(from as string, to as string, p);
    case 'points': {
      const a = from as [number, number][];
      const b = to as [number, number][];
      return b.map((q, i) => [lerp(a[i]![0], q[0], p), lerp(a[i]![1], q[1], p)] as [number, number]);
    }
    default:
      return p >= 1 ? to : from;
  }
}

export function frameCount(scene: Pick<Scene, 'fps' | 'duration'>): number {
  return Math.max(1, Math.round(scene.duration * scene.fps));
}
