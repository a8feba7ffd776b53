// Export: quality (only what the license allows; the rest shown, disabled, and why), length, style,
// captions, a voice-over and branding, then the render's progress live over Server-Sent Events with an estimate, and the
// download when it is ready. The button is off while a render runs, and every export carries one
// Idempotency-Key, so neither a double click nor a retry queues a duplicate. The parent keys this panel by
// its analysis: a new analysis is a new panel, so the last animation's download link never stays behind.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, files, messageOf, type Voice } from '../api.ts';
import type { Animation, License, Quality } from '../api-types.ts';
import { animationPath } from '../../app-paths.ts';
import { formatSeconds, statusText } from './status.tsx';

export const QUALITY_ORDER: Quality[] = ['720p', '1080p', '4k'];
const QUALITY_LABEL: Record<Quality, string> = { '720p': '720p (HD)', '1080p': '1080p (Full HD)', '4k': '4K (Ultra HD)' };
const TIER_FOR: Record<Quality, string> = { '720p': 'Free', '1080p': 'Professional', '4k': 'Enterprise' };
export const STYLES = [
  ['', "The template's own"],
  ['mathematical', 'Mathematical'],
  ['algorithmic', 'Algorithmic'],
  ['scientific', 'Scientific'],
  ['corporate_training', 'Corporate training'],
] as const;

export function maxQuality(license: License | undefined): Quality {
  const q = license?.entitlements.max_quality;
  return typeof q === 'string' && (QUALITY_ORDER as string[]).includes(q) ? (q as Quality) : '720p';
}

export interface ExportChoices {
  quality: Quality;
  duration?: number;
  style?: string;
  captions: 'burn_in' | 'sidecar';
  branded: boolean;
  voice?: string;
}

interface Job {
  id: string;
  status: Animation['status'];
  progress: number;
  error: string | null;
  estimate?: string;
}

interface Props {
  choices: ExportChoices;
  onChoices: (c: ExportChoices) => void;
  license: License | undefined;
  /** Whether the license draws custom branding and the organisation has some. */
  brandingAvailable: boolean;
  brandingNote: string;
  /** The body of the export, from the current analysis; throws with a message when a param is wrong. */
  request: () => Parameters<typeof api.generate>[0];
  /** Minimum length the scene needs (the preview's), shown as the default. */
  naturalLength: number;
}

const FINISHED = ['completed', 'failed', 'cancelled'];

