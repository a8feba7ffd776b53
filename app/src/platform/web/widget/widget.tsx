// The widget itself: describe → analysis in plain words → template (within the page's categories) →
// create (progress live) → the rendered animation played here and its download link. Each part is drawn
// only when its feature switch is on; every failure is shown in words (role=alert) and, before the widget
// is ready, reported through onReady. The appliance's answers are its own words (client.ts).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Analysis, Animation, Template } from '../client/api-types.ts';
import { WidgetApi, type Download } from './client.ts';
import type { CreatedEvent, ExportedEvent, ReadyEvent, Settings } from './options.ts';

export interface Events {
  ready(e: ReadyEvent): void;
  created(e: CreatedEvent): void;
  exported(e: ExportedEvent): void;
  /** Blob URLs to revoke on destroy(). */
  keep(url: string): void;
  /** Aborted on destroy(). */
  signal: AbortSignal;
}

interface Job {
  id: string;
  status: Animation['status'];
  progress: number;
  error: string | null;
}

const FINISHED = ['completed', 'failed', 'cancelled'];
const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function Widget({ settings, base, events }: { settings: Settings; base: string; events: Events }) {
  const api = useMemo(() => new WidgetApi(base, settings.apiKey), [base, settings.apiKey]);
  const f = settings.features;
  const [phase, setPhase] = useState<'connecting' | 'ready' | 'failed'>(settings.problem ? 'failed' : 'connecting');
  const [fatal, setFatal] = useState(settings.problem ?? '');
  const [templates, setTemplates] = useState<Template[]>([]);
  const [description, setDescription] = useState('');
  const [analysis, setAnalysis] = useState<Analysis | undefined>(undefined);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [job, setJob] = useState<Job | undefined>(undefined);
  const [video, setVideo] = useState<Download | undefined>(undefined);
  const [poster, setPoster] = useState<string | undefined>(undefined);
  const creating = useRef(false);

  useEffect(() => {
    if (settings.problem) {
      events.ready({ ok: false, error: settings.problem });
      return;
    }
    api.templates().then(
      (all) => {
        const offered = settings.categories ? all.filter((t) => settings.categories!.includes(t.category)) : all.filter((t) => t.category !== 'fallback');
        if (!offered.length) {
          const names = [...new Set(all.map((t) => t.category))].join(', ');
          const message = `none of the categories ${JSON.stringify(settings.categories)} has a template: choose from ${names}`;
          setFatal(message);
          setPhase('failed');
          events.ready({ ok: false, error: message });
          return;
        }
        setTemplates(offered);
        setChosen(offered[0]!.id);
        setPhase('ready');
        events.ready({ ok: true, templates: offered.length });
      },
      (err: unknown) => {
        if (events.signal.aborted) return;
        setFatal(messageOf(err));
        setPhase('failed');
        events.ready({ ok: false, error: messageOf(err) });
      },
    );
  }, []);

  const byId = (id: string) => templates.find((t) => t.id === id);
  const template = byId(chosen);
  const text = f.textInput ? description : (template?.example ?? '');
  // The analysis's own template, when this page offers it; else the one chosen (or the first offered).
  const offeredAnalysis = analysis && byId(analysis.template) ? analysis.template : undefined;

  const analyse = async (e?: Event) => {
    e?.preventDefault();
    setError('');
    setAnalysis(undefined);
    setJob(undefined);
    setVideo(undefined);
    setPoster(undefined);
    if (!text.trim()) {
      setError('Describe what to animate first, for example: bubble sort 5 3 8 1');
      return;
    }
    setBusy(true);
    try {
      const hints = templates.length <= 20 ? templates.map((t) => t.id) : [];
      const a = await api.analyze(text, settings.categories ? hints : [], f.textInput ? undefined : chosen);
      setAnalysis(a);
      if (byId(a.template)) setChosen(a.template);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const follow = async (id: string) => {
    // The stream may drop (a proxy, a restart): re-read the animation and listen again until it has finished.
    for (let attempt = 0; attempt < 100 && !events.signal.aborted; attempt++) {
      let last: Job | undefined;
      try {
        const a = await api.animation(id);
        last = { id, status: a.status, progress: a.progress, error: a.error };
        setJob(last);
        if (!FINISHED.includes(a.status)) {
          await api.events(
            id,
            (event, data) => {
              const d = data as Partial<Animation>;
              if (event === 'deleted') last = { id, status: 'cancelled', progress: 0, error: 'the animation was deleted' };
              else if (d.status) last = { id, status: d.status, progress: d.progress ?? last?.progress ?? 0, error: d.error ?? null };
              setJob(last);
            },
            events.signal,
          );
        }
      } catch (err) {
        if (events.signal.aborted) return undefined;
        setError(messageOf(err));
      }
      if (last && FINISHED.includes(last.status)) return last;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    return undefined;
  };

  const create = async () => {
    if (creating.current) return;
    creating.current = true;
    setError('');
    setVideo(undefined);
    setPoster(undefined);
    try {
      const pick = offeredAnalysis && (!f.templates || chosen === offeredAnalysis) ? {} : { template: chosen };
      const queued = await api.generate({ description: text, captions: 'burn_in', ...pick, ...(settings.duration ? { duration: settings.duration } : {}) }, crypto.randomUUID());
      setJob({ id: queued.id, status: 'queued', progress: 0, error: null });
      events.created({ id: queued.id });
      const done = await follow(queued.id);
      if (done?.status !== 'completed') {
        if (done) setError(done.error ? `The animation could not be made: ${done.error}` : `The animation was ${done.status}.`);
        return;
      }
      const file = await api.file(queued.id, 'video');
      events.keep(file.url);
      if (f.preview) {
        const p = await api.file(queued.id, 'poster').catch(() => undefined);
        if (p) {
          events.keep(p.url);
          setPoster(p.url);
        }
      }
      setVideo(file);
      events.exported({ id: queued.id, downloadUrl: file.url, fileName: file.fileName });
    } catch (err) {
      if (!events.signal.aborted) setError(messageOf(err));
    } finally {
      creating.current = false;
    }
  };

  const running = job !== undefined && !FINISHED.includes(job.status);
  const canCreate = (f.export || f.preview) && analysis !== undefined && analysis.understood && (offeredAnalysis !== undefined || (f.templates && !!chosen)) && !running && !busy;

  return (
    <div class="devforge" data-phase={phase}>
      <header>
        {settings.logo && <img src={settings.logo} alt="" />}
        <h2>Create an animation</h2>
      </header>
      {phase === 'connecting' && (
        <p class="note" role="status">
          Connecting to DevForge…
        </p>
      )}
      {phase === 'failed' && (
        <p class="error" role="alert" id="widget-error">
          {fatal}
        </p>
      )}
      {phase === 'ready' && (
        <>
          <form onSubmit={(e) => void analyse(e)}>
            {f.textInput ? (
              <>
                <label for="df-description">Describe what to animate</label>
                <textarea id="df-description" value={description} placeholder={templates[0]?.example} aria-describedby="df-description-help" onInput={(e) => setDescription(e.currentTarget.value)} />
                <p class="note" id="df-description-help">
                  For example: {templates[0]?.example}
                </p>
              </>
            ) : (
              <p class="summary">Example: {text}</p>
            )}
            {f.templates && (
              <>
                <label for="df-template">Template</label>
                <select id="df-template" value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
                  {templates.map((t) => (
                    <option value={t.id} key={t.id}>
                      {t.title} ({t.category})
                    </option>
                  ))}
                </select>
              </>
            )}
            <button type="submit" id="df-analyse" disabled={busy || running}>
              {busy ? 'Analysing…' : 'Analyse'}
            </button>
          </form>
          {analysis && (
            <section aria-labelledby="df-analysis-title" id="df-analysis">
              <h3 id="df-analysis-title">Analysis</h3>
              {analysis.understood ? (
                <p class="summary">
                  {byId(analysis.template)?.title ?? analysis.template}
                  {Object.keys(analysis.facts).length
                    ? ` — ${Object.entries(analysis.facts)
                        .filter(([, v]) => typeof v === 'number' || typeof v === 'string')
                        .slice(0, 4)
                        .map(([k, v]) => `${k.replace(/_/g, ' ')}: ${String(v)}`)
                        .join(', ')}`
                    : ''}
                </p>
              ) : (
                <p class="error" role="alert">
                  {analysis.needs?.message ??
                    `This was not understood. Try one of: ${
                      (analysis.suggestions ?? [])
                        .filter((s) => byId(s.template))
                        .map((s) => s.example)
                        .slice(0, 3)
                        .join(' · ') || templates[0]?.example
                    }`}
                </p>
              )}
              {analysis.understood && !offeredAnalysis && (
                <p class="note" role="status">
                  This reads as {analysis.template}, which this page does not offer{f.templates ? ': the template chosen above is used instead.' : '.'}
                </p>
              )}
            </section>
          )}
          {(f.export || f.preview) && analysis?.understood && (
            <section aria-labelledby="df-create-title">
              <h3 id="df-create-title">{f.export ? 'Export' : 'Preview'}</h3>
              <button type="button" id="df-create" disabled={!canCreate} onClick={() => void create()}>
                {running ? 'Creating…' : f.export ? 'Create video' : 'Create preview'}
              </button>
              {job && (
                <div id="df-job" data-animation={job.id} data-status={job.status}>
                  <label for="df-progress">Progress</label>
                  <progress id="df-progress" max={100} value={Math.round(job.progress * 100)} aria-valuetext={`${job.status}, ${Math.round(job.progress * 100)} percent`} />
                  <p class="note" role="status">
                    {job.status === 'completed' ? 'Ready.' : job.status === 'processing' ? `Rendering… ${Math.round(job.progress * 100)}%` : job.status === 'queued' ? 'Queued…' : `The animation was ${job.status}.`}
                  </p>
                </div>
              )}
            </section>
          )}
          {video && f.preview && <video id="df-video" controls src={video.url} poster={poster} aria-label={`The animation: ${text}`} />}
          {video && f.export && (
            <a class="button" id="df-download" href={video.url} download={video.fileName}>
              Download {video.fileName}
            </a>
          )}
          {error && (
            <p class="error" role="alert" id="df-error">
              {error}
            </p>
          )}
        </>
      )}
    </div>
  );
}
