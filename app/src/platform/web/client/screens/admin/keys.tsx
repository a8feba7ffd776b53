// /admin/keys: every API key of the organisation (GET /api-keys?owner=all) with its owner's address (from
// GET /users), role, scopes (and a publishable key's allowed origins), created, last used and expiry; revoke one at once.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../../api.ts';
import type { ApiKey, User } from '../../api-types.ts';
import { AdminPage, ErrorLine } from '../../parts/admin.tsx';
import { formatDate } from '../../parts/status.tsx';

function stateOf(k: ApiKey): string {
  if (k.revoked_at) return `revoked ${formatDate(k.revoked_at)}`;
  if (!k.active) return 'expired';
  return k.expires_at ? `active, expires ${formatDate(k.expires_at)}` : 'active';
}

export function AdminKeysScreen() {
  const [keys, setKeys] = useState<ApiKey[] | undefined>(undefined);
  const [owners, setOwners] = useState<Map<string, User>>(new Map());
  const [showRevoked, setShowRevoked] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const reload = () => void api.allApiKeys().then(setKeys, (err) => setError(messageOf(err)));
  useEffect(() => {
    reload();
    api.users().then(
      (us) => setOwners(new Map(us.map((u) => [u.id, u]))),
      () => undefined,
    );
  }, []);
  const shown = (keys ?? []).filter((k) => showRevoked || k.active);
  return (
    <AdminPage title="API keys" id="admin-keys">
      <section class="panel" aria-labelledby="all-keys-title">
        <h2 id="all-keys-title">Every key of the organisation</h2>
        <p class="hint">People create their own keys on their account page; revoking one here stops it at once, on every process.</p>
        <label class="inline">
          <input type="checkbox" id="show-revoked" checked={showRevoked} onChange={(e) => setShowRevoked(e.currentTarget.checked)} /> Show revoked and expired keys
        </label>
        <p role="status" id="keys-message">
          {message}
        </p>
        <ErrorLine error={error} />
        {keys === undefined ? (
          <p class="muted">Loading…</p>
        ) : shown.length === 0 ? (
          <p class="muted" id="no-keys">
            No {showRevoked ? '' : 'active '}API keys.
          </p>
        ) : (
          <table id="all-keys">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Owner</th>
                <th scope="col">Role and scopes</th>
                <th scope="col">Starts with</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span class="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((k) => (
                <tr key={k.id} data-key={k.id}>
                  <td>{k.name}</td>
                  <td>{owners.get(k.user_id)?.email ?? k.user_id}</td>
                  <td>
                    {k.role}
                    <br />
                    <span class="small">{k.scopes.join(', ')}</span>
                    {k.kind === 'publishable' && (
                      <>
                        <br />
                        <span class="small">publishable (the widget), from {k.allowed_origins.join(', ')}</span>
                      </>
                    )}
                  </td>
                  <td>
                    <code>{k.prefix}</code>
                  </td>
                  <td>{formatDate(k.created_at)}</td>
                  <td>{k.last_used_at ? formatDate(k.last_used_at) : 'never'}</td>
                  <td>{stateOf(k)}</td>
                  <td>
                    {k.active && (
                      <button
                        type="button"
                        class="danger"
                        aria-label={`Revoke ${k.name} of ${owners.get(k.user_id)?.email ?? 'its owner'}`}
                        onClick={() =>
                          void api.revokeApiKey(k.id).then(
                            () => {
                              setMessage(`The key “${k.name}” is revoked: programs using it are refused from now on.`);
                              reload();
                            },
                            (err) => setError(messageOf(err)),
                          )
                        }
                      >
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </AdminPage>
  );
}
