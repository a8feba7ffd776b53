// Every template renders: its example description at 720p for a short duration, decoded and checked
// for frames that are not blank and that change over time.
import test from 'ava';
import { join } from 'node:path';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { TEMPLATES } from '../../src/templates/registry.ts';
import { THEMES } from '../../src/scene/themes.ts';
import { changedFraction, colorDistance, frameAt, hexToRgb, pixel } from '../helpers/video.ts';
import { tempDir, testRenderer } from '../helpers/renderer.ts';

const renderer = testRenderer();
test.after.always(() => renderer.close());
const dir = tempDir();
const W = 1280;
const H = 720;

/** Share of pixels that differ from the most common colour (the background). */
function contentShare(frame: Buffer): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < frame.length; i += 3 * 7) {
    const key = (frame[i]! >> 3) * 1024 + (frame[i + 1]! >> 3) * 32 + (frame[i + 2]! >> 3);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const total = frame.length / (3 * 7);
  return 1 - Math.max(...counts.values()) / total;
}

for (const template of TEMPLATES) {
  test.serial(`${template.id} renders "${template.example}"`, async (t) => {
    const { analysis, scene } = sceneFromDescription(template.example, { width: W, height: H, fps: 24, duration: 4 });
    t.is(analysis.template, template.id, 'the example selects its own template');
    const summary = await renderer.render(scene, { outputs: { video: join(dir, `${template.id}.mp4`) } });
    const early = await frameAt(summary.file, 0.1, W, H);
    const late = await frameAt(summary.file, 3.8, W, H);
    t.true(contentShare(late) > 0.005, 'the frame is not blank');
    // The corner shows the style's background (nothing is drawn into the margin).
    t.true(colorDistance(pixel(late, W, 3, 3), hexToRgb(THEMES[analysis.style].palette.background)) < 10, 'background colour');
    t.true(changedFraction(early, late) > 0.002, 'the animation changes over time');
  });
}
