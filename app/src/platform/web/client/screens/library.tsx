// The library (/library): my animations and those shared with me, as cards with the poster, the
// description, template, status, quality, length and date; search, filters (whose, status, template) and
// paging. Live: while any card on the page is queued or rendering, the page is read again every few
// seconds, so a status changes without a click. Per card: open, rename, duplicate (a new draft from it),
// re-render, cancel, delete, each only where the role allows it.
import { useEffect, useState } from 'preact/hooks';
import { api, files, messageOf } from '../api.ts';
import type { Animation, AnimationList, ListQuery } from '../api-types.ts';
import { animationPath } from '../../app-paths.ts';
import { can, useApp } from '../context.ts';
import { displayName, Rename } from '../parts/rename.tsx';
import { formatDate, formatSeconds, Status } from '../parts/status.tsx';

const PAGE = 12;
const LIVE_MS = 3000;
const IDLE_MS = 5000;
const OWNERS = [
  ['me-or-shared', 'Mine and shared with me'],
  ['me', 'Mine'],
  ['shared', 'Shared with me'],
] as const;
const STATUSES = ['', 'queued', 'processing', 'completed', 'failed', 'cancelled'] as const;

function Card({ a, templateTitle, onChanged, onError }: { a: Animation; templateTitle: string; onChanged: () => void; onError: (m: string) => void }) {
  const { me } = useApp();
  const act = (p: Promise<unknown>) => void p.then(onChanged, (err) => onError(messageOf(err)));
  const finished = a.status === 'completed' || a.status === 'failed' || a.status === 'cancelled';
  return (
    <li class="card animation-card" data-id={a.id} data-status={a.status}>
      <a href={animationPath(a.id)} class="poster-link" tabIndex={-1} aria-hidden="true">
        {a.status === 'completed' ? <img src={files.poster(a.id)} alt="" loading="lazy" width={320} height={180} /> : <span class="poster-placeholder" />}
      </a>
      <div class="card-body">
        <h3 class="card-title">
          <a href={animationPath(a.id)} class="desc">
            {displayName(a)}
          </a>
        </h3>
        {a.title && <p class="muted small card-description">{a.description}</p>}
        <p class="small">
          {templateTitle} · <Status animation={a} />
        </p>
        <p class="muted small">
          {a.quality} · {formatSeconds(a.duration)} · {formatDate(a.created_at)}
        </p>
        <div class="actions">
          {can(me, 'animation.rename') && <Rename a={a} onRenamed={onChanged} />}
          {can(me, 'animation.create') && (
            <a class="button secondary" href={`/?from=${a.id}`} aria-label={`Duplicate: ${a.description}`}>
              Duplicate
            </a>
          )}
          {finished && can(me, 'animation.rerender') && (
            <button type="button" class="secondary" onClick={() => act(api.rerender(a.id))} aria-label={`Re-render: ${a.description}`}>
              Re-render
            </button>
          )}
          {!finished && can(me, 'animation.cancel') && (
            <button type="button" class="secondary" onClick={() => act(api.cancel(a.id))} aria-label={`Cancel: ${a.description}`}>
              Cancel
            </button>
          )}
          {can(me, 'animation.delete') && (
            <button type="button" class="danger" onClick={() => window.confirm(`Delete “${a.description}” and its files? This cannot be undone.`) && act(api.deleteAnimation(a.id))} aria-label={`Delete: ${a.description}`}>
              Delete
            </button>
          )}
        </div>
      </div>
    </li>
  );
}

export function LibraryScreen() {
  const app = useApp();
  const [filters, setFilters] = useState<ListQuery>({ owner: 'me-or-shared' });
  const [typed, setTyped] = useState('');
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState<AnimationList | undefined>(undefined);
  const [error, setError] = useState('');
  const [tick, setTick] = useState(0);
  const cursor = cursors[cursors.length - 1];

  useEffect(() => app.setScreenTitle('Library'), [app]);

  useEffect(() => {
    let live = true;
    api.animations({ ...filters, limit: PAGE, ...(cursor ? { cursor } : {}) }).then(
      (p) => live && (setPage(p), setError('')),
      (err) => live && setError(messageOf(err)),
    );
    return () => {
      live = false;
    };
  }, [filters, cursor, tick]);

  // Live: read again every few seconds (faster while something on the page renders), so new animations
  // and status changes show without a click.
  const unfinished = page?.animations.some((a) => a.status === 'queued' || a.status === 'processing');
  useEffect(() => {
    const timer = setTimeout(() => setTick((t) => t + 1), unfinished ? LIVE_MS : IDLE_MS);
    return () => clearTimeout(timer);
  }, [unfinished, page]);

  const filter = (f: Partial<ListQuery>) => {
    setCursors([undefined]);
    setFilters((old) => ({ ...old, ...f }));
  };
  const title = (id: string) => app.templates?.find((t) => t.id === id)?.title ?? id;

  return (
    <section aria-labelledby="library-title">
      <h1 id="library-title">Library</h1>
      <form
        class="filters row"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          filter({ q: typed.trim() || undefined });
        }}
      >
        <div class="field">
          <label for="library-q">Search titles and descriptions</label>
          <input id="library-q" type="search" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
        </div>
        <button type="submit">Search</button>
        <div class="field">
          <label for="library-owner">Whose</label>
          <select id="library-owner" value={filters.owner} onChange={(e) => filter({ owner: e.currentTarget.value as ListQuery['owner'] })}>
            {OWNERS.map(([v, l]) => (
              <option value={v} key={v}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="library-status">Status</label>
          <select id="library-status" value={filters.status ?? ''} onChange={(e) => filter({ status: (e.currentTarget.value || undefined) as ListQuery['status'] })}>
            {STATUSES.map((s) => (
              <option value={s} key={s}>
                {s ? s.charAt(0).toUpperCase() + s.slice(1) : 'Any'}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="library-template">Template</label>
          <select id="library-template" value={filters.template ?? ''} onChange={(e) => filter({ template: e.currentTarget.value || undefined })}>
            <option value="">Any</option>
            {(app.templates ?? []).map((t) => (
              <option value={t.id} key={t.id}>
                {t.title}
              </option>
            ))}
          </select>
        </div>
      </form>
      {error && (
        <p class="error" role="alert" id="library-error">
          {error}
        </p>
      )}
      {page && page.animations.length === 0 && <p id="library-empty">Nothing here yet{filters.q || filters.status || filters.template ? ' with these filters' : ''}.</p>}
      <ul class="cards" id="animations">
        {page?.animations.map((a) => (
          <Card key={a.id} a={a} templateTitle={title(a.template)} onChanged={() => setTick((t) => t + 1)} onError={setError} />
        ))}
      </ul>
      <nav class="pager row" aria-label="Pages">
        <button type="button" class="secondary" disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          Previous page
        </button>
        <span class="muted">Page {cursors.length}</span>
        <button type="button" class="secondary" id="next-page" disabled={!page?.next_cursor} onClick={() => page?.next_cursor && setCursors((c) => [...c, page.next_cursor!])}>
          Next page
        </button>
      </nav>
    </section>
  );
}
