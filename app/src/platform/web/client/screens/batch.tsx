// /batch: many animations at once. Paste descriptions (one a line) or choose a CSV file (a description
// column; optional quality, duration, style), check them (POST /analyze for each: the analysis in words,
// or, for a line not understood, the suggestions and what is missing, with a field to fix it), then submit
// those understood (POST /animations/batch, one Idempotency-Key per submission) and follow the batch live
// (GET /batches/:id) with a link to each animation. The batch id goes in the URL, so a reload keeps
// following it.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, messageOf } from '../api.ts';
import type { Analysis, Batch, BatchBody, Quality } from '../api-types.ts';

type BatchStyle = BatchBody['animations'][number]['style'];
import { animationPath } from '../../app-paths.ts';
import { linesOfCsv, linesOfText, type BatchLine } from '../batch-lines.ts';
import { useApp } from '../context.ts';
import { summaryOf } from '../labels.ts';
import { ErrorLine } from '../parts/admin.tsx';
import { maxQuality, QUALITY_ORDER } from '../parts/export-panel.tsx';
import { Status } from '../parts/status.tsx';

interface Item {
  line: BatchLine;
  analysis?: Analysis;
  error?: string;
}

const understood = (i: Item) => Boolean(i.analysis?.understood) && !i.error;

function ItemRow({ item, index, onFix }: { item: Item; index: number; onFix: (description: string) => void }) {
  const { templates } = useApp();
  const [text, setText] = useState(item.line.description);
  const a = item.analysis;
  const title = templates?.find((t) => t.id === a?.template)?.title ?? a?.template ?? '';
  return (
    <li class={`batch-item panel ${understood(item) ? '' : 'notice'}`} data-understood={String(understood(item))}>
      <p class="small muted">
        {item.line.where}
        {item.line.quality ? `, ${item.line.quality}` : ''}
        {item.line.duration ? `, ${item.line.duration} s` : ''}
      </p>
      <p>{item.line.description}</p>
      {item.error ? (
        <p class="error">{item.error}</p>
      ) : !a ? (
        <p class="muted">Checking…</p>
      ) : a.understood ? (
        <p class="summary">{summaryOf(title, a.params, a.facts)}</p>
      ) : (
        <div class="not-understood">
          <p>
            <strong>Not understood — left out unless you fix it.</strong> {a.needs?.message ?? ''}
          </p>
          {a.suggestions && a.suggestions.length > 0 && (
            <ul class="suggestions">
              {a.suggestions.map((s) => (
                <li key={s.template}>
                  {s.title}:{' '}
                  <button type="button" class="link" onClick={() => setText(s.example)} aria-label={`Use the example of ${s.title}: ${s.example}`}>
                    {s.example}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form
            class="row"
            onSubmit={(e) => {
              e.preventDefault();
              onFix(text);
            }}
          >
            <div class="field grow">
              <label for={`fix-${index}`}>Description for {item.line.where}</label>
              <input id={`fix-${index}`} type="text" value={text} onInput={(e) => setText(e.currentTarget.value)} />
            </div>
            <button type="submit" class="secondary">
              Check again
            </button>
          </form>
        </div>
      )}
    </li>
  );
}

function Follow({ id }: { id: string }) {
  const [batch, setBatch] = useState<Batch | undefined>(undefined);
  const [error, setError] = useState('');
  const done = batch?.status === 'completed';
  useEffect(() => {
    if (done) return;
    const load = () => api.batch(id).then(setBatch, (err) => setError(messageOf(err)));
    void load();
    const timer = setInterval(() => void load(), 2000);
    return () => clearInterval(timer);
  }, [id, done]);
  return (
    <section class="panel" aria-labelledby="follow-title" id="batch-follow">
      <h2 id="follow-title">The batch</h2>
      <ErrorLine error={error} />
      {batch && (
        <>
          <p role="status" id="batch-status" data-status={batch.status}>
            {batch.status === 'completed' ? 'Every animation has finished' : 'Rendering'}:{' '}
            {Object.entries(batch.counts)
              .filter(([, n]) => n > 0)
              .map(([k, n]) => `${n} ${k}`)
              .join(', ')}
            .
          </p>
          <ul class="sessions" id="batch-animations">
            {batch.animations.map((a) => (
              <li key={a.id} data-id={a.id}>
                <a href={animationPath(a.id)}>{a.description}</a> — <Status animation={a} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function BatchScreen() {
  const app = useApp();
  const { query, route, path } = useLocation();
  useEffect(() => app.setScreenTitle('Batch'), [app]);
  const [text, setText] = useState('');
  const [items, setItems] = useState<Item[]>([]);
  const allowed = QUALITY_ORDER.slice(0, QUALITY_ORDER.indexOf(maxQuality(app.license)) + 1);
  const [quality, setQuality] = useState<Quality>('720p');
  const [length, setLength] = useState('');
  const [error, setError] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const idempotencyKey = useMemo(() => crypto.randomUUID(), [items]);

  const analyse = async (line: BatchLine): Promise<Item> =>
    api.analyze(line.description).then(
      (analysis) => ({ line, analysis }),
      (err) => ({ line, error: messageOf(err) }),
    );
  const check = async (lines: BatchLine[]) => {
    setError('');
    if (!lines.length) return setError('Type or paste at least one description (one a line), or choose a CSV file.');
    if (lines.length > 100) return setError(`A batch holds at most 100 animations; this has ${lines.length}. Split it in two.`);
    setItems(lines.map((line) => ({ line })));
    const done: Item[] = [];
    for (const line of lines) {
      done.push(line.description ? await analyse(line) : { line, error: 'This line is empty: write a description or remove it.' });
      setItems([...done, ...lines.slice(done.length).map((l) => ({ line: l }))]);
    }
  };
  const good = items.filter(understood);
  const checked = items.length > 0 && items.every((i) => i.analysis || i.error);

  if (query.id) {
    return (
      <div class="batch">
        <h1>Batch</h1>
        <Follow id={query.id} />
        <p>
          <a href={path}>Start another batch</a>
        </p>
      </div>
    );
  }
  return (
    <div class="batch">
      <h1>Batch</h1>
      <section class="panel" aria-labelledby="batch-input-title">
        <h2 id="batch-input-title">Descriptions</h2>
        <form
          id="batch-form"
          onSubmit={(e) => {
            e.preventDefault();
            void check(linesOfText(text));
          }}
        >
          <div class="field">
            <label for="batch-lines">One description a line</label>
            <textarea id="batch-lines" rows={6} value={text} onInput={(e) => setText(e.currentTarget.value)} aria-describedby="batch-lines-help" />
            <span class="hint" id="batch-lines-help">
              For example “Demonstrate bubble sort on 5 3 8 1”. At most 100 lines.
            </span>
          </div>
          <div class="field">
            <label for="batch-csv">Or a CSV file</label>
            <input
              id="batch-csv"
              type="file"
              accept=".csv,text/csv"
              aria-describedby="batch-csv-help"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (!file) return;
                void file.text().then((t) => {
                  try {
                    void check(linesOfCsv(t));
                  } catch (err) {
                    setError(messageOf(err));
                  }
                });
              }}
            />
            <span class="hint" id="batch-csv-help">
              A column named description; optional columns quality (720p, 1080p, 4k), duration (seconds) and style.
            </span>
          </div>
          <button type="submit" id="batch-check">
            Check the lines
          </button>
        </form>
        <ErrorLine error={error} id="batch-error" />
      </section>
      {items.length > 0 && (
        <section class="panel" aria-labelledby="batch-items-title">
          <h2 id="batch-items-title">What each line becomes</h2>
          <p role="status" id="batch-summary">
            {checked ? `${good.length} of ${items.length} understood${good.length < items.length ? '; the others are left out unless you fix them' : ''}.` : 'Checking…'}
          </p>
          <ol class="batch-items" id="batch-items">
            {items.map((item, i) => (
              <ItemRow
                key={`${i}:${item.line.description}`}
                item={item}
                index={i}
                onFix={(description) => {
                  const line = { ...item.line, description: description.trim() };
                  void analyse(line).then((fixed) => setItems((now) => now.map((x, j) => (j === i ? fixed : x))));
                }}
              />
            ))}
          </ol>
          <form
            class="row"
            onSubmit={(e) => {
              e.preventDefault();
              setError('');
              if (!good.length) return setError('No line was understood: fix at least one, then submit.');
              const seconds = length.trim() ? Number(length) : undefined;
              if (seconds !== undefined && !(seconds > 0 && seconds <= 600)) return setError('The length is a number of seconds, e.g. 8; leave it empty for each template’s natural length.');
              setSubmitting(true);
              api
                .createBatch(
                  {
                    animations: good.map((g) => ({
                      description: g.line.description,
                      quality: (g.line.quality as Quality | undefined) ?? quality,
                      id: g.line.where,
                      ...(g.line.duration || seconds ? { duration: g.line.duration ?? seconds } : {}),
                      ...(g.line.style ? { style: g.line.style as BatchStyle } : {}),
                    })),
                  },
                  idempotencyKey,
                )
                .then(
                  (b) => route(`${path}?id=${b.batch_id}`),
                  (err) => setError(messageOf(err)),
                )
                .finally(() => setSubmitting(false));
            }}
          >
            <div class="field">
              <label for="batch-quality">Quality</label>
              <select id="batch-quality" value={quality} onChange={(e) => setQuality(e.currentTarget.value as Quality)} aria-describedby="batch-quality-help">
                {allowed.map((q) => (
                  <option key={q} value={q}>
                    {q}
                  </option>
                ))}
              </select>
              <span class="hint" id="batch-quality-help">
                For lines without their own; the license allows up to {allowed[allowed.length - 1]}.
              </span>
            </div>
            <div class="field">
              <label for="batch-length">Length (seconds)</label>
              <input id="batch-length" type="number" min={1} max={600} value={length} onInput={(e) => setLength(e.currentTarget.value)} aria-describedby="batch-length-help" />
              <span class="hint" id="batch-length-help">
                Optional, for lines without their own; empty: each template’s natural length.
              </span>
            </div>
            <button type="submit" id="batch-submit" disabled={!checked || !good.length || submitting}>
              Submit {good.length} animation{good.length === 1 ? '' : 's'}
            </button>
          </form>
        </section>
      )}
    </div>
  );
}
