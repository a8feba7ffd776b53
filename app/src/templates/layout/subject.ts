// What the layout pass arranges: the subject is every top-level object that is not chrome (the title band's texts,
// the legend, highlights), measured by where it reaches at the sampled times while it is visible.
import type { Scene } from '../../scene/schema.ts';
import { isChrome } from '../emphasis/compose-emphasis.ts';
import { union, type Box, type SceneBounds } from '../emphasis/bounds.ts';

/** Below this opacity an object is not seen, so it takes no room. */
export const VISIBLE = 0.05;

/** Top-level objects split into the subject and the chrome (3D meshes are the camera's to frame, so neither). */
export function splitSubject(scene: Scene): { subject: string[]; chrome: string[] } {
  const subject: string[] = [];
  const chrome: string[] = [];
  for (const o of scene.objects) {
    if (o.parent || o.type === 'mesh') continue;
    (isChrome(scene, o.id) ? chrome : subject).push(o.id);
  }
  return { subject, chrome };
}

/** Where `id` reaches over the times it is visible (undefined when it has no 2D extent or is never seen). */
export function extentOver(bounds: SceneBounds, id: string, times: readonly number[]): Box | undefined {
  return union(times.map((t) => (bounds.opacity(id, t) > VISIBLE ? bounds.box(id, t) : undefined)));
}

/** Where all of `ids` reach over `times`. */
export function extentOfAll(bounds: SceneBounds, ids: readonly string[], times: readonly number[]): Box | undefined {
  return union(ids.map((id) => extentOver(bounds, id, times)));
}
