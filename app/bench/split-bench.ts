// A long render on one worker and split over several, in the same run: each "worker" is a Renderer of its own
// (its own Chromium and page server), as a worker process has, rendering its segment at the same time as the
// others; the split figure includes the join (concat, -c copy). The queue's hand-offs (a poll interval at most,
// see worker.pollIntervalS) and the segment uploads are not in it. The frame hashes of both are compared, so
// the figure is of a split that is exact.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DevforgeConfig } from '../src/config/schema.ts';
import type { EncoderChoice } from '../src/gpu/detect.ts';
import { Renderer } from '../src/render/renderer.ts';
import { segmentRanges } from '../src/render/segments.ts';
import type { Scene } from '../src/scene/schema.ts';
import { frameCount } from '../src/scene/timeline.ts';

const run = promisify(execFile);

export interface SplitFigures {
  duration_s: number;
  frames: number;
  one_worker_s: number;
  /** Per worker count: the wall time of the split render, the join included. */
  split_s: Record<string, number>;
  join_s: Record<string, number>;
  /** The split render's frames are the one-worker render's (framemd5 of the video stream). */
  frames_identical: Record<string, boolean>;
}

const seconds = (ms: number) => Math.round(ms) / 1000;

async function framemd5(ffmpeg: string, file: string): Promise<string> {
  const { stdout } = await run(ffmpeg, ['-v', 'error', '-i', file, '-map', '0:v:0', '-f', 'framemd5', '-'], { maxBuffer: 1 << 28 });
  return stdout
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .join('\n');
}

export async function benchSplit(config: DevforgeConfig, encoder: EncoderChoice, chromiumGpu: boolean, scene: Scene, workerCounts: number[], dir: string): Promise<SplitFigures> {
  const renderers = Array.from({ length: Math.max(...workerCounts) }, () => new Renderer({ config, encoder, chromiumGpu }));
  try {
    const first = renderers[0]!;
    const aligned = first.alignedEncoding(scene);
    if (!aligned) throw new Error(`the bench scene (${scene.duration} s, encoder ${encoder.name}) is not one a render would split (render.splitMinS ${config.render.splitMinS})`);
    // Every renderer's browser is started before the clock: a worker's is warm between jobs.
    await Promise.all(renderers.map((r) => r.server.start().then(() => r.pool.withPage(() => Promise.resolve()))));
    let t0 = performance.now();
    const whole = await first.render(scene, { outputs: { video: join(dir, 'one-worker.mp4') } });
    const oneMs = performance.now() - t0;
    const reference = await framemd5(first.ffmpeg, whole.file);
    const figures: SplitFigures = { duration_s: scene.duration, frames: frameCount(scene), one_worker_s: seconds(oneMs), split_s: {}, join_s: {}, frames_identical: {} };
    for (const n of workerCounts) {
      const ranges = segmentRanges(frameCount(scene), aligned.gopFrames, n);
      const files = ranges.map((_, i) => join(dir, `split${n}-${i}.mp4`));
      t0 = performance.now();
      await Promise.all(ranges.map((range, i) => renderers[i]!.renderSegment(scene, range, { video: files[i]!, poster: join(dir, `split${n}-poster.png`) })));
      const t1 = performance.now();
      const out = join(dir, `split${n}.mp4`);
      await first.joinSegments(scene, files, { video: out, captions: join(dir, `split${n}.vtt`) });
      const t2 = performance.now();
      figures.split_s[String(n)] = seconds(t2 - t0);
      figures.join_s[String(n)] = seconds(t2 - t1);
      figures.frames_identical[String(n)] = (await framemd5(first.ffmpeg, out)) === reference;
    }
    return figures;
  } finally {
    await Promise.all(renderers.map((r) => r.close()));
  }
}
