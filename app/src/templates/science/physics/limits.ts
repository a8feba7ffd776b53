// Values read from text that cannot be drawn or are not physical are clamped or dropped here, each time
// with a warning that names the quantity, what was written, what is used instead, and why.
import { withUnit } from './format.ts';

export interface Limit {
  /** How the quantity is named in the warning ("launch speed"). */
  name: string;
  unit: string;
  min: number;
  max: number;
  /** Why the bound exists, said in the warning. */
  why?: string;
  /** Strictly above min (a mass or a length of 0 draws nothing). */
  exclusiveMin?: boolean;
}

/**
 * Keeps a value read from text inside [min, max]. A negative value of a quantity that cannot be negative
 * (min ≥ 0) is read as its magnitude; what is still out of range is clamped. Undefined in, undefined out.
 */
export function limited(value: number | undefined, limit: Limit, warnings: string[]): number | undefined {
  if (value === undefined) return undefined;
  const { name, unit, min, max, why } = limit;
  const because = why ? ` (${why})` : '';
  if (!Number.isFinite(value)) {
    warnings.push(`${name} ${String(value)} is not a usable number: using ${withUnit(max, unit)}${because}`);
    return max;
  }
  let v = value;
  if (v < 0 && min >= 0) {
    warnings.push(`${name} cannot be negative: ${withUnit(v, unit)} read as ${withUnit(-v, unit)}`);
    v = -v;
  }
  if (v > max) {
    warnings.push(`${name} ${withUnit(v, unit)} is above the limit of ${withUnit(max, unit)}${because}: using ${withUnit(max, unit)}`);
    return max;
  }
  if (v < min || (limit.exclusiveMin && v <= min)) {
    if (limit.exclusiveMin) {
      warnings.push(`${name} must be above ${withUnit(min, unit)}${because}; ${withUnit(v, unit)} ignored, using the default`);
      return undefined;
    }
    warnings.push(`${name} ${withUnit(v, unit)} is below the limit of ${withUnit(min, unit)}${because}: using ${withUnit(min, unit)}`);
    return min;
  }
  return v;
}

/** Writes `value` into `out[key]` when defined (extract returns only what the text gave). */
export function put<P, K extends keyof P>(out: Partial<P>, key: K, value: P[K] | undefined): void {
  if (value !== undefined) out[key] = value;
}
