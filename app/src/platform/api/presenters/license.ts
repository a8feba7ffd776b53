// The license as the API shows it (GET and PUT /api/v1/license), and the schema the reference documents.
import { z } from 'zod';
import { LICENSE_STATES } from '../../../licensing/state.ts';
import type { LicenseStatus } from '../../domain/license/status.ts';

export const licenseStatusSchema = z.object({
  state: z.enum(LICENSE_STATES).describe('none (no license: Free), valid, expiring (from the notify date), grace (expired, features on for the grace days), expired or invalid (both: Free limits).'),
  reason: z.string().nullable().describe('Why the license is invalid.'),
  banner: z.object({ audience: z.enum(['admins', 'everyone']), message: z.string() }).nullable(),
  install_id: z.string().describe('This install: what a vendor binds a license to.'),
  effective_tier: z.enum(['free', 'professional', 'enterprise']).describe('The tier whose limits apply now.'),
  entitlements: z.record(z.string(), z.unknown()).describe('Every entitlement in force now (null on a count: unlimited).'),
  license: z
    .object({
      license_id: z.string(),
      customer: z.string(),
      tier: z.string(),
      key_id: z.string(),
      sequence: z.number(),
      not_before: z.string(),
      expires_at: z.string(),
      notify_at: z.string(),
      grace_days: z.number(),
      grace_ends_at: z.string(),
      bound_to_install: z.string().nullable(),
      issued_at: z.string(),
      installed_at: z.string(),
      installed_via: z.string(),
      entitlements: z.record(z.string(), z.unknown()),
      overrides: z.array(z.string()),
    })
    .nullable(),
  month: z.string().describe('The calendar month (UTC) the usage is for.'),
  usage: z
    .array(z.object({ entitlement: z.string(), limit: z.number().nullable(), used: z.number().nullable() }))
    .describe('This month against each limit (limit null: unlimited; used null: not metered yet); render_workers: the workers taking render jobs now.'),
  workers: z.array(z.string()).describe('The render workers holding a seat now (worker.name, else host:pid): what render_workers counts.'),
  observed_at: z.string().describe('The time the state was decided at (never earlier than any time this install has seen).'),
});

export function presentLicenseStatus(s: LicenseStatus): z.infer<typeof licenseStatusSchema> {
  const { standing } = s;
  const p = standing.license?.payload;
  return {
    state: standing.state,
    reason: standing.reason ?? null,
    banner: s.banner,
    install_id: standing.installId,
    effective_tier: standing.effectiveTier,
    entitlements: { ...standing.entitlements },
    license:
      p && standing.license
        ? {
            license_id: p.license_id,
            customer: p.customer,
            tier: p.tier,
            key_id: standing.license.keyId,
            sequence: p.sequence,
            not_before: p.not_before,
            expires_at: p.expires_at,
            notify_at: p.notify_at,
            grace_days: p.grace_days,
            grace_ends_at: new Date(Date.parse(p.expires_at) + p.grace_days * 86_400_000).toISOString(),
            bound_to_install: p.install_id,
            issued_at: p.issued_at,
            installed_at: standing.license.installedAt.toISOString(),
            installed_via: standing.license.installedVia,
            entitlements: { ...p.entitlements },
            overrides: p.overrides,
          }
        : null,
    month: s.month,
    usage: s.usage,
    workers: s.workers,
    observed_at: standing.observedAt.toISOString(),
  };
}
