// A quantity as shown: a number and its unit, always together ("2.88 s", "45°", "12 %" is written "12%"), with a
// precision chosen per kind of quantity and kept for the whole scene: a scene makes one ScenePrecision and every
// label, clock and caption of the same kind (times, lengths, coefficients) goes through it, so "t = 0.06 s" and
// "t = 3.74 s" carry the same decimals and the same figures line up frame after frame.
import { DEFAULT_SIG_FIGS, decimalsFor, formatNumber } from './number.ts';

/** Units written straight after the number, with no space (SI writes "45°" but "45 %"; the house style keeps "%" tight). */
const ATTACHED_UNITS = new Set(['°', '%', '′', '″', '×']);

export interface QuantityFormat {
  /** The unit, as shown ("m/s", "s", "°", "AU"); "" only for a pure number (a ratio, a coefficient). */
  unit: string;
  /** What kind of quantity it is ("time", "length", "coefficient"): values of one kind share one precision in a scene. */
  kind: string;
  /** Significant figures the largest value of the kind carries (default DEFAULT_SIG_FIGS). */
  sigFigs?: number;
  /** The scene's precision context; without one the value is shown to `sigFigs` on its own. */
  precision?: ScenePrecision;
}

/** Joins a formatted number and its unit by the house rule. */
export function withUnit(number: string, unit: string): string {
  if (!unit) return number;
  return ATTACHED_UNITS.has(unit) ? `${number}${unit}` : `${number} ${unit}`;
}

/** "2.88 s", "−0.5 m", "45°", "1.50 × 10¹¹ m". */
export function formatQuantity(value: number, { unit, kind, sigFigs, precision }: QuantityFormat): string {
  if (precision) return precision.format(value, { unit, kind, sigFigs });
  return withUnit(formatNumber(value, { sigFigs: sigFigs ?? DEFAULT_SIG_FIGS }), unit);
}

interface KindPrecision {
  decimals: number;
  sigFigs: number;
  /** Whether the kind's values are shown in "× 10ⁿ" form (their largest is at least 10⁶ or under 10⁻³). */
  scientific: boolean;
}

/**
 * One scene's precision per kind of quantity. `fix(kind, values)` sets the decimals from the values the scene will
 * show (the largest gets `sigFigs` significant figures); a kind first met in `format` is fixed from that value.
 * Smaller values of the kind get fewer figures, never more decimals, and float dust rounds to 0 ("0.00 m").
 */
export class ScenePrecision {
  private readonly kinds = new Map<string, KindPrecision>();
  private readonly sigFigs: number;

  constructor(sigFigs = DEFAULT_SIG_FIGS) {
    this.sigFigs = sigFigs;
  }

  /** Sets the precision of `kind` from every value it will show. Returns this, to chain. */
  fix(kind: string, values: readonly number[], sigFigs = this.sigFigs): this {
    const finite = values.filter(Number.isFinite).map(Math.abs);
    const largest = finite.length ? Math.max(...finite) : 0;
    const scientific = largest !== 0 && (largest >= 1e6 || largest < 1e-3);
    this.kinds.set(kind, { decimals: decimalsFor(largest, sigFigs), sigFigs, scientific });
    return this;
  }

  /** The precision of `kind` (fixing it from `value` when the scene has not yet). */
  of(kind: string, value = 0, sigFigs = this.sigFigs): Readonly<KindPrecision> {
    if (!this.kinds.has(kind)) this.fix(kind, [value], sigFigs);
    return this.kinds.get(kind)!;
  }

  /** A number of `kind`, without unit. */
  number(value: number, kind: string): string {
    const p = this.of(kind, value);
    if (p.scientific) return formatNumber(value, { sigFigs: p.sigFigs });
    return formatNumber(value, { decimals: p.decimals, sigFigs: p.sigFigs, keepZeros: true, scientific: false });
  }

  /** A quantity of `kind` with its unit. */
  format(value: number, { unit, kind, sigFigs }: { unit: string; kind: string; sigFigs?: number }): string {
    this.of(kind, value, sigFigs);
    return withUnit(this.number(value, kind), unit);
  }
}
