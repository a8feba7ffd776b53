// Facts are reported rounded: 4 significant digits or 3 decimals, whichever is more precise.

export function roundNumber(x: number): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return x;
  const rounded = Math.abs(x) >= 1 ? Number(x.toFixed(3)) : Number(x.toPrecision(4));
  return Object.is(rounded, -0) ? 0 : rounded;
}

export function roundDeep<T>(value: T): T {
  if (typeof value === 'number') return roundNumber(value) as T;
  if (Array.isArray(value)) return value.map(roundDeep) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundDeep(v)])) as T;
  }
  return value;
}
