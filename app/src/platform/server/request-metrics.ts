// Counts and times every request, labelled by the route pattern (not the raw path, which would make
// one series per animation id).
import type { Context, Next } from 'koa';
import type { Metrics } from './metrics.ts';

export function requestMetrics(metrics: Metrics) {
  return async function measure(ctx: Context, next: Next): Promise<void> {
    const done = metrics.requestSeconds.startTimer();
    try {
      await next();
    } finally {
      const route = (ctx as unknown as { _matchedRoute?: string })._matchedRoute ?? 'unmatched';
      const labels = { method: ctx.method, route: String(route) };
      metrics.requests.inc({ ...labels, status: String(ctx.status) });
      done(labels);
    }
  };
}
