// Turns every error into application/problem+json. Problems are exposed as they are, domain errors as
// their problem (domain-problems.ts); a database outage becomes 503; anything else is a 500 whose
// detail is logged, never sent.
import type { Context, Next } from 'koa';
import { isDatabaseUnavailable } from '../db/errors.ts';
import { problemForError } from './domain-problems.ts';
import { Problem } from './problems.ts';

export function sendProblem(ctx: Context, problem: Problem): void {
  ctx.status = problem.status;
  for (const [name, value] of Object.entries(problem.headers)) ctx.set(name, value);
  ctx.type = 'application/problem+json';
  ctx.body = JSON.stringify(problem.toJSON(ctx.path));
}

export function toProblem(err: unknown): Problem | undefined {
  if (err instanceof Problem) return err;
  const mapped = problemForError(err);
  if (mapped) return mapped;
  if (isDatabaseUnavailable(err)) return new Problem('service-unavailable', 'the database is unreachable', {}, { 'retry-after': '5' });
  return undefined;
}

export function problemMiddleware(log: (line: string, ctx: Context) => void) {
  return async function renderProblems(ctx: Context, next: Next): Promise<void> {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) throw new Problem('not-found', `no route for ${ctx.method} ${ctx.path}`);
    } catch (err) {
      const problem = toProblem(err);
      if (problem) {
        if (problem.status >= 500) log(`${ctx.method} ${ctx.path}: ${problem.type}: ${(err as Error).message}`, ctx);
        sendProblem(ctx, problem);
        return;
      }
      // Koa/HTTP errors with a status below 500 (e.g. a client that went away) keep their status.
      const status = (err as { status?: number }).status;
      if (status === 413) return sendProblem(ctx, new Problem('payload-too-large'));
      if (status && status >= 400 && status < 500) return sendProblem(ctx, new Problem('bad-request', (err as Error).message));
      log(`${ctx.method} ${ctx.path}: internal error: ${(err as Error).stack ?? String(err)}`, ctx);
      sendProblem(ctx, new Problem('internal-error'));
    }
  };
}
