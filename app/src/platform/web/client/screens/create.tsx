// Create (/): describe → the analysis in plain words (the words it used marked in the description) →
// the template (a searchable gallery) and its params as a form → the live preview with the export's length,
// captions and branding applied → export (editors and admins). A description that was not understood shows
// the closest templates and what is missing, never a silent title card. The draft lives in the URL and in
// localStorage (draft.ts), so a reload comes back to it; ?from=<id> starts from an existing animation
// (duplicate, or edit → new version).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, ApiError, messageOf } from '../api.ts';
import type { Analysis, ScenePreview, Template } from '../api-types.ts';
import { animationBranding } from '../branding.ts';
import { can, useApp } from '../context.ts';
import { clearDraft, loadDraft, saveDraft, type Draft } from '../draft.ts';
import { summaryOf } from '../labels.ts';
import { ExportPanel, maxQuality, QUALITY_ORDER, type ExportChoices } from '../parts/export-panel.tsx';
import { Facts } from '../parts/facts.tsx';
import { Highlighted } from '../parts/highlight.tsx';
import { fieldsOf, ParamsForm, readParams, textOf } from '../parts/params-form.tsx';
import { Preview } from '../parts/preview.tsx';
import { brandScene } from '../../../../scene/brand-palette.ts';
import { TemplateGallery } from '../parts/template-gallery.tsx';
import type { OverlayOptions } from '../../../../player/overlay.ts';

type PreviewBody = Parameters<typeof api.preview>[0];

/** The preview's refusals that mean "say more": the analysis then says what was missing and what would fit. */
function asksForMore(err: unknown): boolean {
  return err instanceof ApiError && /:(not-understood|description-needs-data)$/.test(err.type);
}

