// Params several physics templates share: gravity (g = 9.81 m/s² unless given, "on the Moon" works),
// masses and friction coefficients, each with the bounds beyond which the model or the drawing fails.
import { z } from 'zod';
import { bodiesIn } from './bodies.ts';
import { limited, type Limit } from './limits.ts';
import { ACCELERATION_UNITS, MASS_UNITS, NUM, allQuantities, namedQuantity, parseNum, quantityIn } from './quantities.ts';
import type { ParsedText } from '../../../text/parse.ts';

export const EARTH_G = 9.81;

export const G_LIMIT: Limit = { name: 'gravity g', unit: 'm/s²', min: 0.01, max: 300, why: 'between a small asteroid and the surface of the Sun', exclusiveMin: true };
export const gParam = z.number().min(G_LIMIT.min).max(G_LIMIT.max).default(EARTH_G);

export const MASS_LIMIT: Limit = { name: 'mass', unit: 'kg', min: 0, max: 1e6, why: 'mass is positive; larger masses are not drawn as blocks', exclusiveMin: true };
export const massParam = (d: number) => z.number().gt(0).max(MASS_LIMIT.max).default(d);

/** g written as "g = 1.62", "gravity of 3.7 m/s²", "9.8 m/s^2", or implied by "on the Moon" / "on Mars". */
export function gravityIn(text: ParsedText, warnings: string[]): number | undefined {
  const o = text.original;
  // Lower-case g only: capital G is the gravitational constant.
  const named = new RegExp(String.raw`(?<![\p{L}\d])g\s*(?:=|:|is|of)\s*(${NUM})`, 'u').exec(o);
  let g = named ? parseNum(named[1]!) : undefined;
  g ??= namedQuantity(o, ['gravitational acceleration', 'acceleration due to gravity', 'acceleration of gravity', 'gravity'], ACCELERATION_UNITS);
  g ??= quantityIn(o, ACCELERATION_UNITS);
  if (g === undefined) {
    const on = /\bon\s+(?:the\s+)?(sun|mercury|venus|earth|mars|jupiter|saturn|uranus|neptune|moon)\b/i.exec(o);
    const body = on ? bodiesIn(on[1]!)[0] : undefined;
    if (body) {
      text.used.add(on![1]!);
      return body.g_mps2;
    }
    return undefined;
  }
  text.used.add('g');
  return limited(g, G_LIMIT, warnings);
}

/** Masses in the order written ("a 2 kg ball and a 500 g cart" → [2, 0.5]). */
export function massesIn(text: string): { value: number; index: number; end: number }[] {
  return allQuantities(text, MASS_UNITS);
}

/** The first mass written ("2 kg", "mass of 2", "m = 2"). */
export function massIn(text: string): number | undefined {
  return quantityIn(text, MASS_UNITS) ?? namedQuantity(text, ['mass', 'm'], MASS_UNITS);
}

/** A friction coefficient: "μ = 0.2", "mu 0.2", "friction coefficient 0.2", "coefficient of friction of 0.2"; "frictionless" → 0. */
export function frictionIn(text: string): number | undefined {
  const symbol = new RegExp(String.raw`(?<![\p{L}])(?:μ|µ|mu)\s*[_]?[ks]?\s*(?:=|:|of|is)?\s*(${NUM})`, 'iu').exec(text);
  if (symbol) return parseNum(symbol[1]!);
  const named = namedQuantity(text, ['coefficient of kinetic friction', 'coefficient of static friction', 'coefficient of friction', 'kinetic friction coefficient', 'friction coefficient', 'kinetic friction', 'friction']);
  if (named !== undefined) return named;
  if (/\b(frictionless|without friction|no friction|smooth)\b/i.test(text)) return 0;
  return undefined;
}
