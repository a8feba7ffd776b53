// Reading back only the rectangle a frame changed must give exactly the frames a full readback gives.
import test from 'ava';
import { join } from 'node:path';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { captionAt, sameCaption } from '../../src/scene/narration.ts';
import { SCENE_VERSION } from '../../src/scene/schema.ts';
import { parseScene } from '../../src/scene/validate.ts';
import { frameHashes } from '../helpers/video.ts';
import { tempDir, testRenderer } from '../helpers/renderer.ts';

const partial = testRenderer({ render: { partialReadback: true } });
const whole = testRenderer({ render: { partialReadback: false } });
test.after.always(async () => {
  await partial.close();
  await whole.close();
});

const graphScene = parseScene({
  version: 1,
  width: 640,
  height: 360,
  fps: 24,
  duration: 3,
  style: { theme: 'algorithmic' },
  objects: [
    { id: 'g', type: 'group', x: 0 },
    { id: 'a', type: 'node', label: 'A', x: -4, y: 1, parent: 'g' },
    { id: 'b', type: 'node', label: 'B', x: 3, y: -1 },
    { id: 'ab', type: 'edge', from: 'a', to: 'b', label: '4', directed: true },
    { id: 'ax', type: 'axes', x: 4, y: 2.5, width: 4, height: 2, xRange: [0, 4], yRange: [0, 2] },
    {
      id: 'p',
      type: 'plot',
      axes: 'ax',
      points: [
        [0, 0],
        [1, 1],
        [2, 0.5],
        [4, 2],
      ],
    },
    { id: 'counter', type: 'text', text: 'step 0', y: -3.5 },
    {
      id: 'zig',
      type: 'line',
      points: [
        [-6, -2],
        [-4, -3],
        [-2, -1.5],
        [0, -3],
        [2, -2],
      ],
      width: 0.12,
      arrow: 'end',
      dash: [0.4, 0.2],
    },
    { id: 'ax2', type: 'axes', x: -4, y: -1, width: 4, height: 2, xRange: [0, 6], yRange: [-1, 1] },
    { id: 'wave', type: 'plot', axes: 'ax2', points: Array.from({ length: 61 }, (_, i) => [i / 10, Math.sin(i / 3)]) },
  ],
  timeline: [
    { type: 'move', target: 'b', start: 0.5, duration: 0.8, to: { x: 1, y: 2 } },
    { type: 'tween', target: 'g', property: 'x', to: 2, start: 1.2, duration: 0.6 },
    { type: 'tween', target: 'ax', property: 'y', to: 1.5, start: 2, duration: 0.5 },
    { type: 'set', target: 'counter', at: 1, property: 'text', value: 'step one, a longer label' },
    { type: 'highlight', target: 'a', at: 2.2, duration: 0.4 },
    // Lines and plots drawing themselves on redraw only around their moving ends.
    { type: 'appear', target: 'zig', at: 0.2, duration: 1.5, effect: 'draw' },
    { type: 'appear', target: 'wave', at: 0.5, duration: 2, effect: 'draw' },
  ],
});

// Meshes far apart under a perspective camera: each pass draws only what may reach its rectangle.
const meshScene = parseScene({
  version: 1,
  width: 640,
  height: 360,
  fps: 24,
  duration: 2,
  style: { theme: 'scientific' },
  camera: { type: 'perspective', fov: 45, z: 11 },
  objects: [
    { id: 'left', type: 'mesh', shape: 'box', radius: 0.6, x: -4, y: 1.5, color: '$primary' },
    { id: 'right', type: 'mesh', shape: 'torus', radius: 0.6, x: 4, y: -1.5, color: '$accent' },
    { id: 'still', type: 'mesh', shape: 'sphere', radius: 0.6, x: 0, y: 0, color: '$secondary' },
    { id: 'caption', type: 'text', text: 'turning', y: -3.8 },
  ],
  timeline: [
    { type: 'tween', target: 'left', property: 'rotationY', from: 0, to: 180, start: 0, duration: 2, easing: 'linear' },
    { type: 'tween', target: 'right', property: 'rotationX', from: 0, to: 90, start: 0.5, duration: 1, easing: 'linear' },
    { type: 'set', target: 'caption', at: 1, property: 'text', value: 'still turning' },
  ],
});

// Narration over a still picture: only the caption band changes, when its text or fade does.
const narratedScene = parseScene({
  version: SCENE_VERSION,
  width: 640,
  height: 360,
  fps: 24,
  duration: 4,
  style: { theme: 'corporate_training' },
  objects: [
    { id: 'box', type: 'rect', width: 12, height: 7.6, y: 0, fill: '$primary' },
    { id: 'title', type: 'text', text: 'Still', y: 3.8 },
  ],
  narration: {
    steps: [
      { start: 0.2, duration: 1, text: 'A first step, fading in after a gap' },
      { start: 1.2, duration: 1.3, text: 'A second one joined to it, long enough to wrap onto a second line of the band at this small size', refs: ['box'] },
      { start: 3, duration: 0.8, text: 'A last one after a gap' },
    ],
  },
});

test.serial('narration over a still picture: only the frames where the caption changes are drawn, partial readback gives the same frames', async (t) => {
  const dir = tempDir();
  const a = await partial.render(narratedScene, { outputs: { video: join(dir, 'partial.mp4') } });
  const b = await whole.render(narratedScene, { outputs: { video: join(dir, 'whole.mp4') } });
  t.deepEqual(await frameHashes(a.file), await frameHashes(b.file));
  const frames = narratedScene.duration * narratedScene.fps;
  let changes = 1; // the first frame
  for (let f = 1; f < frames; f++) if (!sameCaption(captionAt(narratedScene.narration.steps, (f - 1) / 24), captionAt(narratedScene.narration.steps, f / 24))) changes++;
  const posterUnchanged = sameCaption(captionAt(narratedScene.narration.steps, (frames - 2) / 24), captionAt(narratedScene.narration.steps, (frames - 1) / 24));
  t.is(a.frames_drawn, changes + (posterUnchanged ? 1 : 0));
  t.true(a.frames_drawn < frames / 2, `${a.frames_drawn} of ${frames} frames drawn`);
});

for (const [name, make] of [
  ['bubble sort', () => sceneFromDescription('bubble sort 5 3 8 1 4', { width: 640, height: 360, fps: 24, duration: 4 }).scene],
  ['moving graph, group, axes and changing text', () => graphScene],
  ['3D meshes far apart and a changing caption', () => meshScene],
] as const) {
  test.serial(`${name}: partial readback gives the same frames`, async (t) => {
    const dir = tempDir();
    const scene = make();
    const a = await partial.render(scene, { outputs: { video: join(dir, 'partial.mp4') } });
    const b = await whole.render(scene, { outputs: { video: join(dir, 'whole.mp4') } });
    t.deepEqual(await frameHashes(a.file), await frameHashes(b.file));
  });
}
