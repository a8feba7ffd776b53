// Sandbox keys and the API-call quota. A key can be a sandbox key (api_keys.sandbox); what it submits is
// marked too (animations.sandbox: the renderer watermarks it "SANDBOX"; usage_accepted.sandbox: it never
// counts against animations_per_month). API calls are told apart by channel, because only some count
// against api_calls_per_month: 'api-key' (a normal API key) and 'service' (a bearer token of the identity
// provider) do; 'session' (the web app's own calls) and 'sandbox' (sandbox keys) do not.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SandboxAndApiQuota1764900000012 implements MigrationInterface {
  name = 'SandboxAndApiQuota1764900000012';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE api_keys ADD COLUMN sandbox boolean NOT NULL DEFAULT false');
    await db.query('ALTER TABLE animations ADD COLUMN sandbox boolean NOT NULL DEFAULT false');
    await db.query('ALTER TABLE usage_accepted ADD COLUMN sandbox boolean NOT NULL DEFAULT false');
    await db.query(`ALTER TABLE api_calls_hourly ADD COLUMN channel text NOT NULL DEFAULT 'session' CHECK (channel IN ('api-key', 'sandbox', 'service', 'session'))`);
    // Calls written before: with a key they were API-key calls (no sandbox key existed); without one, a
    // service account's (the bearer authenticator names them service:<subject>) were service calls.
    await db.query(`UPDATE api_calls_hourly SET channel = 'api-key' WHERE api_key_id IS NOT NULL`);
    await db.query(`UPDATE api_calls_hourly c SET channel = 'service' FROM users u WHERE c.api_key_id IS NULL AND u.id = c.user_id AND u.email LIKE 'service:%'`);
    await db.query('ALTER TABLE api_calls_hourly ALTER COLUMN channel DROP DEFAULT');
    await db.query('ALTER TABLE api_calls_hourly DROP CONSTRAINT api_calls_hourly_bucket');
    await db.query('ALTER TABLE api_calls_hourly ADD CONSTRAINT api_calls_hourly_bucket UNIQUE NULLS NOT DISTINCT (hour, user_id, api_key_id, channel)');
    // The quota's refresh sums one month of counted channels.
    await db.query('CREATE INDEX api_calls_hourly_hour ON api_calls_hourly (hour)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX api_calls_hourly_hour');
    await db.query('ALTER TABLE api_calls_hourly DROP CONSTRAINT api_calls_hourly_bucket');
    await db.query(`DELETE FROM api_calls_hourly WHERE channel = 'sandbox'`);
    await db.query('ALTER TABLE api_calls_hourly DROP COLUMN channel');
    await db.query('ALTER TABLE api_calls_hourly ADD CONSTRAINT api_calls_hourly_bucket UNIQUE NULLS NOT DISTINCT (hour, user_id, api_key_id)');
    await db.query('ALTER TABLE usage_accepted DROP COLUMN sandbox');
    await db.query('ALTER TABLE animations DROP COLUMN sandbox');
    await db.query('ALTER TABLE api_keys DROP COLUMN sandbox');
  }
}
