// The title-safe area (the house style): 5% in from every edge of the frame, the part of the picture every layout
// keeps its content inside and is meant to fill. In world units: the view is 9 units tall and 9 × aspect wide, origin
// at the centre, so at 16:9 the safe area is x ∈ [−7.2, 7.2], y ∈ [−4.05, 4.05]. Also the one estimate of how far
// an object reaches (text from its characters, as the player's canvas draws it), for layouts and for the checks.
import { TITLE_SAFE } from '../scene/safe-area.ts';
import type { SceneInput } from '../scene/schema.ts';

export { MIN_CONTENT_SCALE, TITLE_SAFE } from '../scene/safe-area.ts';
/** Height of the 2D view in world units (the player's VIEW_HEIGHT). */
const VIEW_HEIGHT = 9;

export interface Box {
  left: number;
  right: number;
  bottom: number;
  top: number;
}

/** The title-safe box for an output of `aspect` = width / height. */
export function titleSafeArea(aspect: number): Box {
  const halfW = (VIEW_HEIGHT * aspect) / 2;
  const halfH = VIEW_HEIGHT / 2;
  return { left: -halfW * (1 - 2 * TITLE_SAFE), right: halfW * (1 - 2 * TITLE_SAFE), bottom: -halfH * (1 - 2 * TITLE_SAFE), top: halfH * (1 - 2 * TITLE_SAFE) };
}

/** Average advance of a character in em: Inter's digits and lower case run about 0.55 em, JetBrains Mono 0.6. */
const EM_PER_CHAR = { sans: 0.55, mono: 0.6 } as const;
/** Line height in em (text-texture.ts: 1.25). */
const LINE_EM = 1.25;

/** How far text of `size` reaches from its anchor: width and height in world units, wrapped at maxWidth. */
export function textExtent(text: string, size: number, font: 'sans' | 'mono' = 'sans', maxWidth?: number): { width: number; height: number } {
  const perChar = EM_PER_CHAR[font] * size;
  let lines = 0;
  let width = 0;
  for (const para of text.split('\n')) {
    const natural = [...para].length * perChar;
    const rows = maxWidth ? Math.max(1, Math.ceil(natural / maxWidth)) : 1;
    lines += rows;
    width = Math.max(width, maxWidth ? Math.min(natural, maxWidth) : natural);
  }
  return { width, height: lines * LINE_EM * size };
}

type ObjectInput = SceneInput['objects'][number];

function around(x: number, y: number, halfW: number, halfH: number): Box {
  return { left: x - halfW, right: x + halfW, bottom: y - halfH, top: y + halfH };
}

/**
 * The box an object covers in its parent's coordinates (undefined for meshes, which a 3D camera places, and for
 * groups and edges, which cover no more than their parts). Rotation is allowed for by the box's circumcircle.
 */
export function objectBox(o: ObjectInput): Box | undefined {
  const x = o.x ?? 0;
  const y = o.y ?? 0;
  const s = o.scale ?? 1;
  let box: Box | undefined;
  switch (o.type) {
    case 'rect':
      box = around(x, y, (o.width * s) / 2, (o.height * s) / 2);
      break;
    case 'circle':
      box = around(x, y, o.radius * s, o.radius * s);
      break;
    case 'node':
      box = around(x, y, (o.radius ?? 0.4) * s, (o.radius ?? 0.4) * s);
      break;
    case 'polygon':
    case 'line': {
      const xs = o.points.map((p) => x + p[0] * s);
      const ys = o.points.map((p) => y + p[1] * s);
      box = { left: Math.min(...xs), right: Math.max(...xs), bottom: Math.min(...ys), top: Math.max(...ys) };
      break;
    }
    case 'text': {
      const size = (o.size ?? 0.5) * s;
      const { width, height } = textExtent(o.text, size, o.font ?? 'sans', o.maxWidth ? o.maxWidth * s : undefined);
      const align = o.align ?? 'center';
      const left = align === 'left' ? x : align === 'right' ? x - width : x - width / 2;
      box = { left, right: left + width, bottom: y - height / 2, top: y + height / 2 };
      break;
    }
    case 'axes':
      // Tick labels hang about 0.3 units below the x axis and left of the y axis.
      box = around(x, y, (o.width * s) / 2, (o.height * s) / 2);
      break;
    case 'bar': {
      const labelH = o.label ? 0.45 * 1.5 : 0;
      box = { left: x - (o.width * s) / 2, right: x + (o.width * s) / 2, bottom: y, top: y + o.height * s + labelH };
      break;
    }
    default:
      return undefined;
  }
  if (o.rotation) {
    const cx = (box.left + box.right) / 2;
    const cy = (box.bottom + box.top) / 2;
    const r = Math.hypot(box.right - box.left, box.top - box.bottom) / 2;
    box = around(cx, cy, r, r);
  }
  return box;
}

/** How far `box` reaches past `safe` on each side (0 where it is inside). */
export function overflow(box: Box, safe: Box): Box {
  return { left: Math.max(0, safe.left - box.left), right: Math.max(0, box.right - safe.right), bottom: Math.max(0, safe.bottom - box.bottom), top: Math.max(0, box.top - safe.top) };
}
