// Pieces every developer portal page uses: the portal's own nav (developer-pages.ts), the page frame (nav,
// title, document title), a code sample with a copy button, and the sandbox key panel (make a sandbox key
// in place or paste one; the try-it calls use it, never the session).
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import type { ApiKey } from '../api-types.ts';
import { APP_PATHS } from '../../app-paths.ts';
import { can, useApp } from '../context.ts';
import { DEVELOPER_PAGES } from '../developer-pages.ts';
import { sandboxKeyProblem, useSandboxKey } from '../sandbox-key.ts';
import { SectionNav, SectionPage } from './section.tsx';

/** How long a sandbox key made in the portal lives: long enough to build an integration, short enough to forget safely. */
const SANDBOX_KEY_DAYS = 30;

export function DevelopersNav() {
  return <SectionNav label="Developer portal" pages={DEVELOPER_PAGES} />;
}

/** The frame of a portal page: the portal nav, the title (also the document title), the page. */
export function DeveloperPage({ title, id, children }: { title: string; id: string; children: ComponentChildren }) {
  return (
    <SectionPage section="developers" nav={<DevelopersNav />} title={title} id={id}>
      {children}
    </SectionPage>
  );
}

/** A code sample, labelled for screen readers, with a button that copies it. */
export function CodeBlock({ code, label, id }: { code: string; label: string; id?: string }) {
  const [copied, setCopied] = useState('');
  return (
    <figure class="code" id={id}>
      <figcaption>{label}</figcaption>
      {/* Focusable: a long line scrolls sideways, and keyboard users must be able to scroll it too. */}
      <pre tabIndex={0} aria-label={label}>
        <code>{code}</code>
      </pre>
      <button
        type="button"
        class="secondary copy"
        aria-label={`Copy: ${label}`}
        onClick={() =>
          void navigator.clipboard.writeText(code).then(
            () => setCopied('Copied.'),
            () => setCopied('Copying is not allowed here: select the text and copy it.'),
          )
        }
      >
        Copy
      </button>
      <span role="status" class="hint">
        {copied}
      </span>
    </figure>
  );
}

/**
 * The sandbox key the portal's try-it calls (and its examples) use: one made here, shown once, or one
 * pasted. A pasted key must be one of the caller's own sandbox keys (sandbox-key.ts says why).
 */
export function SandboxKeyPanel({ about }: { about?: string | undefined }) {
  const { me } = useApp();
  const [key, setKey] = useSandboxKey();
  const [own, setOwn] = useState<ApiKey[] | undefined>(undefined);
  const [made, setMade] = useState('');
  const [error, setError] = useState('');
  const reload = () => void api.apiKeys().then(setOwn, (err) => setError(messageOf(err)));
  // Read again for each key given: a key made elsewhere since (the account page, the CLI) is then known.
  useEffect(reload, [key]);
  const problem = own ? sandboxKeyProblem(key, own) : undefined;
  return (
    <div class="sandbox-key">
      <p>
        {about ?? 'A sandbox key is for trying the API: its videos are watermarked “SANDBOX”, short and at most 720p, and it counts against no quota.'} Your keys are listed, and revoked, on your <a href={APP_PATHS.account}>account page</a>.
      </p>
      {can(me, 'api-key.create') && (
        <button
          type="button"
          id="create-sandbox-key"
          onClick={() => {
            setError('');
            api.createSandboxKey(`Developer portal sandbox ${new Date().toISOString().slice(0, 10)}`, SANDBOX_KEY_DAYS).then(
              (k) => {
                setKey(k.key);
                setMade(k.name);
                reload();
              },
              (err) => setError(messageOf(err)),
            );
          }}
        >
          Create a sandbox key
        </button>
      )}
      {made && (
        <p class="notice panel" role="status" id="sandbox-key-made">
          The sandbox key “{made}” is below and in use for the examples and “Try it”. Copy it now if you need it elsewhere: it is not shown again after you leave the app. It expires in {SANDBOX_KEY_DAYS} days.
        </p>
      )}
      <div class="field">
        <label for="sandbox-key">Sandbox key</label>
        <input
          id="sandbox-key"
          type="text"
          autocomplete="off"
          spellcheck={false}
          placeholder="dfk_…"
          aria-describedby="sandbox-key-help"
          aria-invalid={problem ? true : undefined}
          value={key}
          onInput={(e) => setKey(e.currentTarget.value)}
        />
        <span class="hint" id="sandbox-key-help">
          Kept in this tab only; a reload forgets it. Try-it calls send it as <code>Authorization: Bearer …</code> and never your session.
        </span>
        {problem && (
          <span class="field-error" role="alert" id="sandbox-key-problem">
            {problem}
          </span>
        )}
      </div>
      {error && (
        <p class="error" role="alert" id="sandbox-key-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Whether the key may be sent from the portal: empty (a call without credentials) or one of the caller's sandbox keys. */
export function useUsableSandboxKey(): { key: string; usable: boolean } {
  const [key] = useSandboxKey();
  const [own, setOwn] = useState<ApiKey[] | undefined>(undefined);
  useEffect(() => void api.apiKeys().then(setOwn, () => setOwn([])), [key]);
  return { key, usable: !key || (own !== undefined && sandboxKeyProblem(key, own) === undefined) };
}
