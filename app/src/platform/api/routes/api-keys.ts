// API keys for programs: create (the key is in this one response only), list, revoke.
import { z } from 'zod';
import { createApiKey, revokeApiKey } from '../../domain/commands/api-keys.ts';
import { listApiKeys } from '../../domain/queries/accounts.ts';
import type { ApiServices } from '../../services.ts';
import { presentApiKey } from '../presenters/accounts.ts';
import { defineRoute, reply, type AnyRoute } from '../route.ts';
import { ROLE_ENUM, uuidParam } from '../schemas/common.ts';

const keySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: ROLE_ENUM,
  prefix: z.string(),
  user_id: z.uuid(),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  expires_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
  active: z.boolean(),
});

export function apiKeyRoutes(s: ApiServices): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api-keys',
      tag: 'accounts',
      summary: 'Create an API key. The key is returned once; only its hash is stored.',
      action: 'api-key.create',
      body: z.strictObject({
        name: z.string().min(1).max(100),
        role: ROLE_ENUM.optional().describe('Default: your own role. Never stronger than your own.'),
        expires_in_days: z.number().int().min(1).max(3650).optional(),
      }),
      responses: { 201: { description: 'Created; `key` is shown only here.', schema: keySchema.extend({ key: z.string() }) } },
      handler: async (ctx, { body, principal, origin }) => {
        const { apiKey, key } = await createApiKey(s.db, principal, { name: body.name, role: body.role, expiresInDays: body.expires_in_days }, origin);
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
