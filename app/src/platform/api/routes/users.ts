// Account administration (admins only).
import { z } from 'zod';
import { endUserSessions } from '../../domain/commands/sessions.ts';
import { createUser, updateUser } from '../../domain/commands/users.ts';
import { listUsers } from '../../domain/queries/accounts.ts';
import type { ApiServices } from '../../services.ts';
import { presentUser } from '../presenters/accounts.ts';
import { defineRoute, reply, type AnyRoute } from '../route.ts';
import { ROLE_ENUM, uuidParam } from '../schemas/common.ts';

export const userSchema = z.object({ id: z.uuid(), email: z.string(), name: z.string(), role: ROLE_ENUM, disabled: z.boolean(), created_at: z.string(), last_login_at: z.string().nullable() });

export function userRoutes(s: ApiServices): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/users',
      tag: 'accounts',
      summary: 'Create a local account.',
      action: 'user.create',
      body: z.strictObject({ email: z.email().max(320), name: z.string().max(200).optional(), role: ROLE_ENUM, password: z.string().max(1024).describe('At least 10 characters.') }),
      responses: { 201: { description: 'Created.', schema: userSchema }, 409: { description: 'The e-mail address is taken.' } },
      handler: async (ctx, { body, principal, origin }) => {
        reply(ctx, 201, presentUser(await createUser(s.db, principal, body, origin)));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/users',
      tag: 'accounts',
      summary: 'Every account.',
      action: 'user.list',
      responses: { 200: { description: 'Accounts by e-mail.', schema: z.object({ users: z.array(userSchema) }) } },
      handler: async (ctx, { principal }) => {
        const users = await listUsers(s.db, principal);
        reply(ctx, 200, { users: users.map(presentUser) });
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/users/:id',
      tag: 'accounts',
      summary: 'Change an account: name, role, disabled, password.',
      description: 'Setting a password or disabling the account revokes its API keys and ends its sessions; enabling it again brings neither back.',
      action: 'user.update',
      params: uuidParam,
      body: z.strictObject({ name: z.string().max(200).optional(), role: ROLE_ENUM.optional(), disabled: z.boolean().optional(), password: z.string().max(1024).optional() }),
      responses: { 200: { description: 'Changed.', schema: userSchema } },
      handler: async (ctx, { params, body, principal, origin }) => {
        const user = await updateUser(s.db, s.passwords, principal, params.id, body, origin);
        s.auth.forget();
        reply(ctx, 200, presentUser(user));
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/users/:id/sessions',
      tag: 'accounts',
      summary: 'End every browser session of an account (a lost device, someone leaving); its API keys stay.',
      action: 'user.sessions.end',
      params: uuidParam,
      responses: { 200: { description: 'Ended.', schema: z.object({ sessions_ended: z.number() }) }, 404: { description: 'No such user.' } },
      handler: async (ctx, { params, principal, origin }) => {
        reply(ctx, 200, { sessions_ended: await endUserSessions(s.db, principal, params.id, origin) });
      },
    }),
  ];
}
