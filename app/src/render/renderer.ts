// The renderer: scene spec → MP4 + poster PNG + WebVTT captions. Chromium draws the frames with the
// player (fixed-step driver), ffmpeg encodes them as they arrive. The browser and the page server stay
// warm across jobs.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { DevforgeConfig } from '../config/schema.ts';
import type { EncoderChoice } from '../gpu/detect.ts';
import type { CaptureTarget } from '../player/drivers/fixed-step.ts';
import type { OverlayOptions } from '../player/overlay.ts';
import type { PlayerAssets } from '../player/scene-player.ts';
import type { Scene } from '../scene/schema.ts';
import { frameCount } from '../scene/timeline.ts';
import { toWebVtt } from './captions.ts';
import { BrowserPool, locateChromium } from './chromium.ts';
import { concatArgs, concatList, mp4EncodeArgs, posterArgs, type AlignedEncoding, type RawInput } from '../ffmpeg/args.ts';
import type { FrameRange } from './segments.ts';
import { FfmpegProcess, requireFfmpeg, runFfmpeg } from '../ffmpeg/process.ts';
import { mathAssets } from './math.ts';
import { PageServer } from './page-server.ts';
import { playerBundle } from './bundle.ts';
import { supportsYuv } from '../player/yuv-readback.ts';
import { voiceOver } from '../voice/voice-over.ts';

export interface RenderOutputs {
  /** The MP4 to write. */
  video: string;
  /** Poster PNG (default: beside the video, .png). */
  poster?: string;
  /** WebVTT captions (default: beside the video, .vtt). */
  captions?: string;
}

export interface RenderJobOptions {
  outputs: RenderOutputs;
  overlay?: OverlayOptions;
  onProgress?: (framesDone: number, framesTotal: number) => void;
  /** Abort: the page stops, ffmpeg is killed, partial files are removed. */
  signal?: AbortSignal;
  /**
   * An audio track (PCM WAV, as long as the video) to mix in as AAC. Default: the scene's voice-over when its
   * `voice` names one, spoken with espeak-ng; none (no audio stream) otherwise.
   */
  audio?: string;
}

export interface RenderSummary {
  file: string;
  poster: string;
  captions: string;
  width: number;
  height: number;
  fps: number;
  frames: number;
  duration_s: number;
  encoder: string;
  render_s: number;
  /** Frames drawn and read back; the rest repeated the frame before (nothing moved). */
  frames_drawn: number;
  /** The voice-over, when the scene has one: its voice and a line per narration step that did not fit. */
  voice?: { name: string; warnings: string[] };
}

/** What the render page fetches from the job's /input: the scene, and how to draw and ship its frames. */
interface PageInput {
  scene: Scene;
  assets: PlayerAssets;
  overlay: OverlayOptions;
  antialias: boolean;
  inFlight: number;
  format: CaptureTarget['format'];
  posterFrame: number;
  partial: boolean;
  /** The frames to capture: the whole scene, or one segment of a split render. */
  range: FrameRange;
}

/** Where captured frames go: the encoder for a render, memory for the benchmark. Called in frame order. */
export interface FrameSink {
  /**
   * Frame `index`, whole. The buffer is reused for the next frame once the returned promise settles:
   * a sink that keeps frames must copy them.
   */
  onFrame(index: number, pixels: Buffer): Promise<void>;
  onRepeat(index: number, count: number): Promise<void>;
  onPoster(pixels: Buffer): Promise<void>;
}

/** Milliseconds the page spent, per phase, and how many frames it drew. */
export interface PageStats {
  /** Drawn frames shipped as a changed rectangle only. */
  partial: number;
  prepareMs: number;
  captureMs: number;
  drawMs: number;
  readMs: number;
  waitMs: number;
}

export interface CaptureStats extends PageStats {
  frames: number;
  drawn: number;
}

export class RenderError extends Error {
  override name = 'RenderError';
}

/** The scene is over a configured limit: rendering it again fails again. */
export class RenderLimitError extends RenderError {
  override name = 'RenderLimitError';
}

/**
 * Patches `rects` into `frame` (full RGBA, bottom row first) in place, their pixels one after the
 * other in `pixels`. In place, because a fresh 8 MB frame per 1080p frame cost more in allocation and
 * garbage collection than drawing it: the sink has let go of the frame by the time the next one comes.
 */
