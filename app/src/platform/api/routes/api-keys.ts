// API keys for programs: create (the key is in this one response only; scopes and expiry chosen here), list, revoke;
// a publishable key's (the widget's, docs/widget.md) allowed web origins.
import { z } from 'zod';
import { createApiKey, revokeApiKey, setAllowedOrigins } from '../../domain/commands/api-keys.ts';
import { MAX_ALLOWED_ORIGINS } from '../../domain/commands/key-origins.ts';
import { listApiKeys } from '../../domain/queries/accounts.ts';
import type { ApiServices } from '../../services.ts';
import { presentApiKey } from '../presenters/accounts.ts';
import { defineRoute, reply, type AnyRoute } from '../route.ts';
import { SCOPES } from '../../auth/scopes.ts';
import { ROLE_ENUM, SCOPE_ENUM, uuidParam } from '../schemas/common.ts';

export const keySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: ROLE_ENUM,
  scopes: z.array(SCOPE_ENUM),
  prefix: z.string(),
  user_id: z.uuid(),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  expires_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
  active: z.boolean(),
  sandbox: z.boolean().describe('A sandbox key: its renders are watermarked SANDBOX, at most 720p and 15 s, and count against no quota.'),
  kind: z.enum(['secret', 'publishable']).describe('secret (dfk_…): for servers. publishable (dfp_…): for web pages (the widget), works only from allowed_origins and only for what the widget does.'),
  allowed_origins: z.array(z.string()).describe("A publishable key's web origins (scheme://host[:port]); empty for secret keys."),
});

const originsField = z.array(z.string().max(300)).max(MAX_ALLOWED_ORIGINS);

export function apiKeyRoutes(s: ApiServices): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api-keys',
      tag: 'accounts',
      summary: 'Create an API key with scopes and an expiry. The key is returned once; only its hash is stored.',
      description:
        'A key acts with its role and only within its scopes; a request outside them gets 403 naming the missing scope. Every key expires: without expires_in_days or expires_at it gets the longest lifetime allowed (apiKeys.maxLifetimeDays, or apiKeys.adminMaxLifetimeDays for administrators); an expired key gets 401 saying when it expired.',
      action: 'api-key.create',
      body: z.strictObject({
        name: z.string().min(1).max(100),
        role: ROLE_ENUM.optional().describe('Default: your own role. Never stronger than your own.'),
        scopes: z.array(SCOPE_ENUM).min(1).max(SCOPES.length).optional().describe('What the key may be used for. Default: every scope its role allows (viewer: animations:read; editor: also animations:write; admin: also admin).'),
        expires_in_days: z.number().int().min(1).max(36500).optional().describe('Days until the key expires; at most apiKeys.maxLifetimeDays (admins: apiKeys.adminMaxLifetimeDays).'),
        expires_at: z.iso.datetime({ offset: true }).optional().describe('When the key expires (instead of expires_in_days), within the same maximum.'),
        sandbox: z.boolean().optional().describe('A sandbox key, for trying the API out on any tier: its renders are watermarked "SANDBOX", at most 720p and 15 seconds, and count against neither animations nor API calls per month.'),
        kind: z
          .enum(['secret', 'publishable'])
          .optional()
          .describe('Default secret. publishable: a dfp_ key for the embeddable widget (docs/widget.md), usable only from allowed_origins and only to analyse, generate and read its animations; never the admin scope.'),
        allowed_origins: originsField
          .optional()
          .describe('For kind publishable (required): the web origins of the pages that embed the widget, each exactly scheme://host[:port], such as http://localhost:8080 (a path, query or wildcard is refused).'),
      }),
      responses: { 201: { description: 'Created; `key` is shown only here.', schema: keySchema.extend({ key: z.string() }) } },
      handler: async (ctx, { body, principal, origin }) => {
        const input = {
          name: body.name,
          ...(body.role ? { role: body.role } : {}),
          ...(body.scopes ? { scopes: body.scopes } : {}),
          ...(body.expires_in_days !== undefined ? { expiresInDays: body.expires_in_days } : {}),
          ...(body.expires_at !== undefined ? { expiresAt: new Date(body.expires_at) } : {}),
          ...(body.sandbox ? { sandbox: true } : {}),
          ...(body.kind ? { kind: body.kind } : {}),
          ...(body.allowed_origins ? { allowedOrigins: body.allowed_origins } : {}),
        };
        const { apiKey, key } = await createApiKey(s.db, principal, input, origin, s.config.apiKeys);
        reply(ctx, 201, { ...presentApiKey(apiKey), key });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api-keys',
      tag: 'accounts',
      summary: "Your API keys (admins: owner=all lists everyone's).",
      action: 'api-key.list',
      query: z.object({ owner: z.enum(['me', 'all']).default('me') }),
      responses: { 200: { description: 'Keys, newest first.', schema: z.object({ api_keys: z.array(keySchema) }) } },
      handler: async (ctx, { query, principal }) => {
        const keys = await listApiKeys(s.db, principal, query.owner);
        reply(ctx, 200, { api_keys: keys.map(presentApiKey) });
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api-keys/:id/allowed-origins',
      tag: 'accounts',
      summary: "Replace a publishable key's allowed web origins (the pages that may embed the widget with it).",
      description: 'Each origin is exactly scheme://host[:port] (no path, no wildcard); they are stored as browsers send them in the Origin header. The change applies to the next request in every process. A secret key has no origins: 409.',
      action: 'api-key.update-origins',
      params: uuidParam,
      body: z.strictObject({ allowed_origins: originsField.describe('The full new list (at least one).') }),
      responses: { 200: { description: 'The key, with its new origins.', schema: keySchema }, 404: { description: 'No such key of yours.' }, 409: { description: 'A secret or revoked key.' } },
      handler: async (ctx, { params, body, principal, origin }) => {
        const key = await setAllowedOrigins(s.db, principal, params.id, body.allowed_origins, origin);
        s.auth.forget();
        reply(ctx, 200, presentApiKey(key));
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api-keys/:id',
      tag: 'accounts',
      summary: 'Revoke an API key at once.',
      action: 'api-key.revoke',
      params: uuidParam,
      responses: { 204: { description: 'Revoked.' }, 404: { description: 'No such key of yours.' } },
      handler: async (ctx, { params, principal, origin }) => {
        await revokeApiKey(s.db, principal, params.id, origin);
        s.auth.forget();
        ctx.status = 204;
      },
    }),
  ];
}
