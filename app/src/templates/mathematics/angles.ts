// Angles written in descriptions: "45°", "30 degrees", "π/3", "2pi/3 rad", "0.5 radians", "theta = 60",
// "sin 30". Degrees unless the text says radians or uses π. ("spin" and "pipe" are not π.)
import { evaluateConstant } from './expression.ts';

const NUM = String.raw`[-+−]?(?:\d+(?:\.\d+)?|\.\d+)`;

export function findAngleDegrees(original: string): number | undefined {
  const text = original.replace(/−/g, '-');
  const deg = new RegExp(String.raw`(${NUM})\s*(?:°|º|degrees?\b|degs?\b)`, 'i').exec(text);
  if (deg) return Number(deg[1]);
  const piFraction = new RegExp(String.raw`(?<![a-z])(${NUM}\s*\*?\s*)?(?:pi|π)(?![a-z])(\s*\/\s*\d+(?:\.\d+)?)?`, 'i').exec(text);
  if (piFraction) {
    const v = evaluateConstant(piFraction[0].replace(/\s+/g, ''));
    // π/2 → 90.00000000000001 would miss the exact table (tan 90° undefined): drop the float dust.
    if (v !== undefined) return Number(((v * 180) / Math.PI).toPrecision(12));
  }
  const rad = new RegExp(String.raw`(${NUM})\s*rad(?:ians?)?\b`, 'i').exec(text);
  if (rad) return Number(((Number(rad[1]) * 180) / Math.PI).toPrecision(12));
  const named = new RegExp(String.raw`(?:\bangle(?:\s+of)?|θ|\btheta|\b(?:sin|cos|tan|sine|cosine|tangent)(?:\s+of)?)\s*(?:=|:|is)?\s*\(?\s*(${NUM})(?![\d.])`, 'i').exec(text);
  if (named) return Number(named[1]);
  return undefined;
}

/** sin, cos, tan of an angle in degrees, exact at multiples of 90° (sin 180° is 0, tan 90° undefined). */
export function trigDegrees(deg: number): { sin: number; cos: number; tan: number | null } {
  const r = ((deg % 360) + 360) % 360;
  if (r % 90 === 0) {
    const table: Record<number, [number, number]> = { 0: [0, 1], 90: [1, 0], 180: [0, -1], 270: [-1, 0] };
    const [s, c] = table[r]!;
    return { sin: s, cos: c, tan: c === 0 ? null : s / c + 0 };
  }
  const rad = (r * Math.PI) / 180;
  const s = Math.sin(rad);
  const c = Math.cos(rad);
  return { sin: s, cos: c, tan: s / c };
}
