// Dates as the vendor types them: YYYY-MM-DD, in UTC. A license "expires 2027-12-31" is valid through that whole day.
export class UsageError extends Error {
  override name = 'UsageError';
}

const DAY_MS = 86_400_000;

export function parseDay(flag: string, value: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const at = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!at || at.toISOString().slice(0, 10) !== value) throw new UsageError(`${flag}: "${value}" is not a date like 2027-12-31 (YYYY-MM-DD, UTC)`);
  return at;
}

/** The first moment after the day `value`. */
export function endOfDay(flag: string, value: string): Date {
  return new Date(parseDay(flag, value).getTime() + DAY_MS);
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

export function startOfToday(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export function wholeNumber(flag: string, value: string | undefined, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`${flag}: "${value}" is not a whole number${min ? ` of at least ${min}` : ''}`);
  return Number(value);
}
