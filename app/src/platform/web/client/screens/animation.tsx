// One animation (/animations/:id): it plays in the page (poster, captions track), its files download under
// readable names (the server names them after the description), its facts as a readable list, its
// description and params with "edit → new version" (a new draft from it on Create), sharing, the embed
// snippet, its webhook deliveries and (administrators) its audit trail. While it renders, its status
// follows the event stream.
import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { api, files, messageOf } from '../api.ts';
import type { Animation, AuditEntry, Delivery } from '../api-types.ts';
import { can, useApp } from '../context.ts';
import { formatValue, labelOf, unitOf } from '../labels.ts';
import { Facts } from '../parts/facts.tsx';
import { displayName, Rename } from '../parts/rename.tsx';
import { Sharing } from '../parts/sharing.tsx';
import { formatDate, formatSeconds, Status } from '../parts/status.tsx';

function useLiveAnimation(id: string): [Animation | undefined, string, (a: Animation) => void] {
  const [a, setA] = useState<Animation | undefined>(undefined);
  const [error, setError] = useState('');
  useEffect(() => {
    let source: EventSource | undefined;
    api.animation(id).then(
      (first) => {
        setA(first);
        if (first.status !== 'queued' && first.status !== 'processing') return;
        source = new EventSource(files.events(id));
        source.addEventListener('status', (e) => setA(JSON.parse((e as MessageEvent<string>).data) as Animation));
        source.addEventListener('progress', (e) => {
          const p = JSON.parse((e as MessageEvent<string>).data) as Pick<Animation, 'status' | 'progress'>;
          setA((old) => old && { ...old, ...p });
        });
        source.addEventListener('deleted', () => setError('This animation has been deleted.'));
      },
      (err) => setError(messageOf(err)),
    );
    return () => source?.close();
  }, [id]);
  return [a, error, setA];
}

function Deliveries({ id }: { id: string }) {
  const [list, setList] = useState<Delivery[] | undefined>(undefined);
  useEffect(() => void api.deliveries(id).then(setList, () => setList([])), [id]);
  return (
    <section class="panel" aria-labelledby="deliveries-title" id="deliveries">
      <h2 id="deliveries-title">Webhook deliveries</h2>
      {!list?.length ? (
        <p class="muted">None: no webhook URL was given for this animation.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">To</th>
              <th scope="col">Result</th>
              <th scope="col">Attempts</th>
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {list.map((d) => (
              <tr key={d.id}>
                <td>{d.event}</td>
                <td class="url">{d.url}</td>
                <td>{d.status === 'delivered' ? 'Delivered' : d.status === 'failed' ? `Failed: ${d.last_error ?? ''}` : 'Pending'}</td>
                <td>{d.attempts}</td>
                <td>{formatDate(d.delivered_at ?? d.created_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function AuditTrail({ id }: { id: string }) {
  const [entries, setEntries] = useState<AuditEntry[] | undefined>(undefined);
  useEffect(() => void api.auditOf(id).then(setEntries, () => setEntries([])), [id]);
  return (
    <section class="panel" aria-labelledby="audit-title" id="audit-trail">
      <h2 id="audit-title">Audit trail</h2>
      <ol class="audit">
        {(entries ?? []).map((e) => (
          <li key={e.id}>
            <time dateTime={e.at}>{formatDate(e.at)}</time> — {e.actor_label || e.actor}: {e.action.replace(/\./g, ' ')}
            {typeof e.details.file === 'string' ? ` (${e.details.file})` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function AnimationScreen() {
  const { params } = useRoute();
  const id = params.id!;
  const app = useApp();
  const [a, error, setA] = useLiveAnimation(id);
  useEffect(() => app.setScreenTitle(a ? displayName(a) : 'Animation'), [app, a?.title, a?.description]);

  if (error)
    return (
      <section class="panel">
        <h1>Animation</h1>
        <p class="error" role="alert">
          {error}
        </p>
        <p>
          <a href="/library">Back to the library</a>
        </p>
      </section>
    );
  if (!a) return <p class="loading">Loading…</p>;
  const templateTitle = app.templates?.find((t) => t.id === a.template)?.title ?? a.template;
  const ready = a.status === 'completed';
  const origin = window.location.origin;
  const snippet = `<video controls preload="metadata" poster="${origin}${files.poster(a.id)}" src="${origin}${files.video(a.id)}">\n  <track kind="captions" srclang="en" label="English" src="${origin}${files.captions(a.id)}" default>\n</video>`;

  return (
    <div class="animation-page" data-id={a.id}>
      <h1 id="animation-title">{displayName(a)}</h1>
      {can(app.me, 'animation.rename') && <Rename a={a} onRenamed={setA} />}
      <p class="muted">
        {templateTitle} · <Status animation={a} /> · {a.quality} · {formatSeconds(a.duration)} · created {formatDate(a.created_at)}
      </p>
      <div class="grid">
        <div>
          <section class="panel" aria-labelledby="player-title">
            <h2 id="player-title" class="sr-only">
              Video
            </h2>
            {ready ? (
              <video id="video" controls preload="metadata" poster={files.poster(a.id)} src={files.video(a.id)}>
                <track kind="captions" srcLang="en" label="English" src={files.captions(a.id)} default />
              </video>
            ) : (
              <div class="stage placeholder">
                <p>{a.status === 'failed' ? `The render failed: ${a.error ?? 'no reason given'}` : a.status === 'cancelled' ? 'The render was cancelled.' : 'Rendering — the video appears here when it is ready.'}</p>
                {a.status === 'processing' && <progress max={1} value={a.progress} aria-label="Render progress" />}
              </div>
            )}
            {ready && (
              <p class="downloads" id="downloads">
                <a class="button" href={files.video(a.id, true)} id="download-video">
                  Download MP4
                </a>{' '}
                <a class="button secondary" href={files.poster(a.id, true)} id="download-poster">
                  Poster (PNG)
                </a>{' '}
                <a class="button secondary" href={files.captions(a.id, true)} id="download-captions">
                  Captions (WebVTT)
                </a>
              </p>
            )}
          </section>
          <section class="panel" aria-labelledby="facts-title">
            <h2 id="facts-title">Figures</h2>
            <Facts facts={a.facts} />
          </section>
          <section class="panel" aria-labelledby="params-title">
            <h2 id="params-title">Description and settings</h2>
            <p>{a.description}</p>
            <dl class="facts" id="params">
              {Object.entries(a.params).map(([k, v]) => (
                <div key={k}>
                  <dt>{labelOf(k)}</dt>
                  <dd>{formatValue(v, unitOf(k))}</dd>
                </div>
              ))}
            </dl>
            {can(app.me, 'animation.create') && (
              <a class="button" href={`/?from=${a.id}`} id="edit-new-version">
                Edit → new version
              </a>
            )}
            {a.warnings.length > 0 && (
              <ul class="warnings">
                {a.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <div>
          <Sharing id={a.id} />
          <section class="panel" aria-labelledby="embed-title">
            <h2 id="embed-title">Embed</h2>
            <p class="hint">For an intranet page whose visitors are signed in to this appliance (and can view this animation):</p>
            <label for="embed-snippet" class="sr-only">
              Embed snippet
            </label>
            <textarea id="embed-snippet" readOnly rows={4} value={snippet} onFocus={(e) => e.currentTarget.select()} />
          </section>
          <Deliveries id={a.id} />
          {can(app.me, 'audit.read') && <AuditTrail id={a.id} />}
        </div>
      </div>
    </div>
  );
}
