// The one-time link a chat command hands out: GET /integrations/link/:token shows whose chat account it
// links (the person must be signed in to DevForge in this browser), POST confirms it. Pages, not API calls:
// the person arrives from a link in Slack or Teams. The POST carries the session's CSRF token in the form.
import type Router from '@koa/router';
import type { Context } from 'koa';
import { identify } from '../api/authenticate.ts';
import { readTextBody } from '../api/body.ts';
import { toProblem } from '../api/problem-middleware.ts';
import { Problem, PROBLEMS } from '../api/problems.ts';
import { safeEqual } from '../auth/tokens.ts';
import { confirmLink, pendingLink, PROVIDER_NAMES } from '../domain/commands/chat/identities.ts';
import { authorize } from '../domain/policy.ts';
import type { ApiServices } from '../services.ts';
import { PAGE_CSP } from '../web/csp.ts';
import { messagePageHtml } from '../web/message-page.ts';
import { originOf } from './animate.ts';
import { linkPageHtml } from './link-page.ts';

function page(ctx: Context, status: number, html: string): void {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('cache-control', 'no-store');
  ctx.set('content-security-policy', PAGE_CSP);
  // The token is in the path: never pass it on to another site.
  ctx.set('referrer-policy', 'no-referrer');
  ctx.body = html;
}

/** The signed-in person (a browser session), or a page saying to sign in first. */
async function signedIn(ctx: Context, s: ApiServices) {
  const principal = await identify(ctx, s.auth);
  if (!principal?.csrfToken) throw new Problem('unauthorized', 'sign in to DevForge in this browser first, then open the link from the chat again');
  authorize(principal, 'integration.link');
  return principal;
}

function asPage(handler: (ctx: Context) => Promise<void>) {
  return async (ctx: Context) => {
    try {
      await handler(ctx);
    } catch (err) {
      const problem = toProblem(err);
      if (!problem) throw err;
      page(ctx, problem.status, messagePageHtml({ title: PROBLEMS[problem.type].title, message: problem.message, links: [['Sign in to DevForge', '/']] }));
    }
  };
}

export function mountChatLinks(router: Router, s: ApiServices): void {
  router.get(
    '/integrations/link/:token',
    asPage(async (ctx) => {
      const principal = await signedIn(ctx, s);
      const who = await pendingLink(s.db, (ctx.params as { token: string }).token);
      page(ctx, 200, linkPageHtml({ service: PROVIDER_NAMES[who.provider], chatName: who.name, email: principal.email, role: principal.role, action: ctx.path, csrf: principal.csrfToken! }));
    }),
  );
  router.post(
    '/integrations/link/:token',
    asPage(async (ctx) => {
      const principal = await signedIn(ctx, s);
      const form = new URLSearchParams(await readTextBody(ctx, 4096));
      const csrf = form.get('csrf') ?? '';
      if (!csrf || !safeEqual(csrf, principal.csrfToken!)) throw new Problem('csrf-failed', 'the confirmation did not come from the link page: open the link from the chat again');
      const who = await confirmLink(s.db, principal, (ctx.params as { token: string }).token, originOf(ctx));
      const service = PROVIDER_NAMES[who.provider];
      page(
        ctx,
        200,
        messagePageHtml({
          title: `Your ${service} account is linked`,
          message: `${service} commands from ${who.name || 'that account'} now act as ${principal.email} (${principal.role}). Go back to ${service} and try it.`,
          links: [['Open DevForge', '/']],
        }),
      );
    }),
  );
}
