// How a label's own coordinates relate to the world's: the product of its ancestors' scales, and whether any of them
// turns (a turned frame's labels are left where the template put them).
import type { Scene, SceneObject } from '../../scene/schema.ts';

export function ancestors(scene: Scene, obj: SceneObject): SceneObject[] {
  const out: SceneObject[] = [];
  let id = obj.parent;
  while (id) {
    const p = scene.objects.find((o) => o.id === id);
    if (!p) break;
    out.push(p);
    id = p.parent;
  }
  return out;
}

/** World units per unit of `obj`'s own parent frame (its ancestors' scales as declared). */
export function frameScale(scene: Scene, obj: SceneObject): number {
  return ancestors(scene, obj).reduce((k, p) => k * p.scale, 1);
}

/** Whether `obj` or one of its ancestors is turned, or turns, scales or moves on the timeline. */
export function inChangingFrame(scene: Scene, obj: SceneObject): boolean {
  const frame = new Set(ancestors(scene, obj).map((p) => p.id));
  if ([...frame].some((id) => scene.objects.find((o) => o.id === id)!.rotation !== 0) || obj.rotation !== 0) return true;
  return scene.timeline.some((e) => frame.has(e.target) && (e.type === 'move' || ((e.type === 'tween' || e.type === 'set') && ['x', 'y', 'scale', 'rotation'].includes(e.property))));
}

/** A point of `obj`'s own coordinates in world units, from the declared props (no turning frames; see above). */
export function toWorld(scene: Scene, obj: SceneObject, p: readonly [number, number]): [number, number] {
  let [x, y] = [obj.x + p[0] * obj.scale, obj.y + p[1] * obj.scale];
  for (const a of ancestors(scene, obj)) [x, y] = [a.x + x * a.scale, a.y + y * a.scale];
  return [x, y];
}

/** A world point in the coordinates of `obj`'s parent frame (the inverse of the ancestors' moves and scales). */
export function toParentFrame(scene: Scene, obj: SceneObject, p: readonly [number, number]): [number, number] {
  let [x, y] = p;
  for (const a of ancestors(scene, obj).reverse()) [x, y] = [(x - a.x) / a.scale, (y - a.y) / a.scale];
  return [x, y];
}

/** Whether nothing on the timeline moves, scales or turns `obj` or its frame (its text may still change). */
export function staysPut(scene: Scene, obj: SceneObject): boolean {
  const ids = new Set([obj.id, ...ancestors(scene, obj).map((a) => a.id)]);
  return !scene.timeline.some((e) => ids.has(e.target) && (e.type === 'move' || (e.type === 'appear' && e.effect === 'grow') || ((e.type === 'tween' || e.type === 'set') && ['x', 'y', 'scale', 'rotation'].includes(e.property))));
}
