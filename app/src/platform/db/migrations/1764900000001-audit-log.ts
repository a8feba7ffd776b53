// The audit log: one append-only, hash-chained row per action (see docs/audit.md). The trigger refuses
// every UPDATE and DELETE except the two maintenance operations the application performs inside a
// transaction that names them in the transaction-local setting devforge.audit_op:
//   'purge'     may DELETE entries older than the shortest retention allowed (30 days), nothing newer;
//   'anonymise' may UPDATE only the personal columns (outside the chain), never a chained one.
// A superuser can still disable the trigger: the hash chain, checked by `devforge audit verify`, is
// what catches that.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditLog1764900000001 implements MigrationInterface {
  name = 'AuditLog1764900000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL,
      -- Personal columns: outside the chain, covered through actor_digest = sha256(salt || them).
      actor text NOT NULL,
      actor_label text NOT NULL DEFAULT '',
      api_key_id uuid,
      ip text,
      user_agent text,
      salt text,
      -- Chained columns: covered by hash.
      actor_digest text NOT NULL,
      via text NOT NULL,
      action text NOT NULL,
      target_type text,
      target_id text,
      details jsonb NOT NULL DEFAULT '{}',
      prev_hash text NOT NULL,
      hash text NOT NULL UNIQUE
    )`);
    await db.query('CREATE INDEX audit_log_at ON audit_log (at)');
    await db.query('CREATE INDEX audit_log_actor ON audit_log (actor, id)');
    await db.query('CREATE INDEX audit_log_action ON audit_log (action, id)');
    await db.query('CREATE INDEX audit_log_target ON audit_log (target_type, target_id, id)');
    await db.query(`CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE op text := coalesce(current_setting('devforge.audit_op', true), '');
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          RAISE EXCEPTION 'audit_log is append-only: TRUNCATE refused' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_OP = 'DELETE' AND op = 'purge' AND OLD.at < now() - interval '30 days' THEN
          RETURN OLD;
        END IF;
        IF TG_OP = 'UPDATE' AND op = 'anonymise'
           AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.actor_digest = OLD.actor_digest AND NEW.via = OLD.via
           AND NEW.action = OLD.action AND NEW.target_type IS NOT DISTINCT FROM OLD.target_type
           AND NEW.target_id IS NOT DISTINCT FROM OLD.target_id AND NEW.details = OLD.details
           AND NEW.prev_hash = OLD.prev_hash AND NEW.hash = OLD.hash THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only: % refused (entry %)', TG_OP, OLD.id USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query('CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_guard()');
    // TRUNCATE skips row triggers: refuse it with a statement trigger.
    await db.query('CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_guard()');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE audit_log');
    await db.query('DROP FUNCTION audit_log_guard()');
  }
}
