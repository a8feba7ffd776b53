// Output presets: the resolutions and frame rates a render may ask for.

export const RESOLUTIONS = {
  '720p': { width: 1280, height: 720 },
  '1080p': { width: 1920, height: 1080 },
  '4k': { width: 3840, height: 2160 },
} as const;

export type ResolutionName = keyof typeof RESOLUTIONS;
export const RESOLUTION_NAMES = Object.keys(RESOLUTIONS) as ResolutionName[];
export const FRAME_RATES = [24, 30, 60] as const;

/** Frame shapes: 16:9 (the default), 9:16 (phones, stories), 1:1 (feeds), 4:3 (classroom projectors). */
export const ASPECTS = ['16:9', '9:16', '1:1', '4:3'] as const;
export type Aspect = (typeof ASPECTS)[number];

/**
 * The frame of a quality at an aspect. A quality names the frame's short side (720p: 720 pixels), as phones and
 * video sites do, so 720p at 9:16 is 720×1280 and never more pixels than 720p at 16:9: the license's quality
 * limit and the render estimates (made for 16:9) stay upper bounds. Sides are even, as H.264's 4:2:0 needs.
 */
export function frameSize(quality: ResolutionName, aspect: Aspect = '16:9'): { width: number; height: number } {
  const { width, height } = RESOLUTIONS[quality];
  const even = (n: number) => 2 * Math.round(n / 2);
  switch (aspect) {
    case '16:9':
      return { width, height };
    case '9:16':
      return { width: height, height: width };
    case '1:1':
      return { width: height, height };
    case '4:3':
      return { width: even((height * 4) / 3), height };
  }
}

/** --aspect / `aspect`, checked. */
export function aspect(value: string): Aspect {
  if (!(ASPECTS as readonly string[]).includes(value)) throw new PresetError(`unknown aspect "${value}": use one of ${ASPECTS.join(', ')}`);
  return value as Aspect;
}

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
