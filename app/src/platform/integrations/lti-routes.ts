// The LTI 1.3 tool's endpoints (docs/lti.md), outside /api/v1: the LMS and the browser reach them, not API
// clients. GET|POST /lti/login (third-party login initiation) sends the browser to the platform's OIDC auth
// URL; POST /lti/launch checks the ID token the platform posts back (domain/commands/lti/launch.ts), signs
// the person in with the session cookie the web app uses and opens the linked animation, or for a deep-
// linking request the picker; the picker's choice goes back to the platform as a signed response.
// GET /lti/jwks publishes the tool's public keys. Failures are pages a person can act on (message-page.ts).
import type Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import { identify } from '../api/authenticate.ts';
import { readTextBody } from '../api/body.ts';
import { Problem, PROBLEMS } from '../api/problems.ts';
import { admit } from '../api/rate-limit.ts';
import { setSessionCookie } from '../api/routes/auth.ts';
import { generateBody } from '../api/schemas/animations.ts';
import { SESSION_COOKIE } from '../auth/session-authenticator.ts';
import { safeEqual } from '../auth/tokens.ts';
import { recordAudit } from '../domain/audit/record.ts';
import { createAnimation } from '../domain/commands/animations/create.ts';
import { answerDeepLink, deepLinkFor, saveDeepLink } from '../domain/commands/lti/deep-linking.ts';
import { beginLtiLogin, launchedAnimation, signInFromLaunch, verifyLaunch } from '../domain/commands/lti/launch.ts';
import { publishedJwks } from '../domain/commands/lti/tool-keys.ts';
import { DomainError } from '../domain/errors.ts';
import { listAnimations } from '../domain/queries/animations.ts';
import { baseUrl, type ApiServices } from '../services.ts';
import { animationPath } from '../web/app-paths.ts';
import { PAGE_CSP } from '../web/csp.ts';
import { asProblemPage } from '../web/problem-page.ts';
import { originOf } from './animate.ts';
import { AUTO_SUBMIT_JS, pickerHtml, returnFormHtml } from './lti-pages.ts';
import { LTI_PATHS, pickerPath } from './lti-urls.ts';

/** Form posts here are small: an ID token, a state, a description. */
const FORM_LIMIT = 64 * 1024;

function page(ctx: Context, status: number, html: string, csp = PAGE_CSP): void {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('cache-control', 'no-store');
  ctx.set('content-security-policy', csp);
  ctx.set('referrer-policy', 'no-referrer');
  ctx.body = html;
}

/** Runs an LTI page route; a failure the API would answer with a problem is shown as a page with that status. */
function asPage(s: ApiServices, handler: Middleware): Middleware {
  return asProblemPage(s.log, handler, (problem) => ({ title: problem.status === 403 ? 'The LTI launch was refused' : PROBLEMS[problem.type].title, message: problem.message, links: [['Open DevForge', '/']] }), {
    'referrer-policy': 'no-referrer',
  });
}

/** The parameters of a GET (query) or POST (form body) request. */
async function params(ctx: Context): Promise<URLSearchParams> {
  if (ctx.method === 'GET') return new URLSearchParams(ctx.querystring);
  if (!ctx.is('application/x-www-form-urlencoded')) throw new Problem('unsupported-media-type', `the platform posts application/x-www-form-urlencoded here, got ${ctx.get('content-type') || 'no Content-Type'}`);
  return new URLSearchParams(await readTextBody(ctx, FORM_LIMIT));
}

function required(form: URLSearchParams, name: string, what: string): string {
  const value = form.get(name);
  if (!value) throw new Problem('bad-request', `${name} is missing: ${what}`);
  return value;
}

/** The signed-in teacher of a picker page, with the CSRF token their form must carry. */
async function teacher(ctx: Context, s: ApiServices) {
  const principal = await identify(ctx, s.auth);
  if (!principal?.csrfToken)
    throw new Problem('unauthorized', 'the DevForge session of this launch is not in this browser (the LMS may open DevForge in a frame that gets no cookies): set the tool to open in a new window, then launch again');
  return principal;
}

function checkCsrf(form: URLSearchParams, csrf: string): void {
  const sent = form.get('csrf') ?? '';
  if (!sent || !safeEqual(sent, csrf)) throw new Problem('csrf-failed', 'the choice did not come from the picker page: open the picker from the course again');
}

