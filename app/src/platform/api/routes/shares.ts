// Sharing an animation: who else may view or change it (users and IdP groups), and the
// organisation-wide "anyone signed in can view" switch. Only the owner and admins manage these
// (animation.share); a sharee gets 403, anyone else 404.
import { z } from 'zod';
import { setOrgVisible, shareAnimation, unshareAnimation, type Grantee } from '../../domain/commands/shares.ts';
import { animationPayload } from '../../domain/payloads.ts';
import { getAnimationSummary } from '../../domain/queries/animations.ts';
import { listShares } from '../../domain/queries/shares.ts';
import { baseUrl, type ApiServices } from '../../services.ts';
import { presentShares } from '../presenters/shares.ts';
import { defineRoute, reply, type AnyRoute } from '../route.ts';
import { animationSchema } from '../schemas/animations.ts';
import { uuidParam } from '../schemas/common.ts';

const ACCESS = z.enum(['read', 'write']);
const userRef = z.string().min(1).max(320).describe('The e-mail address or id of a DevForge account.');
const groupRef = z.string().min(1).max(200).describe('An IdP group name, as the groups claim (auth.oidc.groupsClaim) names it; a leading / is dropped.');
const ONE_GRANTEE = 'name exactly one of user or group';

const shareBody = z
  .strictObject({
    user: userRef.optional(),
    group: groupRef.optional(),
    access: ACCESS.describe('read: view it and its files; write: also cancel and re-render (only for editors: a viewer stays read-only).'),
  })
  .refine((b) => (b.user === undefined) !== (b.group === undefined), { message: ONE_GRANTEE, path: ['user'] });

const unshareQuery = z.strictObject({ user: userRef.optional(), group: groupRef.optional() }).refine((q) => (q.user === undefined) !== (q.group === undefined), { message: ONE_GRANTEE, path: ['user'] });

const grantMeta = { access: ACCESS, granted_by: z.uuid().nullable(), granted_at: z.string() };
export const sharesSchema = z.object({
  animation_id: z.uuid(),
  org_visible: z.boolean(),
  shares: z.array(z.union([z.object({ kind: z.literal('user'), user: z.object({ id: z.uuid(), email: z.string(), name: z.string() }), ...grantMeta }), z.object({ kind: z.literal('group'), group: z.string(), ...grantMeta })])),
});

function grantee(ref: { user?: string | undefined; group?: string | undefined }): Grantee {
  return ref.user !== undefined ? { user: ref.user } : { group: ref.group! };
}

export function shareRoutes(s: ApiServices): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/animations/:id/shares',
      tag: 'sharing',
      summary: 'Who the animation is shared with, and whether anyone signed in can view it (owner and admins).',
      action: 'animation.share',
      params: uuidParam,
      responses: { 200: { description: 'Its shares.', schema: sharesSchema }, 403: { description: 'Shared with you, but only its owner or an admin manages its shares.' }, 404: { description: 'No such animation you can see.' } },
      handler: async (ctx, { params, principal }) => reply(ctx, 200, presentShares(await listShares(s.db, principal, params.id))),
    }),
    defineRoute({
      method: 'put',
      path: '/animations/:id/shares',
      tag: 'sharing',
      summary: 'Share the animation with a user or an IdP group, read or write (again: change their access).',
      action: 'animation.share',
      params: uuidParam,
      body: shareBody,
      responses: { 200: { description: 'Its shares now.', schema: sharesSchema }, 422: { description: 'No such user, or not exactly one of user and group.' } },
      handler: async (ctx, { params, body, principal, origin }) => reply(ctx, 200, presentShares(await shareAnimation(s.db, principal, params.id, grantee(body), body.access, origin))),
    }),
    defineRoute({
      method: 'delete',
      path: '/animations/:id/shares',
      tag: 'sharing',
      summary: 'Stop sharing the animation with a user (?user=) or an IdP group (?group=).',
      action: 'animation.share',
      params: uuidParam,
      query: unshareQuery,
      responses: { 204: { description: 'No longer shared with them.' }, 404: { description: 'No such animation, or not shared with them.' } },
      handler: async (ctx, { params, query, principal, origin }) => {
        await unshareAnimation(s.db, principal, params.id, grantee(query), origin);
        ctx.status = 204;
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/animations/:id',
      tag: 'sharing',
      summary: 'Change an animation: org_visible (anyone signed in can view it, read-only). Owner and admins.',
      action: 'animation.share',
      params: uuidParam,
      body: z.strictObject({ org_visible: z.boolean().describe('true: anyone signed in can view it and its files; false: only its owner, admins and those it is shared with.') }),
      responses: { 200: { description: 'The animation.', schema: animationSchema } },
      handler: async (ctx, { params, body, principal, origin }) => {
        await setOrgVisible(s.db, principal, params.id, body.org_visible, origin);
        reply(ctx, 200, animationPayload(await getAnimationSummary(s.db, principal, params.id), baseUrl(ctx, s.config)));
      },
    }),
  ];
}
