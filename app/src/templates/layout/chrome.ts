// The chrome (title, counter, givens, notes: the texts of the title band) is kept inside the title-safe area too: the
// band moves down as one, by as much as its highest item reaches past the top margin (so the title and the counter
// under it keep their spacing), an item wider than the safe area is scaled down to its width, and one that reaches
// past a side is moved in (a legend's entries as one). Chrome that the timeline moves is left where its animation puts it.
import type { Scene, SceneInput } from '../../scene/schema.ts';
import { union, type Box, type SceneBounds } from '../emphasis/bounds.ts';
import { staysPut } from './frames.ts';
import { extentOver } from './subject.ts';

type ObjectInput = SceneInput['objects'][number];

/** Chrome that moves as one: a legend's swatches and labels (a row or a column), else each object alone. */
function units(ids: readonly string[]): string[][] {
  const legend = ids.filter((id) => id.startsWith('legend.'));
  return [...ids.filter((id) => !id.startsWith('legend.')).map((id) => [id]), ...(legend.length ? [legend] : [])];
}

export function fitChrome(input: SceneInput, scene: Scene, bounds: SceneBounds, times: readonly number[], chrome: readonly string[], safe: Box): SceneInput {
  const byId = new Map(scene.objects.map((o) => [o.id, o]));
  const extents: { ids: string[]; box: Box }[] = [];
  for (const ids of units(chrome)) {
    const box = union(ids.map((id) => extentOver(bounds, id, times)));
    if (box && ids.every((id) => staysPut(scene, byId.get(id)!))) extents.push({ ids, box });
  }
  if (!extents.length) return input;
  const down = Math.max(0, ...extents.filter((u) => u.box.y0 > 0).map((u) => u.box.y1 - safe.y1));
  const changes = new Map<string, Partial<ObjectInput>>();
  for (const { ids, box: b } of extents) {
    const dy = b.y0 > 0 ? -down : Math.max(0, safe.y0 - b.y0) - Math.max(0, b.y1 - safe.y1);
    // Too wide: scaled about the unit's middle (each object about its own anchor, moved towards that middle).
    const k = Math.min(1, (safe.x1 - safe.x0) / (b.x1 - b.x0));
    const mid = (b.x0 + b.x1) / 2;
    const [x0, x1] = [mid + (b.x0 - mid) * k, mid + (b.x1 - mid) * k];
    const dx = Math.max(0, safe.x0 - x0) - Math.max(0, x1 - safe.x1);
    if (!dy && !dx && k === 1) continue;
    for (const id of ids) {
      const obj = byId.get(id)!;
      changes.set(id, { x: mid + (obj.x - mid) * k + dx, y: obj.y + dy, ...(k < 1 ? { scale: obj.scale * k } : {}) });
    }
  }
  if (!changes.size) return input;
  return { ...input, objects: input.objects.map((o) => (changes.has(o.id) ? ({ ...o, ...changes.get(o.id) } as ObjectInput) : o)) };
}
