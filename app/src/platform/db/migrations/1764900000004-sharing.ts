// Sharing: an animation can be shared with a user or with an IdP group, read-only or to change
// (animation_grants, one row per grantee), and opened to everyone signed in (animations.org_visible).
// A user's IdP groups are stored at each single sign-on (users.idp_groups) so a group grant applies to
// every member on their next request. A grantee user or an animation that goes takes its grants with
// it (ON DELETE CASCADE); who granted is kept only while that account exists.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Sharing1764900000004 implements MigrationInterface {
  name = 'Sharing1764900000004';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN idp_groups text[] NOT NULL DEFAULT '{}'`);
    await db.query('ALTER TABLE animations ADD COLUMN org_visible boolean NOT NULL DEFAULT false');
    await db.query(`CREATE TABLE animation_grants (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      animation_id uuid NOT NULL REFERENCES animations (id) ON DELETE CASCADE,
      grantee_kind text NOT NULL CHECK (grantee_kind IN ('user', 'group')),
      grantee_user_id uuid REFERENCES users (id) ON DELETE CASCADE,
      grantee_group text,
      access text NOT NULL CHECK (access IN ('read', 'write')),
      granted_by uuid REFERENCES users (id) ON DELETE SET NULL,
      granted_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((grantee_kind = 'user' AND grantee_user_id IS NOT NULL AND grantee_group IS NULL)
          OR (grantee_kind = 'group' AND grantee_group IS NOT NULL AND grantee_user_id IS NULL))
    )`);
    await db.query('CREATE UNIQUE INDEX animation_grants_user ON animation_grants (animation_id, grantee_user_id) WHERE grantee_user_id IS NOT NULL');
    await db.query('CREATE UNIQUE INDEX animation_grants_group ON animation_grants (animation_id, grantee_group) WHERE grantee_group IS NOT NULL');
    // "Shared with me" lists look grants up by grantee.
    await db.query('CREATE INDEX animation_grants_by_user ON animation_grants (grantee_user_id) WHERE grantee_user_id IS NOT NULL');
    await db.query('CREATE INDEX animation_grants_by_group ON animation_grants (grantee_group) WHERE grantee_group IS NOT NULL');
    await db.query('CREATE INDEX animations_org_visible ON animations (created_at DESC) WHERE org_visible');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX animations_org_visible');
    await db.query('DROP TABLE animation_grants');
    await db.query('ALTER TABLE animations DROP COLUMN org_visible');
    await db.query('ALTER TABLE users DROP COLUMN idp_groups');
  }
}
