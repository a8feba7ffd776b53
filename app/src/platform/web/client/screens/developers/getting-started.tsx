// The developer portal's getting-started page (/developers): the onboarding path a program takes to this
// appliance — make a sandbox key, choose REST, the TypeScript SDK or the widget, send a first request (the
// examples carry this appliance's own address and the key in use), then what changes in production.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.ts';
import { APP_PATHS } from '../../../app-paths.ts';
import { can, useApp } from '../../context.ts';
import type { OpenApiDocument } from '../../openapi.ts';
import { CodeBlock, DeveloperPage, SandboxKeyPanel } from '../../parts/developers.tsx';
import { useSandboxKey } from '../../sandbox-key.ts';
import { curlExamples, sdkExample, widgetSnippet } from './examples.ts';

type Way = 'rest' | 'sdk' | 'widget';

const WAYS: { id: Way; label: string; what: string }[] = [
  { id: 'rest', label: 'REST', what: 'Any language or tool that speaks HTTP: JSON in, JSON out, errors as problem+json.' },
  { id: 'sdk', label: 'TypeScript SDK', what: 'The @devforge/sdk package (Node 24, Deno, Bun, browsers): typed calls, waiting for a render, downloads, webhook checks.' },
  { id: 'widget', label: 'Widget', what: 'A ready-made describe-preview-export panel in your own web page, with a publishable key.' },
];

/** The live API's own words for what a sandbox key is (the key route's schema), so the page never drifts from the rule. */
function sandboxAbout(doc: OpenApiDocument | undefined): string | undefined {
  const schema = doc?.paths['/api/v1/api-keys']?.post?.requestBody?.content?.['application/json']?.schema;
  return schema?.properties?.sandbox?.description;
}

export function DevelopersScreen() {
  const { me, branding, license } = useApp();
  const [key] = useSandboxKey();
  const [way, setWay] = useState<Way>('rest');
  const [doc, setDoc] = useState<OpenApiDocument | undefined>(undefined);
  useEffect(() => void api.openapi().then(setDoc, () => setDoc(undefined)), []);
  const base = window.location.origin;
  const chosen = WAYS.find((w) => w.id === way)!;
  return (
    <DeveloperPage title="Developer portal" id="developers-start">
      <p>
        Connect your programs and pages to {branding.productName} on this appliance, <code>{base}</code>. Start with a sandbox key, send a first request, and move to a production key when it works.
      </p>
      <ol class="steps">
        <li>
          <section class="panel" aria-labelledby="step-key">
            <h2 id="step-key">1. Create a key</h2>
            <SandboxKeyPanel about={sandboxAbout(doc)} />
          </section>
        </li>
        <li>
          <section class="panel" aria-labelledby="step-way">
            <h2 id="step-way">2. Choose how to connect</h2>
            <fieldset class="ways">
              <legend>Connect with</legend>
              {WAYS.map((w) => (
                <label class="choice" key={w.id}>
                  <input type="radio" name="way" value={w.id} id={`way-${w.id}`} checked={way === w.id} onChange={() => setWay(w.id)} /> <strong>{w.label}</strong> — {w.what}
                </label>
              ))}
            </fieldset>
          </section>
        </li>
        <li>
          <section class="panel" aria-labelledby="step-first">
            <h2 id="step-first">3. Your first request ({chosen.label})</h2>
            {way === 'rest' && (
              <>
                <p>
                  Every call carries the key as <code>Authorization: Bearer …</code>. List the templates, then render one (a sandbox key renders at most 720p and a short length, so the example asks for 10 seconds):
                </p>
                {curlExamples(base, key).map((ex) => (
                  <CodeBlock key={ex.label} label={ex.label} code={ex.code} id={ex.id} />
                ))}
                <p>
                  Each operation, with its fields, is in the <a href={APP_PATHS.developersReference}>API reference</a>, where “Try it” sends it for you.
                </p>
              </>
            )}
            {way === 'sdk' && (
              <>
                <p>
                  The SDK is the <code>@devforge/sdk</code> TypeScript package, the <code>sdk/</code> folder of the product's source, with no runtime dependencies; its documentation is <code>docs/sdk.md</code>. Render, wait for it and save
                  the video:
                </p>
                <CodeBlock label="TypeScript with the SDK" code={sdkExample(base, key)} id="example-sdk" />
              </>
            )}
            {way === 'widget' && (
              <>
                <p>
                  The widget needs a <em>publishable</em> key restricted to the origins of the pages that embed it (never a secret key: the page's visitors can read it). The <a href={APP_PATHS.developersWidget}>widget guide</a> shows every
                  option.
                </p>
                <CodeBlock label="HTML for your page" code={widgetSnippet(base)} id="example-widget" />
              </>
            )}
          </section>
        </li>
        <li>
          <section class="panel" aria-labelledby="step-production">
            <h2 id="step-production">4. Go to production</h2>
            <ul>
              <li>
                Make a standard key on your <a href={APP_PATHS.account}>account page</a> with the role the program needs (or, with <code>POST /api/v1/api-keys</code>, with only the scopes it needs: <code>animations:read</code>,{' '}
                <code>animations:write</code>), and keep it in your secret store, not in code. Revoke the sandbox key when you no longer use it.
              </li>
              <li>
                A production key's renders have no “SANDBOX” watermark and may use the license's highest quality; they count against the license's animations and API calls per month
                {license ? ` (this appliance: the ${license.effective_tier} tier)` : ''}. Over a limit, the API answers <code>403 license-limit</code> saying which limit and what lifts it.
              </li>
              <li>
                Send an <code>Idempotency-Key</code> header with each generate, so a retry after a lost answer never renders twice; on <code>429</code>, wait the <code>Retry-After</code> seconds.
              </li>
              <li>
                Follow a render with its events stream, or give a <code>webhook_url</code> and check each delivery's signature: the <a href={APP_PATHS.developersWebhooks}>webhooks guide</a>.
              </li>
              {can(me, 'usage.read-all') && (
                <li>
                  Watch the use per key on the <a href={APP_PATHS.adminUsage}>usage page</a>.
                </li>
              )}
            </ul>
          </section>
        </li>
      </ol>
    </DeveloperPage>
  );
}
