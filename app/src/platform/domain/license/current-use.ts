// This month's use against each limit, behind one function so that full metering can replace how it is
// counted without touching the callers. For now: animations accepted in the calendar month (UTC), one
// animation_acceptances row per animation (so a retry, a crash or a re-render never counts twice).
import { utcMonth } from '../../../licensing/state.ts';
import { sql, type Queryable } from '../../db/sql.ts';

export interface CurrentUse {
  month: string;
  animations_per_month: number;
}

export async function currentUse(db: Queryable, at: Date = new Date()): Promise<CurrentUse> {
  const { month, start, end } = utcMonth(at);
  const [row] = await sql<{ n: number }>(db, 'SELECT count(*)::int AS n FROM animation_acceptances WHERE accepted_at >= $1 AND accepted_at < $2', [start, end]);
  return { month, animations_per_month: row?.n ?? 0 };
}

/** Counts an animation as accepted (in the transaction that stores it). */
export async function recordAcceptance(db: Queryable, animation: { id: string; ownerId: string }): Promise<void> {
  await sql(db, 'INSERT INTO animation_acceptances (animation_id, owner_id) VALUES ($1, $2) ON CONFLICT (animation_id) DO NOTHING', [animation.id, animation.ownerId]);
}