export function patchFrame(frame: Buffer | undefined, pixels: Buffer, rects: { x: number; y: number; width: number; height: number }[], width: number, height: number, index: number): Buffer {
  if (!frame) throw new RenderError(`frame ${index} is a partial update with no frame before it`);
  const expected = rects.reduce((n, r) => n + r.width * r.height * 4, 0);
  const valid = rects.every(({ x, y, width: w, height: h }) => x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= width && y + h <= height);
  if (!valid || pixels.length !== expected) throw new RenderError(`frame ${index}: bad partial update ${JSON.stringify(rects)} with ${pixels.length} bytes`);
  let offset = 0;
  for (const { x, y, width: w, height: h } of rects) {
    for (let row = 0; row < h; row++) pixels.copy(frame, ((y + row) * width + x) * 4, offset + row * w * 4, offset + (row + 1) * w * 4);
    offset += w * h * 4;
  }
  return frame;
}

/** The frame the poster is taken from: meta.posterTime, else the last frame. */
export function posterFrameOf(scene: Scene): number {
  return Math.min(frameCount(scene) - 1, Math.round((scene.meta.posterTime ?? scene.duration) * scene.fps));
}

/** No frame for this long means the page is stuck: fail rather than hang. */
const STALL_TIMEOUT_MS = 120_000;

/**
 * Where the renderer's remarks go. `warn`: something the user should see (a page error); `debug`: figures
 * for whoever tunes the renderer (per-phase timings), which the CLI keeps to itself unless DEVFORGE_DEBUG.
 */
export type RenderLog = (line: string, level: 'debug' | 'warn') => void;

/** Seconds rounded to the millisecond, for summaries people read. */
const roundSeconds = (s: number): number => Math.round(s * 1000) / 1000;

export interface RendererOptions {
  config: DevforgeConfig;
  encoder: EncoderChoice;
  chromiumGpu: boolean;
  log?: RenderLog;
}

export class Renderer {
  private readonly config: DevforgeConfig;
  private readonly encoder: EncoderChoice;
  private readonly ffmpegPath: string;
  readonly pool: BrowserPool;
  readonly server = new PageServer();
  private readonly log: RenderLog;
  private readonly chromiumGpu: boolean;

  constructor(opts: RendererOptions) {
    this.chromiumGpu = opts.chromiumGpu;
    this.config = opts.config;
    this.encoder = opts.encoder;
    this.log = opts.log ?? (() => {});
    // Both checks happen before any work so a missing tool is one clear error up front.
    this.ffmpegPath = requireFfmpeg(opts.config.ffmpeg.path);
    const chromium = locateChromium(opts.config.chromium.path);
    this.pool = new BrowserPool({
      executablePath: chromium,
      gpu: opts.chromiumGpu,
      extraArgs: opts.config.chromium.extraArgs.split(/\s+/).filter(Boolean),
      launchTimeoutMs: opts.config.chromium.launchTimeoutMs,
    });
  }

  /**
   * Starts what a render needs (Chromium, the page server, the player bundle) in the background, so a
   * caller can compose its scene meanwhile. Errors surface on the render itself.
   */
  warm(): void {
    this.pool.warm();
    this.server
      .start()
      .then(() => playerBundle())
      .catch(() => {});
  }

  /** The pixel format frames leave the page in: GPU-side YUV pays off only with a real GPU. */
  frameFormat(scene: Scene): 'yuv420p' | 'rgba' {
    const transfer = this.config.render.frameTransfer;
    const wanted = transfer === 'auto' ? (this.chromiumGpu ? 'yuv420p' : 'rgba') : transfer;
    return wanted === 'yuv420p' && supportsYuv(scene.width, scene.height) ? 'yuv420p' : 'rgba';
  }

  /** The raw-video description of what capture() delivers for this scene. */
  rawInput(scene: Scene): RawInput {
    const format = this.frameFormat(scene);
    return { width: scene.width, height: scene.height, fps: scene.fps, pixelFormat: format, bottomUp: format === 'rgba' };
  }

  /** `audio`: a WAV to mix in as AAC; without it the MP4 has no audio stream. */
  encodeArgs(scene: Scene, output: string, audio?: string): string[] {
    const aligned = this.alignedEncoding(scene);
    return mp4EncodeArgs(this.rawInput(scene), { encoder: this.encoder.name, preset: this.config.ffmpeg.x264Preset, crf: this.config.ffmpeg.crf, output, ...(audio ? { audio } : {}), ...(aligned ? { aligned } : {}) });
  }

  /**
   * Whether a render of this scene may be split across workers: long enough (render.splitMinS) and encoded by
   * libx264 (the segment-aligned settings are x264's). Such a scene is encoded segment-aligned whether it is split
   * or not, so how many workers happened to be free never changes its frames.
   */
  splittable(scene: Scene): boolean {
    const min = this.config.render.splitMinS;
    return min > 0 && scene.duration >= min && this.encoder.name === 'libx264';
  }

