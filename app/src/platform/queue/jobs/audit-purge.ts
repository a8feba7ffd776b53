// The daily audit purge: entries older than audit.retentionDays go (the domain keeps the chain
// verifiable and records an audit.purge entry); scheduled by the worker on audit.purgeCron.
import type { DataSource } from 'typeorm';
import { purgeAudit } from '../../domain/audit/purge.ts';
import type { Logger } from '../../log.ts';

export interface AuditPurgeDeps {
  db: DataSource;
  retentionDays: number;
  log: Logger;
}

export async function performAuditPurge(deps: AuditPurgeDeps): Promise<{ deleted: number }> {
  const result = await purgeAudit(deps.db, deps.retentionDays);
  if (result.deleted) deps.log.info(`audit: purged ${result.deleted} entries older than ${deps.retentionDays} days`);
  return result;
}
