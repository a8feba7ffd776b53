// /admin/webhooks: the signing secret (hidden until asked for, since reading it is audited; rotate, with or
// without the old one signing on for a while) and every delivery of the organisation with its status and
// attempts; a delivered or failed one can be sent again.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../../api.ts';
import type { Delivery } from '../../api-types.ts';
import { AdminPage, ErrorLine } from '../../parts/admin.tsx';
import { formatDate } from '../../parts/status.tsx';

type Secret = Awaited<ReturnType<typeof api.signingSecret>>;

function SigningSecret() {
  const [secret, setSecret] = useState<Secret | undefined>(undefined);
  const [overlap, setOverlap] = useState('24');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  return (
    <section class="panel" aria-labelledby="secret-title">
      <h2 id="secret-title">Signing secret</h2>
      <p class="hint">
        Your deliveries are signed with it (HMAC-SHA256 in the <code>DevForge-Signature</code> header). It is shown only when you ask, and each reading is recorded in the audit log.
      </p>
      {secret ? (
        <div class="notice" id="secret">
          <p>Give this to the receiver; it is not shown again unless you ask:</p>
          <code class="secret" id="secret-value">
            {secret.secret}
          </code>
          {secret.previous_valid_until && <p class="small">The previous secret also signs deliveries until {formatDate(secret.previous_valid_until)}.</p>}
          <button type="button" class="secondary" onClick={() => setSecret(undefined)}>
            Hide
          </button>
        </div>
      ) : (
        <button type="button" class="secondary" id="show-secret" onClick={() => void api.signingSecret().then(setSecret, (err) => setError(messageOf(err)))}>
          Show the secret
        </button>
      )}
      <form
        class="row"
        id="rotate-form"
        // Checked here, so a wrong number is said in words rather than by the browser's own bubble.
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setError('');
          const hours = Number(overlap);
          if (!Number.isInteger(hours) || hours < 0 || hours > 168) return setError('The overlap is a whole number of hours from 0 (the old secret stops at once, e.g. when it leaked) to 168.');
          api.rotateSigningSecret(hours).then(
            (s) => {
              setSecret(s);
              setMessage(hours ? `New secret made; the old one keeps signing too for ${hours} hours.` : 'New secret made; the old one no longer signs anything.');
            },
            (err) => setError(messageOf(err)),
          );
        }}
      >
        <div class="field">
          <label for="overlap">Old secret keeps signing for (hours)</label>
          <input id="overlap" type="number" min={0} max={168} value={overlap} onInput={(e) => setOverlap(e.currentTarget.value)} aria-describedby="overlap-help" />
          <span class="hint" id="overlap-help">
            0 when it leaked; otherwise long enough to give the receiver the new one.
          </span>
        </div>
        <button type="submit" id="rotate-secret">
          Rotate the secret
        </button>
      </form>
      <p role="status" id="secret-message">
        {message}
      </p>
      <ErrorLine error={error} id="secret-error" />
    </section>
  );
}

const STATUS_WORDS: Record<Delivery['status'], string> = { pending: 'Being sent', delivered: 'Delivered', failed: 'Failed' };

function Deliveries() {
  const [status, setStatus] = useState<Delivery['status'] | ''>('');
  const [deliveries, setDeliveries] = useState<Delivery[] | undefined>(undefined);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const reload = () => void api.allDeliveries(status || undefined).then(setDeliveries, (err) => setError(messageOf(err)));
  useEffect(reload, [status]);
  return (
    <section class="panel" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">Deliveries</h2>
      <div class="row filters">
        <div class="field">
          <label for="delivery-status">Status</label>
          <select id="delivery-status" value={status} onChange={(e) => setStatus(e.currentTarget.value as Delivery['status'] | '')}>
            <option value="">All</option>
            <option value="pending">Being sent</option>
            <option value="delivered">Delivered</option>
            <option value="failed">Failed</option>
          </select>
        </div>
        <button type="button" class="secondary" onClick={reload}>
          Refresh
        </button>
      </div>
      <p role="status" id="deliveries-message">
        {message}
      </p>
      <ErrorLine error={error} />
      {deliveries === undefined ? (
        <p class="muted">Loading…</p>
      ) : deliveries.length === 0 ? (
        <p class="muted" id="no-deliveries">
          No webhook deliveries{status ? ` with this status` : ''}. They appear when an animation or batch with a callback URL finishes.
        </p>
      ) : (
        <table id="deliveries">
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">To</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Created</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={d.id} data-delivery={d.id}>
                <td>
                  {d.event}
                  {d.animation_id && (
                    <>
                      <br />
                      <a href={`/animations/${d.animation_id}`} class="small">
                        the animation
                      </a>
                    </>
                  )}
                </td>
                <td class="url">{d.url}</td>
                <td>
                  <span class={`status status-${d.status === 'delivered' ? 'completed' : d.status === 'failed' ? 'failed' : 'processing'}`}>{STATUS_WORDS[d.status]}</span>
                  {d.last_error && <div class="small">{d.last_error}</div>}
                </td>
                <td>{d.attempts}</td>
                <td>{formatDate(d.created_at)}</td>
                <td>
                  {d.status !== 'pending' && (
                    <button
                      type="button"
                      class="secondary"
                      aria-label={`Send the ${d.event} delivery to ${d.url} again`}
                      onClick={() =>
                        void api.redeliver(d.id).then(
                          () => {
                            setMessage(`The ${d.event} delivery is being sent again to ${d.url}.`);
                            reload();
                          },
                          (err) => setError(messageOf(err)),
                        )
                      }
                    >
                      Send again
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function AdminWebhooksScreen() {
  return (
    <AdminPage title="Webhooks" id="admin-webhooks">
      <SigningSecret />
      <Deliveries />
    </AdminPage>
  );
}
