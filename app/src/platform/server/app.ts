// The Koa application: request id + log → metrics → security headers → problem rendering → routes. Health, readiness,
// metrics, the API reference and the web page sit beside the /api/v1 routes.
import Router from '@koa/router';
import Koa from 'koa';
import { authenticate } from '../api/authenticate.ts';
import { preflight } from '../api/cors.ts';
import { originHasPublishableKey } from '../domain/queries/accounts.ts';
import { DOCS_CSS, docsPage } from '../api/docs-page.ts';
import { mountRoutes } from '../api/mount.ts';
import { openApiDocument } from '../api/openapi.ts';
import { problemMiddleware } from '../api/problem-middleware.ts';
import { Problem } from '../api/problems.ts';
import { apiRoutes } from '../api/routes/index.ts';
import type { ApiServices } from '../services.ts';
import { mountOidc } from '../web/oidc-routes.ts';
import { mountWeb } from '../web/routes.ts';
import { mountChatLinks } from '../integrations/link-routes.ts';
import { mountSlack } from '../integrations/slack-routes.ts';
import { mountTeams } from '../integrations/teams-routes.ts';
import { mountLti } from '../integrations/lti-routes.ts';
import { healthz, readyz } from './health.ts';
import { hostCheck } from './host-check.ts';
import { requestContext, requestLog } from './request-context.ts';
import { requestMetrics } from './request-metrics.ts';
import { PAGE_CSP } from '../web/csp.ts';
import { securityHeaders } from './security-headers.ts';
import { VERSION } from './version.ts';

export const API_PREFIX = '/api/v1';

/** `api: false` (worker role): only health, readiness and metrics. */
export function createApp(s: ApiServices, opts: { api: boolean }): Koa {
  // Behind a reverse proxy (server.trustProxy) ctx.ip, ctx.protocol, ctx.secure and ctx.host come from
  // X-Forwarded-*: rate limits, Secure cookies and links then see the client, not the proxy.
  // maxIpsCount keeps only the entries our own proxies appended, so a client's X-Forwarded-For is ignored.
  const app = new Koa({ proxy: s.config.server.trustProxy, maxIpsCount: s.config.server.trustProxyHops });
  app.silent = true;
  app.on('error', (err: Error) => s.log.debug(`http: ${err.message}`));
  const router = new Router();

  router.get('/healthz', healthz);
  router.get('/readyz', (ctx) => readyz(ctx, s.readiness));
  router.get('/metrics', async (ctx) => {
    await authenticate(ctx, s.auth, 'metrics.read');
    ctx.type = s.metrics.contentType;
    ctx.body = await s.metrics.render();
  });

  if (opts.api) {
    const routes = apiRoutes(s);
    const openapi = openApiDocument(routes, API_PREFIX, VERSION);
    const docs = docsPage(openapi);
    router.get(`${API_PREFIX}/openapi.json`, (ctx) => {
      ctx.body = openapi;
    });
    router.get(`${API_PREFIX}/docs`, (ctx) => {
      ctx.type = 'text/html; charset=utf-8';
      ctx.set('content-security-policy', PAGE_CSP);
      ctx.body = docs;
    });
    router.get('/assets/docs.css', (ctx) => {
      ctx.type = 'text/css; charset=utf-8';
      ctx.body = DOCS_CSS;
    });
    mountWeb(router, { localLogin: s.config.auth.localLogin, ...(s.oidc ? { sso: s.config.auth.oidc.displayName } : {}) });
    if (s.oidc) mountOidc(router, s, s.oidc);
    // Slack and Teams: outside /api/v1, authenticated by the chat service's signature (integrations/).
    mountSlack(router, s);
    mountTeams(router, s);
    mountChatLinks(router, s);
    // LTI 1.3: outside /api/v1, authenticated by the platform's signed ID token (integrations/lti-routes.ts).
    mountLti(router, s);
    mountRoutes(router, routes, {
      auth: s.auth,
      limits: s.limits,
      onRateLimited: (budget) => s.metrics.rateLimited.inc({ budget }),
      onCall: (principal, action) => {
        // The quota refuses (license-limit) before the call is counted: a refused call did nothing.
        if (s.apiQuota?.exempt(action)) return;
        s.apiQuota?.admit(principal, action);
        s.apiCalls?.count(principal);
      },
      bodyLimit: s.config.server.bodyLimitBytes,
      prefix: API_PREFIX,
    });
  }

  app.use(requestContext(s.log));
  app.use(requestMetrics(s.metrics));
  app.use(securityHeaders);
  app.use(problemMiddleware((line, ctx) => requestLog(ctx, s.log).warn(line)));
  app.use(hostCheck(s.config));
  // The widget's CORS preflights (api/cors.ts): answered only for origins a publishable key allows.
  if (opts.api) app.use(preflight(API_PREFIX, (origin) => originHasPublishableKey(s.db, origin)));
  app.use(router.routes());
  app.use(router.allowedMethods({ throw: true, methodNotAllowed: () => new Problem('method-not-allowed'), notImplemented: () => new Problem('method-not-allowed') }));
  return app;
}
