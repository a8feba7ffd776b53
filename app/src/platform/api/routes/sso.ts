// Single sign-on for administrators: GET /sso shows the OpenID Connect settings in force (every secret
// redacted: only whether one is set), POST /sso/test asks the issuer's discovery document now and says
// in words what it found or what went wrong.
import { z } from 'zod';
import { SIGN_IN_SCOPES } from '../../auth/oidc/identity-provider.ts';
import { parseRoleMap } from '../../auth/oidc/role-mapping.ts';
import { baseUrl, type ApiServices } from '../../services.ts';
import { Problem } from '../problems.ts';
import { defineRoute, reply, type AnyRoute } from '../route.ts';

export const ssoSchema = z.object({
  configured: z.boolean().describe('Whether auth.oidc.issuer is set.'),
  issuer: z.string().nullable(),
  client_id: z.string().nullable(),
  client_secret: z.enum(['set', 'not set']).describe('Never the secret itself.'),
  scopes: z.array(z.string()),
  redirect_uri: z.string().describe('Register this at the identity provider.'),
  sign_in_url: z.string(),
  display_name: z.string(),
  local_login: z.boolean(),
  role_claim: z.string(),
  role_map: z.array(z.object({ idp: z.string(), role: z.string() })),
  default_role: z.string(),
  groups_claim: z.string(),
  audience: z.string(),
  discovered: z.boolean().describe('Whether this process has read the issuer’s discovery document.'),
  discovery_error: z.string().nullable(),
});

export const ssoTestSchema = z.object({
  ok: z.boolean(),
  issuer: z.string(),
  message: z.string().describe('What was found, or what went wrong and what to check, in words.'),
  checked_at: z.string(),
  endpoints: z.object({ authorization: z.string().nullable(), token: z.string().nullable(), userinfo: z.string().nullable(), jwks: z.string().nullable(), end_session: z.string().nullable() }).nullable(),
});

export function ssoRoutes(s: ApiServices): AnyRoute[] {
  const oidc = s.config.auth.oidc;
  return [
    defineRoute({
      method: 'get',
      path: '/sso',
      tag: 'accounts',
      summary: 'The single sign-on (OpenID Connect) settings in force: issuer, client id, scopes, role mapping, redirect URI. Secrets are never shown.',
      action: 'sso.read',
      responses: { 200: { description: 'The settings.', schema: ssoSchema } },
      handler: async (ctx) => {
        const idp = s.oidc;
        const discovery = idp
          ? await idp.check().then(
              () => null,
              (err: Error) => err.message,
            )
          : null;
        reply(ctx, 200, {
          configured: Boolean(oidc.issuer),
          issuer: oidc.issuer || null,
          client_id: oidc.clientId || null,
          client_secret: idp?.settings.clientSecret || oidc.clientSecret ? 'set' : 'not set',
          scopes: [...SIGN_IN_SCOPES],
          redirect_uri: `${baseUrl(ctx, s.config)}/auth/oidc/callback`,
          sign_in_url: '/auth/oidc/login',
          display_name: oidc.displayName,
          local_login: s.config.auth.localLogin,
          role_claim: oidc.roleClaim,
          role_map: [...parseRoleMap(oidc.roleMap)].map(([idpRole, role]) => ({ idp: idpRole, role })),
          default_role: oidc.defaultRole,
          groups_claim: oidc.groupsClaim,
          audience: oidc.audience || oidc.clientId,
          discovered: Boolean(idp) && discovery === null,
          discovery_error: discovery,
        });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/sso/test',
      tag: 'accounts',
      summary: 'Ask the identity provider for its discovery document now and say what it answered (ok: false with the reason in words when it did not).',
      action: 'sso.test',
      responses: { 200: { description: 'The outcome, in words.', schema: ssoTestSchema }, 409: { description: 'Single sign-on is not configured.' } },
      handler: async (ctx) => {
        const idp = s.oidc;
        if (!idp) throw new Problem('conflict', 'single sign-on is not configured: set auth.oidc.issuer (DEVFORGE_OIDC_ISSUER), auth.oidc.clientId and the client secret, then restart');
        const checkedAt = new Date().toISOString();
        try {
          await idp.refresh();
          const m = idp.metadata();
          reply(ctx, 200, {
            ok: true,
            issuer: idp.settings.issuer,
            message: `The identity provider ${idp.settings.issuer} answered: sign-ins go to ${m.authorization_endpoint ?? 'its authorization endpoint'}${m.end_session_endpoint ? ', and signing out ends its session too' : '; it has no end-session endpoint, so signing out ends only the DevForge session'}.`,
            checked_at: checkedAt,
            endpoints: {
              authorization: m.authorization_endpoint ?? null,
              token: m.token_endpoint ?? null,
              userinfo: m.userinfo_endpoint ?? null,
              jwks: m.jwks_uri ?? null,
              end_session: m.end_session_endpoint ?? null,
            },
          });
        } catch (err) {
          reply(ctx, 200, { ok: false, issuer: idp.settings.issuer, message: (err as Error).message, checked_at: checkedAt, endpoints: null });
        }
      },
    }),
  ];
}
