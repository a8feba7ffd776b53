// The chrome (title, counter, givens, notes: the texts of the title band) is kept inside the title-safe area too: the
// band moves down as one, by as much as its highest item reaches past the top margin (so the title and the counter
// under it keep their spacing), an item wider than the safe area is scaled down to its width, and one that reaches
// past a side is moved in. Chrome that the timeline moves is left where its animation puts it.
import type { Scene, SceneInput } from '../../scene/schema.ts';
import type { Box, SceneBounds } from '../emphasis/bounds.ts';
import { staysPut } from './frames.ts';
import { extentOver } from './subject.ts';

type ObjectInput = SceneInput['objects'][number];

export function fitChrome(input: SceneInput, scene: Scene, bounds: SceneBounds, times: readonly number[], chrome: readonly string[], safe: Box): SceneInput {
  const extents = new Map<string, Box>();
  for (const id of chrome) {
    const obj = scene.objects.find((o) => o.id === id)!;
    const b = extentOver(bounds, id, times);
    if (b && staysPut(scene, obj)) extents.set(id, b);
  }
  if (!extents.size) return input;
  const down = Math.max(0, ...[...extents.values()].filter((b) => b.y0 > 0).map((b) => b.y1 - safe.y1));
  const changes = new Map<string, Partial<ObjectInput>>();
  for (const [id, b] of extents) {
    const obj = scene.objects.find((o) => o.id === id)!;
    const dy = b.y0 > 0 ? -down : Math.max(0, safe.y0 - b.y0) - Math.max(0, b.y1 - safe.y1);
    // Scaled about its anchor (obj.x): the box's edges move towards it by the same factor.
    const k = Math.min(1, (safe.x1 - safe.x0) / (b.x1 - b.x0));
    const [x0, x1] = [obj.x + (b.x0 - obj.x) * k, obj.x + (b.x1 - obj.x) * k];
    const dx = Math.max(0, safe.x0 - x0) - Math.max(0, x1 - safe.x1);
    if (dy || dx || k < 1) changes.set(id, { x: obj.x + dx, y: obj.y + dy, ...(k < 1 ? { scale: obj.scale * k } : {}) });
  }
  if (!changes.size) return input;
  return { ...input, objects: input.objects.map((o) => (changes.has(o.id) ? ({ ...o, ...changes.get(o.id) } as ObjectInput) : o)) };
}
