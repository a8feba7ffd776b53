// Sealed settings: secrets an administrator stores in the database instead of the configuration (the
// OIDC client secret, `devforge sso set-client-secret`), one row per setting, always sealed with the
// master key (the CHECK refuses a plaintext value written by mistake).
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SealedSettings1764900000011 implements MigrationInterface {
  name = 'SealedSettings1764900000011';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE sealed_settings (
      name text PRIMARY KEY,
      value text NOT NULL CHECK (value LIKE 'sb1:%'),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE sealed_settings');
  }
}
