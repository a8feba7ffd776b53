// The audit log for administrators: a filtered, cursor-paged list (newest first) and the same filters
// as a streamed JSONL or CSV export (oldest first, for archiving or a SIEM).
import { Readable } from 'node:stream';
import { z } from 'zod';
import { exportAudit, listAudit, type AuditFilters } from '../../domain/audit/query.ts';
import type { ApiServices } from '../../services.ts';
import { auditCsvHeader, auditCsvRow, presentAuditEntry } from '../presenters/audit.ts';
import { defineRoute, reply, type AnyRoute } from '../route.ts';

const filterQuery = z.object({
  actor: z.string().min(1).max(64).optional().describe('A user id, or anonymous (failed sign-ins), system (jobs), erased (anonymised).'),
  action: z
    .string()
    .regex(/^[a-z-]+(\.[a-z-]+)*(\.\*)?$/, 'an action such as auth.sign-in, or a family such as auth.*')
    .max(64)
    .optional()
    .describe('An action (auth.sign-in) or a family of actions (auth.*).'),
  target_type: z.string().min(1).max(32).optional().describe('animation, batch, user, api-key.'),
  target_id: z.string().min(1).max(128).optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('Entries at or after this time (ISO 8601).'),
  to: z.iso.datetime({ offset: true }).optional().describe('Entries before this time (ISO 8601).'),
});

type FilterQuery = z.infer<typeof filterQuery>;

const listQuery = filterQuery.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional().describe('next_cursor of the previous page.'),
});

export const entrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  actor_label: z.string(),
  via: z.string(),
  api_key_id: z.string().nullable(),
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string().nullable() }).nullable(),
  details: z.record(z.string(), z.unknown()),
  prev_hash: z.string(),
  hash: z.string(),
});

function filtersOf(q: FilterQuery): AuditFilters {
  return {
    ...(q.actor ? { actor: q.actor } : {}),
    ...(q.action ? { action: q.action } : {}),
    ...(q.target_type ? { targetType: q.target_type } : {}),
    ...(q.target_id ? { targetId: q.target_id } : {}),
    ...(q.from ? { from: new Date(q.from) } : {}),
    ...(q.to ? { to: new Date(q.to) } : {}),
  };
}

export function auditRoutes(s: ApiServices): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/audit',
      tag: 'audit',
      summary: 'The audit log, newest first, paged with a cursor; filters: actor, action (or family: auth.*), target_type, target_id, from, to.',
      action: 'audit.read',
      query: listQuery,
      responses: { 200: { description: 'A page.', schema: z.object({ entries: z.array(entrySchema), next_cursor: z.string().nullable() }) } },
      handler: async (ctx, { query, principal }) => {
        const page = await listAudit(s.db, principal, { ...filtersOf(query), limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) });
        reply(ctx, 200, { entries: page.entries.map(presentAuditEntry), next_cursor: page.nextCursor });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/audit/export',
      tag: 'audit',
      summary: 'The audit log as a download (itself recorded as audit.export), oldest first, streamed: format=jsonl (one entry per line, as the list shows it) or csv (details as JSON text). Same filters as GET /audit.',
      action: 'audit.export',
      query: filterQuery.extend({ format: z.enum(['jsonl', 'csv']).default('jsonl') }),
      responses: {
        200: { description: 'The entries (application/x-ndjson or text/csv).', type: 'application/x-ndjson' },
      },
      handler: async (ctx, { query, principal, origin }) => {
        const entries = await exportAudit(s.db, principal, filtersOf(query), query.format, origin);
        const csv = query.format === 'csv';
        async function* lines() {
          if (csv) yield auditCsvHeader();
          for await (const e of entries) yield csv ? auditCsvRow(e) : JSON.stringify(presentAuditEntry(e)) + '\n';
        }
        const stamp = new Date().toISOString().slice(0, 10);
        ctx.status = 200;
        ctx.type = csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8';
        ctx.set('content-disposition', `attachment; filename="devforge-audit-${stamp}.${query.format}"`);
        ctx.set('cache-control', 'no-store');
        ctx.body = Readable.from(lines());
      },
    }),
  ];
}
