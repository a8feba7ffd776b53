// Sign-in, sign-out and "who am I" for the browser (cookie session) and for programs (API key).
import type { Context } from 'koa';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../auth/session-authenticator.ts';
import { listSessions, login, logout, revokeSession } from '../../domain/commands/sessions.ts';
import { changeOwnPassword } from '../../domain/commands/users.ts';
import { ACTIONS, decide, type Actor } from '../../domain/policy.ts';
import { currentUser } from '../../domain/queries/accounts.ts';
import { baseUrl, type ApiServices } from '../../services.ts';
import { presentSession, presentUser } from '../presenters/accounts.ts';
import { defineRoute, reply, type AnyRoute } from '../route.ts';
import { ROLE_ENUM, uuidParam } from '../schemas/common.ts';

const loginBody = z.strictObject({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) });
export const userSchema = z.object({ id: z.uuid(), email: z.string(), name: z.string(), role: ROLE_ENUM, disabled: z.boolean(), created_at: z.string(), last_login_at: z.string().nullable() });
export const sessionSchema = z.object({
  id: z.uuid(),
  created_at: z.string(),
  last_seen_at: z.string(),
  expires_at: z.string().describe('When it ends unless used before then (auth.sessionTtlHours of inactivity).'),
  ends_at: z.string().describe('When it ends however active (auth.sessionMaxHours after sign-in).'),
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
  current: z.boolean(),
});
const logoutSchema = z.object({ end_session_url: z.string() });
export const meSchema = z.object({
  user: userSchema,
  role: ROLE_ENUM,
  via: z.enum(['session', 'api-key', 'oidc']),
  csrf_token: z.string().optional(),
  actions: z.array(z.enum(ACTIONS)).describe('What this caller may do before any one thing is looked at (its role, and a key its scopes): the web app shows only these.'),
});

/** The session cookie, for the password sign-in here and the single sign-on callback (web/oidc-routes.ts). */
export function setSessionCookie(ctx: Context, s: ApiServices, token: string, expires: Date): void {
  const mode = s.config.auth.secureCookies;
  const secure = mode === 'always' || (mode === 'auto' && ctx.secure);
  if (secure) ctx.cookies.secure = true;
  ctx.cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires, overwrite: true });
}

/** The actions the policy lets this caller take before looking at any one thing (the web app's nav and buttons follow it). */
function allowedActions(principal: Actor) {
  return ACTIONS.filter((action) => decide(principal, action).allowed);
}

export function authRoutes(s: ApiServices): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/auth/login',
      tag: 'accounts',
      summary: 'Sign in with e-mail and password; sets the HttpOnly session cookie and returns the CSRF token for writes.',
      action: 'public',
      // Password attempts are counted per client address before the body is read (mount.ts) and per
      // account before the password is checked (the domain's PasswordGuard).
      rateLimit: 'sign-in',
      body: loginBody,
      responses: { 200: { description: 'Signed in.', schema: meSchema }, 429: { description: 'Too many password attempts from this address, or the account is locked for a while.' } },
      handler: async (ctx, { body, origin }) => {
        // auth.localLogin off (with SSO on): only the break-glass administrator may use a password.
        const onlyEmail = !s.config.auth.localLogin && s.oidc ? s.config.auth.adminEmail : undefined;
        // The browser's earlier session cookie (if any) is dropped: every sign-in gets a fresh token.
        const session = await login(s.db, s.passwords, body.email, body.password, s.config.auth.sessionTtlHours, origin, onlyEmail, ctx.cookies.get(SESSION_COOKIE));
        setSessionCookie(ctx, s, session.token, session.expiresAt);
        reply(ctx, 200, { user: presentUser(session.user), role: session.user.role, via: 'session', csrf_token: session.csrfToken, actions: allowedActions({ userId: session.user.id, role: session.user.role, via: 'session' }) });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/auth/logout',
      tag: 'accounts',
      summary: 'End the browser session. A single sign-on session answers 200 with end_session_url: send the browser there to end the identity provider session too.',
      action: 'session.end',
      responses: { 200: { description: 'Signed out here; the identity provider session ends at end_session_url.', schema: logoutSchema }, 204: { description: 'Signed out.' } },
      handler: async (ctx, { principal, origin }) => {
        const { idToken } = await logout(s.db, principal, origin);
        ctx.cookies.set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', path: '/', expires: new Date(0) });
        const endSessionUrl = idToken && s.oidc ? s.oidc.endSessionUrl(idToken, `${baseUrl(ctx, s.config)}/`) : undefined;
        if (endSessionUrl) reply(ctx, 200, { end_session_url: endSessionUrl });
        else ctx.status = 204;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/me',
      tag: 'accounts',
      summary: 'The signed-in user, the role this request acts with, and (sessions) the CSRF token.',
      action: 'account.read',
      responses: { 200: { description: 'The caller.', schema: meSchema } },
      handler: async (ctx, { principal }) => {
        const user = await currentUser(s.db, principal);
        reply(ctx, 200, { user: presentUser(user), role: principal.role, via: principal.via, ...(principal.csrfToken ? { csrf_token: principal.csrfToken } : {}), actions: allowedActions(principal) });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/me/password',
      tag: 'accounts',
      summary: 'Change your own password: your other sessions end and your API keys are revoked.',
      action: 'account.change-password',
      rateLimit: 'sign-in',
      body: z.strictObject({ current_password: z.string().min(1).max(1024), new_password: z.string().min(1).max(1024) }),
      responses: { 204: { description: 'Changed.' }, 429: { description: 'Too many password attempts from this address, or the account is locked for a while.' } },
      handler: async (ctx, { body, principal, origin }) => {
        await changeOwnPassword(s.db, s.passwords, principal, body.current_password, body.new_password, origin);
        s.auth.forget();
        ctx.status = 204;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/me/sessions',
      tag: 'accounts',
      summary: 'Your browser sessions: when each began and was last used, from where, and which one is this.',
      action: 'session.list',
      responses: { 200: { description: 'Live sessions, newest first.', schema: z.object({ sessions: z.array(sessionSchema) }) } },
      handler: async (ctx, { principal }) => {
        const sessions = await listSessions(s.db, principal, s.config.auth.sessionMaxHours);
        reply(ctx, 200, { sessions: sessions.map(presentSession) });
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/me/sessions/:id',
      tag: 'accounts',
      summary: 'End one of your sessions (another browser, a lost device). Ending the current one signs you out here.',
      action: 'session.revoke',
      params: uuidParam,
      responses: { 204: { description: 'Ended.' }, 404: { description: 'No such session of yours.' } },
      handler: async (ctx, { params, principal, origin }) => {
        await revokeSession(s.db, principal, params.id, origin);
        ctx.status = 204;
      },
    }),
  ];
}
