// The license: GET shows where it stands and this month's use; PUT installs a license file (its text as the
// body), applied at once on every process.
import { installLicense } from '../../domain/license/install.ts';
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
  ];
}
