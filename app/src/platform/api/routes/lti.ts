// LTI 1.3 administration (docs/lti.md): the learning platforms allowed to launch DevForge, the tool's URLs
// to paste into the LMS, and the tool's signing keys (rotation keeps the previous key published for
// lti.keyOverlapHours). Administrators only; the launch itself is at /lti/* (integrations/lti-routes.ts).
import { z } from 'zod';
import { createPlatform, deletePlatform, getPlatform, listPlatforms, updatePlatform, type LtiPlatform } from '../../domain/commands/lti/platforms.ts';
import { listToolKeys, rotateToolKey } from '../../domain/commands/lti/tool-keys.ts';
import { toolUrls } from '../../integrations/lti-urls.ts';
import { baseUrl, type ApiServices } from '../../services.ts';
import { defineRoute, reply, type AnyRoute } from '../route.ts';
import { isoDate, uuidParam } from '../schemas/common.ts';

const url = z.string().max(2000);

export const ltiPlatformBody = z.strictObject({
  name: z.string().max(200).optional().describe('A label for people (Moodle at Example University).'),
  issuer: z.string().min(1).max(500).describe('The platform ID (iss) the LMS shows for this tool: Moodle’s site address; Canvas’s canvas.instructure.com address.'),
  client_id: z.string().min(1).max(500).describe('The client ID the LMS generated for this tool.'),
  deployment_ids: z.array(z.string().min(1).max(500)).min(1, { error: 'give at least one deployment id (Moodle shows it on the tool; Canvas on the developer key’s deployment)' }).max(100),
  auth_url: url.describe('The platform’s OIDC authentication request URL (Moodle: …/mod/lti/auth.php; Canvas: sso.canvaslms.com/api/lti/authorize_redirect).'),
  jwks_url: url.describe('The platform’s public keyset URL (Moodle: …/mod/lti/certs.php; Canvas: sso.canvaslms.com/api/lti/security/jwks).'),
  trust_email: z.boolean().optional().describe('Let the platform’s e-mail address bind an existing DevForge account with the same address (default false: such a launch is refused).'),
});

export const ltiPlatformSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  issuer: z.string(),
  client_id: z.string(),
  deployment_ids: z.array(z.string()),
  auth_url: z.string(),
  jwks_url: z.string(),
  trust_email: z.boolean(),
  created_at: isoDate,
  updated_at: isoDate,
});

export const ltiToolSchema = z.object({
  login_url: z.string().describe('Initiate login URL (OpenID Connect login initiation).'),
  launch_url: z.string().describe('Redirect URI and target link URI of resource links.'),
  deep_linking_url: z.string().describe('Deep linking (content selection) URL.'),
  jwks_url: z.string().describe('The tool’s public keyset URL.'),
  keys: z.array(z.object({ kid: z.string(), created_at: isoDate, retire_at: isoDate.nullable().describe('When a rotated-out key stops being published; null: the current key.') })),
});

function present(p: LtiPlatform) {
  return {
    id: p.id,
    name: p.name,
    issuer: p.issuer,
    client_id: p.clientId,
    deployment_ids: p.deploymentIds,
    auth_url: p.authUrl,
    jwks_url: p.jwksUrl,
    trust_email: p.trustEmail,
    created_at: p.createdAt.toISOString(),
    updated_at: p.updatedAt.toISOString(),
  };
}

function input(body: z.infer<typeof ltiPlatformBody>) {
  return {
    issuer: body.issuer,
    clientId: body.client_id,
    deploymentIds: body.deployment_ids,
    authUrl: body.auth_url,
    jwksUrl: body.jwks_url,
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.trust_email !== undefined ? { trustEmail: body.trust_email } : {}),
  };
}