export function mountLti(router: Router, s: ApiServices): void {
  const signInBudget = (ctx: Context) => admit(ctx, s.limits, 'sign-in', undefined, (budget) => s.metrics.rateLimited.inc({ budget }));
  const launchUrl = (ctx: Context) => baseUrl(ctx, s.config) + LTI_PATHS.launch;

  const login = asPage(s, async (ctx) => {
    await signInBudget(ctx);
    const form = await params(ctx);
    const target = required(form, 'target_link_uri', 'the platform says which tool URL it launches');
    const base = baseUrl(ctx, s.config);
    if (!URL.canParse(target) || new URL(target).origin !== new URL(base).origin) throw new Problem('bad-request', `target_link_uri ${target} is not on this DevForge (${base}): set the tool URL in the LMS to ${base}${LTI_PATHS.launch}`);
    const clientId = form.get('client_id');
    const deploymentId = form.get('lti_deployment_id');
    const hint = form.get('lti_message_hint');
    const redirect = await beginLtiLogin(
      s.db,
      {
        iss: required(form, 'iss', 'the platform names itself by its issuer'),
        loginHint: required(form, 'login_hint', 'the platform names the user it signs in'),
        targetLinkUri: target,
        ...(clientId ? { clientId } : {}),
        ...(deploymentId ? { deploymentId } : {}),
        ...(hint ? { ltiMessageHint: hint } : {}),
      },
      launchUrl(ctx),
    );
    ctx.set('cache-control', 'no-store');
    ctx.redirect(redirect);
  });
  router.get(LTI_PATHS.login, login);
  router.post(LTI_PATHS.login, login);

  router.post(
    LTI_PATHS.launch,
    asPage(s, async (ctx) => {
      const admitted = await signInBudget(ctx);
      const form = await params(ctx);
      let launch;
      try {
        launch = await verifyLaunch(s.db, form.get('id_token') ?? undefined, form.get('state') ?? undefined);
      } catch (err) {
        if (err instanceof DomainError) {
          s.log.warn(`lti: launch refused: ${err.message}`);
          await recordAudit(s.db, { actor: 'anonymous', action: 'auth.sign-in-failed', origin: originOf(ctx), details: { method: 'lti', reason: err.message.slice(0, 300) } });
        }
        throw err;
      }
      const session = await signInFromLaunch(s.db, launch, s.config.auth.sessionTtlHours, originOf(ctx), ctx.cookies.get(SESSION_COOKIE));
      setSessionCookie(ctx, s, session.token, session.expiresAt);
      await admitted.succeeded();
      ctx.set('cache-control', 'no-store');
      // 303: the browser follows a form post's answer with a GET.
      ctx.status = 303;
      if (launch.messageType === 'LtiDeepLinkingRequest') {
        ctx.redirect(pickerPath(await saveDeepLink(s.db, launch, session.user.id)));
        return;
      }
      const animation = launchedAnimation(launch.claims);
      ctx.redirect(animation ? animationPath(animation) : '/library');
    }),
  );

  router.get(LTI_PATHS.jwks, async (ctx) => {
    ctx.set('cache-control', 'public, max-age=300');
    ctx.body = await publishedJwks(s.db, s.secrets);
  });

  router.get(LTI_PATHS.autoSubmit, (ctx) => {
    ctx.type = 'text/javascript; charset=utf-8';
    ctx.set('cache-control', 'public, max-age=3600');
    ctx.body = AUTO_SUBMIT_JS;
  });

  router.get(
    LTI_PATHS.picker,
    asPage(s, async (ctx) => {
      const principal = await teacher(ctx, s);
      const token = (ctx.params as { token: string }).token;
      const request = await deepLinkFor(s.db, principal, token);
      const { animations } = await listAnimations(s.db, principal, { owner: 'me', limit: 50 });
      page(
        ctx,
        200,
        pickerHtml({
          action: ctx.path,
          csrf: principal.csrfToken!,
          platformName: request.platform.name || request.platform.issuer,
          email: principal.email,
          animations: animations.map((a) => ({ id: a.id, title: a.title || a.description.slice(0, 80), status: a.status, createdAt: a.createdAt })),
        }),
      );
    }),
  );

  /** Signs the answer and hands the browser the form that carries it to the platform. */
  const answer = async (ctx: Context, principal: Awaited<ReturnType<typeof teacher>>, token: string, animationId: string) => {
    const { returnUrl, jwt } = await answerDeepLink(s.db, s.secrets, principal, token, animationId, launchUrl(ctx), originOf(ctx));
    // The one page whose form leaves the appliance: to the platform's return URL, and nowhere else.
    const csp = PAGE_CSP.replace("form-action 'self'", `form-action 'self' ${new URL(returnUrl).origin}`);
    page(ctx, 200, returnFormHtml(returnUrl, jwt, 'The animation'), csp);
  };

  router.post(
    `${LTI_PATHS.picker}/choose`,
    asPage(s, async (ctx) => {
      const principal = await teacher(ctx, s);
      const form = await params(ctx);
      checkCsrf(form, principal.csrfToken!);
      await answer(ctx, principal, (ctx.params as { token: string }).token, required(form, 'animation_id', 'choose an animation in the picker'));
    }),
  );

  router.post(
    `${LTI_PATHS.picker}/create`,
    asPage(s, async (ctx) => {
      const principal = await teacher(ctx, s);
      const form = await params(ctx);
      checkCsrf(form, principal.csrfToken!);
      const token = (ctx.params as { token: string }).token;
      await deepLinkFor(s.db, principal, token);
      await admit(ctx, s.limits, 'generate', principal, (budget) => s.metrics.rateLimited.inc({ budget }));
      const input = generateBody.safeParse({ description: form.get('description') ?? '' });
      if (!input.success) throw new Problem('bad-request', input.error.issues.map((i) => i.message).join('; '));
      const animation = await createAnimation(s, principal, input.data, originOf(ctx));
      await answer(ctx, principal, token, animation.id);
    }),
  );
}
