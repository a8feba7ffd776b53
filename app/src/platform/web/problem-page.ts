// Routes a browser follows (single sign-on, LTI launches) answer with pages, not problem+json: a failure the API
// would answer with a problem is shown as a message page with the same status and headers, 5xx logged.
import type { Middleware } from 'koa';
import { toProblem } from '../api/problem-middleware.ts';
import { PAGE_CSP } from './csp.ts';
import { messagePageHtml } from './message-page.ts';

type ShownProblem = NonNullable<ReturnType<typeof toProblem>>;

/** `page` words the problem for its route; `headers` are set last (e.g. a stricter referrer policy). */
export function asProblemPage(log: { warn(message: string): void }, handler: Middleware, page: (problem: ShownProblem) => Parameters<typeof messagePageHtml>[0], headers: Record<string, string> = {}): Middleware {
  return async (ctx, next) => {
    try {
      await handler(ctx, next);
    } catch (err) {
      const problem = toProblem(err);
      if (!problem) throw err;
      if (problem.status >= 500) log.warn(`${ctx.path}: ${problem.type}: ${problem.message}`);
      ctx.status = problem.status;
      for (const [name, value] of Object.entries(problem.headers)) ctx.set(name, value);
      ctx.set('cache-control', 'no-store');
      ctx.set('content-security-policy', PAGE_CSP);
      for (const [name, value] of Object.entries(headers)) ctx.set(name, value);
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = messagePageHtml(page(problem));
    }
  };
}
