// The server-rendered pages of LTI Deep Linking: the picker a teacher sees in the LMS (their animations, each
// with a button that places it in the course, and a form that makes a new one and places it), and the page
// that carries the signed answer back to the platform (a form posted by /lti/assets/auto-submit.js, with a
// button for browsers without script). Plain HTML forms: they work with a keyboard and a screen reader.
import { fontLinks } from '../../render/fonts.ts';
import { escapeHtml } from '../web/escape.ts';
import { LTI_PATHS } from './lti-urls.ts';

function shell(title: string, body: string, script = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · DevForge</title>
${fontLinks()}
<link rel="stylesheet" href="/assets/app.css">${script}
</head><body>
<header><h1>DevForge</h1></header>
<main>${body}</main>
</body></html>
`;
}

export interface PickerItem {
  id: string;
  title: string;
  status: string;
  createdAt: Date;
}

export interface PickerPage {
  action: string;
  csrf: string;
  platformName: string;
  email: string;
  animations: PickerItem[];
}

export function pickerHtml(p: PickerPage): string {
  const hidden = `<input type="hidden" name="csrf" value="${escapeHtml(p.csrf)}">`;
  const items = p.animations.length
    ? `<ul class="lti-picker" id="lti-animations">${p.animations
        .map(
          (a) => `<li><form method="post" action="${escapeHtml(p.action)}/choose">${hidden}<input type="hidden" name="animation_id" value="${escapeHtml(a.id)}">
<span class="lti-title">${escapeHtml(a.title)}</span> <span class="muted">(${escapeHtml(a.status)}, ${escapeHtml(a.createdAt.toISOString().slice(0, 10))})</span>
<button type="submit" class="button" data-animation="${escapeHtml(a.id)}" aria-label="Place ${escapeHtml(a.title)} in the course">Place in course</button></form></li>`,
        )
        .join('\n')}</ul>`
    : '<p id="lti-none">You have no animations yet: describe one below.</p>';
  return shell(
    'Place an animation',
    `<div class="panel" id="lti-picker">
<h2>Place an animation in ${escapeHtml(p.platformName)}</h2>
<p>Signed in as ${escapeHtml(p.email)}. The animation you place becomes viewable by everyone signed in to DevForge, so the course's learners can watch it.</p>
<h3>Your animations</h3>
${items}
<h3>Or make a new one</h3>
<form method="post" action="${escapeHtml(p.action)}/create" id="lti-create">${hidden}
<label for="lti-description">Describe the animation</label>
<textarea id="lti-description" name="description" rows="3" required maxlength="2000" placeholder="Demonstrate bubble sort on 5 3 8 1"></textarea>
<button type="submit" class="button">Create and place in course</button>
</form>
</div>`,
  );
}

/** The answer to the platform: posted to its deep_link_return_url at once by the script, or by the button. */
export function returnFormHtml(returnUrl: string, jwt: string, title: string): string {
  return shell(
    'Returning to the course',
    `<div class="panel narrow">
<h2>Returning to the course</h2>
<p>${escapeHtml(title)} is being placed in the course.</p>
<form method="post" action="${escapeHtml(returnUrl)}" id="lti-return">
<input type="hidden" name="JWT" value="${escapeHtml(jwt)}">
<button type="submit" class="button">Continue to the course</button>
</form>
</div>`,
    `\n<script src="${LTI_PATHS.autoSubmit}" defer></script>`,
  );
}

/** The script that posts the return form: a file of its own, since the pages' CSP allows no inline script. */
export const AUTO_SUBMIT_JS = `document.addEventListener('DOMContentLoaded', function () { var f = document.getElementById('lti-return'); if (f) f.submit(); });\n`;
