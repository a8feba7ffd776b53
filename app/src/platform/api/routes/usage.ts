// The usage report: GET /usage (JSON) and GET /usage.csv for one calendar month in UTC (default: this
// month). Administrators see everyone's use; anyone else sees their own.
import { Readable } from 'node:stream';
import { z } from 'zod';
import { MONTH_PATTERN, monthOf, usageReport } from '../../domain/queries/usage.ts';
import type { ApiServices } from '../../services.ts';
import { presentUsage, usageCsv } from '../presenters/usage.ts';
import { defineRoute, reply, type AnyRoute } from '../route.ts';

const monthQuery = z.object({
  month: z.string().regex(MONTH_PATTERN, 'a month as YYYY-MM (for example 2026-12); months are calendar months in UTC').optional().describe('The calendar month (UTC) as YYYY-MM; default: this month.'),
});

const figures = {
  animations_accepted: z.number(),
  api_calls: z.number().describe('Calls with API keys and bearer service tokens: what api_calls_per_month counts.'),
  session_calls: z.number().describe('The web app’s own calls (browser sessions): counted, never against a quota.'),
  sandbox_animations: z.number().describe('Animations submitted with sandbox keys: counted against no quota.'),
  sandbox_calls: z.number().describe('Calls made with sandbox keys: counted against no quota.'),
  renders: z.number(),
  render_seconds: z.number(),
  storage_bytes: z.number(),
};
const { session_calls: _, ...keyFigures } = figures;
const renderFigures = { renders: z.number(), render_seconds: z.number() };

export const usageSchema = z.object({
  month: z.string(),
  from: z.string(),
  to: z.string(),
  storage_as_of: z.string(),
  scope: z.enum(['all', 'own']),
  totals: z.object(figures),
  users: z.array(z.object({ user_id: z.string(), email: z.string().nullable(), ...figures })),
  keys: z.array(z.object({ key_id: z.string(), name: z.string().nullable(), user_id: z.string().nullable(), ...keyFigures })),
  workers: z.array(z.object({ worker: z.string(), ...renderFigures })),
  gpus: z.array(z.object({ gpu: z.string(), ...renderFigures })),
});

const SUMMARY =
  'Animations accepted, API calls (api_calls: with API keys; session_calls: in the browser or with a single sign-on token), render seconds per worker and GPU in one calendar month (UTC), and storage held now; in total, per user and per key. Administrators see everyone, anyone else their own use.';

export function usageRoutes(s: ApiServices): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/usage',
      tag: 'usage',
      summary: SUMMARY,
      action: 'usage.read',
      query: monthQuery,
      responses: { 200: { description: 'The month’s use.', schema: usageSchema } },
      handler: async (ctx, { query, principal }) => {
        reply(ctx, 200, presentUsage(await usageReport(s.db, principal, query.month ?? monthOf(new Date()))));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/usage.csv',
      tag: 'usage',
      summary: `${SUMMARY} As CSV (streamed): one row per total, user, key, worker and GPU; the section column says which.`,
      action: 'usage.read',
      query: monthQuery,
      responses: { 200: { description: 'The month’s use (text/csv).', type: 'text/csv' } },
      handler: async (ctx, { query, principal }) => {
        const usage = await usageReport(s.db, principal, query.month ?? monthOf(new Date()));
        ctx.status = 200;
        ctx.type = 'text/csv; charset=utf-8';
        ctx.set('content-disposition', `attachment; filename="devforge-usage-${usage.month}.csv"`);
        ctx.set('cache-control', 'no-store');
        ctx.body = Readable.from(usageCsv(usage));
      },
    }),
  ];
}
