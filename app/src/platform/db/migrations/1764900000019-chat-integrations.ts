// Slack and Teams: which chat account is which DevForge user (linked by the user through a one-time link,
// see docs/integrations.md), the pending link requests (only a hash of each token is kept), the follow-ups
// that post a finished animation back to the chat it was asked from, and the signatures of requests already
// seen (a replayed Slack request is refused; a row older than the signature window is useless and purged).
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ChatIntegrations1764900000019 implements MigrationInterface {
  name = 'ChatIntegrations1764900000019';

  async up(db: QueryRunner): Promise<void> {
    // workspace: the Slack team id or the Teams tenant id; external_id: the Slack user id or the Teams AAD object id.
    await db.query(`CREATE TABLE chat_identities (
      provider text NOT NULL CHECK (provider IN ('slack', 'teams')),
      workspace text NOT NULL,
      external_id text NOT NULL,
      external_name text NOT NULL DEFAULT '',
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      linked_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (provider, workspace, external_id)
    )`);
    await db.query('CREATE INDEX chat_identities_user ON chat_identities (user_id)');
    await db.query(`CREATE TABLE chat_link_requests (
      token_hash text PRIMARY KEY,
      provider text NOT NULL CHECK (provider IN ('slack', 'teams')),
      workspace text NOT NULL,
      external_id text NOT NULL,
      external_name text NOT NULL DEFAULT '',
      expires_at timestamptz NOT NULL
    )`);
    // queued_at is set by whichever of "the animation finished" and "the follow-up was stored" comes last, once.
    await db.query(`CREATE TABLE chat_follow_ups (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      animation_id uuid NOT NULL REFERENCES animations(id) ON DELETE CASCADE,
      provider text NOT NULL CHECK (provider IN ('slack', 'teams')),
      url text NOT NULL,
      channel text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now(),
      queued_at timestamptz,
      sent_at timestamptz,
      attempts integer NOT NULL DEFAULT 0,
      last_error text
    )`);
    await db.query('CREATE INDEX chat_follow_ups_animation ON chat_follow_ups (animation_id)');
    await db.query(`CREATE TABLE chat_request_replays (
      signature text PRIMARY KEY,
      seen_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE IF EXISTS chat_request_replays');
    await db.query('DROP TABLE IF EXISTS chat_follow_ups');
    await db.query('DROP TABLE IF EXISTS chat_link_requests');
    await db.query('DROP TABLE IF EXISTS chat_identities');
  }
}
