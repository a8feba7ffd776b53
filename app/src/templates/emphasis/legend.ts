// The legend: whenever colour carries meaning in a scene, a small key names each role colour it uses. Placed in
// the free corner of the title-safe area (the one the content overlaps least over the whole animation), drawn
// with ordinary scene objects (ids `legend.*`) so preview and export show it alike.
import type { SceneInput } from '../../scene/schema.ts';
import { overlapArea, pad, type Box, type SceneBounds } from './bounds.ts';
import { ROLES, type LegendEntry } from './roles.ts';
import { lineWidth } from '../../text/text-width.ts';

type SceneObject = SceneInput['objects'][number];

const SIZE = 0.28;
const ROW = 0.42;
const SWATCH = 0.13;
/** Title-safe margin, as the caption band's: 5% of the frame. */
const SAFE = 0.05;
/** The caption band takes the bottom of the frame: a legend stays above it. */
const BAND_TOP = -2.95;

/** Width of a legend entry's label, measured as bounds.ts measures it (in the house sans, which every theme uses). */
function labelWidth(text: string): number {
  return lineWidth(text, { family: 'Inter', weight: 400 }) * SIZE;
}

export function legendSize(entries: readonly LegendEntry[]): { width: number; height: number } {
  const width = 0.55 + Math.max(...entries.map((e) => labelWidth(e.label ?? ROLES[e.role].label)));
  return { width, height: entries.length * ROW };
}

/** The four title-safe corners' boxes for a legend of this size, best first when tied (top right first). */
export function cornerBoxes(aspect: number, size: { width: number; height: number }): Box[] {
  const halfW = (9 * aspect) / 2;
  const left = -halfW + 9 * aspect * SAFE;
  const right = halfW - 9 * aspect * SAFE;
  const top = 4.5 - 9 * SAFE;
  const boxes = (x0: number, y1: number): Box => ({ x0, y0: y1 - size.height, x1: x0 + size.width, y1 });
  return [boxes(right - size.width, top), boxes(left, top), boxes(right - size.width, BAND_TOP + size.height), boxes(left, BAND_TOP + size.height)];
}

/** The corner the content overlaps least, sampled over the animation (content = every object not the legend). */
export function freeCorner(bounds: SceneBounds, ids: readonly string[], times: readonly number[], aspect: number, size: { width: number; height: number }): Box {
  const corners = cornerBoxes(aspect, size);
  const overlap = corners.map(() => 0);
  for (const t of times) {
    const boxes = ids.filter((id) => bounds.opacity(id, t) > 0.05).map((id) => bounds.box(id, t));
    corners.forEach((c, i) => {
      const area = pad(c, 0.15);
      for (const b of boxes) if (b) overlap[i]! += overlapArea(area, b);
    });
  }
  let best = 0;
  overlap.forEach((o, i) => {
    if (o < overlap[best]! - 1e-9) best = i;
  });
  return corners[best]!;
}

/** Where each entry of a row legend goes: entries side by side, a new line when `maxWidth` would be passed. */
export function rowPlaces(entries: readonly LegendEntry[], maxWidth: number): { line: number; across: number }[] {
  let line = 0;
  let across = 0;
  return entries.map((entry) => {
    const width = 0.45 + labelWidth(entry.label ?? ROLES[entry.role].label);
    if (across > 0 && across + width > maxWidth) {
      line++;
      across = 0;
    }
    const place = { line, across };
    across += width + 0.3;
    return place;
  });
}

/** Height of one legend line. */
export const LEGEND_ROW = ROW;

/**
 * The legend's objects from the top left of `box`: a swatch in each role's colour and its label, one entry a
 * line (`column`) or side by side (`row`, for a legend placed under a panel).
 */
export function legendObjects(entries: readonly LegendEntry[], box: Pick<Box, 'x0' | 'y1'>, layout: 'column' | 'row' = 'column', maxWidth = Infinity): SceneObject[] {
  const out: SceneObject[] = [];
  const places = layout === 'row' ? rowPlaces(entries, maxWidth) : entries.map((_, i) => ({ line: i, across: 0 }));
  entries.forEach((entry, i) => {
    const { color } = ROLES[entry.role];
    const label = entry.label ?? ROLES[entry.role].label;
    const y = box.y1 - ROW / 2 - places[i]!.line * ROW;
    const x = box.x0 + 0.15 + places[i]!.across;
    const id = `legend.${entry.role}`;
    const swatch = entry.swatch ?? 'dot';
    if (swatch === 'dot') out.push({ id: `${id}.swatch`, type: 'circle', x, y, radius: SWATCH, fill: color });
    else if (swatch === 'line')
      out.push({
        id: `${id}.swatch`,
        type: 'line',
        points: [
          [x - 0.15, y],
          [x + 0.15, y],
        ],
        color,
        width: 0.07,
      });
    else out.push({ id: `${id}.swatch`, type: 'text', text: swatch.text, x, y, size: SIZE, font: 'mono', weight: 700, color });
    out.push({ id: `${id}.label`, type: 'text', text: label, x: x + 0.3, y, size: SIZE, align: 'left', color: '$muted' });
  });
  return out;
}
