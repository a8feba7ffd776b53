// Publishable API keys, for the embeddable widget (docs/widget.md): a key is 'secret' (dfk_…, kept on a
// server) or 'publishable' (dfp_…, written into a web page, so it is public). A publishable key works only
// from the web origins on its list (allowed_origins, each scheme://host[:port] as URL.origin writes it)
// and only for what a widget needs (domain/policy.ts). Secret keys have no origins.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PublishableKeys1764900000016 implements MigrationInterface {
  name = 'PublishableKeys1764900000016';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE api_keys ADD COLUMN kind text NOT NULL DEFAULT 'secret' CHECK (kind IN ('secret', 'publishable'))`);
    await db.query(`ALTER TABLE api_keys ADD COLUMN allowed_origins text[] NOT NULL DEFAULT '{}'`);
    await db.query(`ALTER TABLE api_keys ADD CONSTRAINT api_keys_origins_publishable CHECK (kind = 'publishable' OR allowed_origins = '{}')`);
    // A CORS preflight carries no key, only its Origin: it is answered when a live publishable key lists that origin.
    await db.query(`CREATE INDEX api_keys_allowed_origins ON api_keys USING gin (allowed_origins) WHERE kind = 'publishable' AND revoked_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX api_keys_allowed_origins');
    // A publishable key cannot become a secret one (it was published): it goes with the column that made it one.
    await db.query(`UPDATE api_keys SET revoked_at = now() WHERE kind = 'publishable' AND revoked_at IS NULL`);
    await db.query('ALTER TABLE api_keys DROP CONSTRAINT api_keys_origins_publishable');
    await db.query('ALTER TABLE api_keys DROP COLUMN allowed_origins');
    await db.query('ALTER TABLE api_keys DROP COLUMN kind');
  }
}
