// An organisation's colour in its animations, not only in the app around them: the brand's primary colour
// becomes the scene's `$primary` (the colour every template gives its main subject: bars, curves, nodes).
// A brand colour is chosen for a logo on white, not for a chart on the style's background, so it is moved in
// OKLab lightness (hue and chroma kept) until it stands out from the background at 3:1 — WCAG 1.4.11's
// contrast for graphics — and kept apart from the highlight colour, which must still read as "this one".
// One function for the renderer (the stored scene) and the web app's preview, so both are the same pixels.
import { fromOklab, luminance, parseHex, toHex, toOklab } from './color.ts';
import { resolveTheme, type Palette } from './themes.ts';
import type { Scene } from './schema.ts';

/** WCAG 1.4.11: graphical objects against what is next to them. */
export const MIN_GRAPHIC_CONTRAST = 3;

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `color` with its OKLab lightness moved away from `background` until the contrast is reached (or the end of the scale). */
export function standOut(color: string, background: string, min = MIN_GRAPHIC_CONTRAST): string {
  if (contrastRatio(color, background) >= min) return color;
  const [L, A, B] = toOklab(parseHex(color));
  const lighter = luminance(background) < 0.18;
  for (let step = 1; step <= 40; step++) {
    const l = lighter ? L + (1 - L) * (step / 40) : L * (1 - step / 40);
    const candidate = toHex([...fromOklab([l, A, B]), 1]);
    if (contrastRatio(candidate, background) >= min) return candidate;
  }
  return lighter ? '#ffffff' : '#000000';
}

export interface BrandColors {
  primary?: string | undefined;
}

/** The palette overrides a brand makes in a scene of this style (empty without a brand colour). */
export function brandPalette(scene: Pick<Scene, 'style'>, brand: BrandColors | undefined): Partial<Palette> {
  if (!brand?.primary || !/^#[0-9a-fA-F]{6}$/.test(brand.primary)) return {};
  const theme = resolveTheme(scene.style.theme, scene.style.palette);
  const primary = standOut(brand.primary.toLowerCase(), theme.palette.background);
  // Too close to the highlight, a highlighted bar would not look different from the others: the brand
  // colour then takes the secondary role, so the template's own primary keeps the highlight readable.
  if (contrastRatio(primary, theme.palette.highlight) < 1.5) return { secondary: primary };
  return { primary };
}

/** The scene in the brand's colours (the same scene when the brand has none). */
export function brandScene<S extends Pick<Scene, 'style'>>(scene: S, brand: BrandColors | undefined): S {
  const overrides = brandPalette(scene, brand);
  if (Object.keys(overrides).length === 0) return scene;
  return { ...scene, style: { ...scene.style, palette: { ...scene.style.palette, ...overrides } } };
}