  /** The segment-aligned encoding of a splittable scene (a keyframe every render.splitGopS), else undefined. */
  alignedEncoding(scene: Scene): AlignedEncoding | undefined {
    if (!this.splittable(scene)) return undefined;
    return { gopFrames: Math.max(1, this.config.render.splitGopS) * scene.fps, threads: Math.max(1, this.config.render.splitEncoderThreads) };
  }

  /**
   * The scene's voice-over as a WAV in a fresh temporary folder (the caller removes it), or undefined when the
   * scene has no voice. Built before ffmpeg starts, which opens every input at once; it is as long as the video
   * (frames / fps), so the video keeps every frame.
   */
  async voiceTrack(scene: Scene): Promise<{ file: string; dir: string; name: string; warnings: string[] } | undefined> {
    if (!scene.voice) return undefined;
    const track = await voiceOver({ espeakPath: this.config.voice.espeakPath, voice: scene.voice.name, steps: scene.narration.steps, durationS: frameCount(scene) / scene.fps });
    for (const warning of track.warnings) this.log(`voice-over: ${warning}`, 'warn');
    const dir = await mkdtemp(join(tmpdir(), 'devforge-voice-'));
    const file = join(dir, 'narration.wav');
    await writeFile(file, track.wav);
    return { file, dir, name: scene.voice.name, warnings: track.warnings };
  }

  /** voice.espeakPath: what pacing a scene for its voice (platform/compose/voice-pacing.ts) measures speech with. */
  get espeakPath(): string {
    return this.config.voice.espeakPath;
  }

  get ffmpeg(): string {
    return this.ffmpegPath;
  }

  /**
   * Draws the scene in the page and hands every frame to `sink`, in order: drawn frames as pixels,
   * unchanged ones as repeat counts, plus the poster frame as RGBA.
   */
  async capture(scene: Scene, sink: FrameSink, opts: { overlay?: OverlayOptions; signal?: AbortSignal; onProgress?: (done: number, total: number) => void; range?: FrameRange } = {}): Promise<CaptureStats> {
    await this.server.start();
    const raw = this.rawInput(scene);
    const range = opts.range ?? { start: 0, end: frameCount(scene) };
    const total = range.end - range.start;
    const wanted = posterFrameOf(scene);
    // A segment without the poster frame sends no poster (-1 matches no frame).
    const posterFrame = wanted >= range.start && wanted < range.end ? wanted : -1;
    const frameBytes = raw.pixelFormat === 'yuv420p' ? (scene.width * scene.height * 3) / 2 : scene.width * scene.height * 4;
    let done = 0;
    let drawn = 0;
    let previous: Buffer | undefined;
    let lastActivity = Date.now();
    const advance = (n: number) => {
      done += n;
      lastActivity = Date.now();
      opts.onProgress?.(done, total);
    };
    const input: PageInput = {
      scene,
      assets: { math: mathAssets(scene) },
      overlay: opts.overlay ?? {},
      antialias: this.config.render.antialias,
      inFlight: this.config.render.framesInFlight,
      format: raw.pixelFormat,
      posterFrame,
      partial: this.config.render.partialReadback,
      range,
    };
    const jobId = this.server.registerJob(
      {
        input,
        onPoster: async (pixels) => {
          if (pixels.length !== scene.width * scene.height * 4) throw new RenderError(`poster has ${pixels.length} bytes, expected ${scene.width * scene.height * 4}`);
          await sink.onPoster(pixels);
        },
        onFrame: async (index, pixels, rects) => {
          let full: Buffer;
          if (rects) full = patchFrame(previous, pixels, rects, scene.width, scene.height, index);
          else {
            if (pixels.length !== frameBytes) throw new RenderError(`frame ${index} has ${pixels.length} bytes, expected ${frameBytes}`);
            // The upload's buffer goes back to the server's pool: whole frames are kept in one buffer
            // of our own, which later partial frames are patched into.
            full = previous ??= Buffer.allocUnsafeSlow(frameBytes);
            pixels.copy(full);
          }
          await sink.onFrame(index, full);
          drawn++;
          advance(1);
        },
        onRepeat: async (index, count) => {
          await sink.onRepeat(index, count);
          advance(count);
        },
      },
      range.start,
    );
    try {
      const stats = await this.pool.withPage((page) => this.drive(page, jobId, opts.signal, () => lastActivity));
      if (done !== total) throw new RenderError(`expected ${total} frames, got ${done}`);
      return { ...stats, frames: total, drawn };
    } finally {
      this.server.unregisterJob(jobId);
    }
  }

