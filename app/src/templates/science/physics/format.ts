// Numbers as they are shown on screen: the same rounding as reported facts (4 significant digits or
// 3 decimals), a real minus sign, and powers of ten for astronomical and tiny values.
import { roundNumber } from '../../../text/round.ts';

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function mantissaExponent(x: number): { mantissa: string; exponent: number } | undefined {
  const a = Math.abs(x);
  if (x === 0 || (a >= 1e-3 && a < 1e6)) return undefined;
  const [m, e] = x.toExponential(3).split('e') as [string, string];
  return { mantissa: String(Number(m)), exponent: Number(e) };
}

/** Plain text: 2.883, −3.206, 1.496 × 10¹¹. */
export function fmt(x: number): string {
  const sci = mantissaExponent(x);
  if (sci) {
    const exp = String(sci.exponent)
      .replace('-', '⁻')
      .replace(/\d/g, (d) => SUPERSCRIPTS[Number(d)]!);
    return `${sci.mantissa.replace('-', '−')} × 10${exp}`;
  }
  return String(roundNumber(x)).replace('-', '−');
}

/** LaTeX: 2.883, -3.206, 1.496 \times 10^{11}. */
export function tex(x: number): string {
  const sci = mantissaExponent(x);
  if (sci) return `${sci.mantissa} \\times 10^{${sci.exponent}}`;
  return String(roundNumber(x));
}

/** A value with its SI unit as text: "2.883 s", "40.78 m". */
export function withUnit(x: number, unit: string): string {
  return unit === '°' ? `${fmt(x)}°` : `${fmt(x)} ${unit}`;
}

/** A value with its unit in LaTeX: "2.883\,\mathrm{s}". */
export function texUnit(x: number, unit: string): string {
  if (unit === '°') return `${tex(x)}^\\circ`;
  return `${tex(x)}\\,\\mathrm{${unit.replace(/²/g, '^2').replace(/·/g, '\\cdot ')}}`;
}