export function ltiRoutes(s: ApiServices): AnyRoute[] {
  const allowHttp = s.config.lti.allowHttp;
  return [
    defineRoute({
      method: 'get',
      path: '/lti/platforms',
      tag: 'lti',
      summary: 'The learning platforms (LMS) registered to launch DevForge over LTI 1.3.',
      action: 'lti.read',
      responses: { 200: { description: 'By issuer.', schema: z.object({ platforms: z.array(ltiPlatformSchema) }) } },
      handler: async (ctx, { principal }) => {
        reply(ctx, 200, { platforms: (await listPlatforms(s.db, principal)).map(present) });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/lti/platforms',
      tag: 'lti',
      summary: 'Register a learning platform: its issuer, the client id it gave DevForge, its deployment ids, OIDC auth URL and key set URL.',
      description: 'The URLs must be https (http only on loopback addresses with lti.allowHttp, for tests and labs).',
      action: 'lti.manage',
      body: ltiPlatformBody,
      responses: { 201: { description: 'Registered.', schema: ltiPlatformSchema }, 409: { description: 'That issuer and client id are registered already.' } },
      handler: async (ctx, { body, principal, origin }) => {
        reply(ctx, 201, present(await createPlatform(s.db, principal, input(body), allowHttp, origin)));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/lti/platforms/:id',
      tag: 'lti',
      summary: 'One registered learning platform.',
      action: 'lti.read',
      params: uuidParam,
      responses: { 200: { description: 'The registration.', schema: ltiPlatformSchema }, 404: { description: 'No such platform.' } },
      handler: async (ctx, { params, principal }) => {
        reply(ctx, 200, present(await getPlatform(s.db, principal, params.id)));
      },
    }),
    defineRoute({
      method: 'put',
      path: '/lti/platforms/:id',
      tag: 'lti',
      summary: 'Replace a platform registration (all fields, as for registering).',
      action: 'lti.manage',
      params: uuidParam,
      body: ltiPlatformBody,
      responses: { 200: { description: 'Changed.', schema: ltiPlatformSchema }, 404: { description: 'No such platform.' }, 409: { description: 'Another registration has that issuer and client id.' } },
      handler: async (ctx, { params, body, principal, origin }) => {
        reply(ctx, 200, present(await updatePlatform(s.db, principal, params.id, input(body), allowHttp, origin)));
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/lti/platforms/:id',
      tag: 'lti',
      summary: 'Remove a platform: its launches are refused from now on (accounts made by its launches stay).',
      action: 'lti.manage',
      params: uuidParam,
      responses: { 204: { description: 'Removed.' }, 404: { description: 'No such platform.' } },
      handler: async (ctx, { params, principal, origin }) => {
        await deletePlatform(s.db, principal, params.id, origin);
        ctx.status = 204;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/lti/tool',
      tag: 'lti',
      summary: 'The tool’s URLs to paste into the LMS (login, launch, deep linking, key set) and its published signing keys.',
      action: 'lti.read',
      responses: { 200: { description: 'URLs and keys.', schema: ltiToolSchema } },
      handler: async (ctx, { principal }) => {
        const keys = await listToolKeys(s.db, s.secrets, principal);
        reply(ctx, 200, { ...toolUrls(baseUrl(ctx, s.config)), keys: keys.map((k) => ({ kid: k.kid, created_at: k.createdAt.toISOString(), retire_at: k.retireAt?.toISOString() ?? null })) });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/lti/tool/keys/rotate',
      tag: 'lti',
      summary: 'Make a new tool signing key; the previous one stays published at /lti/jwks for lti.keyOverlapHours.',
      action: 'lti.manage',
      responses: { 200: { description: 'The new key and the ones retiring.', schema: z.object({ kid: z.string(), retiring: z.array(z.string()), overlap_hours: z.number() }) } },
      handler: async (ctx, { principal, origin }) => {
        const hours = s.config.lti.keyOverlapHours;
        const rotated = await rotateToolKey(s.db, s.secrets, principal, hours, origin);
        reply(ctx, 200, { ...rotated, overlap_hours: hours });
      },
    }),
  ];
}
