// /admin/sso: the single sign-on settings in force (GET /sso; secrets only as "set"), a "Test sign-in"
// button that asks the issuer's discovery document now (POST /sso/test) and says what it answered, and a
// link that opens the real sign-in in a new tab (this session stays as it is).
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../../api.ts';
import type { SsoSettings, SsoTest } from '../../api-types.ts';
import { AdminPage, ErrorLine } from '../../parts/admin.tsx';
import { formatDate } from '../../parts/status.tsx';

function Settings({ sso }: { sso: SsoSettings }) {
  const rows: [string, string][] = [
    ['Issuer', sso.issuer ?? '—'],
    ['Client id', sso.client_id ?? '—'],
    ['Client secret', sso.client_secret === 'set' ? 'set (not shown)' : 'not set'],
    ['Scopes', sso.scopes.join(' ')],
    ['Redirect URI (register it at the identity provider)', sso.redirect_uri],
    ['Role claim', sso.role_claim],
    ['Role mapping', sso.role_map.map((m) => `${m.idp} → ${m.role}`).join(', ') || 'none'],
    ['Role when nothing maps', sso.default_role === 'none' ? 'refused' : sso.default_role],
    ['Groups claim', sso.groups_claim],
    ['Audience of service tokens', sso.audience || '—'],
    ['Password sign-in', sso.local_login ? 'offered too' : 'only the break-glass administrator'],
    ['Discovery on this process', sso.discovered ? 'done' : (sso.discovery_error ?? 'not done')],
  ];
  return (
    <dl class="facts" id="sso-settings">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function AdminSsoScreen() {
  const [sso, setSso] = useState<SsoSettings | undefined>(undefined);
  const [test, setTest] = useState<SsoTest | undefined>(undefined);
  const [testing, setTesting] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => void api.sso().then(setSso, (err) => setError(messageOf(err))), []);
  return (
    <AdminPage title="Single sign-on" id="admin-sso">
      <ErrorLine error={error} id="sso-error" />
      {sso === undefined ? (
        !error && <p class="muted">Loading…</p>
      ) : !sso.configured ? (
        <section class="panel" id="sso-off">
          <p>Single sign-on is off: people sign in with their e-mail address and password.</p>
          <p class="hint">
            To turn it on, set <code>auth.oidc.issuer</code>, <code>auth.oidc.clientId</code> and the client secret (see the configuration reference) and restart; register <code>{sso.redirect_uri}</code> as the redirect URI at the identity
            provider.
          </p>
        </section>
      ) : (
        <>
          <section class="panel" aria-labelledby="sso-settings-title">
            <h2 id="sso-settings-title">Settings in force</h2>
            <Settings sso={sso} />
          </section>
          <section class="panel" aria-labelledby="sso-test-title">
            <h2 id="sso-test-title">Test</h2>
            <div class="row">
              <button
                type="button"
                id="sso-test"
                disabled={testing}
                onClick={() => {
                  setTesting(true);
                  setTest(undefined);
                  api
                    .ssoTest()
                    .then(setTest, (err) => setError(messageOf(err)))
                    .finally(() => setTesting(false));
                }}
              >
                {testing ? 'Asking the identity provider…' : 'Test sign-in'}
              </button>
              <a class="button secondary" href={sso.sign_in_url} target="_blank" rel="noopener" id="sso-open">
                Open the real sign-in in a new tab
              </a>
            </div>
            <div role="status" id="sso-result">
              {test && (
                <p class={test.ok ? 'status status-completed' : 'error'}>
                  {test.ok ? 'It works. ' : 'It does not work. '}
                  {test.message} <span class="small">(asked {formatDate(test.checked_at)})</span>
                </p>
              )}
            </div>
          </section>
        </>
      )}
    </AdminPage>
  );
}
