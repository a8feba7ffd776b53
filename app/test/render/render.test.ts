// Real renders: Chromium draws with the player, ffmpeg encodes; the tests decode frames and look at pixels.
import test from 'ava';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { THEMES } from '../../src/scene/themes.ts';
import { parseScene } from '../../src/scene/validate.ts';
import { changedFraction, colorDistance, frameAt, frameHashes, hexToRgb, pixel, probe } from '../helpers/video.ts';
import { tempDir, testRenderer } from '../helpers/renderer.ts';

const renderer = testRenderer();
test.after.always(() => renderer.close());

const W = 1280;
const H = 720;

test.serial('bubble sort renders to an H.264 MP4 whose frames show the bars being sorted', async (t) => {
  const dir = tempDir();
  const { scene } = sceneFromDescription('Demonstrate bubble sort on 5 3 8 1', { width: W, height: H, fps: 30, duration: 6 });
  // 6 s is too short to read the narration: the scene is as long as reading needs (see docs/pacing.md).
  t.true(scene.duration >= 6, `duration ${scene.duration}`);
  const frames = Math.round(scene.duration * 30);
  const progress: number[] = [];
  const summary = await renderer.render(scene, { outputs: { video: join(dir, 'bubble.mp4') }, onProgress: (done) => progress.push(done) });
  t.is(summary.frames, frames);
  t.is(progress[progress.length - 1], frames);
  t.true(summary.frames_drawn < summary.frames, 'frames where nothing moves are not redrawn');

  const info = await probe(summary.file);
  t.is(info.codec_name, 'h264');
  t.is(info.pix_fmt, 'yuv420p');
  t.is(info.width, W);
  t.is(info.height, H);
  t.is(info.r_frame_rate, '30/1');
  t.is(Number(info.nb_frames), frames);
  t.true(Math.abs(Number(info.duration) - scene.duration) < 0.05);

  const first = await frameAt(summary.file, 0, W, H);
  const early = await frameAt(summary.file, 1.0, W, H);
  const last = await frameAt(summary.file, scene.duration - 0.1, W, H);
  const background = hexToRgb(THEMES.algorithmic.palette.background);
  for (const frame of [first, early, last]) t.true(colorDistance(pixel(frame, W, 4, 4), background) < 8, 'background is the theme colour');
  t.true(changedFraction(first, last) > 0.02, 'the last frame differs from the first');
  // The bars sit in the lower two thirds; their layout changes between the first pass and the end.
  const bars = (f: Buffer) => f.subarray(W * 3 * Math.round(H * 0.35), W * 3 * Math.round(H * 0.85));
  t.true(changedFraction(bars(early), bars(last)) > 0.01, 'the bars moved');
  t.true(existsSync(summary.poster));
  t.regex(readFileSync(summary.captions, 'utf8'), /^WEBVTT\n\n1\n00:00:00\.000 --> /);
});

test.serial('rendering the same spec twice gives identical frames', async (t) => {
  const dir = tempDir();
  const { scene } = sceneFromDescription('bubble sort 4 2 3 1', { width: 640, height: 360, fps: 24, duration: 3 });
  const a = await renderer.render(scene, { outputs: { video: join(dir, 'a.mp4') } });
  const b = await renderer.render(scene, { outputs: { video: join(dir, 'b.mp4') } });
  const [ha, hb] = await Promise.all([frameHashes(a.file), frameHashes(b.file)]);
  t.is(ha.length, Math.round(scene.duration * 24));
  t.deepEqual(ha, hb);
});

test.serial('watermark and branding are drawn when asked for', async (t) => {
  const dir = tempDir();
  const scene = parseScene({ version: 1, width: 640, height: 360, fps: 10, duration: 1, background: '#000000', objects: [] });
  const plain = await renderer.render(scene, { outputs: { video: join(dir, 'plain.mp4') } });
  const marked = await renderer.render(scene, {
    outputs: { video: join(dir, 'marked.mp4') },
    overlay: { watermark: { text: 'PREVIEW' }, branding: { productName: 'Acme Academy', colors: { primary: '#ff0000' } } },
  });
  const a = await frameAt(plain.file, 0.5, 640, 360);
  const b = await frameAt(marked.file, 0.5, 640, 360);
  t.true(colorDistance(pixel(a, 640, 320, 358), [0, 0, 0]) < 10);
  t.true(colorDistance(pixel(b, 640, 320, 358), [255, 0, 0]) < 90, 'the branding bar is along the bottom in the brand colour');
  t.true(changedFraction(a, b) > 0.001);
});

test.serial('the render page cannot reach the network', async (t) => {
  const result = await renderer.pool.withPage(async (page) => {
    await renderer.server.start();
    await page.goto(`${renderer.server.origin}/render.html`);
    return page.evaluate(async () => {
      const outcomes: string[] = [];
      for (const url of ['http://example.com/', 'http://10.0.0.1/', 'https://1.1.1.1/']) {
        try {
          await fetch(url, { mode: 'no-cors' });
          outcomes.push(`${url} reached`);
        } catch {
          outcomes.push(`${url} blocked`);
        }
      }
      return outcomes;
    });
  });
  t.deepEqual(result, ['http://example.com/ blocked', 'http://10.0.0.1/ blocked', 'https://1.1.1.1/ blocked']);
});
