// /admin/audit: the audit log, newest first, filtered by actor, action (or a family: auth.*) and a date
// range, paged with the server's cursor; the same filters as a CSV or JSONL download (GET /audit/export,
// itself recorded). Filters live in the URL, so a filtered view can be linked to.
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, downloads, messageOf, type AuditFilters } from '../../api.ts';
import type { AuditEntry, User } from '../../api-types.ts';
import { AdminPage, ErrorLine } from '../../parts/admin.tsx';
import { formatDate } from '../../parts/status.tsx';

/** A date field (YYYY-MM-DD) as the start of that day in UTC; the "to" date includes its whole day. */
function dayStart(day: string, next = false): string | undefined {
  if (!day) return undefined;
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(t) ? undefined : new Date(t + (next ? 86_400_000 : 0)).toISOString();
}

function detailsText(e: AuditEntry): string {
  const parts = Object.entries(e.details).map(([k, v]) => `${k.replace(/_/g, ' ')}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return parts.join('; ');
}

export function AdminAuditScreen() {
  const { query, route, path } = useLocation();
  const [actor, setActor] = useState(query.actor ?? '');
  const [action, setAction] = useState(query.action ?? '');
  const [from, setFrom] = useState(query.from ?? '');
  const [to, setTo] = useState(query.to ?? '');
  const [users, setUsers] = useState<User[]>([]);
  const [pages, setPages] = useState<{ entries: AuditEntry[]; next: string | null } | undefined>(undefined);
  const [error, setError] = useState('');
  const filters: AuditFilters = {
    ...(query.actor ? { actor: query.actor } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(dayStart(query.from ?? '') ? { from: dayStart(query.from ?? '')! } : {}),
    ...(dayStart(query.to ?? '', true) ? { to: dayStart(query.to ?? '', true)! } : {}),
  };
  const key = JSON.stringify(filters);
  useEffect(() => {
    api.users().then(setUsers, () => undefined);
  }, []);
  useEffect(() => {
    setError('');
    setPages(undefined);
    api.audit(filters).then(
      (p) => setPages({ entries: p.entries, next: p.next_cursor }),
      (err) => setError(messageOf(err)),
    );
  }, [key]);
  const more = () =>
    pages?.next &&
    void api.audit(filters, pages.next).then(
      (p) => setPages({ entries: [...pages.entries, ...p.entries], next: p.next_cursor }),
      (err) => setError(messageOf(err)),
    );
  return (
    <AdminPage title="Audit log" id="admin-audit">
      <form
        class="row filters panel"
        id="audit-filters"
        onSubmit={(e) => {
          e.preventDefault();
          if (action && !/^[a-z-]+(\.[a-z-]+)*(\.\*)?$/.test(action)) return setError('An action is a dotted name such as auth.sign-in, or a family such as auth.*');
          if (from && to && from > to) return setError('The “from” date is after the “to” date: swap them.');
          const q = new URLSearchParams(Object.entries({ actor, action, from, to }).filter(([, v]) => v));
          route(`${path}${q.size ? `?${q}` : ''}`);
        }}
      >
        <div class="field">
          <label for="audit-actor">Who</label>
          <select id="audit-actor" value={actor} onChange={(e) => setActor(e.currentTarget.value)}>
            <option value="">Anyone</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.email}
              </option>
            ))}
            <option value="anonymous">Failed sign-ins (anonymous)</option>
            <option value="system">The appliance (system)</option>
          </select>
        </div>
        <div class="field">
          <label for="audit-action">Action</label>
          <input id="audit-action" type="text" list="audit-actions" placeholder="e.g. auth.* or user.create" aria-describedby="audit-action-help" value={action} onInput={(e) => setAction(e.currentTarget.value)} />
          <datalist id="audit-actions">
            {['auth.*', 'auth.sign-in', 'auth.sign-in-failed', 'user.*', 'apikey.*', 'animation.*', 'webhook.*', 'license.*', 'audit.export'].map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
          <span class="hint" id="audit-action-help">
            One action, or a family ending in .*
          </span>
        </div>
        <div class="field">
          <label for="audit-from">From (UTC)</label>
          <input id="audit-from" type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="audit-to">To (UTC, inclusive)</label>
          <input id="audit-to" type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
        </div>
        <button type="submit" id="audit-apply">
          Filter
        </button>
        <a class="button secondary" href={downloads.auditExport(filters, 'csv')} download id="audit-export-csv">
          Export CSV
        </a>
        <a class="button secondary" href={downloads.auditExport(filters, 'jsonl')} download>
          Export JSONL
        </a>
      </form>
      <ErrorLine error={error} id="audit-error" />
      {pages === undefined ? (
        !error && <p class="muted">Loading…</p>
      ) : pages.entries.length === 0 ? (
        <p class="muted" id="audit-empty">
          No entries match these filters.
        </p>
      ) : (
        <section class="panel" aria-label="Entries">
          <table id="audit-entries">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">On</th>
                <th scope="col">Details</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {pages.entries.map((e) => (
                <tr key={e.id} data-action={e.action}>
                  <td>{formatDate(e.at)}</td>
                  <td>
                    {e.actor_label}
                    <span class="small"> ({e.via})</span>
                  </td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>{e.target ? `${e.target.type}${e.target.id ? ` ${e.target.id.slice(0, 8)}` : ''}` : '—'}</td>
                  <td class="url small">{detailsText(e)}</td>
                  <td class="small">{e.ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pages.next && (
            <p class="pager row">
              <button type="button" class="secondary" id="audit-more" onClick={more}>
                Show older entries
              </button>
            </p>
          )}
        </section>
      )}
    </AdminPage>
  );
}
