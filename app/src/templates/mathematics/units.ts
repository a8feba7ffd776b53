// Length units written after numbers ("5 cm", "12 inches", "3 metres"), for labels like "c = 13 cm".
import { z } from 'zod';

export const LENGTH_UNITS = ['', 'mm', 'cm', 'm', 'km', 'in', 'ft', 'yd', 'mi'] as const;
export const lengthUnit = z.enum(LENGTH_UNITS).default('');
export type LengthUnit = (typeof LENGTH_UNITS)[number];

const SPELLED: [RegExp, LengthUnit][] = [
  [/^(?:mm|millimet(?:er|re)s?)$/i, 'mm'],
  [/^(?:cm|centimet(?:er|re)s?)$/i, 'cm'],
  [/^(?:km|kilomet(?:er|re)s?)$/i, 'km'],
  [/^(?:m|met(?:er|re)s?)$/i, 'm'],
  [/^(?:inch(?:es)?|in\.)$/i, 'in'],
  [/^(?:ft|foot|feet)$/i, 'ft'],
  [/^(?:yd|yards?)$/i, 'yd'],
  [/^(?:mi|miles?)$/i, 'mi'],
];

/** The first length unit written right after a number, or undefined. */
export function findLengthUnit(text: string): LengthUnit | undefined {
  for (const m of text.matchAll(/\d\s*([a-z]+\.?)/gi)) {
    const word = m[1]!;
    // "in" alone is the preposition ("5 in length"); inches are "inch", "inches" or "in.".
    for (const [re, unit] of SPELLED) if (re.test(word) || (word !== 'in.' && re.test(word.replace(/\.$/, '')))) return unit;
  }
  return undefined;
}

/** " cm" for labels (empty when unitless). */
export function unitSuffix(unit: string, power = 1): string {
  if (!unit) return '';
  return power === 2 ? ` ${unit}²` : ` ${unit}`;
}

/** The same as LaTeX: "\,\text{cm}^2". */
export function unitTex(unit: string, power = 1): string {
  if (!unit) return '';
  return `\\,\\text{${unit}}${power === 2 ? '^2' : ''}`;
}
