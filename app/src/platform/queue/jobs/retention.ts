// The nightly clean-up: animations older than retention.days (with their files), expired sessions,
// and webhook logs older than 30 days. Usage events are accounting records and stay.
import type { DataSource } from 'typeorm';
import { sql } from '../../db/sql.ts';
import type { Logger } from '../../log.ts';
import { outputKeys } from '../../storage/create.ts';
import type { ObjectStorage } from '../../storage/storage.ts';

export interface RetentionDeps {
  db: DataSource;
  storage: ObjectStorage;
  retentionDays: number;
  log: Logger;
}

export async function performRetention(deps: RetentionDeps): Promise<{ animations: number }> {
  let removed = 0;
  if (deps.retentionDays > 0) {
    for (;;) {
      const old = await sql<{ id: string }>(deps.db, `SELECT id FROM animations WHERE created_at < now() - make_interval(days => $1) AND status IN ('completed', 'failed', 'cancelled') ORDER BY created_at LIMIT 200`, [deps.retentionDays]);
      if (!old.length) break;
      for (const { id } of old) {
        await deps.storage.deletePrefix(outputKeys(id).prefix);
        await sql(deps.db, 'DELETE FROM animations WHERE id = $1', [id]);
        removed++;
      }
    }
  }
  await sql(deps.db, `DELETE FROM sessions WHERE expires_at < now() - interval '1 day'`);
  await sql(deps.db, `DELETE FROM webhook_deliveries WHERE created_at < now() - interval '30 days' AND status <> 'pending'`);
  if (removed) deps.log.info(`retention: removed ${removed} animations older than ${deps.retentionDays} days`);
  return { animations: removed };
}
