// The first schema: accounts, keys, sessions, animations, batches, usage and webhook deliveries.
// Plain SQL, so what runs in production is exactly what is reviewed here.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const ROLE_CHECK = "CHECK (role IN ('admin', 'editor', 'viewer'))";

export class InitialSchema1764230400000 implements MigrationInterface {
  name = 'InitialSchema1764230400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL,
      name text NOT NULL DEFAULT '',
      role text NOT NULL ${ROLE_CHECK},
      password_hash text,
      disabled boolean NOT NULL DEFAULT false,
      webhook_secret text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      last_login_at timestamptz
    )`);
    await db.query('CREATE UNIQUE INDEX users_email_key ON users (lower(email))');

    await db.query(`CREATE TABLE api_keys (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      name text NOT NULL,
      role text NOT NULL ${ROLE_CHECK},
      prefix text NOT NULL,
      key_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      expires_at timestamptz,
      revoked_at timestamptz
    )`);
    await db.query('CREATE INDEX api_keys_user ON api_keys (user_id)');

    await db.query(`CREATE TABLE sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      token_hash text NOT NULL UNIQUE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL DEFAULT now()
    )`);
    await db.query('CREATE INDEX sessions_expires ON sessions (expires_at)');

    await db.query(`CREATE TABLE batches (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      owner_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      callback_url text,
      status text NOT NULL DEFAULT 'processing' CHECK (status IN ('processing', 'completed')),
      created_at timestamptz NOT NULL DEFAULT now(),
      completed_at timestamptz
    )`);

    await db.query(`CREATE TABLE animations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      owner_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      batch_id uuid REFERENCES batches (id) ON DELETE SET NULL,
      client_ref text,
      description text NOT NULL,
      style text NOT NULL,
      quality text NOT NULL,
      fps int NOT NULL,
      duration_s real NOT NULL,
      template text NOT NULL,
      params jsonb NOT NULL,
      facts jsonb NOT NULL,
      analysis jsonb NOT NULL,
      scene jsonb NOT NULL,
      branding jsonb,
      webhook_url text,
      status text NOT NULL CHECK (status IN ('queued', 'processing', 'completed', 'failed', 'cancelled')),
      progress real NOT NULL DEFAULT 0,
      error text,
      outputs jsonb,
      generation int NOT NULL DEFAULT 1,
      attempts int NOT NULL DEFAULT 0,
      priority int NOT NULL DEFAULT 0,
      render_job_id uuid,
      -- clock_timestamp(): items of one batch (one transaction) keep their order.
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      completed_at timestamptz,
      estimated_completion timestamptz
    )`);
    await db.query('CREATE INDEX animations_owner_created ON animations (owner_id, created_at DESC, id DESC)');
    await db.query('CREATE INDEX animations_batch ON animations (batch_id) WHERE batch_id IS NOT NULL');
    await db.query('CREATE INDEX animations_created ON animations (created_at)');

    // No foreign key to animations: usage outlives a deleted animation.
    await db.query(`CREATE TABLE usage_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      animation_id uuid NOT NULL,
      owner_id uuid NOT NULL,
      generation int NOT NULL,
      kind text NOT NULL,
      quality text NOT NULL,
      frames int NOT NULL,
      duration_s real NOT NULL,
      render_s real NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (animation_id, generation, kind)
    )`);

    await db.query(`CREATE TABLE webhook_deliveries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      owner_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      animation_id uuid,
      batch_id uuid,
      event text NOT NULL,
      url text NOT NULL,
      payload jsonb NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
      attempts int NOT NULL DEFAULT 0,
      last_error text,
      dedupe_key text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      delivered_at timestamptz
    )`);
    await db.query('CREATE INDEX webhook_deliveries_owner ON webhook_deliveries (owner_id, created_at DESC)');
    await db.query(`CREATE TABLE webhook_attempts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      delivery_id uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
      attempt int NOT NULL,
      status_code int,
      error text,
      duration_ms int NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await db.query('CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, attempt)');
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['webhook_attempts', 'webhook_deliveries', 'usage_events', 'animations', 'batches', 'sessions', 'api_keys', 'users']) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
