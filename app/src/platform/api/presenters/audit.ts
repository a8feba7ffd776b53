// An audit entry as the API shows it (JSON, one JSONL line, or one CSV row; csv.ts escapes the cells,
// formula-looking ones included: the log holds text that callers typed).
import type { AuditRecord } from '../../domain/audit/query.ts';
import { csvCell } from './csv.ts';

export function presentAuditEntry(e: AuditRecord) {
  return {
    id: e.id,
    at: e.at.toISOString(),
    actor: e.actor,
    actor_label: e.actor_label,
    via: e.via,
    api_key_id: e.api_key_id,
    ip: e.ip,
    user_agent: e.user_agent,
    action: e.action,
    target: e.target_type ? { type: e.target_type, id: e.target_id } : null,
    details: e.details,
    prev_hash: e.prev_hash,
    hash: e.hash,
  };
}

export const AUDIT_CSV_COLUMNS = ['id', 'at', 'actor', 'actor_label', 'via', 'api_key_id', 'ip', 'user_agent', 'action', 'target_type', 'target_id', 'details', 'prev_hash', 'hash'] as const;

export function auditCsvHeader(): string {
  return AUDIT_CSV_COLUMNS.join(',') + '\r\n';
}

/** One RFC 4180 row (CRLF-terminated); details as its JSON text. */
export function auditCsvRow(e: AuditRecord): string {
  const values: Record<(typeof AUDIT_CSV_COLUMNS)[number], string | null> = {
    id: e.id,
    at: e.at.toISOString(),
    actor: e.actor,
    actor_label: e.actor_label,
    via: e.via,
    api_key_id: e.api_key_id,
    ip: e.ip,
    user_agent: e.user_agent,
    action: e.action,
    target_type: e.target_type,
    target_id: e.target_id,
    details: JSON.stringify(e.details),
    prev_hash: e.prev_hash,
    hash: e.hash,
  };
  return AUDIT_CSV_COLUMNS.map((c) => csvCell(values[c])).join(',') + '\r\n';
}
