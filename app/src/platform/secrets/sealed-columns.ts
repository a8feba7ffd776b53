// The one list of database columns that hold sealed secrets, and the operations over all of them:
// which master keys they need (the start-up check), and sealing again with the current key (the
// migration that seals existing plaintext values, and `devforge secrets rotate-master-key`).
// A new kind of stored secret is one more entry here.
//
// The database also records which master key it belongs to (table master_key, one row), from the first
// start on: a second process given another key file (an API and a worker on two machines, each making
// its own key) is refused at once, before anything is sealed with a key the others do not have.
import type { Queryable } from '../db/sql.ts';
import { sql } from '../db/sql.ts';
import { isSealed, sealedKeyId, type SecretBox } from './secret-box.ts';

export interface SealedColumn {
  table: string;
  column: string;
  /** The row's key column: part of the sealing context, so a value only opens on its own row. */
  id: string;
}

export const SEALED_COLUMNS: readonly SealedColumn[] = [
  { table: 'users', column: 'webhook_secret', id: 'id' },
  // The secret before the last rotation, which signs beside the new one during the overlap.
  { table: 'users', column: 'webhook_secret_previous', id: 'id' },
  // Settings stored sealed instead of in the configuration (the OIDC client secret); keyed by name.
  { table: 'sealed_settings', column: 'value', id: 'name' },
  // The LTI tool's private signing keys (domain/commands/lti/tool-keys.ts); keyed by kid.
  { table: 'lti_tool_keys', column: 'private_key', id: 'kid' },
];

/** The additional authenticated data a column's value is sealed with. */
export function sealContext(col: SealedColumn, rowId: string): string {
  return `${col.table}.${col.column}:${rowId}`;
}

async function tableExists(db: Queryable, table: string): Promise<boolean> {
  const [row] = await sql<{ ok: boolean }>(db, 'SELECT to_regclass($1) IS NOT NULL AS ok', [table]);
  return row?.ok === true;
}

/** The id of the master key the database belongs to; undefined before the first start. */
export async function registeredKeyId(db: Queryable): Promise<string | undefined> {
  if (!(await tableExists(db, 'master_key'))) return undefined;
  const [row] = await sql<{ key_id: string }>(db, 'SELECT key_id FROM master_key');
  return row?.key_id;
}

/** Records the box's current key as the database's, unless one is recorded already; returns the recorded one. */
export async function registerKeyId(db: Queryable, box: SecretBox): Promise<string> {
  await sql(db, 'INSERT INTO master_key (key_id) VALUES ($1) ON CONFLICT DO NOTHING', [box.currentKeyId]);
  return (await registeredKeyId(db))!;
}

/** After a rotation: the database belongs to the box's current key. */
export async function recordRotation(db: Queryable, box: SecretBox): Promise<void> {
  await sql(db, 'UPDATE master_key SET key_id = $1, created_at = now()', [box.currentKeyId]);
}

/** The ids of the master keys the database needs: the one it belongs to, and those its secrets were sealed with. */
export async function keyIdsInUse(db: Queryable): Promise<string[]> {
  const ids = new Set<string>();
  const registered = await registeredKeyId(db);
  if (registered) ids.add(registered);
  for (const col of SEALED_COLUMNS) {
    if (!(await tableExists(db, col.table))) continue;
    const rows = await sql<{ key_id: string }>(db, `SELECT DISTINCT split_part(${col.column}, ':', 2) AS key_id FROM ${col.table} WHERE ${col.column} LIKE 'sb1:%'`);
    for (const row of rows) ids.add(row.key_id);
  }
  return [...ids].sort();
}

export interface ResealCount {
  /** Plaintext values sealed for the first time. */
  sealed: number;
  /** Values sealed with an older key, sealed again with the current one. */
  resealed: number;
}

/**
 * Seals every plaintext value and seals again every value sealed with another key than the box's
 * current one. Run it inside a transaction: all rows change, or none.
 */
export async function resealAll(db: Queryable, box: SecretBox): Promise<ResealCount> {
  const count: ResealCount = { sealed: 0, resealed: 0 };
  for (const col of SEALED_COLUMNS) {
    const rows = await sql<{ id: string; value: string }>(db, `SELECT ${col.id}::text AS id, ${col.column} AS value FROM ${col.table} WHERE ${col.column} IS NOT NULL FOR UPDATE`);
    for (const row of rows) {
      const context = sealContext(col, row.id);
      let plaintext: string;
      if (!isSealed(row.value)) {
        plaintext = row.value;
        count.sealed++;
      } else if (sealedKeyId(row.value) !== box.currentKeyId) {
        plaintext = box.open(row.value, context);
        count.resealed++;
      } else continue;
      await sql(db, `UPDATE ${col.table} SET ${col.column} = $2 WHERE ${col.id} = $1`, [row.id, box.seal(plaintext, context)]);
    }
  }
  return count;
}
