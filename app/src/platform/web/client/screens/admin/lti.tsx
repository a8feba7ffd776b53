// /admin/lti: the LTI 1.3 tool (docs/lti.md). The four URLs to paste into the LMS (GET /lti/tool), the
// learning platforms registered to launch DevForge (GET /lti/platforms; add with the values the LMS gives
// back, remove), and the tool's signing keys with a rotate button (the previous key stays published).
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../../api.ts';
import type { LtiPlatform, LtiTool } from '../../api-types.ts';
import { AdminPage, ErrorLine } from '../../parts/admin.tsx';
import { formatDate } from '../../parts/status.tsx';

function ToolUrls({ tool }: { tool: LtiTool }) {
  const rows: [string, string][] = [
    ['Login (initiate login) URL', tool.login_url],
    ['Launch URL (redirect URI, target link URI)', tool.launch_url],
    ['Deep linking (content selection) URL', tool.deep_linking_url],
    ['Public keyset (JWKS) URL', tool.jwks_url],
  ];
  return (
    <dl class="facts" id="lti-urls">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>
            <code>{v}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}

const FIELDS = [
  ['name', 'Name (for people)', 'Moodle at Example University'],
  ['issuer', 'Issuer (platform ID)', 'https://moodle.example.edu'],
  ['client_id', 'Client ID', ''],
  ['deployment_ids', 'Deployment IDs (comma-separated)', '1'],
  ['auth_url', 'OIDC authentication request URL', 'https://moodle.example.edu/mod/lti/auth.php'],
  ['jwks_url', 'Public keyset URL', 'https://moodle.example.edu/mod/lti/certs.php'],
] as const;

type Field = (typeof FIELDS)[number][0];

function AddPlatform({ onAdded }: { onAdded: (p: LtiPlatform) => void }) {
  const empty = Object.fromEntries(FIELDS.map(([f]) => [f, ''])) as Record<Field, string>;
  const [values, setValues] = useState(empty);
  const [error, setError] = useState('');
  return (
    <form
      id="lti-form"
      onSubmit={(e) => {
        e.preventDefault();
        setError('');
        const deploymentIds = values.deployment_ids
          .split(',')
          .map((d) => d.trim())
          .filter(Boolean);
        api
          .addLtiPlatform({
            issuer: values.issuer.trim(),
            client_id: values.client_id.trim(),
            deployment_ids: deploymentIds,
            auth_url: values.auth_url.trim(),
            jwks_url: values.jwks_url.trim(),
            ...(values.name.trim() ? { name: values.name.trim() } : {}),
          })
          .then(
            (p) => {
              setValues(empty);
              onAdded(p);
            },
            (err) => setError(messageOf(err)),
          );
      }}
    >
      {FIELDS.map(([field, label, placeholder]) => (
        <div class="field" key={field}>
          <label for={`lti-${field}`}>{label}</label>
          <input id={`lti-${field}`} type="text" autocomplete="off" placeholder={placeholder} value={values[field]} onInput={(e) => setValues({ ...values, [field]: e.currentTarget.value })} />
        </div>
      ))}
      <button type="submit" id="lti-add">
        Register platform
      </button>
      <ErrorLine error={error} id="lti-form-error" />
    </form>
  );
}

export function AdminLtiScreen() {
  const [tool, setTool] = useState<LtiTool | undefined>(undefined);
  const [platforms, setPlatforms] = useState<LtiPlatform[] | undefined>(undefined);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const fail = (err: unknown) => setError(messageOf(err));
  const reload = () => {
    api.ltiTool().then(setTool, fail);
    api.ltiPlatforms().then(setPlatforms, fail);
  };
  useEffect(reload, []);
  return (
    <AdminPage title="LTI (learning platforms)" id="admin-lti">
      <ErrorLine error={error} id="lti-error" />
      <p role="status" id="lti-message">
        {message}
      </p>
      <section class="panel" aria-labelledby="lti-urls-title">
        <h2 id="lti-urls-title">Paste these into the LMS</h2>
        <p class="hint">Moodle: External tool, LTI 1.3, open in a new window; Canvas: an LTI developer key. Step by step in docs/lti.md.</p>
        {tool ? <ToolUrls tool={tool} /> : !error && <p class="muted">Loading…</p>}
      </section>
      <section class="panel" aria-labelledby="lti-platforms-title">
        <h2 id="lti-platforms-title">Registered platforms</h2>
        {platforms === undefined ? (
          !error && <p class="muted">Loading…</p>
        ) : platforms.length === 0 ? (
          <p class="muted" id="lti-no-platforms">
            No platform is registered: launches are refused until one is.
          </p>
        ) : (
          <table id="lti-platforms">
            <thead>
              <tr>
                <th scope="col">Name and issuer</th>
                <th scope="col">Client ID</th>
                <th scope="col">Deployments</th>
                <th scope="col">Registered</th>
                <th scope="col">
                  <span class="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {platforms.map((p) => (
                <tr key={p.id} data-platform={p.issuer}>
                  <td>
                    {p.name || '—'}
                    <br />
                    <span class="small">{p.issuer}</span>
                  </td>
                  <td>
                    <code>{p.client_id}</code>
                  </td>
                  <td>{p.deployment_ids.join(', ')}</td>
                  <td>{formatDate(p.created_at)}</td>
                  <td>
                    <button
                      type="button"
                      class="danger"
                      aria-label={`Remove ${p.name || p.issuer}`}
                      onClick={() =>
                        void api.removeLtiPlatform(p.id).then(() => {
                          setMessage(`${p.name || p.issuer} is removed: its launches are refused from now on.`);
                          reload();
                        }, fail)
                      }
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3>Register a platform</h3>
        <AddPlatform
          onAdded={(p) => {
            setMessage(`${p.name || p.issuer} is registered: its courses can launch DevForge now.`);
            reload();
          }}
        />
      </section>
      <section class="panel" aria-labelledby="lti-keys-title">
        <h2 id="lti-keys-title">Tool signing keys</h2>
        {tool && (
          <ul id="lti-keys">
            {tool.keys.map((k) => (
              <li key={k.kid}>
                <code>{k.kid}</code> made {formatDate(k.created_at)}
                {k.retire_at ? `, published until ${formatDate(k.retire_at)}` : ' (current)'}
              </li>
            ))}
          </ul>
        )}
        <button
          type="button"
          class="secondary"
          id="lti-rotate"
          onClick={() =>
            void api.rotateLtiKey().then((r) => {
              setMessage(`A new signing key is in use; the previous one stays published for ${r.overlap_hours} hours.`);
              reload();
            }, fail)
          }
        >
          Rotate the signing key
        </button>
      </section>
    </AdminPage>
  );
}
