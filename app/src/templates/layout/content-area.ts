// The content area: the part of the frame a template's subject is scaled to fill. It is the title-safe area (5% in
// from every edge, scene/safe-area.ts) less the title band at the top (the chrome: title, counter, givens) and less
// the lower-third caption band when the narration is burned into the frame. World units: 9 high, 9 × aspect wide.
import type { Scene } from '../../scene/schema.ts';
import { TITLE_SAFE } from '../../scene/safe-area.ts';
import type { Box } from '../emphasis/bounds.ts';
import { lineWidth } from '../../text/text-width.ts';

const VIEW_HEIGHT = 9;
/** Space left between the title band (or the caption band) and the subject. */
export const BAND_GAP = 0.2;
/** Room kept inside the safe area's sides for what the emphasis pass draws around the subject (a surround's padding). */
export const EDGE_ROOM = 0.2;

// The caption band's measures, as the player lays it out (player/caption-band.ts), in shares of the frame height.
const CAPTION_SIZE = 0.045;
const CAPTION_MIN_SIZE = 0.8;
const CAPTION_LINE = 1.25;
const CAPTION_PAD_Y = 0.28;
const CAPTION_PAD_X = 0.6;
const CAPTION_GAP = 0.02;
/** The caption band's face (player/caption-band.ts CAPTION_FONT, CAPTION_WEIGHT), measured as bounds.ts measures labels. */
const CAPTION_FACE = { family: 'Inter', weight: 600 };
/** The rasterised text's padding (player/text-texture.ts TEXT_PAD), 4 px at 720 p. */
const TEXT_PAD_SHARE = 4 / 720;

/** The title-safe box for `aspect` = width / height. */
export function safeBox(aspect: number): Box {
  const halfW = ((VIEW_HEIGHT * aspect) / 2) * (1 - 2 * TITLE_SAFE);
  const halfH = (VIEW_HEIGHT / 2) * (1 - 2 * TITLE_SAFE);
  return { x0: -halfW, x1: halfW, y0: -halfH, y1: halfH };
}

/**
 * How high the caption band reaches from the bottom edge, in world units: the player's reservedHeight, from an
 * estimate of how many lines (one or two) the longest step wraps to. 0 when the narration is not in the frame.
 */
export function captionBandHeight(scene: Pick<Scene, 'width' | 'height' | 'narration' | 'captions'>): number {
  if (scene.captions.mode === 'sidecar' || !scene.narration.steps.length) return 0;
  const viewW = (VIEW_HEIGHT * scene.width) / scene.height;
  const size = CAPTION_SIZE * VIEW_HEIGHT;
  let lines = 1;
  let lineSize = size;
  for (const step of scene.narration.steps) {
    const fits = (s: number) => viewW * (1 - 2 * TITLE_SAFE) - 2 * CAPTION_PAD_X * s;
    const width = lineWidth(step.text.replace(/\s+/g, ' ').trim(), CAPTION_FACE);
    if (width * size <= fits(size)) continue;
    lines = 2;
    // A step too long for two lines at full size shrinks, to 0.8 at least; the band is as high as its tallest step.
    lineSize = Math.max(lineSize, Math.max(size * CAPTION_MIN_SIZE, Math.min(size, (2 * fits(size)) / width)));
  }
  const textHeight = lineSize * CAPTION_LINE * lines + 2 * TEXT_PAD_SHARE * VIEW_HEIGHT;
  return VIEW_HEIGHT * TITLE_SAFE + textHeight + 2 * CAPTION_PAD_Y * lineSize + CAPTION_GAP * VIEW_HEIGHT;
}

/**
 * The content area of a scene: the safe box (less EDGE_ROOM), under the lowest point the chrome in the top half
 * reaches (`chrome`, its boxes over time), over the caption band, and left of a column `legendWidth` wide kept for the
 * legend the emphasis pass draws in a free corner.
 */
export function contentArea(scene: Pick<Scene, 'width' | 'height' | 'narration' | 'captions'>, chrome: readonly Box[], legendWidth = 0): Box {
  const safe = safeBox(scene.width / scene.height);
  const band = captionBandHeight(scene);
  const bottom = Math.max(safe.y0 + EDGE_ROOM, band ? -VIEW_HEIGHT / 2 + band + BAND_GAP : -Infinity);
  const top = Math.min(safe.y1 - EDGE_ROOM, ...chrome.filter((b) => b.y0 > 0).map((b) => b.y0 - BAND_GAP));
  const right = safe.x1 - EDGE_ROOM - (legendWidth ? legendWidth + BAND_GAP : 0);
  return { x0: safe.x0 + EDGE_ROOM, x1: right, y0: bottom, y1: top };
}
