// Flags that choose what scene is made: resolution, fps, duration, style, template, captions, the fallback for a
// description not understood; and the voice-over.
import type { DevforgeConfig } from '../config/schema.ts';
import { aspect, frameRate, frameSize, PresetError, RESOLUTION_NAMES, type ResolutionName } from '../render/presets.ts';
import type { SceneRequest } from '../pipeline.ts';
import { CAPTION_MODES, type CaptionMode } from '../scene/schema.ts';
import { requireEspeak, requireVoice, UnknownVoiceError } from '../voice/espeak.ts';
import { numberFlag } from './args.ts';
import { UsageError } from './errors.ts';

export const SCENE_FLAGS = {
  resolution: { type: 'string', short: 'r' },
  aspect: { type: 'string' },
  fps: { type: 'string' },
  duration: { type: 'string', short: 'd' },
  style: { type: 'string' },
  template: { type: 'string' },
  captions: { type: 'string' },
  fallback: { type: 'string' },
} as const;

/** --voice NAME|off: for the commands whose output has sound (render, scene), not the preview (which plays none yet). */
export const VOICE_FLAGS = { voice: { type: 'string' } } as const;

/**
 * --voice: undefined when not given, null for "off", else the voice's name, checked against the voices espeak-ng
 * has here, so a typo is a usage error before anything is rendered.
 */
export async function voiceFlag(value: string | undefined, config: DevforgeConfig): Promise<string | null | undefined> {
  if (value === undefined) return undefined;
  if (value === 'off') return null;
  try {
    return (await requireVoice(requireEspeak(config.voice.espeakPath), value)).name;
  } catch (err) {
    if (err instanceof UnknownVoiceError) throw new UsageError(`--voice: ${err.message}`);
    throw err;
  }
}

export interface SceneFlagValues {
  resolution?: string;
  aspect?: string;
  fps?: string;
  duration?: string;
  style?: string;
  template?: string;
  captions?: string;
  fallback?: string;
}

/** --fallback title-card (or title_card): a description not understood is drawn as a title card of its words. */
export function fallbackFlag(value: string | undefined): 'title_card' | undefined {
  if (value === undefined) return undefined;
  if (value === 'title-card' || value === 'title_card') return 'title_card';
  throw new UsageError(`--fallback must be title-card (draw a description that was not understood as a title card of its words), got ${value}`);
}

/** --captions burn_in|sidecar|both, checked. */
export function captionMode(value: string | undefined): CaptionMode | undefined {
  if (value === undefined) return undefined;
  if (!(CAPTION_MODES as readonly string[]).includes(value)) throw new UsageError(`--captions must be one of ${CAPTION_MODES.join(', ')} (burn_in: in the frame; sidecar: the .vtt only; both), got ${value}`);
  return value as CaptionMode;
}

export function sceneRequest(values: SceneFlagValues, config: DevforgeConfig): SceneRequest {
  try {
    const quality = (values.resolution ?? config.render.defaultResolution).toLowerCase();
    if (!(RESOLUTION_NAMES as string[]).includes(quality)) throw new PresetError(`unknown resolution "${quality}": use one of ${RESOLUTION_NAMES.join(', ')}`);
    const size = frameSize(quality as ResolutionName, aspect(values.aspect ?? '16:9'));
    const fps = frameRate(numberFlag(values.fps, 'fps') ?? config.render.defaultFps);
    const max = config.render.maxDurationS;
    const captions = captionMode(values.captions);
    const duration = numberFlag(values.duration, 'duration', (n) => n > 0 && n <= max, `use seconds between 0 and ${max} (render.maxDurationS)`);
    return {
      ...size,
      fps,
      ...(duration !== undefined ? { duration } : {}),
      ...(values.style ? { style: values.style } : {}),
      ...(values.template ? { template: values.template } : {}),
      ...(captions ? { captions } : {}),
      ...(fallbackFlag(values.fallback) ? { fallback: 'title_card' as const } : {}),
      maxLength: config.analysis.maxDescriptionLength,
    };
  } catch (err) {
    if (err instanceof PresetError) throw new UsageError(err.message);
    throw err;
  }
}
