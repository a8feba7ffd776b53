// Flags that choose what scene is made: resolution, fps, duration, style, template.
import type { DevforgeConfig } from '../config/schema.ts';
import { frameRate, PresetError, resolution } from '../render/presets.ts';
import type { SceneRequest } from '../pipeline.ts';
import { numberFlag } from './args.ts';
import { UsageError } from './errors.ts';

export const SCENE_FLAGS = {
  resolution: { type: 'string', short: 'r' },
  fps: { type: 'string' },
  duration: { type: 'string', short: 'd' },
  style: { type: 'string' },
  template: { type: 'string' },
} as const;

export interface SceneFlagValues {
  resolution?: string;
  fps?: string;
  duration?: string;
  style?: string;
  template?: string;
}

export function sceneRequest(values: SceneFlagValues, config: DevforgeConfig): SceneRequest {
  try {
    const size = resolution(values.resolution ?? config.render.defaultResolution);
    const fps = frameRate(numberFlag(values.fps, 'fps') ?? config.render.defaultFps);
    const max = config.render.maxDurationS;
    const duration = numberFlag(values.duration, 'duration', (n) => n > 0 && n <= max, `use seconds between 0 and ${max} (render.maxDurationS)`);
    return {
      ...size,
      fps,
      ...(duration !== undefined ? { duration } : {}),
      ...(values.style ? { style: values.style } : {}),
      ...(values.template ? { template: values.template } : {}),
      maxLength: config.analysis.maxDescriptionLength,
    };
  } catch (err) {
    if (err instanceof PresetError) throw new UsageError(err.message);
    throw err;
  }
}
