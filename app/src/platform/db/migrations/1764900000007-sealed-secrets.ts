// Secrets at rest: the webhook signing secrets were stored in plaintext. This seals every existing one
// with the master key (AES-256-GCM, see secrets/secret-box.ts), adds the table that records which master
// key the database belongs to, and lets the column be empty: a new
// account gets its secret sealed the first time it is needed (secrets/webhook-secrets.ts), where the
// master key is at hand. The master key reaches the migration on its query runner (db/data-source.ts
// `migrate`), because only a start with the key may seal.
import { randomBytes } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { sealContext, SEALED_COLUMNS } from '../../secrets/sealed-columns.ts';
import type { SecretBox } from '../../secrets/secret-box.ts';

// Both the secret and the one before the last rotation (which migration 1764900000005 added in plaintext).
const COLUMNS = SEALED_COLUMNS.filter((c) => c.table === 'users' && (c.column === 'webhook_secret' || c.column === 'webhook_secret_previous'));

function boxOf(db: QueryRunner): SecretBox | undefined {
  return (db.data as { secretBox?: SecretBox } | undefined)?.secretBox;
}

export class SealedSecrets1764900000007 implements MigrationInterface {
  name = 'SealedSecrets1764900000007';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE users ALTER COLUMN webhook_secret DROP NOT NULL');
    // The master key the database belongs to (one row; recorded at start-up, secrets/sealed-columns.ts).
    await db.query(`CREATE TABLE master_key (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      key_id text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    for (const col of COLUMNS) {
      const rows = (await db.query(`SELECT id::text AS id, ${col.column} AS value FROM users WHERE ${col.column} NOT LIKE 'sb1:%'`)) as { id: string; value: string }[];
      if (rows.length) {
        const box = boxOf(db);
        if (!box) throw new Error('this migration seals the stored webhook signing secrets and needs the master key: let the server (devforge serve) run it');
        for (const row of rows) await db.query(`UPDATE users SET ${col.column} = $2 WHERE id = $1`, [row.id, box.seal(row.value, sealContext(col, row.id))]);
      }
      // From now on the database itself refuses a plaintext secret, whatever code tries to store one.
      await db.query(`ALTER TABLE users ADD CONSTRAINT users_${col.column}_sealed CHECK (${col.column} IS NULL OR ${col.column} LIKE 'sb1:%')`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    const box = boxOf(db);
    for (const col of COLUMNS) {
      await db.query(`ALTER TABLE users DROP CONSTRAINT users_${col.column}_sealed`);
      const rows = (await db.query(`SELECT id::text AS id, ${col.column} AS value FROM users WHERE ${col.column} LIKE 'sb1:%'`)) as { id: string; value: string }[];
      if (rows.length && !box) throw new Error('undoing this migration opens the sealed webhook signing secrets and needs the master key');
      for (const row of rows) await db.query(`UPDATE users SET ${col.column} = $2 WHERE id = $1`, [row.id, box!.open(row.value, sealContext(col, row.id))]);
    }
    const unset = (await db.query('SELECT id::text AS id FROM users WHERE webhook_secret IS NULL')) as { id: string }[];
    for (const row of unset) await db.query('UPDATE users SET webhook_secret = $2 WHERE id = $1', [row.id, randomBytes(32).toString('base64url')]);
    await db.query('ALTER TABLE users ALTER COLUMN webhook_secret SET NOT NULL');
    await db.query('DROP TABLE master_key');
  }
}
