// Renders one frame of a description in the narration step whose text matches a pattern, as a PNG: the
// before/after pictures of docs/teaching-before-after/. Run it in an older checkout for the "before" frame (it
// needs nothing newer than the renderer and sceneFromDescription).
// Run: node app/scripts/step-frames.ts <out.png> "<description>" "<step text regex>" | s:<seconds>
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/config/load.ts';
import { sceneFromDescription } from '../src/pipeline.ts';
import { Renderer } from '../src/render/renderer.ts';

const [outArg, description, when] = process.argv.slice(2);
if (!outArg || !description || !when) {
  console.error('usage: node app/scripts/step-frames.ts <out.png> "<description>" "<step text regex>" | s:<seconds>');
  process.exit(2);
}
// One frame a second is enough: only the poster frame is kept, and it is the same pixels at any rate.
const { scene } = sceneFromDescription(description, { width: 960, height: 540, fps: 1 });
let t: number;
if (when.startsWith('s:')) t = Number(when.slice(2));
else {
  const step = scene.narration.steps.find((s) => new RegExp(when).test(s.text));
  if (!step) {
    console.error(`no step matches /${when}/; the steps are:\n${scene.narration.steps.map((s) => `  ${s.text}`).join('\n')}`);
    process.exit(1);
  }
  // Well into the step, after its highlight and changes have faded in.
  t = step.start + Math.min(step.duration * 0.6, step.duration - 0.2);
}
scene.meta.posterTime = t;
const renderer = new Renderer({ config: loadConfig(), encoder: { name: 'libx264', hardware: false, reason: 'step frames' }, chromiumGpu: false });
const work = mkdtempSync(join(tmpdir(), 'devforge-step-frame-'));
try {
  const summary = await renderer.render(scene, { outputs: { video: join(work, 'frame.mp4') } });
  copyFileSync(summary.poster, resolve(outArg));
  console.error(`${description}: frame at ${t.toFixed(2)} s of ${scene.duration.toFixed(1)} s`);
} finally {
  await renderer.close();
  rmSync(work, { recursive: true, force: true });
}
