// Colour parsing and interpolation (in OKLab), shared by the timeline (Node and browser).

export type Rgba = [number, number, number, number];

export function parseHex(hex: string): Rgba {
  let h = hex.slice(1);
  if (h.length === 3) h = h.replace(/./g, (c) => c + c);
  const n = (i: number) => parseInt(h.slice(i, i + 2), 16) / 255;
  return [n(0), n(2), n(4), h.length === 8 ? n(6) : 1];
}

export function toHex([r, g, b, a]: Rgba): string {
  const c = (v: number) =>
    Math.round(Math.min(1, Math.max(0, v)) * 255)
      .toString(16)
      .padStart(2, '0');
  return '#' + c(r) + c(g) + c(b) + (a < 1 ? c(a) : '');
}

/**
 * The colour `p` of the way from `from` to `to`, interpolated in OKLab (Björn Ottosson's perceptual space) so a
 * fade keeps its lightness and saturation: sRGB mixing sends blue → amber through a muddy grey.
 */
export function mixColors(from: string, to: string, p: number): string {
  const a = parseHex(from);
  const b = parseHex(to);
  const la = toOklab(a);
  const lb = toOklab(b);
  const mixed = fromOklab([0, 1, 2].map((i) => la[i]! + (lb[i]! - la[i]!) * p) as [number, number, number]);
  return toHex([...mixed, a[3] + (b[3] - a[3]) * p]);
}

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const toGamma = (c: number) => (c <= 0.0031308 ? c * 12.92 : 1.055 * c ** (1 / 2.4) - 0.055);

/** sRGB (0–1) to OKLab [L, a, b]. */
export function toOklab([r, g, b]: Rgba | [number, number, number]): [number, number, number] {
  const [lr, lg, lb] = [toLinear(r), toLinear(g), toLinear(b)];
  const l = Math.cbrt(0.4122214708 * lr + 0.5363325363 * lg + 0.0514459929 * lb);
  const m = Math.cbrt(0.2119034982 * lr + 0.6806995451 * lg + 0.1073969566 * lb);
  const s = Math.cbrt(0.0883024619 * lr + 0.2817188376 * lg + 0.6299787005 * lb);
  return [0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s, 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s, 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s];
}

/** OKLab [L, a, b] to sRGB (0–1, clamped later by toHex). */
export function fromOklab([L, A, B]: [number, number, number]): [number, number, number] {
  const l = (L + 0.3963377774 * A + 0.2158037573 * B) ** 3;
  const m = (L - 0.1055613458 * A - 0.0638541728 * B) ** 3;
  const s = (L - 0.0894841775 * A - 1.291485548 * B) ** 3;
  const r = 4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s;
  const g = -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s;
  const b = -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s;
  return [toGamma(Math.max(0, r)), toGamma(Math.max(0, g)), toGamma(Math.max(0, b))];
}

/** Relative luminance (WCAG), for choosing readable label colours. */
export function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as Rgba;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
