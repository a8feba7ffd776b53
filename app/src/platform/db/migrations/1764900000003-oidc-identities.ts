// Single sign-on: a user may be bound to one identity at an OpenID Connect issuer (issuer + subject,
// created at first sign-in), a session remembers the ID token it was made from (RP-initiated logout
// sends it back as id_token_hint), and a sign-in in progress keeps its state, nonce and PKCE verifier
// in oidc_logins for a few minutes, so any API process can finish what another one started.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OidcIdentities1764900000003 implements MigrationInterface {
  name = 'OidcIdentities1764900000003';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE users ADD COLUMN oidc_issuer text, ADD COLUMN oidc_subject text');
    await db.query('CREATE UNIQUE INDEX users_oidc_identity ON users (oidc_issuer, oidc_subject) WHERE oidc_subject IS NOT NULL');
    await db.query('ALTER TABLE sessions ADD COLUMN id_token text');
    await db.query(`CREATE TABLE oidc_logins (
      token_hash text PRIMARY KEY,
      state text NOT NULL,
      nonce text NOT NULL,
      code_verifier text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE oidc_logins');
    await db.query('ALTER TABLE sessions DROP COLUMN id_token');
    await db.query('DROP INDEX users_oidc_identity');
    await db.query('ALTER TABLE users DROP COLUMN oidc_subject, DROP COLUMN oidc_issuer');
  }
}
