// The page a chat link opens: who is about to be linked to whom, and a Confirm button (a form POST with the
// session's CSRF token, so another site cannot confirm a link for someone signed in here). Server-rendered,
// no script, in the look of the other pages.
import { fontLinks } from '../../render/fonts.ts';
import { escapeHtml } from '../web/escape.ts';

export interface LinkPage {
  service: string;
  chatName: string;
  email: string;
  role: string;
  action: string;
  csrf: string;
}

export function linkPageHtml(p: LinkPage): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Link your ${escapeHtml(p.service)} account · DevForge</title>
${fontLinks()}
<link rel="stylesheet" href="/assets/app.css">
</head><body>
<header><h1>DevForge</h1></header>
<main><div class="panel narrow" id="link">
<h2>Link your ${escapeHtml(p.service)} account</h2>
<p>The ${escapeHtml(p.service)} account <strong id="chat-name">${escapeHtml(p.chatName || 'that asked for this link')}</strong> will act as your DevForge account <strong>${escapeHtml(p.email)}</strong> (${escapeHtml(p.role)}): its commands make animations in your name.</p>
<p>Confirm only if that ${escapeHtml(p.service)} account is yours.</p>
<form method="post" action="${escapeHtml(p.action)}">
<input type="hidden" name="csrf" value="${escapeHtml(p.csrf)}">
<button type="submit" class="button" id="confirm">Confirm</button>
</form>
</div></main>
</body></html>
`;
}
