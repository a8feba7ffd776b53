// Idempotency-Key records for generate and batch (draft-ietf-httpapi-idempotency-key-header): one row per
// caller and key, holding a fingerprint of the request and, once it has been answered, the answer, so a
// retry of the same request from any API process gets the same answer and creates nothing new.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyKeys1764900000008 implements MigrationInterface {
  name = 'IdempotencyKeys1764900000008';

  async up(db: QueryRunner): Promise<void> {
    // status and response are null while the first request is still being processed.
    await db.query(`CREATE TABLE idempotency_keys (
      scope text NOT NULL,
      key text NOT NULL,
      fingerprint text NOT NULL,
      status integer,
      response jsonb,
      location text,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (scope, key)
    )`);
    // The purge deletes by age.
    await db.query('CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE IF EXISTS idempotency_keys');
  }
}