function NotUnderstood({ analysis, onExample }: { analysis: Analysis; onExample: (text: string, template: string) => void }) {
  return (
    <section class="panel notice" id="not-understood" role="alert" aria-labelledby="nu-title">
      <h2 id="nu-title">{analysis.needs ? 'Something is missing' : 'Not understood'}</h2>
      {analysis.needs ? <p id="needs">{analysis.needs.message}</p> : <p>DevForge could not tell what to animate from this description. Nothing will be rendered from it as it is: say what to show, for example one of these.</p>}
      {analysis.suggestions && analysis.suggestions.length > 0 && (
        <ul class="suggestions" id="suggestions">
          {analysis.suggestions.map((s) => (
            <li key={s.template}>
              <strong>{s.title}</strong>: “{s.example}”{' '}
              <button type="button" class="secondary" onClick={() => onExample(s.example, s.template)}>
                Use this example
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function CreateScreen() {
  const app = useApp();
  const { me, license, branding, templates } = app;
  const location = useLocation();
  const [draft, setDraft] = useState<Draft>(() => loadDraft(window.location.search));
  const [typed, setTyped] = useState(draft.description);
  const [result, setResult] = useState<ScenePreview | undefined>(undefined);
  /** The preview's voice-over (a blob: URL of its WAV), when the draft has a voice. */
  const [audio, setAudio] = useState<string | undefined>(undefined);
  const [audioError, setAudioError] = useState('');
  const [misread, setMisread] = useState<Analysis | undefined>(undefined);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(false);
  const [round, setRound] = useState(0);
  const [picking, setPicking] = useState(false);
  const asked = useRef(0);
  const canExport = can(me, 'animation.create');

  useEffect(() => app.setScreenTitle('Create'), [app]);

  const template: Template | undefined = templates?.find((t) => t.id === result?.analysis.template);
  const fields = useMemo(() => (template ? fieldsOf(template.params_schema) : []), [template]);

  const run = (next: Draft, body: PreviewBody) => {
    const ticket = ++asked.current;
    setLoading(true);
    setError('');
    api
      .preview(body)
      .then((r) => {
        // An older answer arriving after a newer question is dropped.
        if (ticket !== asked.current) return;
        if (!r.analysis.understood) {
          setResult(undefined);
          setMisread(r.analysis);
          setDraft({ ...next, template: undefined, params: undefined });
          return;
        }
        setMisread(undefined);
        setResult(r);
        setRound((n) => n + 1);
        setAudio(undefined);
        setAudioError('');
        // The same request with its voice: the track belongs to exactly this scene (composition is deterministic).
        if (body.voice)
          api.narration(body).then(
            (wav) => ticket === asked.current && setAudio(URL.createObjectURL(wav)),
            (err) => ticket === asked.current && setAudioError(`The voice-over could not be made: ${messageOf(err)}`),
          );
        const t = templates?.find((x) => x.id === r.analysis.template);
        setTexts(Object.fromEntries((t ? fieldsOf(t.params_schema) : []).map((f) => [f.name, textOf(f, r.analysis.params[f.name])])));
        setDraft({ ...next, template: r.analysis.template, params: r.analysis.params });
      })
      .catch(async (err: unknown) => {
        if (ticket !== asked.current) return;
        if (!asksForMore(err)) return setError(messageOf(err));
        // Never a silent title card: the analysis of the description says what would fit and what is missing.
        const analysis = await api.analyze(body.description).catch(() => undefined);
        if (ticket !== asked.current) return;
        setResult(undefined);
        setDraft({ ...next, template: undefined, params: undefined });
        if (analysis) setMisread(analysis);
        else setError(messageOf(err));
      })
      .finally(() => ticket === asked.current && setLoading(false));
  };

  const bodyFor = (d: Draft, explicit: boolean): PreviewBody => ({
    description: d.description,
    ...(explicit && d.template ? { template: d.template, ...(d.params ? { params: d.params } : {}) } : {}),
    ...(d.duration ? { duration: d.duration } : {}),
    ...(d.style ? { style: d.style } : {}),
    ...(d.voice ? { voice: d.voice } : {}),
    captions: d.captions,
  });

  // First view: a draft from the URL or storage is analysed again; ?from=<id> starts from that animation.
  useEffect(() => {
    if (!templates) return;
    const from = new URLSearchParams(window.location.search).get('from');
    if (from) {
      api
        .animation(from)
        .then((a) => {
          const d: Draft = { description: a.description, template: a.template, params: a.params, quality: a.quality, captions: 'burn_in', branded: true, ...(a.style ? { style: a.style } : {}) };
          setTyped(a.description);
          run(d, bodyFor(d, true));
        })
        .catch((err) => setError(`That animation could not be opened: ${messageOf(err)}`));
    } else if (draft.description) run(draft, bodyFor(draft, Boolean(draft.template)));
    // Once, when the catalogue is there.
  }, [templates]);

  // A replaced track's blob is let go.
  useEffect(() => () => audio && URL.revokeObjectURL(audio), [audio]);

  useEffect(() => {
    if (location.path === '/') saveDraft(draft);
  }, [draft, location.path]);

  const analyse = (e: Event) => {
    e.preventDefault();
    const d: Draft = { ...draft, description: typed.trim(), template: undefined, params: undefined };
    if (!d.description) {
      setError('Describe what to animate, for example “Demonstrate bubble sort on 5 3 8 1”.');
      return;
    }
    run(d, bodyFor(d, false));
  };

  const chooseTemplate = (t: Template) => {
    setPicking(false);
    const d: Draft = { ...draft, template: t.id, params: t.defaults };
    run(d, bodyFor(d, true));
  };

  const commitParams = (name: string, text: string) => {
    if (!result) return;
    const now = { ...texts, [name]: text };
    setTexts(now);
    let params;
    try {
      params = readParams(fields, now);
    } catch (err) {
      setError(messageOf(err));
      return;
    }
    const d: Draft = { ...draft, params };
    run(d, bodyFor(d, true));
  };

  const choices: ExportChoices = {
    quality: draft.quality && QUALITY_ORDER.indexOf(draft.quality) <= QUALITY_ORDER.indexOf(maxQuality(license)) ? draft.quality : maxQuality(license),
    captions: draft.captions,
    branded: draft.branded,
    ...(draft.duration ? { duration: draft.duration } : {}),
    ...(draft.style ? { style: draft.style } : {}),
    ...(draft.voice ? { voice: draft.voice } : {}),
  };
  const setChoices = (c: ExportChoices) => {
    const d: Draft = { ...draft, quality: c.quality, duration: c.duration, style: c.style, captions: c.captions, branded: c.branded, voice: c.voice };
    // Each of these changes the scene (a voice paces every step for its speech): the preview is made again.
    const rerun = c.duration !== draft.duration || c.style !== draft.style || c.captions !== draft.captions || c.voice !== draft.voice;
    if (rerun && result?.analysis.understood) run(d, bodyFor(d, true));
    else setDraft(d);
  };

  const brand = animationBranding(branding);
  const licensed = license?.entitlements.custom_branding === true;
  const brandingAvailable = Boolean(brand && licensed);
  const brandingNote = !brand ? 'No organisation branding is set up.' : licensed ? `${branding.productName}'s logo and colours are drawn on the video.` : 'Custom branding on videos is not included in this license (Enterprise).';
  const watermark = typeof license?.entitlements.watermark === 'string' ? license.entitlements.watermark : branding.watermark;
  const overlay = useMemo<OverlayOptions>(
    () => ({
      ...(watermark ? { watermark: { text: watermark } } : {}),
      ...(brandingAvailable && draft.branded && brand ? { branding: { ...(brand.logo ? { logo: brand.logo } : {}), colors: brand.colors, ...(brand.product_name ? { productName: brand.product_name } : {}) } } : {}),
    }),
    // The overlay object is rebuilt only when what it draws changes (a new object rebuilds the player).
    [watermark, brandingAvailable, draft.branded, branding],
  );

  // The export draws the brand's colour into the scene (server side, scene/brand-palette.ts): so does the preview.
  const branded = brandingAvailable && draft.branded && brand ? brand.colors : undefined;
  const previewScene = useMemo(() => result && brandScene(result.scene, branded), [result, branded?.primary]);
  const understood = result?.analysis.understood === true;
  const summary = result && template ? summaryOf(template.title, result.analysis.params, result.analysis.facts) : '';

  const exportBody = () => {
    if (!result || !draft.template) throw new Error('Analyse a description first.');
    const params = readParams(fields, texts);
    const custom = { ...(brandingAvailable && draft.branded && brand ? brand : {}), ...(branding.watermark ? { watermark: branding.watermark } : {}) };
    return {
      description: draft.description,
      template: draft.template,
      params,
      quality: choices.quality,
      captions: draft.captions,
      ...(draft.duration ? { duration: draft.duration } : {}),
      ...(draft.style ? { style: draft.style as 'mathematical' } : {}),
      ...(draft.voice ? { voice: draft.voice } : {}),
      ...(Object.keys(custom).length ? { custom_branding: custom } : {}),
    };
  };

  return (
    <div class="create">
      <h1 class="sr-only">Create an animation</h1>
      <section class="panel" aria-labelledby="describe-title">
        <h2 id="describe-title">Describe</h2>
        <form id="describe-form" onSubmit={analyse}>
          <label for="description" class="sr-only">
            Description
          </label>
          <textarea id="description" rows={3} placeholder="Demonstrate bubble sort on 5 3 8 1" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} aria-describedby="description-help" />
          <p class="hint" id="description-help">
            Say what to show and give its data: numbers, a formula, a molecule, steps.
          </p>
          <div class="row">
            <button type="submit" id="analyse" disabled={loading}>
              {loading ? 'Analysing…' : 'Analyse'}
            </button>
            {draft.description && (
              <button
                type="button"
                class="secondary"
                id="new-draft"
                onClick={() => {
                  clearDraft();
                  setTyped('');
                  setResult(undefined);
                  setMisread(undefined);
                  setDraft({ description: '', captions: 'burn_in', branded: true });
                }}
              >
                Start over
              </button>
            )}
          </div>
        </form>
        {error && (
          <p class="error" id="describe-error" role="alert">
            {error}
          </p>
        )}
        {result && understood && (
          <div id="analysis">
            <p class="summary" id="summary">
              {summary}
            </p>
            <Highlighted text={draft.description} words={result.analysis.matched} />
            {result.analysis.warnings.length > 0 && (
              <ul class="warnings" id="warnings">
                {result.analysis.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </section>

      {misread && <NotUnderstood analysis={misread} onExample={(text, t) => (setTyped(text), run({ ...draft, description: text, template: t }, bodyFor({ ...draft, description: text }, false)))} />}

      {result && understood && template && (
        <div class="grid">
          <div>
            <section class="panel" aria-labelledby="template-title">
              <h2 id="template-title">
                Template: <span id="template-name">{template.title}</span>
              </h2>
              <p class="muted small">
                Picked with {Math.round(result.analysis.confidence * 100)} % confidence.{' '}
                <button type="button" class="link" id="change-template" aria-expanded={picking} onClick={() => setPicking(!picking)}>
                  {picking ? 'Close the gallery' : 'Choose another template'}
                </button>
              </p>
              {picking && templates && <TemplateGallery id="template-picker" templates={templates} chosen={template.id} onChoose={chooseTemplate} />}
              <h3>Settings</h3>
              <ParamsForm fields={fields} texts={texts} onInput={(name, text) => setTexts((t) => ({ ...t, [name]: text }))} onCommit={commitParams} />
              <h3>Figures</h3>
              <Facts facts={result.analysis.facts} />
            </section>
          </div>
          <div>
            <section class="panel" aria-labelledby="preview-title">
              <h2 id="preview-title">Preview</h2>
              <Preview scene={previewScene ?? result.scene} math={result.assets.math} overlay={overlay} label={summary} audio={audio} />
              {draft.voice && !audio && !audioError && (
                <p class="muted small" id="voice-status">
                  Making the voice-over…
                </p>
              )}
              {audioError && (
                <p class="error" role="alert">
                  {audioError}
                </p>
              )}
            </section>
            {canExport && <ExportPanel key={round} choices={choices} onChoices={setChoices} license={license} brandingAvailable={brandingAvailable} brandingNote={brandingNote} request={exportBody} naturalLength={result.scene.duration} />}
          </div>
        </div>
      )}
    </div>
  );
}
