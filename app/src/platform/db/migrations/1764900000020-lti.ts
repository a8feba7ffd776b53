// LTI 1.3 (docs/lti.md): the learning platforms an administrator registered (Moodle, Canvas, ...), the tool's
// own signing keys (the private half sealed with the master key; a rotated-out key stays published until
// retire_at so platforms holding the old JWKS still verify), the launches in progress (state and nonce of
// a third-party login initiation, one use, ten minutes), the nonces of ID tokens already accepted (a replay
// is refused) and the deep-linking requests a teacher is answering in the picker.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Lti1764900000020 implements MigrationInterface {
  name = 'Lti1764900000020';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE lti_platforms (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL DEFAULT '',
      issuer text NOT NULL,
      client_id text NOT NULL,
      deployment_ids text[] NOT NULL DEFAULT '{}',
      auth_url text NOT NULL,
      jwks_url text NOT NULL,
      trust_email boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (issuer, client_id)
    )`);
    await db.query(`CREATE TABLE lti_tool_keys (
      kid text PRIMARY KEY,
      public_jwk jsonb NOT NULL,
      private_key text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      retire_at timestamptz
    )`);
    await db.query(`CREATE TABLE lti_launch_states (
      state_hash text PRIMARY KEY,
      nonce text NOT NULL,
      platform_id uuid NOT NULL REFERENCES lti_platforms(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await db.query(`CREATE TABLE lti_used_nonces (
      platform_id uuid NOT NULL REFERENCES lti_platforms(id) ON DELETE CASCADE,
      nonce text NOT NULL,
      seen_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (platform_id, nonce)
    )`);
    await db.query(`CREATE TABLE lti_deep_links (
      token_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      platform_id uuid NOT NULL REFERENCES lti_platforms(id) ON DELETE CASCADE,
      deployment_id text NOT NULL,
      return_url text NOT NULL,
      data text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE IF EXISTS lti_deep_links');
    await db.query('DROP TABLE IF EXISTS lti_used_nonces');
    await db.query('DROP TABLE IF EXISTS lti_launch_states');
    await db.query('DROP TABLE IF EXISTS lti_tool_keys');
    await db.query('DROP TABLE IF EXISTS lti_platforms');
  }
}
