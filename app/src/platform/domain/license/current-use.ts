// This month's use against each limit, behind one function so the license code does not know how
// usage is metered: animations accepted in the calendar month (UTC), from the metering ledger
// (usage_accepted, one row per animation, so a retry, a crash or a re-render never counts twice).
import type { Queryable } from '../../db/sql.ts';
import { animationsAccepted, monthOf } from '../queries/usage.ts';

export interface CurrentUse {
  month: string;
  animations_per_month: number;
}

export async function currentUse(db: Queryable, at: Date = new Date()): Promise<CurrentUse> {
  const month = monthOf(at);
  return { month, animations_per_month: await animationsAccepted(db, month) };
}
