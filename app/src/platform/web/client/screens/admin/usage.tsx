// /admin/usage: one calendar month (UTC) of use: totals, per user and per key (charts with their figures
// as text, and tables), the render time per worker, and the same report as CSV (GET /usage.csv).
import { useEffect, useState } from 'preact/hooks';
import { api, downloads, messageOf } from '../../api.ts';
import type { Usage } from '../../api-types.ts';
import { AdminPage, BarChart, ErrorLine, formatBytes } from '../../parts/admin.tsx';
import { formatSeconds } from '../../parts/status.tsx';

function thisMonth(): string {
  return new Date().toISOString().slice(0, 7);
}

function Totals({ usage }: { usage: Usage }) {
  const t = usage.totals;
  return (
    <dl class="facts" id="usage-totals">
      <div>
        <dt>Animations accepted</dt>
        <dd>{t.animations_accepted}</dd>
      </div>
      <div>
        <dt>Renders</dt>
        <dd>
          {t.renders} ({formatSeconds(t.render_seconds)} of rendering)
        </dd>
      </div>
      <div>
        <dt>API calls with keys</dt>
        <dd>{t.api_calls}</dd>
      </div>
      <div>
        <dt>Calls from the browser or single sign-on</dt>
        <dd>{t.session_calls}</dd>
      </div>
      <div>
        <dt>Storage held now</dt>
        <dd>{formatBytes(t.storage_bytes)}</dd>
      </div>
    </dl>
  );
}

export function AdminUsageScreen() {
  const [month, setMonth] = useState(thisMonth());
  const [usage, setUsage] = useState<Usage | undefined>(undefined);
  const [error, setError] = useState('');
  useEffect(() => {
    setError('');
    if (!/^\d{4}-\d{2}$/.test(month)) return setError('Choose a month (YYYY-MM), e.g. 2026-12.');
    api.usage(month).then(setUsage, (err) => setError(messageOf(err)));
  }, [month]);
  return (
    <AdminPage title="Usage" id="admin-usage">
      <div class="row filters">
        <div class="field">
          <label for="usage-month">Month (UTC)</label>
          <input id="usage-month" type="month" value={month} onChange={(e) => setMonth(e.currentTarget.value)} />
        </div>
        <a class="button secondary" id="usage-csv" href={downloads.usageCsv(month)} download>
          Download as CSV
        </a>
      </div>
      <ErrorLine error={error} id="usage-error" />
      {usage && (
        <>
          <section class="panel" aria-labelledby="totals-title">
            <h2 id="totals-title">In total, {usage.month}</h2>
            <Totals usage={usage} />
          </section>
          <div class="grid">
            <section class="panel" aria-labelledby="per-user-title">
              <h2 id="per-user-title">Per person</h2>
              <BarChart
                id="usage-users"
                title="Animations accepted per person"
                bars={usage.users.map((u) => ({ label: u.email ?? 'erased account', value: u.animations_accepted, text: `${u.animations_accepted} animations, ${u.renders} renders, ${formatSeconds(u.render_seconds)}` }))}
              />
            </section>
            <section class="panel" aria-labelledby="per-key-title">
              <h2 id="per-key-title">Per API key</h2>
              <BarChart id="usage-keys" title="API calls per key" bars={usage.keys.map((k) => ({ label: k.name ?? 'deleted key', value: k.api_calls, text: `${k.api_calls} calls, ${k.animations_accepted} animations` }))} />
            </section>
          </div>
          <section class="panel" aria-labelledby="per-worker-title">
            <h2 id="per-worker-title">Rendering per worker</h2>
            <BarChart id="usage-workers" title="Render time per worker" bars={usage.workers.map((w) => ({ label: w.worker, value: w.render_seconds, text: `${w.renders} renders, ${formatSeconds(w.render_seconds)}` }))} />
          </section>
        </>
      )}
    </AdminPage>
  );
}
