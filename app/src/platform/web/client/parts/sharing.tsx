// Sharing one animation (owner and admins): with a user (e-mail) or an IdP group, read or write; and the
// organisation-wide "anyone signed in can view it" switch. A sharee is told who manages the shares instead.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, messageOf } from '../api.ts';
import type { Shares } from '../api-types.ts';

export function Sharing({ id }: { id: string }) {
  const [shares, setShares] = useState<Shares | undefined>(undefined);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [kind, setKind] = useState<'user' | 'group'>('user');
  const [who, setWho] = useState('');
  const [access, setAccess] = useState<'read' | 'write'>('read');

  useEffect(() => {
    api.shares(id).then(setShares, (err) => setNote(err instanceof ApiError && err.status === 403 ? 'Only its owner or an administrator manages who it is shared with.' : messageOf(err)));
  }, [id]);

  const act = (p: Promise<unknown>) =>
    p.then(
      () => api.shares(id).then(setShares),
      (err) => setError(messageOf(err)),
    );

  return (
    <section class="panel" aria-labelledby="sharing-title" id="sharing">
      <h2 id="sharing-title">Sharing</h2>
      {note && <p class="muted">{note}</p>}
      {shares && (
        <>
          <label class="inline">
            <input type="checkbox" id="org-visible" checked={shares.org_visible} onChange={(e) => void act(api.setOrgVisible(id, e.currentTarget.checked))} /> Anyone in the organisation who is signed in can view it
          </label>
          {shares.shares.length ? (
            <ul class="shares" id="share-list">
              {shares.shares.map((s) => {
                const name = s.kind === 'user' ? `${s.user.name || s.user.email} (${s.user.email})` : `group ${s.group}`;
                return (
                  <li key={name}>
                    {name} — {s.access === 'write' ? 'can view and re-render' : 'can view'}{' '}
                    <button type="button" class="secondary" onClick={() => void act(api.unshare(id, s.kind === 'user' ? { user: s.user.email } : { group: s.group }))}>
                      Remove<span class="sr-only"> {name}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          ) : (
            <p class="muted">Not shared with anyone in particular.</p>
          )}
          <form
            class="row"
            id="share-form"
            onSubmit={(e) => {
              e.preventDefault();
              setError('');
              if (!who.trim()) return setError(kind === 'user' ? 'Enter the e-mail address of a DevForge account.' : 'Enter the name of a group.');
              void act(api.share(id, kind === 'user' ? { user: who.trim() } : { group: who.trim() }, access)).then(() => setWho(''));
            }}
          >
            <div class="field">
              <label for="share-kind">Share with</label>
              <select id="share-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as 'user' | 'group')}>
                <option value="user">A person</option>
                <option value="group">A group</option>
              </select>
            </div>
            <div class="field">
              <label for="share-who">{kind === 'user' ? 'E-mail' : 'Group name'}</label>
              <input id="share-who" type="text" value={who} onInput={(e) => setWho(e.currentTarget.value)} />
            </div>
            <div class="field">
              <label for="share-access">Access</label>
              <select id="share-access" value={access} onChange={(e) => setAccess(e.currentTarget.value as 'read' | 'write')}>
                <option value="read">Can view</option>
                <option value="write">Can view and re-render</option>
              </select>
            </div>
            <button type="submit" id="share-submit">
              Share
            </button>
          </form>
        </>
      )}
      {error && (
        <p class="error" role="alert" id="share-error">
          {error}
        </p>
      )}
    </section>
  );
}
