// API keys gain scopes (existing keys get every scope their role allowed, so they keep working);
// sessions remember the address and browser they were made from (people list and end their sessions);
// a rotated webhook signing secret stays valid until an overlap deadline, so receivers can switch.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class KeyScopesSessions1764900000005 implements MigrationInterface {
  name = 'KeyScopesSessions1764900000005';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE api_keys ADD COLUMN scopes text[]');
    // The same rule as auth/scopes.ts scopesForRole, frozen here as a shipped migration must be.
    await db.query(`UPDATE api_keys SET scopes = CASE role
        WHEN 'admin' THEN ARRAY['animations:read', 'animations:write', 'admin']
        WHEN 'editor' THEN ARRAY['animations:read', 'animations:write']
        ELSE ARRAY['animations:read'] END`);
    await db.query('ALTER TABLE api_keys ALTER COLUMN scopes SET NOT NULL');
    await db.query(`ALTER TABLE api_keys ADD CONSTRAINT api_keys_scopes CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY['animations:read', 'animations:write', 'admin'])`);
    await db.query('ALTER TABLE sessions ADD COLUMN ip text, ADD COLUMN user_agent text');
    await db.query('CREATE INDEX sessions_user ON sessions (user_id)');
    await db.query('ALTER TABLE users ADD COLUMN webhook_secret_previous text, ADD COLUMN webhook_secret_previous_until timestamptz');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE users DROP COLUMN webhook_secret_previous_until, DROP COLUMN webhook_secret_previous');
    await db.query('DROP INDEX sessions_user');
    await db.query('ALTER TABLE sessions DROP COLUMN user_agent, DROP COLUMN ip');
    await db.query('ALTER TABLE api_keys DROP COLUMN scopes');
  }
}
