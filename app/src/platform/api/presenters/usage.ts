// The usage report as the API shows it: JSON, or CSV rows (one per total, user, key, worker and GPU,
// the `section` column saying which).
import type { MonthlyUsage, UsageFigures } from '../../domain/queries/usage.ts';
import { csvRow } from './csv.ts';

export function presentUsage(u: MonthlyUsage) {
  return {
    month: u.month,
    from: u.from.toISOString(),
    to: u.to.toISOString(),
    storage_as_of: u.storageAsOf.toISOString(),
    scope: u.scope === 'all' ? 'all' : 'own',
    totals: u.totals,
    users: u.users,
    keys: u.keys,
    workers: u.workers,
    gpus: u.gpus,
  };
}

export const USAGE_CSV_COLUMNS = ['month', 'section', 'id', 'name', 'user_id', 'animations_accepted', 'api_calls', 'session_calls', 'renders', 'render_seconds', 'storage_bytes', 'sandbox_animations', 'sandbox_calls'] as const;

type Cells = (string | number | null)[];

function figures(f: Partial<UsageFigures>): Cells {
  return [f.animations_accepted ?? null, f.api_calls ?? null, f.session_calls ?? null, f.renders ?? null, f.render_seconds ?? null, f.storage_bytes ?? null, f.sandbox_animations ?? null, f.sandbox_calls ?? null];
}

/** The rows in order (header first), for streaming. */
export function* usageCsv(u: MonthlyUsage): Generator<string> {
  yield csvRow(USAGE_CSV_COLUMNS);
  yield csvRow([u.month, 'total', null, null, null, ...figures(u.totals)]);
  for (const x of u.users) yield csvRow([u.month, 'user', x.user_id, x.email, x.user_id, ...figures(x)]);
  for (const k of u.keys) yield csvRow([u.month, 'key', k.key_id, k.name, k.user_id, ...figures(k)]);
  for (const w of u.workers) yield csvRow([u.month, 'worker', w.worker, w.worker, null, ...figures(w)]);
  for (const g of u.gpus) yield csvRow([u.month, 'gpu', g.gpu, g.gpu, null, ...figures(g)]);
}
