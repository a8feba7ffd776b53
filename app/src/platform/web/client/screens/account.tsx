// The account (/account): who I am, my password (local accounts; a single sign-on account changes it at
// the identity provider), my personal API keys (create: the key is shown once; revoke), and my sessions
// (end one, e.g. a lost laptop). A password change ends the other sessions and revokes the keys (the
// server's rule, said here before it happens).
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import type { ApiKey, NewApiKey, Session } from '../api-types.ts';
import { can, useApp } from '../context.ts';
import { formatDate } from '../parts/status.tsx';

function PasswordChange() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  return (
    <form
      id="password-form"
      onSubmit={(e) => {
        e.preventDefault();
        setMessage('');
        setError('');
        if (next !== again) return setError('The two new passwords differ: type the same one twice.');
        api.changePassword(current, next).then(
          () => {
            setCurrent('');
            setNext('');
            setAgain('');
            setMessage('Password changed. Your other sessions have ended and your API keys were revoked.');
          },
          (err) => setError(messageOf(err)),
        );
      }}
    >
      <div class="field">
        <label for="current-password">Current password</label>
        <input id="current-password" type="password" autocomplete="current-password" required value={current} onInput={(e) => setCurrent(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="new-password">New password</label>
        <input id="new-password" type="password" autocomplete="new-password" required minLength={10} aria-describedby="new-password-help" value={next} onInput={(e) => setNext(e.currentTarget.value)} />
        <span class="hint" id="new-password-help">
          At least 10 characters. Changing it signs out your other sessions and revokes your API keys.
        </span>
      </div>
      <div class="field">
        <label for="new-password-again">New password again</label>
        <input id="new-password-again" type="password" autocomplete="new-password" required value={again} onInput={(e) => setAgain(e.currentTarget.value)} />
      </div>
      <button type="submit" id="change-password">
        Change password
      </button>
      <p role="status" id="password-message">
        {message}
      </p>
      {error && (
        <p class="error" role="alert" id="password-error">
          {error}
        </p>
      )}
    </form>
  );
}

function ApiKeys() {
  const { me } = useApp();
  const [keys, setKeys] = useState<ApiKey[] | undefined>(undefined);
  const [name, setName] = useState('');
  const [role, setRole] = useState<ApiKey['role']>(me.role);
  const [made, setMade] = useState<NewApiKey | undefined>(undefined);
  const [error, setError] = useState('');
  const reload = () => void api.apiKeys().then(setKeys, (err) => setError(messageOf(err)));
  useEffect(reload, []);
  const roles = (['viewer', 'editor', 'admin'] as const).slice(0, ['viewer', 'editor', 'admin'].indexOf(me.role) + 1);
  return (
    <>
      {can(me, 'api-key.create') && (
        <form
          class="row"
          id="key-form"
          onSubmit={(e) => {
            e.preventDefault();
            setError('');
            if (!name.trim()) return setError('Give the key a name that says where it is used, e.g. “CI pipeline”.');
            api.createApiKey(name.trim(), role).then(
              (k) => {
                setMade(k);
                setName('');
                reload();
              },
              (err) => setError(messageOf(err)),
            );
          }}
        >
          <div class="field">
            <label for="key-name">Key name</label>
            <input id="key-name" type="text" value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="key-role">Role</label>
            <select id="key-role" value={role} onChange={(e) => setRole(e.currentTarget.value as ApiKey['role'])}>
              {roles.map((r) => (
                <option value={r} key={r}>
                  {r.charAt(0).toUpperCase() + r.slice(1)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" id="create-key">
            Create key
          </button>
        </form>
      )}
      {made && (
        <div class="notice" role="status" id="new-key">
          <p>The key “{made.name}” — copy it now, it is not shown again:</p>
          <code class="secret">{made.key}</code>
        </div>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {keys && keys.length > 0 ? (
        <table id="keys">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Starts with</th>
              <th scope="col">Last used</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id} data-key={k.id}>
                <td>{k.name}</td>
                <td>{k.role}</td>
                <td>
                  <code>{k.prefix}</code>
                </td>
                <td>{k.last_used_at ? formatDate(k.last_used_at) : 'never'}</td>
                <td>{k.revoked_at ? `revoked ${formatDate(k.revoked_at)}` : k.expires_at ? formatDate(k.expires_at) : 'never'}</td>
                <td>
                  {k.active && (
                    <button type="button" class="danger" aria-label={`Revoke ${k.name}`} onClick={() => void api.revokeApiKey(k.id).then(reload, (err) => setError(messageOf(err)))}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">No API keys yet.</p>
      )}
    </>
  );
}

function Sessions() {
  const [sessions, setSessions] = useState<Session[] | undefined>(undefined);
  const [error, setError] = useState('');
  const reload = () => void api.sessions().then(setSessions, (err) => setError(messageOf(err)));
  useEffect(reload, []);
  return (
    <>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <ul class="sessions" id="sessions">
        {(sessions ?? []).map((s) => (
          <li key={s.id}>
            {s.user_agent ?? 'Unknown browser'} from {s.ip ?? 'an unknown address'} — signed in {formatDate(s.created_at)}, last used {formatDate(s.last_seen_at)}
            {s.current ? (
              <strong> (this one)</strong>
            ) : (
              <>
                {' '}
                <button type="button" class="secondary" onClick={() => void api.endSession(s.id).then(reload, (err) => setError(messageOf(err)))}>
                  End
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

export function AccountScreen() {
  const app = useApp();
  const { me } = app;
  useEffect(() => app.setScreenTitle('Account'), [app]);
  return (
    <div class="account">
      <h1>Account</h1>
      <section class="panel" aria-labelledby="profile-title">
        <h2 id="profile-title">Profile</h2>
        <dl class="facts" id="profile">
          <div>
            <dt>Name</dt>
            <dd>{me.user.name || '—'}</dd>
          </div>
          <div>
            <dt>E-mail</dt>
            <dd>{me.user.email}</dd>
          </div>
          <div>
            <dt>Role</dt>
            <dd>{me.role}</dd>
          </div>
          <div>
            <dt>Signed in with</dt>
            <dd>{me.via === 'oidc' ? 'single sign-on' : me.via === 'session' ? 'password' : 'an API key'}</dd>
          </div>
        </dl>
      </section>
      <section class="panel" aria-labelledby="password-title">
        <h2 id="password-title">Password</h2>
        {me.via === 'session' ? <PasswordChange /> : <p>Your password is managed by your organisation’s single sign-on; change it there.</p>}
      </section>
      <section class="panel" aria-labelledby="keys-title">
        <h2 id="keys-title">Personal API keys</h2>
        <ApiKeys />
      </section>
      <section class="panel" aria-labelledby="sessions-title">
        <h2 id="sessions-title">Sessions</h2>
        <Sessions />
      </section>
    </div>
  );
}
