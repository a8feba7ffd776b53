// Licensing: every license installed (the newest row is the one in force; older ones stay as history), this
// install's identity and clock (one row: the install id and key that sign renewal requests, the observed-time
// high-water mark that keeps a clock set back from reviving an expired license, the last state seen, the
// renewal requests' hash chain), and one row per accepted animation, so the monthly count is by animation
// (a retry or a re-render adds nothing) and deleting an animation does not give its place back.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Licensing1764900000009 implements MigrationInterface {
  name = 'Licensing1764900000009';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE installed_licenses (
      id bigserial PRIMARY KEY,
      license_id text NOT NULL,
      sequence integer NOT NULL,
      key_id text NOT NULL,
      text text NOT NULL,
      text_hash text NOT NULL,
      payload jsonb NOT NULL,
      installed_via text NOT NULL,
      installed_at timestamptz NOT NULL DEFAULT now()
    )`);
    await db.query(`CREATE TABLE license_runtime (
      id smallint PRIMARY KEY CHECK (id = 1),
      install_id uuid NOT NULL,
      install_private_key text NOT NULL,
      install_public_key text NOT NULL,
      high_water timestamptz NOT NULL DEFAULT now(),
      last_state text,
      request_number integer NOT NULL DEFAULT 0,
      last_request_hash text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE license_runtime');
    await db.query('DROP TABLE installed_licenses');
  }
}
