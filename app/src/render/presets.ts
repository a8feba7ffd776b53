// Output presets: the resolutions and frame rates a render may ask for.

export const RESOLUTIONS = {
  '720p': { width: 1280, height: 720 },
  '1080p': { width: 1920, height: 1080 },
  '4k': { width: 3840, height: 2160 },
} as const;

export type ResolutionName = keyof typeof RESOLUTIONS;
export const RESOLUTION_NAMES = Object.keys(RESOLUTIONS) as ResolutionName[];
export const FRAME_RATES = [24, 30, 60] as const;

export class PresetError extends Error {
  override name = 'PresetError';
}

export function resolution(name: string): { width: number; height: number } {
  const preset = RESOLUTIONS[name.toLowerCase() as ResolutionName];
  if (!preset) throw new PresetError(`unknown resolution "${name}": use one of ${RESOLUTION_NAMES.join(', ')}`);
  return preset;
}

export function frameRate(fps: number): number {
  if (!(FRAME_RATES as readonly number[]).includes(fps)) throw new PresetError(`unsupported frame rate ${fps}: use one of ${FRAME_RATES.join(', ')}`);
  return fps;
}
