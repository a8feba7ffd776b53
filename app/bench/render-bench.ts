// Render figures for one scene at one size, all in the same run: the page drawing every frame with
// nothing captured (render_only), ffmpeg encoding exactly the captured frames alone (ffmpeg_only),
// and the whole `devforge render` as a user runs it (export).
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { FfmpegProcess } from '../src/ffmpeg/process.ts';
import type { Renderer } from '../src/render/renderer.ts';
import type { Scene } from '../src/scene/schema.ts';
import { mathAssets } from '../src/render/math.ts';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../bin/devforge.js', import.meta.url));

export interface RenderFigures {
  frames: number;
  frames_drawn: number;
  render_only_s: number;
  capture_s: number;
  ffmpeg_only_s: number;
  export_s: number;
}

const seconds = (ms: number) => Math.round(ms) / 1000;

/** The page draws every frame (reading one pixel back to wait for each), nothing is captured. */
async function renderOnly(renderer: Renderer, scene: Scene): Promise<number> {
  await renderer.server.start();
  const nothing = async () => {};
  const jobId = renderer.server.registerJob({ input: { scene, assets: { math: mathAssets(scene) } }, onFrame: nothing, onRepeat: nothing, onPoster: nothing });
  try {
    return await renderer.pool.withPage(async (page) => {
      await page.goto(`${renderer.server.origin}/render.html`);
      return page.evaluate(async (endpoint: string) => {
        const input = await (await fetch(`${endpoint}/input`)).json();
        const player = new window.DevForge.ScenePlayer(new OffscreenCanvas(input.scene.width, input.scene.height), input.scene, input.assets);
        await player.prepare();
        const ms = window.DevForge.drawFramesOnly(player, 0, player.frameCount);
        player.dispose();
        return ms;
      }, `${renderer.server.origin}/jobs/${jobId}`);
    });
  } finally {
    renderer.server.unregisterJob(jobId);
  }
}

/** Captures the frames into memory, as the renderer would hand them to ffmpeg. */
async function captureToMemory(renderer: Renderer, scene: Scene): Promise<{ stream: { pixels: Buffer; times: number }[]; ms: number; drawn: number }> {
  const stream: { pixels: Buffer; times: number }[] = [];
  const t0 = performance.now();
  const stats = await renderer.capture(scene, {
    // The renderer reuses its frame buffer: keeping frames means copying them.
    onFrame: (_i, pixels) => {
      stream.push({ pixels: Buffer.from(pixels), times: 1 });
      return Promise.resolve();
    },
    onRepeat: (_i, count) => {
      stream[stream.length - 1]!.times += count;
      return Promise.resolve();
    },
    onPoster: async () => {},
  });
  return { stream, ms: performance.now() - t0, drawn: stats.drawn };
}

/** ffmpeg alone, fed exactly the frame stream a render feeds it, with the same arguments. */
async function ffmpegOnly(renderer: Renderer, scene: Scene, stream: { pixels: Buffer; times: number }[], dir: string): Promise<number> {
  const t0 = performance.now();
  const ffmpeg = new FfmpegProcess(renderer.ffmpeg, renderer.encodeArgs(scene, join(dir, 'ffmpeg-only.mp4')));
  for (const { pixels, times } of stream) for (let i = 0; i < times; i++) await ffmpeg.write(pixels);
  await ffmpeg.finish();
  return performance.now() - t0;
}

/** `devforge render --scene` in a fresh process: start-up, browser launch, render, encode, poster. */
async function exportWhole(scene: Scene, dir: string): Promise<number> {
  const specFile = join(dir, `${scene.width}x${scene.height}.json`);
  writeFileSync(specFile, JSON.stringify(scene));
  const t0 = performance.now();
  await run(process.execPath, [BIN, 'render', '--scene', specFile, '-o', join(dir, 'export.mp4'), '--quiet'], { maxBuffer: 1 << 24 });
  return performance.now() - t0;
}

export async function benchRender(renderer: Renderer, scene: Scene, dir: string): Promise<RenderFigures> {
  const exportMs = await exportWhole(scene, dir);
  const renderOnlyMs = await renderOnly(renderer, scene);
  const captured = await captureToMemory(renderer, scene);
  const ffmpegMs = await ffmpegOnly(renderer, scene, captured.stream, dir);
  return {
    frames: Math.round(scene.duration * scene.fps),
    frames_drawn: captured.drawn,
    render_only_s: seconds(renderOnlyMs),
    capture_s: seconds(captured.ms),
    ffmpeg_only_s: seconds(ffmpegMs),
    export_s: seconds(exportMs),
  };
}
