// Renders one frame of a few catalogue examples, in the middle of a narrated step, as PNGs into a folder: the
// before/after pictures of the emphasis work (docs/emphasis.md). It reads nothing the emphasis code adds, so
// the same script run in an older checkout gives the "before" frames.
// Run: node app/scripts/emphasis-frames.ts <out-dir> [template-id …]
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/config/load.ts';
import { sceneFromDescription } from '../src/pipeline.ts';
import { Renderer } from '../src/render/renderer.ts';
import { TEMPLATES } from '../src/templates/registry.ts';

const DEFAULT_IDS = ['sort.bubble', 'search.binary', 'graph.dijkstra', 'recursion.hanoi', 'ds.bst'];
/** How far into the animation the frame is taken: past the introduction, in the thick of it. */
const AT = 0.3;

const [outArg, ...ids] = process.argv.slice(2);
if (!outArg) {
  console.error('usage: node app/scripts/emphasis-frames.ts <out-dir> [template-id …]');
  process.exit(2);
}
const out = resolve(outArg);
mkdirSync(out, { recursive: true });
const renderer = new Renderer({ config: loadConfig(), encoder: { name: 'libx264', hardware: false, reason: 'emphasis frames' }, chromiumGpu: false });
const work = mkdtempSync(join(tmpdir(), 'devforge-emphasis-'));
try {
  for (const id of ids.length ? ids : DEFAULT_IDS) {
    const template = TEMPLATES.find((t) => t.id === id);
    if (!template) throw new Error(`no template ${id} (devforge templates lists them)`);
    // Few frames per second: only the poster frame is wanted, and it is the same pixels at any rate.
    const { scene } = sceneFromDescription(template.example, { width: 960, height: 540, fps: 4 });
    const steps = scene.narration.steps;
    const target = scene.duration * AT;
    const step = steps.find((s) => s.start + s.duration > target) ?? steps[0];
    const t = step ? step.start + Math.min(step.duration / 2, 1) : target;
    scene.meta.posterTime = t;
    const summary = await renderer.render(scene, { outputs: { video: join(work, `${id}.mp4`) } });
    copyFileSync(summary.poster, join(out, `${id}.png`));
    console.error(`${id}: frame at ${t.toFixed(2)} s, "${step?.text ?? ''}"`);
  }
} finally {
  await renderer.close();
  rmSync(work, { recursive: true, force: true });
}
