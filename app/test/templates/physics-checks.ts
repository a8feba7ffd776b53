// Checks every physics and astronomy scene must pass: valid, on screen, formulas that typeset, linear
// motion between samples, captions in order. Shared by the physics-*.test.ts files.
import type { ExecutionContext } from 'ava';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { latexToSvg } from '../../src/render/math.ts';
import type { Scene, SceneObject, TimelineEntry } from '../../src/scene/schema.ts';
import { CompiledTimeline } from '../../src/scene/timeline.ts';

export const VIEW = { width: 1280, height: 720, fps: 30 };

export function sceneFor(description: string): Scene {
  return sceneFromDescription(description, VIEW).scene;
}

/** Rough rendered width of a text object (Inter ≈ 0.55 em per character, JetBrains Mono 0.6). */
function textWidth(o: Extract<SceneObject, { type: 'text' }>): number {
  const longest = Math.max(...o.text.split('\n').map((l) => l.length));
  const w = longest * o.size * (o.font === 'mono' ? 0.6 : 0.55);
  return o.maxWidth ? Math.min(w, o.maxWidth) : w;
}

/** Width of a formula in world units: MathJax sizes it at 1 em = 100 px, the object's size is world units per em. */
function mathWidth(o: Extract<SceneObject, { type: 'math' }>): number {
  const svg = latexToSvg(o.latex);
  const px = Number(/width="([\d.]+)px"/.exec(svg)![1]);
  return (px / 100) * o.size;
}

export function checkScene(t: ExecutionContext, scene: Scene, label: string): void {
  t.true(scene.duration > 3 && scene.duration < 60, `${label}: natural length ${scene.duration} s`);
  const timeline = new CompiledTimeline(scene);
  for (const o of scene.objects) {
    if (o.type === 'text' || o.type === 'math') {
      const w = o.type === 'text' ? textWidth(o) : mathWidth(o);
      // Texts that move are checked where the timeline puts them, at many moments.
      for (const time of [0, scene.duration / 3, scene.duration / 2, scene.duration]) {
        const x = timeline.valueAt(o.id, 'x', time) as number;
        const y = timeline.valueAt(o.id, 'y', time) as number;
        const align = o.type === 'text' ? o.align : 'center';
        const left = align === 'left' ? x : align === 'right' ? x - w : x - w / 2;
        t.true(left >= -8.05 && left + w <= 8.05, `${label}: "${o.type === 'text' ? o.text : o.latex}" spans x ${left.toFixed(2)}..${(left + w).toFixed(2)}`);
        t.true(Math.abs(y) <= 4.45, `${label}: ${o.id} at y ${y}`);
      }
      if (o.type === 'text') t.true(o.size >= 0.26, `${label}: ${o.id} text size ${o.size} is readable`);
    }
  }
  // Motion between samples is linear: the physics, not an easing curve, sets the pace.
  for (const e of scene.timeline) {
    if (e.type === 'tween' && ['x', 'y', 'points'].includes(e.property)) t.is(e.easing, 'linear', `${label}: ${e.target}.${e.property} tween at ${e.start}`);
  }
  const caps = scene.narration.steps;
  t.true(caps.length >= 3, `${label}: a caption per phase (${caps.length})`);
  for (let i = 1; i < caps.length; i++) t.true(caps[i]!.start >= caps[i - 1]!.start, `${label}: captions in order`);
  for (const c of caps) t.true(c.start + c.duration <= scene.duration + 1e-9 && c.text.length > 10, `${label}: caption "${c.text}"`);
}

/** Keyframe values of one property of one object, in time order: [time, value] after each tween. */
export function track(scene: Scene, target: string, property: string): { start: number; end: number; to: unknown }[] {
  return scene.timeline
    .filter((e): e is Extract<TimelineEntry, { type: 'tween' }> => e.type === 'tween' && e.target === target && e.property === property)
    .map((e) => ({ start: e.start, end: e.start + e.duration, to: e.to }))
    .sort((a, b) => a.start - b.start);
}

/** An object by id, typed. */
export function object<T extends SceneObject['type']>(scene: Scene, id: string, type: T): Extract<SceneObject, { type: T }> {
  const o = scene.objects.find((x) => x.id === id);
  if (!o || o.type !== type) throw new Error(`no ${type} "${id}" in the scene`);
  return o as Extract<SceneObject, { type: T }>;
}

/** World → data coordinates of an axes object (inverse of the player's mapping). */
export function toData(axes: Extract<SceneObject, { type: 'axes' }>, [wx, wy]: [number, number]): [number, number] {
  const [x0, x1] = axes.xRange;
  const [y0, y1] = axes.yRange;
  return [x0 + ((wx - axes.x) / axes.width + 0.5) * (x1 - x0), y0 + ((wy - axes.y) / axes.height + 0.5) * (y1 - y0)];
}

export function near(t: ExecutionContext, actual: unknown, expected: number, tolerance: number, message: string): void {
  t.true(typeof actual === 'number' && Math.abs(actual - expected) <= tolerance, `${message}: expected ${expected} ± ${tolerance}, got ${String(actual)}`);
}

/** Facts are rounded to 4 significant digits or 3 decimals: compare at that precision. */
export function sameFact(t: ExecutionContext, actual: unknown, expected: number, message: string): void {
  const tolerance = Math.max(Math.abs(expected) * 6e-4, 6e-4);
  near(t, actual, expected, tolerance, message);
}