  async render(scene: Scene, job: RenderJobOptions): Promise<RenderSummary> {
    const started = performance.now();
    const outputs = {
      video: job.outputs.video,
      poster: job.outputs.poster ?? job.outputs.video.replace(/\.mp4$/i, '') + '.png',
      captions: job.outputs.captions ?? job.outputs.video.replace(/\.mp4$/i, '') + '.vtt',
    };
    if (scene.duration > this.config.render.maxDurationS) throw new RenderLimitError(`duration ${scene.duration}s is over the limit of ${this.config.render.maxDurationS}s (render.maxDurationS)`);
    await mkdir(dirname(outputs.video), { recursive: true });
    const raw = this.rawInput(scene);
    const voice = job.audio ? undefined : await this.voiceTrack(scene);
    try {
      return await this.encode(scene, job, outputs, raw, started, job.audio ?? voice?.file, voice && { name: voice.name, warnings: voice.warnings });
    } finally {
      if (voice) await rm(voice.dir, { recursive: true, force: true });
    }
  }

  /**
   * One segment of a split render: frames [range.start, range.end) as a video-only MP4, encoded segment-aligned
   * (the range must start on a keyframe of alignedEncoding). The segment holding the poster frame also writes
   * the poster PNG to `poster`; returns whether it did.
   */
  async renderSegment(
    scene: Scene,
    range: FrameRange,
    job: { video: string; poster: string; overlay?: OverlayOptions; signal?: AbortSignal; onProgress?: (done: number, total: number) => void },
  ): Promise<{ posterWritten: boolean; stats: CaptureStats }> {
    const aligned = this.alignedEncoding(scene);
    if (!aligned) throw new RenderError(`this scene is not rendered segment-aligned (render.splitMinS ${this.config.render.splitMinS} s, encoder ${this.encoder.name}): it cannot be split`);
    if (range.start % aligned.gopFrames !== 0 || range.end <= range.start || range.end > frameCount(scene))
      throw new RenderError(`segment ${range.start}-${range.end} does not start on a keyframe (every ${aligned.gopFrames} frames) within the scene's ${frameCount(scene)} frames`);
    await mkdir(dirname(job.video), { recursive: true });
    const ffmpeg = new FfmpegProcess(this.ffmpegPath, this.encodeArgs(scene, job.video));
    const collected = this.encodingSink(ffmpeg);
    try {
      const stats = await this.capture(scene, collected.sink, { overlay: job.overlay, signal: job.signal, onProgress: job.onProgress, range });
      await ffmpeg.finish();
      const poster = collected.poster();
      if (poster) await runFfmpeg(this.ffmpegPath, posterArgs({ ...this.rawInput(scene), pixelFormat: 'rgba', bottomUp: true }, job.poster), poster);
      return { posterWritten: Boolean(poster), stats };
    } catch (err) {
      ffmpeg.kill();
      await Promise.all([job.video, job.poster].map((f) => rm(f, { force: true })));
      throw err;
    }
  }

  /**
   * Joins a split render's segment MP4s (in frame order) into `outputs.video` without re-encoding, muxes the
   * voice-over over the whole (when the scene has one) and writes the captions.
   */
  async joinSegments(scene: Scene, segments: string[], outputs: { video: string; captions: string }): Promise<RenderSummary['voice']> {
    await mkdir(dirname(outputs.video), { recursive: true });
    const voice = await this.voiceTrack(scene);
    const list = join(dirname(outputs.video), 'segments.ffconcat');
    try {
      await writeFile(list, concatList(segments));
      await runFfmpeg(this.ffmpegPath, concatArgs(list, outputs.video, voice?.file), undefined, 10 * 60_000);
      await writeFile(outputs.captions, toWebVtt(scene.narration.steps, scene.duration));
      return voice && { name: voice.name, warnings: voice.warnings };
    } catch (err) {
      await Promise.all([outputs.video, outputs.captions].map((f) => rm(f, { force: true })));
      throw err;
    } finally {
      await rm(list, { force: true });
      if (voice) await rm(voice.dir, { recursive: true, force: true });
    }
  }

