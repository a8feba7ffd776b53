// A small server-rendered page that tells a person in a browser what went wrong and where to go next: the
// single sign-on routes are pages the browser navigates to, so their failures (identity provider down, a
// refused answer, too many attempts) are shown as pages, never as JSON or a blank 500.
import { fontLinks } from '../../render/fonts.ts';
import { escapeHtml } from './escape.ts';

export interface MessagePage {
  title: string;
  message: string;
  /** Links offered below the message: [text, href]. */
  links: [string, string][];
}

export function messagePageHtml(page: MessagePage): string {
  const links = page.links.map(([text, href]) => `<a class="button" href="${escapeHtml(href)}">${escapeHtml(text)}</a>`).join(' ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} · DevForge</title>
${fontLinks()}
<link rel="stylesheet" href="/assets/app.css">
</head><body>
<header><h1>DevForge</h1></header>
<main><div class="panel narrow" id="message">
<h2>${escapeHtml(page.title)}</h2>
<p id="message-text" role="alert">${escapeHtml(page.message)}</p>
<p>${links}</p>
</div></main>
</body></html>
`;
}
