// The store of webhook signing secrets: each user's secret, sealed in users.webhook_secret. The one
// place that reads or writes that column, so nothing handles it unsealed by accident. A user's secret
// is made the first time it is needed (the first read, or the first delivery), sealed with the
// current master key; accounts are created without one, by code that has no key at hand.
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/sql.ts';
import { sql } from '../db/sql.ts';
import { sealContext, SEALED_COLUMNS } from './sealed-columns.ts';
import type { SecretBox } from './secret-box.ts';

const COLUMN = SEALED_COLUMNS.find((c) => c.table === 'users' && c.column === 'webhook_secret')!;

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The user's webhook signing secret (made now if the user has none yet); undefined when there is no such user. */
export async function webhookSecretOf(db: Queryable, box: SecretBox, userId: string): Promise<string | undefined> {
  const [row] = await sql<{ value: string | null }>(db, 'SELECT webhook_secret AS value FROM users WHERE id = $1', [userId]);
  if (!row) return undefined;
  if (row.value) return box.open(row.value, sealContext(COLUMN, userId));
  const secret = newSecret();
  // Two first reads at once: only one secret wins, and both callers answer with it.
  const [made] = await sql<{ id: string }>(db, 'UPDATE users SET webhook_secret = $2 WHERE id = $1 AND webhook_secret IS NULL RETURNING id', [userId, box.seal(secret, sealContext(COLUMN, userId))]);
  if (made) return secret;
  return webhookSecretOf(db, box, userId);
}

/** Replaces the user's webhook signing secret with a new one (rotation) and returns it. */
export async function replaceWebhookSecret(db: Queryable, box: SecretBox, userId: string): Promise<string | undefined> {
  const secret = newSecret();
  const [row] = await sql<{ id: string }>(db, 'UPDATE users SET webhook_secret = $2, updated_at = now() WHERE id = $1 RETURNING id', [userId, box.seal(secret, sealContext(COLUMN, userId))]);
  return row ? secret : undefined;
}
