// The emphasis tools: each turns "step i talks about these objects, from `start` for `duration` seconds" into
// ordinary scene content (helper objects with ids `emph.<i>…` and timeline entries), so the player draws them
// with the primitives it has and preview and export show the same pixels. When to use which: docs/emphasis.md.
import type { SceneInput } from '../../scene/schema.ts';
import type { CompiledTimeline } from '../../scene/timeline.ts';
import { pad, union, type Box, type SceneBounds } from './bounds.ts';

type SceneObject = SceneInput['objects'][number];
type Entry = NonNullable<SceneInput['timeline']>[number];

export interface Emphasised {
  objects: SceneObject[];
  entries: Entry[];
}

export interface Window {
  /** The step's index: helper ids are `emph.<step>`. */
  step: number;
  start: number;
  duration: number;
  refs: readonly string[];
}

/** Space between an object and the surround drawn around it. */
const PAD = 0.16;
/** Fade of helpers in and out, at most. */
const FADE = 0.2;
/** Moving refs are followed by re-fitting the surround this often (seconds). */
const FOLLOW_STEP = 0.1;
/** What dimmed objects keep of their opacity. */
export const DIM_TO = 0.3;
/** Where a pointer starts: just above the caption band (the band's top at one line, 720p and up). */
const POINTER_FROM_Y = -3.0;
/** Below this, an object is too close to the band for a pointer to read: it gets a surround instead. */
export const POINTER_MIN_Y = -2.2;

function fade(w: Window): number {
  return Math.min(FADE, w.duration / 4);
}

/** The refs' joint box at t, padded; undefined when none has a 2D extent. */
export function refsBox(bounds: SceneBounds, refs: readonly string[], t: number): Box | undefined {
  const b = union(refs.map((r) => bounds.box(r, t)));
  return b && pad(b, PAD);
}

function rectProps(b: Box) {
  return { x: (b.x0 + b.x1) / 2, y: (b.y0 + b.y1) / 2, width: b.x1 - b.x0, height: b.y1 - b.y0 };
}

/**
 * Surround: a rounded outline fitted to the refs for the whole step, following them when they move (a swap,
 * a disk's move), faded in at the step's start and out at its end. Refs far apart (two nodes across a graph)
 * get an outline each rather than one box around everything between them.
 */
export function surround(bounds: SceneBounds, w: Window): Emphasised | undefined {
  const boxes = w.refs.map((r) => refsBox(bounds, [r], w.start));
  const joint = refsBox(bounds, w.refs, w.start);
  if (!joint) return undefined;
  const area = (b: Box) => (b.x1 - b.x0) * (b.y1 - b.y0);
  const apart = boxes.length > 1 && boxes.every((b) => b) && area(joint) > 2.5 * boxes.reduce((sum, b) => sum + area(b!), 0);
  if (!apart) return outline(bounds, w, w.refs, `emph.${w.step}`);
  const parts = w.refs.map((r, j) => outline(bounds, w, [r], `emph.${w.step}.${j}`)!);
  return { objects: parts.flatMap((p) => p.objects), entries: parts.flatMap((p) => p.entries) };
}

/** One outline around `refs`, following them. */
function outline(bounds: SceneBounds, w: Window, refs: readonly string[], id: string): Emphasised | undefined {
  const first = refsBox(bounds, refs, w.start);
  if (!first) return undefined;
  const f = fade(w);
  const end = w.start + w.duration;
  const entries: Entry[] = [{ type: 'appear', target: id, at: w.start, duration: f, effect: 'fade' }];
  let last = first;
  let lastT = w.start;
  const moving = refs.some((r) => bounds.moves(r, w.start, end));
  for (let t = w.start + FOLLOW_STEP; moving && t < end - f + 1e-9; t += FOLLOW_STEP) {
    const b = refsBox(bounds, refs, t);
    if (!b) continue;
    const moved = Math.max(Math.abs(b.x0 - last.x0), Math.abs(b.x1 - last.x1), Math.abs(b.y0 - last.y0), Math.abs(b.y1 - last.y1));
    if (moved > 0.01) {
      const to = rectProps(b);
      for (const property of ['x', 'y', 'width', 'height'] as const) entries.push({ type: 'tween', target: id, property, to: to[property], start: lastT, duration: t - lastT, easing: 'linear' });
      last = b;
    }
    lastT = t;
  }
  entries.push({ type: 'disappear', target: id, at: end - f, duration: f });
  const object: SceneObject = { id, type: 'rect', ...rectProps(first), cornerRadius: 0.14, stroke: '$foreground', strokeWidth: 0.05 };
  return { objects: [object], entries };
}

