// The HTML shell of the web app, the same for every app path (web/app-paths.ts): the stylesheet, the
// player and the app's script, and an empty #app the script renders into. Static: the sign-in options
// travel as data attributes (no inline script under the CSP), and every value shown later is rendered by
// Preact as text, never as markup. The title says DevForge until the branding has loaded.
import { fontLinks } from '../../render/fonts.ts';
import { escapeHtml } from './escape.ts';

export interface SignInOptions {
  /** auth.oidc.displayName when single sign-on is configured. */
  sso?: string;
  /** auth.localLogin: false (with SSO) folds the password form away for the break-glass administrator. */
  localLogin: boolean;
}

export function pageHtml(opts: SignInOptions = { localLogin: true }): string {
  const sso = opts.sso ? ` data-sso="${escapeHtml(opts.sso)}"` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>DevForge</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" id="favicon">
${fontLinks()}
<link rel="stylesheet" href="/assets/app.css">
<script src="/assets/player.js" defer></script>
<script src="/assets/app.js" defer></script>
</head><body>
<div id="app"${sso} data-local-login="${opts.localLogin ? 'true' : 'false'}"><p class="loading">Loading DevForge…</p></div>
<noscript><p class="panel narrow">DevForge needs JavaScript: allow scripts from this appliance and reload.</p></noscript>
</body></html>`;
}
