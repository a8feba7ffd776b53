// /admin/license: where the license stands (state, tier, customer, validity, grace), every entitlement in
// force, this month's use against each limit (bar charts with the figures in words), installing a license
// file (chosen or pasted; a refusal is the server's reason in words) and making a renewal request (the same
// signed file `devforge license request` writes, downloaded to send to the vendor).
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../../api.ts';
import type { License } from '../../api-types.ts';
import { AdminPage, BarChart, ErrorLine } from '../../parts/admin.tsx';
import { formatDate } from '../../parts/status.tsx';
import { labelOf } from '../../labels.ts';

const STATE_WORDS: Record<License['state'], string> = {
  none: 'No license installed: the Free limits apply',
  valid: 'Valid',
  expiring: 'Valid, expiring soon: ask for a renewal',
  grace: 'Expired, in its grace period: features stay on until the grace ends',
  expired: 'Expired: the Free limits apply',
  invalid: 'Invalid: the Free limits apply',
};

function entitlementValue(name: string, v: unknown): string {
  if (v === null) return name === 'watermark' ? 'none' : 'unlimited';
  if (typeof v === 'boolean') return v ? 'included' : 'not included';
  if (Array.isArray(v)) return v.length ? v.join(', ') : 'none';
  return typeof v === 'object' ? JSON.stringify(v) : String(v as string | number);
}

function Standing({ license }: { license: License }) {
  const l = license.license;
  return (
    <section class="panel" aria-labelledby="standing-title">
      <h2 id="standing-title">State</h2>
      <p class={`status license-${license.state}`} id="license-state">
        {STATE_WORDS[license.state]}
        {license.reason ? ` (${license.reason})` : ''}
      </p>
      <dl class="facts" id="license-facts">
        <div>
          <dt>Limits in force</dt>
          <dd id="license-tier">{license.effective_tier}</dd>
        </div>
        {l && (
          <>
            <div>
              <dt>Customer</dt>
              <dd id="license-customer">{l.customer}</dd>
            </div>
            <div>
              <dt>Tier</dt>
              <dd>{l.tier}</dd>
            </div>
            <div>
              <dt>Valid</dt>
              <dd>
                {formatDate(l.not_before)} to {formatDate(l.expires_at)}
              </dd>
            </div>
            <div>
              <dt>Renewal notice from</dt>
              <dd>{formatDate(l.notify_at)}</dd>
            </div>
            <div>
              <dt>Grace</dt>
              <dd>
                {l.grace_days} days, until {formatDate(l.grace_ends_at)}
              </dd>
            </div>
            <div>
              <dt>License id, sequence</dt>
              <dd>
                {l.license_id}, {l.sequence}
              </dd>
            </div>
            <div>
              <dt>Installed</dt>
              <dd>
                {formatDate(l.installed_at)} ({l.installed_via})
              </dd>
            </div>
          </>
        )}
        <div>
          <dt>This install</dt>
          <dd>
            <code>{license.install_id}</code>
          </dd>
        </div>
      </dl>
    </section>
  );
}

function Entitlements({ license }: { license: License }) {
  return (
    <section class="panel" aria-labelledby="entitlements-title">
      <h2 id="entitlements-title">Entitlements</h2>
      <dl class="facts" id="entitlements">
        {Object.entries(license.entitlements).map(([k, v]) => (
          <div key={k}>
            <dt>{labelOf(k)}</dt>
            <dd>{entitlementValue(k, v)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function UseThisMonth({ license }: { license: License }) {
  const bars = license.usage.map((u) => ({
    label: labelOf(u.entitlement),
    value: u.used ?? 0,
    limit: u.limit,
    text: u.used === null ? 'not metered yet' : `${u.used} of ${u.limit === null ? 'unlimited' : u.limit}${u.limit ? ` (${Math.round((u.used / u.limit) * 100)} %)` : ''}`,
  }));
  return (
    <section class="panel" aria-labelledby="use-title">
      <h2 id="use-title">Use in {license.month}</h2>
      <BarChart bars={bars} title={`This month's use against each limit of the license (${license.month}, UTC)`} id="license-usage" />
    </section>
  );
}

function Install({ onInstalled }: { onInstalled: (l: License) => void }) {
  const [text, setText] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  return (
    <section class="panel" aria-labelledby="install-title">
      <h2 id="install-title">Install a license</h2>
      <form
        id="install-form"
        onSubmit={(e) => {
          e.preventDefault();
          setMessage('');
          setError('');
          if (!text.trim()) return setError('Choose the license file your vendor sent, or paste its text.');
          api.installLicense(text).then(
            (l) => {
              setText('');
              setMessage(`Installed: ${l.license?.customer ?? ''} ${l.license?.tier ?? ''}, valid until ${l.license ? formatDate(l.license.expires_at) : '—'}. It applies at once.`);
              onInstalled(l);
            },
            (err) => setError(`The license was not installed: ${messageOf(err)}`),
          );
        }}
      >
        <div class="field">
          <label for="license-file">License file</label>
          <input id="license-file" type="file" accept=".lic,text/plain" onChange={(e) => void e.currentTarget.files?.[0]?.text().then(setText)} />
        </div>
        <div class="field">
          <label for="license-text">Or paste its text</label>
          <textarea id="license-text" rows={5} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </div>
        <button type="submit" id="install-license">
          Install
        </button>
        <p role="status" id="install-message">
          {message}
        </p>
        <ErrorLine error={error} id="install-error" />
      </form>
    </section>
  );
}

function Renewal() {
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  return (
    <section class="panel" aria-labelledby="renewal-title">
      <h2 id="renewal-title">Renewal</h2>
      <p>A renewal request is a small signed file naming this install, the license in force and this month’s use. Send it to your DevForge vendor; install the license file they send back above.</p>
      <button
        type="button"
        id="renewal-request"
        onClick={() => {
          setMessage('');
          setError('');
          api.renewalRequest().then(
            (name) => setMessage(`Saved ${name}: send it to your vendor.`),
            (err) => setError(messageOf(err)),
          );
        }}
      >
        Make a renewal request
      </button>
      <p role="status" id="renewal-message">
        {message}
      </p>
      <ErrorLine error={error} />
    </section>
  );
}

export function AdminLicenseScreen() {
  const [license, setLicense] = useState<License | undefined>(undefined);
  const [error, setError] = useState('');
  useEffect(() => void api.license().then(setLicense, (err) => setError(messageOf(err))), []);
  return (
    <AdminPage title="License" id="admin-license">
      <ErrorLine error={error} />
      {license ? (
        <>
          <div class="grid">
            <Standing license={license} />
            <UseThisMonth license={license} />
          </div>
          <Entitlements license={license} />
        </>
      ) : (
        !error && <p class="muted">Loading…</p>
      )}
      <div class="grid">
        <Install onInstalled={setLicense} />
        <Renewal />
      </div>
    </AdminPage>
  );
}
