// The store of settings kept sealed in the database (table sealed_settings): the one place that reads
// or writes it, so a value is never handled unsealed by accident. Today one setting: the OIDC client
// secret, stored by `devforge sso set-client-secret` so it need not sit in a config file or environment.
import type { Queryable } from '../db/sql.ts';
import { sql } from '../db/sql.ts';
import { sealContext, SEALED_COLUMNS } from './sealed-columns.ts';
import type { SecretBox } from './secret-box.ts';

const COLUMN = SEALED_COLUMNS.find((c) => c.table === 'sealed_settings')!;

export const OIDC_CLIENT_SECRET = 'auth.oidc.clientSecret';

/** The setting's value, opened with the box; undefined when none is stored. */
export async function sealedSetting(db: Queryable, box: SecretBox, name: string): Promise<string | undefined> {
  const [row] = await sql<{ value: string }>(db, 'SELECT value FROM sealed_settings WHERE name = $1', [name]);
  return row ? box.open(row.value, sealContext(COLUMN, name)) : undefined;
}

/** Stores the value sealed with the box's current key, replacing any stored before. */
export async function storeSealedSetting(db: Queryable, box: SecretBox, name: string, value: string): Promise<void> {
  await sql(db, 'INSERT INTO sealed_settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, updated_at = now()', [name, box.seal(value, sealContext(COLUMN, name))]);
}

/** Removes the setting; true when one was stored. */
export async function clearSealedSetting(db: Queryable, name: string): Promise<boolean> {
  const rows = await sql<{ name: string }>(db, 'DELETE FROM sealed_settings WHERE name = $1 RETURNING name', [name]);
  return rows.length > 0;
}
