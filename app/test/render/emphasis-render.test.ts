// The emphasis tools in real frames (Chromium draws, ffmpeg encodes, the test decodes): a catalogue template's
// dim-the-rest darkens what the step is not about and gives it back after; a surround draws its outline around
// the compared bars. Small frames: the pixels asked about are big enough at 320 × 180.
import test from 'ava';
import { join } from 'node:path';
import { sceneFromDescription } from '../../src/pipeline.ts';
import type { Scene } from '../../src/scene/schema.ts';
import { THEMES } from '../../src/scene/themes.ts';
import { colorDistance, frameAt, hexToRgb, pixel } from '../helpers/video.ts';
import { tempDir, testRenderer } from '../helpers/renderer.ts';

const renderer = testRenderer();
test.after.always(() => renderer.close());

const W = 320;
const H = 180;
const palette = THEMES.algorithmic.palette;

function luminance([r, g, b]: readonly number[]): number {
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The highlight's window of a composed step (composing fills both in). */
function windowOf(scene: Scene, i: number): { start: number; duration: number } {
  const e = scene.narration.steps[i]!.emphasis!;
  return { start: e.start!, duration: e.duration! };
}

async function render(scene: Scene, name: string): Promise<string> {
  const summary = await renderer.render(scene, { outputs: { video: join(tempDir(), `${name}.mp4`) } });
  return summary.file;
}

test.serial('Hanoi: while the sub-tower moves, the rest dims (the largest disk is darker than in the frame before) and comes back after', async (t) => {
  const { scene } = sceneFromDescription('Tower of Hanoi with 4 disks', { width: W, height: H, fps: 10 });
  const i = scene.narration.steps.findIndex((s) => s.emphasis?.kind === 'dim-rest');
  t.true(i >= 0, 'the grouped sub-tower step dims the rest');
  const e = windowOf(scene, i);
  const file = await render(scene, 'hanoi');
  const before = await frameAt(file, e.start - 0.15, W, H);
  const during = await frameAt(file, e.start + e.duration / 2, W, H);
  const after = await frameAt(file, e.start + e.duration + 0.35, W, H);
  // Disk 4 is green and stays on its peg through the step (it is not in the 3-disk tower being moved).
  const green = hexToRgb(palette.success);
  const disk: [number, number][] = [];
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (colorDistance(pixel(before, W, x, y), green) < 40) disk.push([x, y]);
  t.true(disk.length >= 30, `disk 4 is on screen before the step (${disk.length} px)`);
  const mean = (frame: Buffer) => disk.reduce((s, [x, y]) => s + luminance(pixel(frame, W, x, y)), 0) / disk.length;
  const background = luminance(hexToRgb(palette.background));
  t.true(mean(during) - background < 0.5 * (mean(before) - background), `dimmed: ${mean(during).toFixed(0)} against ${mean(before).toFixed(0)} before (background ${background.toFixed(0)})`);
  t.true(Math.abs(mean(after) - mean(before)) < 0.1 * (mean(before) - background), `restored: ${mean(after).toFixed(0)}`);
});

test.serial('bubble sort: the first comparison draws an outline around the two bars it names', async (t) => {
  const { scene } = sceneFromDescription('Demonstrate bubble sort on 5 3 8 1', { width: W, height: H, fps: 10 });
  const i = scene.narration.steps.findIndex((s) => s.emphasis?.kind === 'surround' && s.text.startsWith('Compare'));
  const e = windowOf(scene, i);
  const file = await render(scene, 'bubble');
  const before = await frameAt(file, e.start - 0.15, W, H);
  const during = await frameAt(file, e.start + e.duration / 2, W, H);
  // The outline is drawn in the foreground colour where there was background: count such pixels over the bars
  // (between the counter and the caption band, so neither text nor captions count).
  const fg = hexToRgb(palette.foreground);
  const bg = hexToRgb(palette.background);
  let outline = 0;
  for (let y = Math.round(H * 0.22); y < Math.round(H * 0.72); y++) {
    for (let x = 0; x < W; x++) if (colorDistance(pixel(before, W, x, y), bg) < 20 && colorDistance(pixel(during, W, x, y), fg) < 90) outline++;
  }
  // At 320 × 180, with the content shrunk into the title-safe area, two bars' outline is some 50 px; without one, none.
  t.true(outline >= 30, `${outline} px of outline appeared around the compared bars`);
  // The caption names the two values in their bars' colour (compared: amber) while the bars above are blue again.
  // Glyphs this small lose saturation to 4:2:0 chroma, so count warm pixels (red well over blue; the white text
  // and the dark backing are neutral).
  let termPixels = 0;
  for (let y = Math.round(H * 0.75); y < H; y++) {
    for (let x = 0; x < W; x++) {
      const [r, , b] = pixel(during, W, x, y);
      const [r0, , b0] = pixel(before, W, x, y);
      if (r - b > 45 && r0 - b0 < 20) termPixels++;
    }
  }
  t.log(`warm caption pixels: ${termPixels}`);
  t.true(termPixels >= 8, `${termPixels} px of the caption are in the compared colour`);
});
