// Colour parsing and interpolation, shared by the timeline (Node and browser).

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

export function mixColors(from: string, to: string, p: number): string {
  const a = parseHex(from);
  const b = parseHex(to);
  return toHex([0, 1, 2, 3].map((i) => a[i]! + (b[i]! - a[i]!) * p) as Rgba);
}

/** Relative luminance (WCAG), for choosing readable label colours. */
export function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as Rgba;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
