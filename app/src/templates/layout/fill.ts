// Fill the content area: the subject (every top-level object but the chrome) is put in one group that scales it
// uniformly, by the largest factor at which all it reaches over the whole animation fits the content area, and centres
// it there. One factor for both axes, so no plot's slope, no circle and no angle is distorted. Labels keep a readable
// size: the subject is not shrunk below the point where its smallest text falls under MIN_TEXT_SIZE (the player then
// fits what is left over, as before), and a sparse subject is not blown up past MAX_FILL_SCALE.
import type { Scene, SceneInput } from '../../scene/schema.ts';
import type { Box } from '../emphasis/bounds.ts';
import { EDGE_ROOM } from './content-area.ts';
import { SUBJECT_GROUP } from './subject-group.ts';

/** The group holding the subject; its x, y and scale are the whole of the fill. */
export { SUBJECT_GROUP };

/** The smallest text height (world units; 0.2 is 16 px at 720 p, 24 px at 1080 p) the fill may shrink a label to. */
export const MIN_TEXT_SIZE = 0.2;
/** A subject of a few small things is enlarged this much at most: past it, shapes read as clip art, not diagrams. */
export const MAX_FILL_SCALE = 2.2;

export interface Fill {
  scale: number;
  x: number;
  y: number;
}

/** The smallest text size among the subject's texts and labels, as drawn now (undefined when it has none). */
function smallestText(scene: Scene, subject: ReadonlySet<string>): number | undefined {
  const inSubject = (id: string | undefined): boolean => !!id && (subject.has(id) || inSubject(scene.objects.find((o) => o.id === id)?.parent));
  const sizes = scene.objects.filter((o) => o.type === 'text' && inSubject(o.id)).map((o) => (o.type === 'text' ? o.size * o.scale : Infinity));
  return sizes.length ? Math.min(...sizes) : undefined;
}

/**
 * The scale and offset that fill `area` with a subject reaching over `extent`. Where that would make its smallest
 * text unreadable, the subject keeps the floor's size and may reach into the caption band (the player then shrinks the
 * frame's content a little to clear it), but no further: small text beats text drawn over the title or cut off.
 */
export function fillFor(scene: Scene, subject: readonly string[], extent: Box, area: Box, safe: Box): Fill {
  const w = Math.max(1e-6, extent.x1 - extent.x0);
  const h = Math.max(1e-6, extent.y1 - extent.y0);
  const fits = (b: Box) => Math.min((b.x1 - b.x0) / w, (b.y1 - b.y0) / h);
  let scale = Math.min(MAX_FILL_SCALE, fits(area));
  let place = area;
  const smallest = smallestText(scene, new Set(subject));
  if (smallest !== undefined && scale * smallest < MIN_TEXT_SIZE) {
    // Only the caption band's room is given up: the title band, the legend's column and the room for highlights at
    // the sides stay clear.
    const room = { ...area, y0: Math.min(area.y0, safe.y0 + EDGE_ROOM) };
    const floor = Math.min(1, MIN_TEXT_SIZE / smallest, fits(room));
    if (floor > scale) [scale, place] = [floor, clampInto(area, room, w * floor, h * floor)];
  }
  return { scale, x: (place.x0 + place.x1) / 2 - scale * ((extent.x0 + extent.x1) / 2), y: (place.y0 + place.y1) / 2 - scale * ((extent.y0 + extent.y1) / 2) };
}

/** A box of w × h centred on `area` as far as `safe` allows. */
function clampInto(area: Box, safe: Box, w: number, h: number): Box {
  const centre = (lo: number, hi: number, min: number, max: number, size: number) => Math.min(Math.max((lo + hi) / 2, min + size / 2), max - size / 2);
  const cx = centre(area.x0, area.x1, safe.x0, safe.x1, w);
  const cy = centre(area.y0, area.y1, safe.y0, safe.y1, h);
  return { x0: cx - w / 2, x1: cx + w / 2, y0: cy - h / 2, y1: cy + h / 2 };
}

/** The scene with its subject in the fill group (the group first, so the drawing order stays the objects' own). */
export function applyFill(input: SceneInput, subject: readonly string[], fill: Fill): SceneInput {
  const ids = new Set(subject);
  const group: SceneInput['objects'][number] = { id: SUBJECT_GROUP, type: 'group', x: fill.x, y: fill.y, scale: fill.scale };
  const objects = input.objects.map((o) => (ids.has(o.id) ? { ...o, parent: SUBJECT_GROUP } : o));
  return { ...input, objects: [group, ...objects] };
}

/** Whether the fill would change nothing worth a group (already filling, already centred). */
export function isIdentity(fill: Fill): boolean {
  return Math.abs(fill.scale - 1) < 0.01 && Math.abs(fill.x) < 0.01 && Math.abs(fill.y) < 0.01;
}
