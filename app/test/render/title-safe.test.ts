// The title-safe area (the house style): whatever a layout placed near an edge, the rendered frame keeps the 5%
// margin on every side clear of content (the player fits the content area inside it, above the caption band).
// Real renders of templates whose layouts reach the edges, read back from the MP4.
import test from 'ava';
import { join } from 'node:path';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { THEMES } from '../../src/scene/themes.ts';
import { colorDistance, frameAt, hexToRgb, pixel } from '../helpers/video.ts';
import { tempDir, testRenderer } from '../helpers/renderer.ts';

const renderer = testRenderer();
test.after.always(() => renderer.close());
const W = 640;
const H = 360;
/** Anti-aliasing may bleed a pixel or two past a shape's edge. */
const SLACK_PX = 2;

/** Pixels in the 5% margin (less the slack) whose colour is not the background's. */
function marginContent(frame: Buffer, background: [number, number, number]): string[] {
  const mx = Math.floor(W * 0.05) - SLACK_PX;
  const my = Math.floor(H * 0.05) - SLACK_PX;
  const hits: string[] = [];
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      if (x >= mx && x < W - mx && y >= my && y < H - my) continue;
      if (colorDistance(pixel(frame, W, x, y), background) > 24) hits.push(`(${x}, ${y})`);
    }
  }
  return hits;
}

// Titles at the top edge, grids and walls reaching the sides, a spectrum at the bottom: each drawn past 5% as laid out.
for (const text of ['Demonstrate bubble sort on 5 3 8 1', 'linear transformation by the matrix [[2,1],[1,2]]', 'mass on a spring, 2 kg, k = 50 N/m', 'Fourier series of a square wave with 7 terms']) {
  test.serial(`${text}: nothing is drawn in the 5% margin`, async (t) => {
    const { analysis, scene } = sceneFromDescription(text, { width: W, height: H, fps: 4, duration: 6 });
    const summary = await renderer.render(scene, { outputs: { video: join(tempDir(), 'safe.mp4') } });
    const background = hexToRgb(THEMES[analysis.style].palette.background);
    for (const at of [0.5, 3, 5.8]) {
      const hits = marginContent(await frameAt(summary.file, at, W, H), background);
      t.deepEqual(hits.slice(0, 5), [], `${hits.length} margin pixels with content at ${at} s`);
    }
  });
}
