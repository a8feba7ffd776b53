// The one writer of the accepted ledger: an animation counts against this month's use when it is
// accepted, and only then. Called inside the transaction that inserts the animation, keyed on the
// animation's id (never the request), so a client retry, an Idempotency-Key replay, a crashed
// transaction or a redelivered job cannot count it twice, and a re-render is not a new animation.
import type { EntityManager } from 'typeorm';
import { sql } from '../../../db/sql.ts';

export interface Accepted {
  animationId: string;
  ownerId: string;
  /** The API key it was submitted with; none for a browser session, single sign-on or the console. */
  apiKeyId?: string | undefined;
  quality: string;
  /** Submitted with a sandbox key: in the report, never against animations_per_month. */
  sandbox?: boolean;
}

/** Records the animation as accepted; a second call for the same animation changes nothing. */
export async function recordAccepted(tx: EntityManager, a: Accepted): Promise<void> {
  await sql(tx, 'INSERT INTO usage_accepted (animation_id, owner_id, api_key_id, quality, sandbox) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (animation_id) DO NOTHING', [
    a.animationId,
    a.ownerId,
    a.apiKeyId ?? null,
    a.quality,
    a.sandbox ?? false,
  ]);
}
