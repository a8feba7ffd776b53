// Reading the audit log (administrators only): pages newest first with a cursor, the way the
// animations list pages, and the same filters as a stream, oldest first, for the JSONL/CSV export.
import { invalidField } from '../errors.ts';
import { authorize, type Actor } from '../policy.ts';
import { sql, type Queryable } from '../../db/sql.ts';
import { recordAudit, type Origin } from './record.ts';
import type { DataSource } from 'typeorm';

export interface AuditFilters {
  /** A user id, or anonymous, system, erased. */
  actor?: string;
  /** An action (auth.sign-in), or a family of them (auth.*). */
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
}

export interface AuditRecord {
  id: string;
  at: Date;
  actor: string;
  actor_label: string;
  via: string;
  api_key_id: string | null;
  ip: string | null;
  user_agent: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

const COLUMNS = 'id::text AS id, at, actor, actor_label, via, api_key_id, ip, user_agent, action, target_type, target_id, details, prev_hash, hash';

function where(filters: AuditFilters, params: unknown[]): string[] {
  const clauses: string[] = [];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    clauses.push(clause.replace('?', `$${params.length}`));
  };
  if (filters.actor) add('actor = ?', filters.actor);
  if (filters.action?.endsWith('.*')) add("action LIKE ? ESCAPE '\\'", filters.action.slice(0, -1).replace(/[\\%_]/g, (c) => '\\' + c) + '%');
  else if (filters.action) add('action = ?', filters.action);
  if (filters.targetType) add('target_type = ?', filters.targetType);
  if (filters.targetId) add('target_id = ?', filters.targetId);
  if (filters.from) add('at >= ?', filters.from);
  if (filters.to) add('at < ?', filters.to);
  return clauses;
}

function cursorOf(id: string): string {
  return Buffer.from(`audit|${id}`).toString('base64url');
}

function parseCursor(cursor: string): string {
  const [kind, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (kind !== 'audit' || !id || !/^[1-9][0-9]{0,18}$/.test(id)) throw invalidField('query.cursor', 'not a cursor this list returned; pass next_cursor of the previous page unchanged');
  return id;
}

export async function listAudit(db: Queryable, principal: Actor, filters: AuditFilters & { limit: number; cursor?: string }): Promise<{ entries: AuditRecord[]; nextCursor: string | null }> {
  authorize(principal, 'audit.read');
  const params: unknown[] = [];
  const clauses = where(filters, params);
  if (filters.cursor) {
    params.push(parseCursor(filters.cursor));
    clauses.push(`id < $${params.length}`);
  }
  params.push(filters.limit + 1);
  const rows = await sql<AuditRecord>(db, `SELECT ${COLUMNS} FROM audit_log ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY audit_log.id DESC LIMIT $${params.length}`, params);
  const page = rows.slice(0, filters.limit);
  const last = page[page.length - 1];
  return { entries: page, nextCursor: rows.length > filters.limit && last ? cursorOf(last.id) : null };
}

/**
 * Every matching entry, oldest first, read a page at a time so an export of years holds one page in
 * memory. Taking a copy of the log is itself recorded (before the first page, so the copy includes it
 * when the filters match it).
 */
export async function exportAudit(db: DataSource, principal: Actor, filters: AuditFilters, format: string, origin?: Origin): Promise<AsyncGenerator<AuditRecord>> {
  authorize(principal, 'audit.export');
  const shown = Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
  await recordAudit(db, { actor: principal, action: 'audit.export', origin, details: { format, filters: shown } });
  return pages(db, filters);
}

async function* pages(db: Queryable, filters: AuditFilters): AsyncGenerator<AuditRecord> {
  let after = '0';
  for (;;) {
    const params: unknown[] = [];
    const clauses = where(filters, params);
    params.push(after);
    clauses.push(`id > $${params.length}`);
    const rows = await sql<AuditRecord>(db, `SELECT ${COLUMNS} FROM audit_log WHERE ${clauses.join(' AND ')} ORDER BY audit_log.id LIMIT 500`, params);
    yield* rows;
    if (rows.length < 500) return;
    after = rows[rows.length - 1]!.id;
  }
}