/** Flash: a brief bright ring that swells and fades at the step's start, for a moment's attention. */
export function flash(bounds: SceneBounds, w: Window): Emphasised | undefined {
  const b = refsBox(bounds, w.refs, w.start);
  if (!b) return undefined;
  const id = `emph.${w.step}`;
  const span = Math.min(0.8, w.duration);
  const entries: Entry[] = [
    { type: 'appear', target: id, at: w.start, duration: span * 0.15, effect: 'fade' },
    { type: 'tween', target: id, property: 'scale', from: 1, to: 1.15, start: w.start, duration: span, easing: 'easeOutQuad' },
    { type: 'disappear', target: id, at: w.start + span * 0.4, duration: span * 0.6 },
  ];
  return { objects: [{ id, type: 'rect', ...rectProps(b), cornerRadius: 0.14, stroke: '$highlight', strokeWidth: 0.09 }], entries };
}

/**
 * Pointer: a leader line with an arrow from just above the caption band to the refs, drawn on at the step's
 * start and faded at its end. Undefined when the refs sit too low for a line to read (the caller surrounds).
 */
export function pointer(bounds: SceneBounds, w: Window): Emphasised | undefined {
  const b = refsBox(bounds, w.refs, w.start);
  if (!b || b.y0 < POINTER_MIN_Y) return undefined;
  const id = `emph.${w.step}`;
  const f = fade(w);
  const cx = (b.x0 + b.x1) / 2;
  const fromX = Math.max(-3, Math.min(3, cx * 0.5));
  const object: SceneObject = {
    id,
    type: 'line',
    points: [
      [fromX, POINTER_FROM_Y],
      [cx, b.y0],
    ],
    color: '$foreground',
    width: 0.045,
    arrow: 'end',
  };
  const entries: Entry[] = [
    { type: 'appear', target: id, at: w.start, duration: Math.min(0.35, w.duration / 3), effect: 'draw' },
    { type: 'disappear', target: id, at: w.start + w.duration - f, duration: f },
  ];
  return { objects: [object], entries };
}

/**
 * Dim the rest: every other visible object (not the refs, their parents or children, nor the frame's chrome)
 * fades to DIM_TO of its opacity for the step and back at its end. Objects whose opacity the template
 * animates during the step are left alone, so a dim never fights an appear.
 */
export function dimRest(scene: Pick<SceneInput, 'objects'>, timeline: CompiledTimeline, bounds: SceneBounds, w: Window, chrome: (id: string) => boolean): Emphasised | undefined {
  const byId = new Map(scene.objects.map((o) => [o.id, o]));
  // Lit: the refs, what hangs off them (children; edges between lit nodes). Ancestors of a ref are not dimmed
  // themselves (that would dim the ref), but their other children are, one by one.
  const lit = new Set<string>(w.refs);
  const ancestors = new Set<string>();
  for (const ref of w.refs) {
    for (let cur = byId.get(byId.get(ref)?.parent ?? ''); cur; cur = cur.parent ? byId.get(cur.parent) : undefined) ancestors.add(cur.id);
  }
  for (const o of scene.objects) {
    if ((o.parent && lit.has(o.parent)) || (o.type === 'edge' && lit.has(o.from) && lit.has(o.to))) lit.add(o.id);
  }
  const f = fade(w);
  const end = w.start + w.duration;
  const entries: Entry[] = [];
  for (const o of scene.objects) {
    if (lit.has(o.id) || ancestors.has(o.id) || chrome(o.id)) continue;
    // A parent's dim carries to its children: dim only the topmost object of each dimmed branch.
    if (o.parent && byId.has(o.parent) && !ancestors.has(o.parent)) continue;
    const opacity = timeline.valueAt(o.id, 'opacity', w.start);
    if (typeof opacity !== 'number' || opacity < 0.05 || bounds.box(o.id, w.start) === undefined) continue;
    const track = timeline.tracks.get(o.id)?.get('opacity') ?? [];
    if (track.some((seg) => seg.start < end + 1e-9 && seg.end > w.start - 1e-9)) continue;
    entries.push({ type: 'tween', target: o.id, property: 'opacity', from: opacity, to: opacity * DIM_TO, start: w.start, duration: f, easing: 'easeOutQuad' });
    entries.push({ type: 'tween', target: o.id, property: 'opacity', from: opacity * DIM_TO, to: opacity, start: end - f, duration: f, easing: 'easeInQuad' });
  }
  return entries.length ? { objects: [], entries } : undefined;
}
