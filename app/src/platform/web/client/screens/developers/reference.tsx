// The API reference with "Try it" (/developers/reference): every operation of the running API, from its
// own OpenAPI document, grouped by tag and searchable; each opens to its parameters, fields and answers and
// a form that sends it to this appliance with a sandbox key (parts/try-it.tsx).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, messageOf } from '../../api.ts';
import { operationsByTag, type OpenApiDocument } from '../../openapi.ts';
import { useApp } from '../../context.ts';
import { DeveloperPage, SandboxKeyPanel, useUsableSandboxKey } from '../../parts/developers.tsx';
import { OperationEntry } from '../../parts/try-it.tsx';

export function DevelopersReferenceScreen() {
  const { branding } = useApp();
  const [doc, setDoc] = useState<OpenApiDocument | undefined>(undefined);
  const [error, setError] = useState('');
  const [search, setSearch] = useState('');
  const { key, usable } = useUsableSandboxKey();
  useEffect(() => void api.openapi().then(setDoc, (err) => setError(messageOf(err))), []);
  const groups = useMemo(() => (doc ? operationsByTag(doc) : []), [doc]);
  const wanted = search.trim().toLowerCase();
  const shown = groups.map((g) => ({ ...g, operations: g.operations.filter((op) => !wanted || `${op.method} ${op.path} ${op.summary ?? ''} ${g.tag}`.toLowerCase().includes(wanted)) })).filter((g) => g.operations.length > 0);
  const deepLink = decodeURIComponent(window.location.hash.slice(1));
  return (
    <DeveloperPage title="API reference" id="developers-reference">
      <p>
        Every operation of the {branding.productName} API that runs on this appliance{doc ? ` (version ${doc.info.version})` : ''}, read from its own <a href="/api/v1/openapi.json">OpenAPI document</a>. Open one to see its parameters and
        answers, and to try it with a sandbox key. Errors are <code>application/problem+json</code> with a stable <code>type</code>, a <code>detail</code> that says what was wrong and, for bad input, <code>errors</code> per field. The same
        reference as one page: <a href="/api/v1/docs">/api/v1/docs</a>.
      </p>
      <section class="panel" aria-labelledby="reference-key-title">
        <h2 id="reference-key-title">Your sandbox key</h2>
        <SandboxKeyPanel />
      </section>
      <div class="field">
        <label for="reference-search">Find an operation</label>
        <input id="reference-search" type="search" placeholder="e.g. templates, generate, POST" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
      </div>
      {error && (
        <p class="error" role="alert">
          The API description could not be read: {error}
        </p>
      )}
      {!doc && !error && <p class="loading">Loading…</p>}
      {doc && (
        <nav aria-label="API sections" class="tag-nav">
          <ul>
            {shown.map((g) => (
              <li key={g.tag}>
                <a href={`#tag-${g.tag}`}>
                  {g.tag} ({g.operations.length})
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {doc && shown.length === 0 && <p id="reference-none">No operation matches “{search}”.</p>}
      {shown.map((g) => (
        <section key={g.tag} class="tag-group" aria-labelledby={`tag-${g.tag}`}>
          <h2 id={`tag-${g.tag}`}>{g.tag}</h2>
          {g.operations.map((op) => (
            <OperationEntry key={op.operationId} op={op} apiKey={key} usable={usable} initiallyOpen={deepLink === op.operationId} />
          ))}
        </section>
      ))}
    </DeveloperPage>
  );
}
