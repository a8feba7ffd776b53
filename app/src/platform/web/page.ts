// The HTML shell of the page at /. Static: every value shown later is set by the script with
// textContent, never as markup.
import { fontLinks } from '../../render/fonts.ts';
import { escapeHtml } from './escape.ts';

export interface SignInOptions {
  /** auth.oidc.displayName when single sign-on is configured. */
  sso?: string;
  /** auth.localLogin: false (with SSO) folds the password form away for the break-glass administrator. */
  localLogin: boolean;
}

function passwordForm(): string {
  return `<form id="login-form" class="panel narrow">
    <h2>Sign in</h2>
    <label>E-mail <input name="email" type="text" autocomplete="username" required></label>
    <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
    <button type="submit">Sign in</button>
    <p class="error" id="login-error" role="alert"></p>
  </form>`;
}

function signInView(opts: SignInOptions): string {
  if (!opts.sso) return passwordForm();
  const sso = `<div class="panel narrow"><h2>Sign in</h2><a id="sso-login" class="button" href="/auth/oidc/login">Sign in with ${escapeHtml(opts.sso)}</a></div>`;
  if (opts.localLogin) return sso + passwordForm();
  return `${sso}<details id="break-glass" class="narrow"><summary>Administrator sign-in (when single sign-on is down)</summary>${passwordForm()}</details>`;
}

export function pageHtml(opts: SignInOptions = { localLogin: true }): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>DevForge</title>
${fontLinks()}
<link rel="stylesheet" href="/assets/app.css">
</head><body>
<header><h1>DevForge</h1><span id="who"></span><a href="/api/v1/docs">API</a><button id="logout" type="button" hidden>Sign out</button></header>
<p id="license-banner" class="banner" role="status" hidden></p>
<main>
<section id="login-view" hidden>
  ${signInView(opts)}
</section>
<section id="app-view" hidden>
  <div class="grid">
    <div class="panel">
      <h2>Describe</h2>
      <form id="describe-form">
        <textarea id="description" rows="3" placeholder="Demonstrate bubble sort on 5 3 8 1" aria-label="Description"></textarea>
        <button type="submit" id="analyse">Analyse</button>
      </form>
      <p class="error" id="describe-error" role="alert"></p>
      <div id="analysis" hidden>
        <label>Template <select id="template"></select></label> <span id="confidence" class="muted"></span>
        <form id="params-form" class="params"></form>
        <ul id="warnings" class="warnings"></ul>
        <h3>Facts</h3>
        <dl id="facts"></dl>
      </div>
    </div>
    <div class="panel">
      <h2>Preview</h2>
      <div class="stage"><canvas id="preview"></canvas></div>
      <div class="controls"><button type="button" id="play">Play</button><button type="button" id="pause">Pause</button><input type="range" id="seek" min="0" max="0" value="0" aria-label="Frame"><span id="time" class="muted"></span></div>
      <h2>Export</h2>
      <form id="export-form" class="row">
        <label>Quality <select id="quality"><option value="720p">720p</option><option value="1080p" selected>1080p</option><option value="4k">4K</option></select></label>
        <label>Seconds <input id="duration" type="number" min="1" max="600" step="0.5" placeholder="auto"></label>
        <button type="submit" id="export" disabled>Export MP4</button>
      </form>
      <div id="job" hidden><progress id="progress" max="1" value="0"></progress> <span id="job-status"></span> <a id="download" hidden>Download MP4</a></div>
      <p class="error" id="export-error" role="alert"></p>
    </div>
  </div>
  <section class="panel">
    <h2>My animations <button type="button" id="refresh">Refresh</button></h2>
    <table id="animations"><thead><tr><th>Created</th><th>Description</th><th>Template</th><th>Quality</th><th>Status</th><th></th></tr></thead><tbody></tbody></table>
  </section>
</section>
</main>
<script src="/assets/player.js"></script>
<script src="/assets/app.js"></script>
</body></html>`;
}
