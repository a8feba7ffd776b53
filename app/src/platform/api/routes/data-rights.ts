// Data-protection requests (GDPR portability and erasure): a person downloads everything DevForge holds
// about them as a zip (an administrator can do it on their behalf), and an administrator deletes an
// account, deleting or handing over its animations. docs/data-rights.md describes both.
import type { Context } from 'koa';
import { z } from 'zod';
import { zipEntries } from '../../archive/zip.ts';
import { eraseUser } from '../../domain/commands/erase-user.ts';
import { exportOwnData, exportUserData, type UserExport } from '../../domain/queries/user-export.ts';
import type { ApiServices } from '../../services.ts';
import { Problem } from '../problems.ts';
import { defineRoute, reply, type AnyRoute } from '../route.ts';
import { uuidParam } from '../schemas/common.ts';

const eraseQuery = z
  .strictObject({
    animations: z.enum(['delete', 'handover']).describe('delete: the animations and their files go with the account; handover: they are given to the user `to`.'),
    to: z.uuid({ error: 'not a valid user id' }).optional().describe('With animations=handover: the id of the editor or administrator who receives them.'),
  })
  .superRefine((q, ctx) => {
    if (q.animations === 'handover' && !q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'animations=handover needs to=<user id> (an editor or administrator)' });
    if (q.animations === 'delete' && q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to is only for animations=handover; leave it out to delete the animations' });
  });

const erasureSchema = z.object({
  user_id: z.uuid(),
  animations_deleted: z.number().int(),
  animations_handed_over: z.number().int(),
  handed_over_to: z.uuid().nullable(),
  audit_entries_anonymised: z.number().int(),
  files_not_removed: z.array(z.string()).describe('Storage prefixes that could not be removed and must be removed by hand (empty when all went).'),
});

const zipResponses = {
  200: { description: 'The zip: README.txt, user.json, api-keys.json, animations.json with each animation’s files, batches.json, usage.json, webhook-deliveries.json, audit.json.', type: 'application/zip' },
  503: { description: 'Object storage is unreachable.' },
};

async function sendZip(s: ApiServices, ctx: Context, data: Promise<UserExport>): Promise<void> {
  const { filename, entries } = await data;
  try {
    // Checked before the first byte: once the zip streams, a failure can only cut the download short.
    await s.storage.ping();
  } catch (err) {
    s.log.warn(`export: object storage does not answer: ${(err as Error).message}`);
    throw new Problem('service-unavailable', 'the export could not be packed: object storage does not answer; check that it is reachable (GET /readyz) and try again', {}, { 'retry-after': '30' });
  }
  const body = zipEntries(entries);
  body.on('error', (err: Error) => s.log.warn(`export ${filename} ended early: ${err.message}: ${(err.cause as Error | undefined)?.message ?? 'unknown cause'}`));
  ctx.status = 200;
  ctx.type = 'application/zip';
  ctx.set('content-disposition', `attachment; filename="${filename}"`);
  ctx.set('cache-control', 'no-store');
  ctx.body = body;
}

export function dataRightsRoutes(s: ApiServices): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/me/export',
      tag: 'accounts',
      summary: 'Everything DevForge holds about you, as a zip (GDPR portability). Signed in, or with an admin key; recorded as user.export.',
      action: 'account.export',
      responses: zipResponses,
      handler: (ctx, { principal, origin }) => sendZip(s, ctx, exportOwnData(s, principal, origin)),
    }),
    defineRoute({
      method: 'get',
      path: '/users/:id/export',
      tag: 'accounts',
      summary: 'Everything DevForge holds about one user, as a zip, for an administrator answering a request on their behalf; recorded as user.export.',
      action: 'user.export',
      params: uuidParam,
      responses: { ...zipResponses, 404: { description: 'No such user.' } },
      handler: (ctx, { params, principal, origin }) => sendZip(s, ctx, exportUserData(s, principal, params.id, origin)),
    }),
    defineRoute({
      method: 'delete',
      path: '/users/:id',
      tag: 'accounts',
      summary: 'Delete an account (GDPR erasure): its animations are deleted or handed over, its API keys and sessions end, its audit entries are anonymised (the chain still verifies). Recorded as user.delete.',
      action: 'user.delete',
      params: uuidParam,
      query: eraseQuery,
      responses: {
        200: { description: 'Deleted; what became of the animations and audit entries.', schema: erasureSchema },
        404: { description: 'No such user.' },
        409: { description: 'Your own account, or the last enabled administrator.' },
        422: { description: 'animations missing, or `to` is not an enabled editor or administrator.' },
      },
      handler: async (ctx, { params, query, principal, origin }) => {
        const disposal = query.animations === 'handover' ? { animations: 'handover' as const, to: query.to! } : { animations: 'delete' as const };
        const done = await eraseUser(s, principal, params.id, disposal, origin);
        s.auth.forget();
        if (done.filesNotRemoved.length) s.log.warn(`user ${done.userId} deleted, but these storage prefixes could not be removed: ${done.filesNotRemoved.join(', ')}`);
        reply(ctx, 200, {
          user_id: done.userId,
          animations_deleted: done.animationsDeleted,
          animations_handed_over: done.animationsHandedOver,
          handed_over_to: done.handedOverTo,
          audit_entries_anonymised: done.auditEntriesAnonymised,
          files_not_removed: done.filesNotRemoved,
        });
      },
    }),
  ];
}
