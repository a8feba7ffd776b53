// One operation of the API reference, drawn from the live OpenAPI document: what it does, who may call it,
// its parameters, its body's fields and its answers; and "Try it", a form that sends the request to this
// appliance with the sandbox key (api.ts tryRequest: never the session cookie) and shows the status, the
// headers and the body that came back, an error's problem+json included.
import { useState } from 'preact/hooks';
import { tryRequest, messageOf, type TryItResponse } from '../api.ts';
import { exampleOf, notesOf, requestUrl, typeOf, type JsonSchema, type Operation } from '../openapi.ts';

function FieldsTable({ schema, caption }: { schema: JsonSchema; caption: string }) {
  if (!schema.properties) return <pre class="schema">{JSON.stringify(schema, null, 2)}</pre>;
  return (
    <table class="fields">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Type</th>
          <th scope="col">Required</th>
          <th scope="col">Notes</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(schema.properties).map(([name, p]) => (
          <tr key={name}>
            <td>
              <code>{name}</code>
            </td>
            <td>
              <code>{typeOf(p)}</code>
            </td>
            <td>{(schema.required ?? []).includes(name) ? 'yes' : 'no'}</td>
            <td>{notesOf(p)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function who(op: Operation): string {
  if (op.role === 'public') return 'No authentication needed.';
  const scope = op['x-devforge-api-key-scope'];
  return `Needs the ${op.role} role or stronger${scope ? `; an API key needs the ${scope} scope` : ''}.`;
}

function Response({ res, id }: { res: TryItResponse; id: string }) {
  return (
    <div class="try-response" id={`${id}-response`}>
      <h4>Response</h4>
      <p class={`try-status ${res.status < 400 ? 'ok' : 'failed'}`} id={`${id}-status`}>
        {res.status} {res.statusText}
      </p>
      <details>
        <summary>Headers ({res.headers.length})</summary>
        <table class="headers">
          <tbody>
            {res.headers.map(([name, value]) => (
              <tr key={name}>
                <th scope="row">
                  <code>{name}</code>
                </th>
                <td>
                  <code>{value}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <pre tabIndex={0} class="try-body" id={`${id}-body`} aria-label={`Response body (${res.contentType || 'no content type'})`}>
        <code>{res.body || '(empty body)'}</code>
      </pre>
    </div>
  );
}

function TryIt({ op, apiKey, usable }: { op: Operation; apiKey: string; usable: boolean }) {
  const id = `try-${op.operationId}`;
  const params = (op.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query');
  const [values, setValues] = useState<Record<string, string>>({});
  const [body, setBody] = useState(() => (op.body?.type === 'application/json' ? JSON.stringify(exampleOf(op.body.schema), null, 2) : ''));
  const [res, setRes] = useState<TryItResponse | undefined>(undefined);
  // How many answers this form has shown: a new answer with the same text is still told apart (and tests wait on it).
  const [answers, setAnswers] = useState(0);
  const [error, setError] = useState('');
  const [sending, setSending] = useState(false);
  return (
    <form
      class="try-it"
      id={id}
      data-answers={answers}
      aria-label={`Try ${op.method.toUpperCase()} ${op.path}`}
      onSubmit={(e) => {
        e.preventDefault();
        setError('');
        if (!usable) return setError('The key above may not be used for trying the API: create or paste one of your sandbox keys (or clear the field to send the call without a key).');
        const { url, missing } = requestUrl(op, values);
        if (missing.length) return setError(`Fill in ${missing.join(', ')}: the path or the query needs ${missing.length === 1 ? 'it' : 'them'}.`);
        if (op.body?.type === 'application/json' && body.trim()) {
          try {
            JSON.parse(body);
          } catch (err) {
            return setError(`The body is not JSON (${messageOf(err)}): fix it, or start again from the example.`);
          }
        }
        setSending(true);
        setRes(undefined);
        tryRequest(op.method, url, apiKey, op.body && body.trim() ? { type: op.body.type, text: body } : undefined)
          .then(
            (answer) => {
              setRes(answer);
              setAnswers((n) => n + 1);
            },
            (err) => setError(`The request did not get an answer: ${messageOf(err)}`),
          )
          .finally(() => setSending(false));
      }}
    >
      <h4>Try it</h4>
      {params.map((p) => (
        <div class="field" key={`${p.in}.${p.name}`}>
          <label for={`${id}-${p.in}-${p.name}`}>
            {p.name}{' '}
            <span class="unit">
              ({p.in}
              {p.required ? ', required' : ''})
            </span>
          </label>
          <input
            id={`${id}-${p.in}-${p.name}`}
            type="text"
            spellcheck={false}
            aria-required={p.required ? true : undefined}
            placeholder={p.schema?.default !== undefined ? JSON.stringify(p.schema.default) : typeOf(p.schema)}
            value={values[`${p.in}.${p.name}`] ?? ''}
            onInput={(e) => setValues({ ...values, [`${p.in}.${p.name}`]: e.currentTarget.value })}
          />
        </div>
      ))}
      {op.body && (
        <div class="field">
          <label for={`${id}-request`}>Request body ({op.body.type})</label>
          <textarea id={`${id}-request`} rows={Math.min(14, Math.max(3, body.split('\n').length + 1))} spellcheck={false} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
        </div>
      )}
      <p class="hint">{apiKey ? 'Sent with your sandbox key, not your session.' : 'No sandbox key given: sent without credentials (the API answers what a program without a key gets).'}</p>
      <button type="submit" id={`${id}-send`} disabled={sending}>
        {sending ? 'Sending…' : `Send ${op.method.toUpperCase()}`}
      </button>
      {error && (
        <p class="error" role="alert" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div aria-live="polite">{res && <Response res={res} id={id} />}</div>
    </form>
  );
}

/** One operation, folded: the summary line is always shown; the details and the form are drawn when opened. */
export function OperationEntry({ op, apiKey, usable, initiallyOpen }: { op: Operation; apiKey: string; usable: boolean; initiallyOpen: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  const responses = Object.entries(op.responses ?? {});
  return (
    <details class="op" id={op.operationId} open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <span class={`method ${op.method}`}>{op.method.toUpperCase()}</span> <code>{op.path}</code> <span class="op-summary">{op.summary}</span>
      </summary>
      {open && (
        <div class="op-body">
          {op.description && <p>{op.description}</p>}
          <p class="hint">{who(op)}</p>
          {(op.parameters ?? []).length > 0 && (
            <table class="fields">
              <caption>Parameters</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">In</th>
                  <th scope="col">Required</th>
                  <th scope="col">Type and notes</th>
                </tr>
              </thead>
              <tbody>
                {op.parameters!.map((p) => (
                  <tr key={`${p.in}.${p.name}`}>
                    <td>
                      <code>{p.name}</code>
                    </td>
                    <td>{p.in}</td>
                    <td>{p.required ? 'yes' : 'no'}</td>
                    <td>
                      <code>{typeOf(p.schema)}</code> {p.schema ? notesOf(p.schema) : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {op.body?.schema && <FieldsTable schema={op.body.schema} caption={`Request body (${op.body.type})`} />}
          {op.body?.schema && (
            <details>
              <summary>The body’s JSON Schema</summary>
              <pre class="schema" tabIndex={0}>
                {JSON.stringify(op.body.schema, null, 2)}
              </pre>
            </details>
          )}
          <h4>Responses</h4>
          <ul class="responses">
            {responses.map(([status, r]) => {
              const [type, media] = Object.entries(r.content ?? {})[0] ?? [];
              return (
                <li key={status}>
                  <strong>{status}</strong> {r.description} {type && <code>{type}</code>}
                  {media?.schema && !media.schema.$ref && (
                    <details>
                      <summary>Fields of the {status} answer</summary>
                      <FieldsTable schema={media.schema} caption={`${status} answer`} />
                    </details>
                  )}
                </li>
              );
            })}
          </ul>
          <TryIt op={op} apiKey={apiKey} usable={usable} />
        </div>
      )}
    </details>
  );
}