export function ExportPanel({ choices, onChoices, license, brandingAvailable, brandingNote, request, naturalLength }: Props) {
  const [job, setJob] = useState<Job | undefined>(undefined);
  const [error, setError] = useState('');
  const busy = useRef(false);
  const [submitting, setSubmitting] = useState(false);
  const events = useRef<EventSource | undefined>(undefined);
  const max = maxQuality(license);
  const running = submitting || (job !== undefined && !FINISHED.includes(job.status));
  const [voices, setVoices] = useState<{ voices: Voice[]; unavailable?: string } | undefined>(undefined);

  useEffect(() => {
    api.voices().then(setVoices, () => setVoices({ voices: [], unavailable: 'the voices could not be read' }));
  }, []);

  useEffect(() => () => events.current?.close(), []);

  const follow = (id: string, estimatedCompletion: string | null) => {
    events.current?.close();
    const source = new EventSource(files.events(id));
    events.current = source;
    const estimate = (iso: string | null | undefined) => (iso ? `about ${formatSeconds((Date.parse(iso) - Date.now()) / 1000)} left` : undefined);
    setJob({ id, status: 'queued', progress: 0, error: null, ...(estimatedCompletion ? { estimate: estimate(estimatedCompletion) } : {}) });
    const update = (a: Partial<Animation> & { status: Animation['status'] }) => {
      setJob((prev) => {
        const next: Job = { id, status: a.status, progress: a.progress ?? prev?.progress ?? 0, error: a.error ?? null };
        const e = a.estimated_completion !== undefined ? estimate(a.estimated_completion) : prev?.estimate;
        if (e && !FINISHED.includes(a.status)) next.estimate = e;
        return next;
      });
      if (FINISHED.includes(a.status)) source.close();
    };
    source.addEventListener('status', (e) => update(JSON.parse((e as MessageEvent<string>).data) as Animation));
    source.addEventListener('progress', (e) => update(JSON.parse((e as MessageEvent<string>).data) as Animation));
    source.addEventListener('deleted', () => {
      setJob((prev) => prev && { ...prev, status: 'cancelled', error: 'deleted' });
      source.close();
    });
  };

  const submit = (e: Event) => {
    e.preventDefault();
    // A ref, not state: a second click in the same frame sees it before the re-render disables the button.
    if (busy.current || running) return;
    setError('');
    let body;
    try {
      body = request();
    } catch (err) {
      setError(messageOf(err));
      return;
    }
    busy.current = true;
    setSubmitting(true);
    api
      .generate(body, crypto.randomUUID())
      .then((queued) => follow(queued.id, queued.estimated_completion))
      .catch((err) => setError(messageOf(err)))
      .finally(() => {
        busy.current = false;
        setSubmitting(false);
      });
  };

  const set = (c: Partial<ExportChoices>) => onChoices({ ...choices, ...c });

  return (
    <section class="panel" aria-labelledby="export-title" id="export-panel">
      <h2 id="export-title">Export</h2>
      <form id="export-form" class="export-form" onSubmit={submit}>
        <fieldset class="qualities">
          <legend>Quality</legend>
          {QUALITY_ORDER.map((q) => {
            const allowed = QUALITY_ORDER.indexOf(q) <= QUALITY_ORDER.indexOf(max);
            return (
              <label class={`choice${allowed ? '' : ' unavailable'}`} key={q}>
                <input type="radio" name="quality" value={q} checked={choices.quality === q} disabled={!allowed || running} aria-describedby={allowed ? undefined : `why-${q}`} onChange={() => set({ quality: q })} />
                {QUALITY_LABEL[q]}
                {!allowed && (
                  <span class="why" id={`why-${q}`}>
                    {' '}
                    — needs a {TIER_FOR[q]} license (this one allows up to {max})
                  </span>
                )}
              </label>
            );
          })}
        </fieldset>
        <div class="row">
          <div class="field">
            <label for="duration">Length (seconds)</label>
            <input
              id="duration"
              type="number"
              min={1}
              max={600}
              step={0.5}
              placeholder={`auto (${naturalLength.toFixed(1)})`}
              value={choices.duration ?? ''}
              disabled={running}
              aria-describedby="duration-help"
              onChange={(e) => set({ duration: e.currentTarget.value ? Number(e.currentTarget.value) : undefined })}
            />
            <span class="hint" id="duration-help">
              Empty: as long as the narration needs. Shorter than reading needs is lengthened.
            </span>
          </div>
          <div class="field">
            <label for="style">Style</label>
            <select id="style" value={choices.style ?? ''} disabled={running} onChange={(e) => set({ style: e.currentTarget.value || undefined })}>
              {STYLES.map(([v, label]) => (
                <option value={v} key={v}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div class="field">
          <label for="voice">Voice-over</label>
          <select id="voice" value={choices.voice ?? ''} disabled={running || !voices || voices.voices.length === 0} aria-describedby="voice-help" onChange={(e) => set({ voice: e.currentTarget.value || undefined })}>
            <option value="">Off (no sound)</option>
            {(voices?.voices ?? []).map((v) => (
              <option value={v.name} key={v.name}>
                {v.description} ({v.name})
              </option>
            ))}
          </select>
          <span class="hint" id="voice-help">
            {voices?.unavailable ? `No voice-over on this server: ${voices.unavailable}.` : 'Speaks the narration in the preview and in the MP4; each step lasts as long as its speech.'}
          </span>
        </div>
        <label class="inline">
          <input type="checkbox" id="captions" checked={choices.captions === 'burn_in'} disabled={running} onChange={(e) => set({ captions: e.currentTarget.checked ? 'burn_in' : 'sidecar' })} /> Captions in the picture (a WebVTT file comes
          with every export)
        </label>
        <label class="inline">
          <input type="checkbox" id="branded" checked={brandingAvailable && choices.branded} disabled={!brandingAvailable || running} aria-describedby="branding-note" onChange={(e) => set({ branded: e.currentTarget.checked })} />{' '}
          Organisation branding on the video
        </label>
        <p class="hint" id="branding-note">
          {brandingNote}
        </p>
        <button type="submit" id="export" disabled={running} aria-disabled={running}>
          {running ? 'Rendering…' : 'Export MP4'}
        </button>
      </form>
      {error && (
        <p class="error" id="export-error" role="alert">
          {error}
        </p>
      )}
      {job && (
        <div id="job" data-animation={job.id} data-status={job.status} aria-live="polite">
          <progress id="progress" max={1} value={job.progress} aria-label="Render progress" />{' '}
          <span id="job-status">
            {job.error ? `${statusText(job)}: ${job.error}` : statusText(job)}
            {job.estimate && !FINISHED.includes(job.status) ? ` — ${job.estimate}` : ''}
          </span>
          {job.status === 'completed' && (
            <span class="downloads">
              {' '}
              <a id="download" href={files.video(job.id, true)}>
                Download MP4
              </a>{' '}
              <a href={animationPath(job.id)}>Open</a>
            </span>
          )}
        </div>
      )}
    </section>
  );
}
