// The fixed-step driver: steps through frames one by one for the renderer and ships each frame's
// pixels to the host over local HTTP (binary bodies, several frames a request; CDP would base64
// them). Frames where nothing changed are sent as a count of repeats: neither redrawn nor read back.
import type { ScenePlayer } from '../scene-player.ts';
import { YuvReadback } from '../yuv-readback.ts';
import type { PixelRect } from '../dirty-region.ts';
import { BATCH_HEADER, FrameBatcher, type BatchEntry } from './frame-batch.ts';

export interface CaptureTarget {
  /** URL prefix on the renderer's local server for this job, e.g. http://127.0.0.1:4567/jobs/abc */
  endpoint: string;
  startFrame: number;
  endFrame: number;
  /** Requests allowed in flight while the next frame renders. */
  inFlight: number;
  /** yuv420p where the size allows (see yuv-readback.ts), else rgba (bottom row first). */
  format: 'rgba' | 'yuv420p';
  /** This frame is also sent as RGBA to {endpoint}/poster, for a full-colour poster image. */
  posterFrame: number;
  /** Ship only the rectangle each frame changed (RGBA only). */
  partial: boolean;
}

export interface CaptureSummary {
  drawn: number;
  /** Drawn frames of which only the changed rectangle was read back. */
  partial: number;
  repeated: number;
  /** Milliseconds spent drawing, reading pixels back, and waiting on uploads (for the benchmark). */
  drawMs: number;
  readMs: number;
  waitMs: number;
}

async function post(url: string, body?: BodyInit, headers?: Record<string, string>): Promise<void> {
  const res = await fetch(url, { method: 'POST', body, headers });
  if (!res.ok) throw new Error(`frame upload failed: ${res.status} ${await res.text()}`);
}

/** Reads the canvas' pixels (RGBA, bottom row first) right after drawing; all of it, or one rectangle. */
function readPixels(player: ScenePlayer, rect?: PixelRect): Uint8Array<ArrayBuffer> {
  const gl = player.renderer.getContext();
  const { x, y, width, height } = rect ?? { x: 0, y: 0, width: player.scene.width, height: player.scene.height };
  const pixels = new Uint8Array(width * height * 4);
  gl.readPixels(x, y, width, height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
  return pixels;
}

/** The rectangles' pixels one after the other (each RGBA, bottom row first). */
function readRects(player: ScenePlayer, rects: PixelRect[]): Uint8Array<ArrayBuffer> {
  const parts = rects.map((r) => readPixels(player, r));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export async function captureFrames(player: ScenePlayer, target: CaptureTarget): Promise<CaptureSummary> {
  const pending: Promise<void>[] = [];
  const summary: CaptureSummary = { drawn: 0, partial: 0, repeated: 0, drawMs: 0, readMs: 0, waitMs: 0 };
  const yuv = target.format === 'yuv420p' ? new YuvReadback(player.renderer, player.scene.width, player.scene.height) : undefined;
  const posterFrame = Math.min(target.posterFrame, target.endFrame - 1);
  let repeatStart = -1;
  let repeatCount = 0;
  const queue = async (p: Promise<void>) => {
    pending.push(p);
    if (pending.length >= target.inFlight) {
      const t0 = performance.now();
      await pending.shift();
      summary.waitMs += performance.now() - t0;
    }
  };
  const batches = new FrameBatcher((entries: BatchEntry[], body) => post(`${target.endpoint}/frames`, body, { [BATCH_HEADER]: JSON.stringify(entries) }));
  const sent = async (batch: Promise<void> | undefined) => {
    if (batch) await queue(batch);
  };
  const flushRepeats = async () => {
    if (repeatCount === 0) return;
    await sent(batches.repeat(repeatStart, repeatCount));
    summary.repeated += repeatCount;
    repeatCount = 0;
  };
  for (let f = target.startFrame; f < target.endFrame; f++) {
    // The poster frame is drawn even when unchanged, so its RGBA pixels can be read.
    const unchanged = f > target.startFrame && player.changed[f] === 0 && f !== posterFrame;
    if (unchanged) {
      if (repeatCount === 0) repeatStart = f;
      repeatCount++;
      continue;
    }
    await flushRepeats();
    const t0 = performance.now();
    player.drawFrame(f, { partial: target.partial });
    const t1 = performance.now();
    if (f === posterFrame) await queue(post(`${target.endpoint}/poster`, readPixels(player)));
    const change = player.lastChange;
    summary.drawMs += t1 - t0;
    if (change !== 'full' && change.length === 0 && f > target.startFrame && f !== posterFrame) {
      // Drawn, but nothing visible moved (e.g. a tween to the value it already had).
      if (repeatCount === 0) repeatStart = f;
      repeatCount++;
      continue;
    }
    // Only the changed rectangles leave the page (RGBA only: YUV's chroma planes need the whole frame).
    const rects = target.partial && !yuv && change !== 'full' && change.length > 0 && f > target.startFrame ? change : undefined;
    const pixels = yuv ? yuv.read() : rects ? readRects(player, rects) : readPixels(player);
    summary.readMs += performance.now() - t1;
    await sent(batches.frame(f, pixels, rects));
    summary.drawn++;
    if (rects) summary.partial++;
  }
  await flushRepeats();
  await sent(batches.flush());
  await Promise.all(pending);
  yuv?.dispose();
  return summary;
}

/** Draws every frame without capturing anything: the benchmark's render-only baseline. */
export function drawFramesOnly(player: ScenePlayer, startFrame: number, endFrame: number): number {
  const t0 = performance.now();
  const gl = player.renderer.getContext();
  const probe = new Uint8Array(4);
  for (let f = startFrame; f < endFrame; f++) {
    player.drawFrame(f);
    // Reading one pixel waits for the frame to finish, as capture would.
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, probe);
  }
  return performance.now() - t0;
}
