// The browser's single sign-on: GET /auth/oidc/login sends the browser to the identity provider (the
// state, nonce and PKCE verifier stay in the database, named by a ten-minute HttpOnly cookie), and
// GET /auth/oidc/callback checks the answer, maps the role, signs the user in with the same session
// cookie as the password sign-in and sends them to /. Outside /api/v1: these are pages, not API calls,
// and the callback is the redirect URI registered at the IdP (<publicUrl>/auth/oidc/callback).
// Both count against the sign-in budget of the client address (rateLimit.signInPerMinute, api/rate-limit.ts),
// as the password sign-in does: each login stores a pending sign-in and each callback calls the IdP. A
// successful callback gives its attempt back. Failures are pages (message-page.ts) a person can act on.
import type Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import { PROBLEMS } from '../api/problems.ts';
import { admit } from '../api/rate-limit.ts';
import { setSessionCookie } from '../api/routes/auth.ts';
import { IdpUnavailableError } from '../auth/errors.ts';
import { SESSION_COOKIE } from '../auth/session-authenticator.ts';
import type { IdentityProvider } from '../auth/oidc/identity-provider.ts';
import { claimValues, groupNames, mapRole, roleRule } from '../auth/oidc/role-mapping.ts';
import { recordAudit, type Origin } from '../domain/audit/record.ts';
import { savePendingLogin, signInWithIdentity, takePendingLogin } from '../domain/commands/oidc-sign-in.ts';
import { DomainError } from '../domain/errors.ts';
import { baseUrl, type ApiServices } from '../services.ts';
import { asProblemPage } from './problem-page.ts';

const LOGIN_COOKIE = 'devforge_oidc_login';
const LOGIN_COOKIE_PATH = '/auth/oidc';

function originOf(ctx: Context): Origin {
  const userAgent = ctx.get('user-agent');
  return { ip: ctx.ip || 'unknown', ...(userAgent ? { userAgent } : {}) };
}

function redirectUri(ctx: Context, s: ApiServices): string {
  return `${baseUrl(ctx, s.config)}/auth/oidc/callback`;
}

/** Runs a sign-on route; a failure the API would answer with a problem is shown as a page with the same status and headers. */
function asPage(s: ApiServices, handler: Middleware): Middleware {
  return asProblemPage(s.log, handler, (problem) => ({
    title: problem.status === 503 ? 'Single sign-on is unavailable' : PROBLEMS[problem.type].title,
    message: problem.message,
    links: [
      ['Try again', '/auth/oidc/login'],
      [s.config.auth.localLogin ? 'Sign in with a password' : 'Administrator sign-in', '/'],
    ],
  }));
}

export function mountOidc(router: Router, s: ApiServices, idp: IdentityProvider): void {
  const rule = roleRule(s.config.auth.oidc);
  const signInBudget = (ctx: Context) => admit(ctx, s.limits, 'sign-in', undefined, (budget) => s.metrics.rateLimited.inc({ budget }));

  router.get(
    '/auth/oidc/login',
    asPage(s, async (ctx) => {
      await signInBudget(ctx);
      const { url, checks } = await idp.beginLogin(redirectUri(ctx, s));
      const token = await savePendingLogin(s.db, checks);
      // SameSite=Lax: the IdP's redirect back is a top-level GET navigation, which Lax cookies accompany.
      ctx.cookies.set(LOGIN_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: LOGIN_COOKIE_PATH, maxAge: 10 * 60_000, overwrite: true });
      ctx.set('cache-control', 'no-store');
      ctx.redirect(url);
    }),
  );

  router.get(
    '/auth/oidc/callback',
    asPage(s, async (ctx) => {
      ctx.set('cache-control', 'no-store');
      const admitted = await signInBudget(ctx);
      const checks = await takePendingLogin(s.db, ctx.cookies.get(LOGIN_COOKIE));
      ctx.cookies.set(LOGIN_COOKIE, '', { httpOnly: true, sameSite: 'lax', path: LOGIN_COOKIE_PATH, expires: new Date(0) });
      let identity;
      try {
        identity = await idp.finishLogin(new URL(ctx.originalUrl, baseUrl(ctx, s.config)), checks, redirectUri(ctx, s));
      } catch (err) {
        if (err instanceof IdpUnavailableError) throw err;
        const e = err as Error & { error?: string; error_description?: string; cause?: { error?: string; error_description?: string; message?: string } };
        const why = [e.error, e.error_description ?? e.message, e.cause?.error_description ?? e.cause?.message].filter(Boolean).join(': ');
        s.log.warn(`single sign-on: callback refused: ${why}`);
        await recordAudit(s.db, { actor: 'anonymous', action: 'auth.sign-in-failed', origin: originOf(ctx), details: { method: 'oidc', reason: 'answer-refused' } });
        throw new DomainError('sign-in-refused', `the identity provider's answer was not accepted: ${why}; start again at /auth/oidc/login`);
      }
      const names = claimValues(identity.claims, rule.claim);
      const role = mapRole(names, rule);
      if (!role) {
        await recordAudit(s.db, { actor: 'anonymous', action: 'auth.sign-in-failed', label: identity.email, origin: originOf(ctx), details: { method: 'oidc', reason: 'no-mapped-role' } });
        throw new DomainError(
          'sign-in-refused',
          `${identity.email} has no DevForge role: the claim ${rule.claim} holds ${names.join(', ') || 'nothing'}, and none of it is in auth.oidc.roleMap; ask your identity administrator for a DevForge role or group`,
        );
      }
      const groups = groupNames(claimValues(identity.claims, s.config.auth.oidc.groupsClaim));
      const session = await signInWithIdentity(s.db, { ...identity, role, groups, emailVerified: identity.claims.email_verified === true }, s.config.auth.sessionTtlHours, originOf(ctx), ctx.cookies.get(SESSION_COOKIE));
      setSessionCookie(ctx, s, session.token, session.expiresAt);
      await admitted.succeeded();
      ctx.redirect('/');
    }),
  );
}