  /** A sink that writes frames to `ffmpeg` (repeats written again) and keeps the poster frame. */
  private encodingSink(ffmpeg: FfmpegProcess): { sink: FrameSink; poster: () => Buffer | undefined } {
    let last: Buffer | undefined;
    let poster: Buffer | undefined;
    const sink: FrameSink = {
      onPoster: (pixels) => {
        poster = pixels;
        return Promise.resolve();
      },
      onFrame: async (_index, pixels) => {
        last = pixels;
        await ffmpeg.write(pixels);
      },
      onRepeat: async (index, count) => {
        if (!last) throw new RenderError(`frame ${index} repeats a frame that never came`);
        for (let i = 0; i < count; i++) await ffmpeg.write(last);
      },
    };
    return { sink, poster: () => poster };
  }

  private async encode(scene: Scene, job: RenderJobOptions, outputs: Required<RenderOutputs>, raw: RawInput, started: number, audio: string | undefined, voice: RenderSummary['voice']): Promise<RenderSummary> {
    const ffmpeg = new FfmpegProcess(this.ffmpegPath, this.encodeArgs(scene, outputs.video, audio));
    const collected = this.encodingSink(ffmpeg);
    const sink = collected.sink;
    let stats: CaptureStats;
    try {
      stats = await this.capture(scene, sink, { overlay: job.overlay, signal: job.signal, onProgress: job.onProgress });
      await ffmpeg.finish();
      const poster = collected.poster();
      if (!poster) throw new RenderError('the page sent no poster frame');
      await runFfmpeg(this.ffmpegPath, posterArgs({ ...raw, pixelFormat: 'rgba', bottomUp: true }, outputs.poster), poster);
      await writeFile(outputs.captions, toWebVtt(scene.narration.steps, scene.duration));
    } catch (err) {
      ffmpeg.kill();
      await Promise.all([outputs.video, outputs.poster, outputs.captions].map((f) => rm(f, { force: true })));
      throw err;
    }
    this.log(`render: ${JSON.stringify(stats)}`, 'debug');
    return {
      file: outputs.video,
      poster: outputs.poster,
      captions: outputs.captions,
      width: scene.width,
      height: scene.height,
      fps: scene.fps,
      frames: stats.frames,
      duration_s: roundSeconds(stats.frames / scene.fps),
      encoder: this.encoder.name,
      render_s: roundSeconds((performance.now() - started) / 1000),
      frames_drawn: stats.drawn,
      ...(voice ? { voice } : {}),
    };
  }

  private async drive(page: Page, jobId: string, signal: AbortSignal | undefined, lastActivity: () => number): Promise<PageStats> {
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push((err as Error).message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.log(`render page: ${msg.text()}${msg.location().url ? ` (${msg.location().url})` : ''}`, 'warn');
    });
    await page.goto(`${this.server.origin}/render.html`, { waitUntil: 'load' });
    const endpoint = `${this.server.origin}/jobs/${jobId}`;
    const run = page.evaluate(async (endpoint: string) => {
      const t0 = performance.now();
      const input = (await (await fetch(`${endpoint}/input`)).json()) as PageInput;
      // An OffscreenCanvas is never composited onto the page: no per-frame compositing work.
      const canvas = new OffscreenCanvas(input.scene.width, input.scene.height);
      const player = new window.DevForge.ScenePlayer(canvas, input.scene, input.assets, { overlay: input.overlay, antialias: input.antialias });
      await player.prepare();
      const t1 = performance.now();
      const summary = await window.DevForge.captureFrames(player, {
        endpoint,
        startFrame: input.range.start,
        endFrame: input.range.end,
        inFlight: input.inFlight,
        format: input.format,
        posterFrame: input.posterFrame,
        partial: input.partial,
      });
      player.dispose();
      return { drawMs: summary.drawMs, readMs: summary.readMs, waitMs: summary.waitMs, partial: summary.partial, prepareMs: t1 - t0, captureMs: performance.now() - t1 };
    }, endpoint);

    let timer: NodeJS.Timeout | undefined;
    const watchdog = new Promise<never>((_, reject) => {
      timer = setInterval(() => {
        if (signal?.aborted) reject(new RenderError('render cancelled'));
        else if (Date.now() - lastActivity() > STALL_TIMEOUT_MS) reject(new RenderError(`no frame for ${STALL_TIMEOUT_MS / 1000}s: the render page stalled${pageErrors.length ? ` (${pageErrors.join('; ')})` : ''}`));
      }, 250);
    });
    try {
      return await Promise.race([run, watchdog]);
    } catch (err) {
      const detail = pageErrors.length ? ` (page errors: ${pageErrors.join('; ')})` : '';
      throw err instanceof RenderError ? err : new RenderError(`render page failed: ${(err as Error).message}${detail}`);
    } finally {
      clearInterval(timer);
    }
  }

  async close(): Promise<void> {
    await this.pool.close();
    await this.server.close();
  }
}
