// The render_workers entitlement and the organisation's branding. render_worker_seats: one row per running
// worker process (by worker name), kept alive by the worker until lease_until; a seated worker takes render
// jobs, the others wait (the license allows only so many seats). organisation_branding: one row, the
// branding settings the web app reads from GET /api/v1/branding (white-label fields included).
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkerSeatsBranding1764900000013 implements MigrationInterface {
  name = 'WorkerSeatsBranding1764900000013';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE render_worker_seats (
      worker text PRIMARY KEY,
      seated_since timestamptz,
      lease_until timestamptz NOT NULL,
      started_at timestamptz NOT NULL DEFAULT now()
    )`);
    await db.query(`CREATE TABLE organisation_branding (
      id int PRIMARY KEY CHECK (id = 1),
      settings jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid
    )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE organisation_branding');
    await db.query('DROP TABLE render_worker_seats');
  }
}
