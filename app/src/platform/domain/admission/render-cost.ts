// What a render costs before it is accepted, and the refusal of one that cannot finish within a render job's
// time cap (worker.maxRenderMinutes). A job over the cap is killed and retried renderRetryLimit times, so an
// impossible request would hold a renderer for hours and still fail: it is refused at the door instead, saying
// the estimate, the cap and what to lower. The cost model is linear in pixels and frames, its rate
// (limits.renderMsPerMegapixel) measured with every frame drawn and read back whole, the worst case.
import type { DevforgeConfig } from '../../../config/schema.ts';
import { FRAME_RATES, RESOLUTIONS, type ResolutionName } from '../../../render/presets.ts';
import { DomainError } from '../errors.ts';

/** Over the measured worst case: scenes differ, and the machine may be busy with other renders. */
export const SAFETY_MARGIN = 1.2;
/** Starting the page, loading fonts and the player, finishing the MP4 and poster. */
const STARTUP_S = 5;

export interface RenderShape {
  quality: ResolutionName;
  fps: number;
  /** Seconds of video. */
  durationS: number;
}

export interface RenderEstimate {
  frames: number;
  /** Estimated minutes of one render job, margin included. */
  minutes: number;
}

function megapixels(quality: ResolutionName): number {
  const { width, height } = RESOLUTIONS[quality];
  return (width * height) / 1e6;
}

export function estimateRender(config: DevforgeConfig, shape: RenderShape): RenderEstimate {
  const frames = Math.ceil(shape.durationS * shape.fps);
  const seconds = STARTUP_S + (frames * megapixels(shape.quality) * config.limits.renderMsPerMegapixel * SAFETY_MARGIN) / 1000;
  return { frames, minutes: seconds / 60 };
}

/** The longest duration, in whole seconds, that fits both caps at this quality and fps. */
function longestFitting(config: DevforgeConfig, quality: ResolutionName, fps: number): number {
  const capS = config.worker.maxRenderMinutes * 60 - STARTUP_S;
  const byTime = (capS * 1000) / (fps * megapixels(quality) * config.limits.renderMsPerMegapixel * SAFETY_MARGIN);
  return Math.max(0, Math.floor(Math.min(byTime, config.limits.maxFramesPerRender / fps)));
}

function fits(config: DevforgeConfig, shape: RenderShape): boolean {
  const { frames, minutes } = estimateRender(config, shape);
  return frames <= config.limits.maxFramesPerRender && minutes <= config.worker.maxRenderMinutes;
}

/** What the caller could lower, each on its own, for the render to fit. */
function remedies(config: DevforgeConfig, shape: RenderShape): string[] {
  const out: string[] = [];
  const longest = longestFitting(config, shape.quality, shape.fps);
  if (longest >= 1) out.push(`duration to at most ${longest} s`);
  const fps = FRAME_RATES.filter((f) => f < shape.fps && fits(config, { ...shape, fps: f }));
  if (fps.length) out.push(`fps to ${fps.at(-1)}`);
  const names = Object.keys(RESOLUTIONS) as ResolutionName[];
  const quality = names.filter((q) => megapixels(q) < megapixels(shape.quality) && fits(config, { ...shape, quality: q }));
  if (quality.length) out.push(`quality to ${quality.at(-1)}`);
  return out;
}

/**
 * Throws render-too-long (with the estimate, the cap and the remedies in its message and data) unless the render
 * fits limits.maxFramesPerRender and, by the estimate, worker.maxRenderMinutes. `field` names the request (body,
 * body.animations[2]).
 */
export function admitRenderCost(config: DevforgeConfig, shape: RenderShape, field = 'body'): void {
  const { frames, minutes } = estimateRender(config, shape);
  const what = `${frames} frames (${shape.durationS} s at ${shape.fps} fps, ${shape.quality})`;
  const lower = remedies(config, shape);
  const fix = lower.length ? `lower the ${lower.join(', or the ')}` : 'lower the duration, fps or quality';
  const data = { estimated_minutes: Math.ceil(minutes), max_render_minutes: config.worker.maxRenderMinutes, frames, max_frames: config.limits.maxFramesPerRender, longest_duration_s: longestFitting(config, shape.quality, shape.fps) };
  if (frames > config.limits.maxFramesPerRender) {
    throw new DomainError('render-too-long', `${field}: ${what} is more than the ${config.limits.maxFramesPerRender} frames a render may have (limits.maxFramesPerRender); ${fix}`, { data });
  }
  if (minutes > config.worker.maxRenderMinutes) {
    throw new DomainError('render-too-long', `${field}: ${what} is estimated to take ${Math.ceil(minutes)} minutes to render, and a render job may run at most ${config.worker.maxRenderMinutes} minutes (worker.maxRenderMinutes); ${fix}`, {
      data,
    });
  }
}
