// Numbers as physics scenes show them, through the shared formatter (templates/format/): three significant
// figures, a real minus sign, powers of ten for astronomical and tiny values; LaTeX forms for MathJax.
import { formatNumber, numberTex, ScenePrecision } from '../../format/index.ts';

/** Plain text: 2.88, −3.21, 1.5 × 10¹¹. */
export function fmt(x: number): string {
  return formatNumber(x);
}

/** LaTeX: 2.88, -3.21, 1.5 \times 10^{11} (MathJax draws "-" as a minus sign). */
export function tex(x: number): string {
  return numberTex(fmt(x));
}

/** A value with its SI unit as text: "2.88 s", "40.8 m", "45°". */
export function withUnit(x: number, unit: string): string {
  return unit === '°' ? `${fmt(x)}°` : `${fmt(x)} ${unit}`;
}

/** A value with its unit in LaTeX: "2.88\,\mathrm{s}". */
export function texUnit(x: number, unit: string): string {
  if (unit === '°') return `${tex(x)}^\\circ`;
  return `${tex(x)}\\,\\mathrm{${unit.replace(/²/g, '^2').replace(/·/g, '\\cdot ')}}`;
}

/**
 * The precision of a scene's running readouts (its clock, a speed, a position): each kind gets the decimals its
 * largest value needs for three figures, so "t = 0.06 s" and "t = 2.88 s" line up frame after frame.
 */
export function readouts(largest: Record<string, number>): ScenePrecision {
  const precision = new ScenePrecision();
  for (const [kind, value] of Object.entries(largest)) precision.fix(kind, [value]);
  return precision;
}
