// /admin/users: every account; create a local account; change a role; disable or enable; set a password;
// end an account's browser sessions. What each change does to keys and sessions is said before it happens
// (the server's rule: a new password or disabling revokes the account's API keys and ends its sessions).
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../../api.ts';
import type { User } from '../../api-types.ts';
import { useApp } from '../../context.ts';
import { AdminPage, ErrorLine } from '../../parts/admin.tsx';
import { formatDate } from '../../parts/status.tsx';

const ROLES = ['viewer', 'editor', 'admin'] as const;

function CreateUser({ onCreated }: { onCreated: (u: User) => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<User['role']>('editor');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  return (
    <form
      id="user-form"
      class="row"
      onSubmit={(e) => {
        e.preventDefault();
        setError('');
        if (!email.includes('@')) return setError('Type the person’s e-mail address, e.g. ada@example.com.');
        if (password.length < 10) return setError('The first password needs at least 10 characters; the person changes it on their account page.');
        api.createUser({ email: email.trim(), role, password, ...(name.trim() ? { name: name.trim() } : {}) }).then(
          (u) => {
            setEmail('');
            setName('');
            setPassword('');
            onCreated(u);
          },
          (err) => setError(messageOf(err)),
        );
      }}
    >
      <div class="field">
        <label for="new-user-email">E-mail</label>
        <input id="new-user-email" type="text" inputMode="email" autocomplete="off" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="new-user-name">Name</label>
        <input id="new-user-name" type="text" value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="new-user-role">Role</label>
        <select id="new-user-role" value={role} onChange={(e) => setRole(e.currentTarget.value as User['role'])}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="new-user-password">First password</label>
        <input id="new-user-password" type="password" autocomplete="new-password" aria-describedby="new-user-password-help" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        <span class="hint" id="new-user-password-help">
          At least 10 characters.
        </span>
      </div>
      <button type="submit" id="create-user">
        Create account
      </button>
      <ErrorLine error={error} id="user-form-error" />
    </form>
  );
}

function UserRow({ user, self, onChanged, onMessage }: { user: User; self: boolean; onChanged: (u: User) => void; onMessage: (m: string, error?: boolean) => void }) {
  const [password, setPassword] = useState('');
  const fail = (err: unknown) => onMessage(`${user.email}: ${messageOf(err)}`, true);
  const change = (changes: Parameters<typeof api.updateUser>[1], done: string) =>
    api.updateUser(user.id, changes).then((u) => {
      onChanged(u);
      onMessage(done);
    }, fail);
  return (
    <tr data-user={user.email}>
      <td>
        {user.name || '—'}
        <br />
        <span class="small">{user.email}</span>
      </td>
      <td>
        <label class="sr-only" for={`role-${user.id}`}>
          Role of {user.email}
        </label>
        <select id={`role-${user.id}`} value={user.role} disabled={self} onChange={(e) => void change({ role: e.currentTarget.value as User['role'] }, `${user.email} is now ${e.currentTarget.value}.`)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </td>
      <td>{user.disabled ? <strong>Disabled</strong> : 'Active'}</td>
      <td>{user.last_login_at ? formatDate(user.last_login_at) : 'never'}</td>
      <td class="user-actions">
        {!self && (
          <button
            type="button"
            class={user.disabled ? 'secondary' : 'danger'}
            aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.email}`}
            onClick={() =>
              void change({ disabled: !user.disabled }, user.disabled ? `${user.email} may sign in again (their old keys and sessions stay ended).` : `${user.email} is disabled: their sessions ended and their API keys were revoked.`)
            }
          >
            {user.disabled ? 'Enable' : 'Disable'}
          </button>
        )}{' '}
        <button
          type="button"
          class="secondary"
          aria-label={`End sessions of ${user.email}`}
          onClick={() => void api.endUserSessions(user.id).then((r) => onMessage(`${user.email}: ${r.sessions_ended} session${r.sessions_ended === 1 ? '' : 's'} ended.`), fail)}
        >
          End sessions
        </button>
        <form
          class="inline"
          onSubmit={(e) => {
            e.preventDefault();
            if (password.length < 10) return onMessage(`${user.email}: a new password needs at least 10 characters.`, true);
            void change({ password }, `${user.email} has a new password: their sessions ended and their API keys were revoked.`).then(() => setPassword(''));
          }}
        >
          <label class="sr-only" for={`password-${user.id}`}>
            New password for {user.email}
          </label>
          <input id={`password-${user.id}`} type="password" autocomplete="new-password" placeholder="New password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
          <button type="submit" class="secondary" aria-label={`Set password of ${user.email}`}>
            Set password
          </button>
        </form>
      </td>
    </tr>
  );
}

export function AdminUsersScreen() {
  const { me } = useApp();
  const [users, setUsers] = useState<User[] | undefined>(undefined);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const reload = () => void api.users().then(setUsers, (err) => setError(messageOf(err)));
  useEffect(reload, []);
  const say = (m: string, isError = false) => {
    setMessage(isError ? '' : m);
    setError(isError ? m : '');
  };
  return (
    <AdminPage title="Users" id="admin-users">
      <section class="panel" aria-labelledby="new-user-title">
        <h2 id="new-user-title">New account</h2>
        <CreateUser
          onCreated={(u) => {
            say(`${u.email} can sign in now with the password you chose.`);
            reload();
          }}
        />
      </section>
      <section class="panel" aria-labelledby="users-title">
        <h2 id="users-title">Accounts</h2>
        <p role="status" id="users-message">
          {message}
        </p>
        <ErrorLine error={error} id="users-error" />
        {users === undefined ? (
          <p class="muted">Loading…</p>
        ) : users.length === 0 ? (
          <p class="muted">No accounts yet.</p>
        ) : (
          <table id="users">
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Role</th>
                <th scope="col">State</th>
                <th scope="col">Last sign-in</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <UserRow key={u.id} user={u} self={u.id === me.user.id} onChanged={(nu) => setUsers(users.map((x) => (x.id === nu.id ? nu : x)))} onMessage={say} />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </AdminPage>
  );
}
