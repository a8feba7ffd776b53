// A backing behind labels over grids and curves: a translucent rounded rectangle in the theme's background colour,
// drawn just under the label, so a value or a name reads against the grid lines, ticks and curves behind it. It comes,
// goes and moves with its label (follow.ts). Labels that already carry a `background` keep theirs.
import type { Scene, SceneInput, SceneObject } from '../../scene/schema.ts';
import { union, type Box, type SceneBounds } from '../emphasis/bounds.ts';
import { curves, overGridOrCurve } from './crossings.ts';
import { followEntries } from './follow.ts';
import { frameScale, inChangingFrame, toParentFrame } from './frames.ts';
import { extentOver } from './subject.ts';

/** How opaque the backing is: the lines behind stay faintly visible, so the label reads as on the plot. */
export const BACKING_OPACITY = 0.82;
/** Padding around the text, as a share of its size (the player pads a text's own background by 0.4). */
const PAD = 0.3;
const CORNER = 0.35;

type ObjectInput = SceneInput['objects'][number];

/** Where a text's anchor (its x) is within its box, for its alignment. */
function anchorX(o: Extract<SceneObject, { type: 'text' }>, b: Box): number {
  return o.align === 'left' ? b.x0 : o.align === 'right' ? b.x1 : (b.x0 + b.x1) / 2;
}

export function addBackings(input: SceneInput, scene: Scene, bounds: SceneBounds, times: readonly number[], inSubject: (o: SceneObject) => boolean): SceneInput {
  const grids = scene.objects
    .filter((o) => o.type === 'axes')
    .flatMap((o) => (o.type === 'axes' && (o.grid || o.labels) ? [extentOver(bounds, o.id, times)] : []))
    .filter((b): b is Box => !!b);
  const lines = curves(scene, bounds, (o) => o.id.startsWith('layout.') || o.id.startsWith('emph.') || o.id.startsWith('legend.'));
  const backed = new Map<string, ObjectInput>();
  const entries = [...(input.timeline ?? [])];
  for (const o of scene.objects) {
    if (o.type !== 'text' || o.background || !inSubject(o) || inChangingFrame(scene, o)) continue;
    const boxes = times.map((t) => (bounds.opacity(o.id, t) > 0.05 ? bounds.box(o.id, t) : undefined));
    if (!boxes.some((b) => b && overGridOrCurve(b, grids, lines))) continue;
    // Sized for the widest text it shows, at the place it starts; moves are copied from the label.
    const first = boxes.find((b): b is Box => !!b)!;
    const widest = union(boxes.map((b) => (b ? { x0: 0, x1: b.x1 - b.x0, y0: 0, y1: b.y1 - b.y0 } : undefined)))!;
    const k = frameScale(scene, o);
    const pad = o.size * o.scale * PAD;
    const [cx, cy] = toParentFrame(scene, o, [(first.x0 + first.x1) / 2, (first.y0 + first.y1) / 2]);
    const offset = cx - toParentFrame(scene, o, [anchorX(o, first), 0])[0];
    const id = `layout.backing.${o.id}`.slice(0, 64);
    backed.set(o.id, {
      id,
      type: 'rect',
      ...(o.parent ? { parent: o.parent } : {}),
      x: cx,
      y: cy,
      width: widest.x1 / k + 2 * pad,
      height: widest.y1 / k + pad,
      cornerRadius: o.size * o.scale * CORNER,
      fill: '$background',
      opacity: BACKING_OPACITY * o.opacity,
    });
    entries.push(...followEntries(input.timeline ?? [], o.id, id, BACKING_OPACITY * o.opacity, offset));
  }
  if (!backed.size) return input;
  const objects = input.objects.flatMap((o) => (backed.has(o.id) ? [backed.get(o.id)!, o] : [o]));
  return { ...input, objects, timeline: entries };
}
