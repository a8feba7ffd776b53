// Metering: an `accepted` ledger (one row per animation, written in the transaction that creates it, so
// a retry, a crash or a re-delivery can never count it twice), API calls per user and key per hour (an
// upsert of batched increments), and the worker and GPU of each render in usage_events. None of these
// reference animations or users: deleting an animation does not give its use back.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Metering1764900000010 implements MigrationInterface {
  name = 'Metering1764900000010';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE usage_accepted (
      animation_id uuid PRIMARY KEY,
      owner_id uuid NOT NULL,
      api_key_id uuid,
      quality text NOT NULL,
      accepted_at timestamptz NOT NULL DEFAULT now()
    )`);
    await db.query('CREATE INDEX usage_accepted_at ON usage_accepted (accepted_at)');
    // Animations that exist already were accepted when they were created (those deleted before are gone).
    await db.query('INSERT INTO usage_accepted (animation_id, owner_id, quality, accepted_at) SELECT id, owner_id, quality, created_at FROM animations');
    // api_key_id NULL: calls made with a browser session or a single sign-on token. NULLS NOT DISTINCT
    // makes those one row per user and hour, so the upsert finds it.
    await db.query(`CREATE TABLE api_calls_hourly (
      hour timestamptz NOT NULL,
      user_id uuid NOT NULL,
      api_key_id uuid,
      calls bigint NOT NULL CHECK (calls > 0),
      CONSTRAINT api_calls_hourly_bucket UNIQUE NULLS NOT DISTINCT (hour, user_id, api_key_id)
    )`);
    // Renders recorded before this migration ran on a worker and GPU nobody wrote down.
    await db.query(`ALTER TABLE usage_events ADD COLUMN worker text NOT NULL DEFAULT 'unknown', ADD COLUMN gpu text NOT NULL DEFAULT 'unknown'`);
    await db.query('ALTER TABLE usage_events ALTER COLUMN worker DROP DEFAULT, ALTER COLUMN gpu DROP DEFAULT');
    await db.query('CREATE INDEX usage_events_created ON usage_events (created_at)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX usage_events_created');
    await db.query('ALTER TABLE usage_events DROP COLUMN gpu, DROP COLUMN worker');
    await db.query('DROP TABLE api_calls_hourly');
    await db.query('DROP TABLE usage_accepted');
  }
}
