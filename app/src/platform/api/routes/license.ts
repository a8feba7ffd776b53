// The license: GET shows where it stands and this month's use; PUT installs a license file (its text as the
// body), applied at once on every process.
import { installLicense } from '../../domain/license/install.ts';
import { makeRenewalRequest } from '../../domain/license/renewal-request.ts';
import { licenseStatus } from '../../domain/license/status.ts';
import { authorize } from '../../domain/policy.ts';
import type { ApiServices } from '../../services.ts';
import { licenseStatusSchema, presentLicenseStatus } from '../presenters/license.ts';
import { Problem } from '../problems.ts';
import { defineRoute, reply, type AnyRoute } from '../route.ts';

export function licenseRoutes(s: ApiServices): AnyRoute[] {
  const opts = { acceptTest: s.config.license.acceptTestLicenses };
  return [
    defineRoute({
      method: 'get',
      path: '/license',
      tag: 'license',
      summary: 'The license: state, customer, tier, every entitlement, the dates, and this month’s use against each limit.',
      action: 'license.read',
      responses: { 200: { description: 'The license in force (state none: no license, Free limits).', schema: licenseStatusSchema } },
      handler: async (ctx, { principal }) => reply(ctx, 200, presentLicenseStatus(await licenseStatus(s.db, opts, principal))),
    }),
    defineRoute({
      method: 'put',
      path: '/license',
      tag: 'license',
      summary: 'Install a license file: send its text as the body (Content-Type text/plain). Applied at once, without a restart.',
      description: 'Refused with 422 license-refused (reason: malformed, unknown-key, test-key-refused, bad-signature, wrong-install, lower-sequence, same-sequence), each with its own detail.',
      action: 'license.install',
      textBody: { description: 'The license file, exactly as the vendor sent it.' },
      responses: { 200: { description: 'Installed (or this very license was installed already); the license as GET shows it.', schema: licenseStatusSchema } },
      handler: async (ctx, { body, principal, origin }) => {
        authorize(principal, 'license.install');
        const text = body as unknown as string;
        if (!text.trim()) throw new Problem('bad-request', 'send the license file as the body, e.g. curl -X PUT --data-binary @license.lic -H "Content-Type: text/plain"');
        await installLicense(s.db, opts, text, { actor: principal, origin, via: 'api' });
        reply(ctx, 200, presentLicenseStatus(await licenseStatus(s.db, opts)));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/license/renewal-request',
      tag: 'license',
      summary: 'Make a renewal request file for the vendor (as `devforge license request` does): this install, the license in force and this month’s use, signed with the install’s key. A download.',
      description: 'Send the file to your DevForge vendor; their tool (devforge-license renew) reads it and issues the next license, which you install with PUT /license. Each request is numbered and linked to the one before.',
      action: 'license.request',
      responses: { 200: { description: 'The request file (text/plain, as an attachment).', type: 'text/plain' } },
      handler: async (ctx, { principal }) => {
        authorize(principal, 'license.request');
        const { text, payload } = await makeRenewalRequest(s.db, principal);
        ctx.status = 200;
        ctx.type = 'text/plain; charset=utf-8';
        ctx.set('content-disposition', `attachment; filename="devforge-renewal-request-${payload.request_number}.req"`);
        ctx.set('cache-control', 'no-store');
        ctx.body = text;
      },
    }),
  ];
}
