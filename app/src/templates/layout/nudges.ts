// Puts the labels where the repulsion (labels.ts) left them, and draws a leader line from a label that moved more than
// LEADER_MIN back to the place the template gave it (next to what it names), so the label still points at its thing.
import type { Scene, SceneInput } from '../../scene/schema.ts';
import type { Box } from '../emphasis/bounds.ts';
import { followEntries } from './follow.ts';
import { frameScale, toParentFrame } from './frames.ts';
import type { Label } from './labels.ts';

/** A label nudged farther than this (world units) gets a leader line to its anchor. */
export const LEADER_MIN = 0.35;
export const LEADER_WIDTH = 0.025;

type ObjectInput = SceneInput['objects'][number];

/** The point of `box` nearest to `p`. */
function nearestOn(box: Box, p: readonly [number, number]): [number, number] {
  return [Math.min(Math.max(p[0], box.x0), box.x1), Math.min(Math.max(p[1], box.y0), box.y1)];
}

export function applyNudges(input: SceneInput, scene: Scene, labels: readonly Label[]): SceneInput {
  const moved = new Map(labels.filter((l) => Math.hypot(l.dx, l.dy) > 1e-3).map((l) => [l.id, l]));
  if (!moved.size) return input;
  const objects: ObjectInput[] = [];
  const entries = [...(input.timeline ?? [])];
  for (const o of input.objects) {
    const l = moved.get(o.id);
    const parsed = l && scene.objects.find((p) => p.id === o.id);
    if (!l || !parsed) {
      objects.push(o);
      continue;
    }
    const k = frameScale(scene, parsed);
    const first = l.boxes.find((b): b is Box => !!b)!;
    if (Math.hypot(l.dx, l.dy) > LEADER_MIN) {
      const anchor: [number, number] = [(first.x0 + first.x1) / 2, (first.y0 + first.y1) / 2];
      const now = { x0: first.x0 + l.dx, x1: first.x1 + l.dx, y0: first.y0 + l.dy, y1: first.y1 + l.dy };
      const id = `layout.leader.${o.id}`.slice(0, 64);
      const points = [toParentFrame(scene, parsed, anchor), toParentFrame(scene, parsed, nearestOn(now, anchor))];
      objects.push({ id, type: 'line', ...(o.parent ? { parent: o.parent } : {}), points, color: '$muted', width: LEADER_WIDTH / k, opacity: parsed.opacity });
      entries.push(...followEntries(input.timeline ?? [], o.id, id, parsed.opacity));
    }
    objects.push({ ...o, x: parsed.x + l.dx / k, y: parsed.y + l.dy / k });
  }
  return { ...input, objects, timeline: entries };
}
