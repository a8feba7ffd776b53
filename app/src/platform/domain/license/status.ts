// What GET /api/v1/license and `devforge license status` show: the standing, the banner it calls for, this
// month's use against each limit, and the render workers in use against render_workers.
import type { DataSource } from 'typeorm';
import { ENTITLEMENT_NAMES, ENTITLEMENTS, type EntitlementName } from '../../../licensing/entitlements.ts';
import type { Actor } from '../policy.ts';
import { authorize } from '../policy.ts';
import { apiCalls } from '../queries/usage.ts';
import { currentUse } from './current-use.ts';
import { seatedWorkers } from './render-seats.ts';
import { licenseStanding, type LicenseOptions, type LicenseStanding } from './standing.ts';

export interface LicenseUse {
  entitlement: EntitlementName;
  limit: number | null;
  /** null: not metered yet. */
  used: number | null;
}

export interface LicenseStatus {
  standing: LicenseStanding;
  banner: { audience: 'admins' | 'everyone'; message: string } | null;
  month: string;
  usage: LicenseUse[];
  /** The render workers holding a seat now (render_workers). */
  workers: string[];
}

function bannerFor(s: LicenseStanding): LicenseStatus['banner'] {
  const p = s.license?.payload;
  const day = (iso: string) => new Date(Date.parse(iso) - 1).toISOString().slice(0, 10);
  if (s.state === 'expiring' && p) return { audience: 'admins', message: `The DevForge license expires after ${day(p.expires_at)}: renew it (devforge license request, then install the vendor's answer).` };
  if (s.state === 'grace' && p)
    return { audience: 'everyone', message: `The DevForge license expired after ${day(p.expires_at)}; features stay on until ${s.graceEndsAt!.toISOString().slice(0, 10)}, then Free limits apply. Ask an administrator to renew it.` };
  if (s.state === 'expired') return { audience: 'everyone', message: 'The DevForge license has expired: Free limits apply. Existing animations stay available. Ask an administrator to renew it.' };
  if (s.state === 'invalid') return { audience: 'admins', message: `The installed DevForge license is not valid (${s.reason}): Free limits apply.` };
  return null;
}

export async function licenseStatus(db: DataSource, opts: LicenseOptions, principal?: Actor): Promise<LicenseStatus> {
  if (principal) authorize(principal, 'license.read');
  const standing = await licenseStanding(db, opts);
  const use = await currentUse(db, standing.observedAt);
  // API calls as written by the meters (each API process flushes every usage.flushIntervalMs).
  const workers = await seatedWorkers(db);
  const used: Partial<Record<EntitlementName, number>> = { animations_per_month: use.animations_per_month, api_calls_per_month: await apiCalls(db, use.month), render_workers: workers.length };
  const usage = ENTITLEMENT_NAMES.filter((n) => ENTITLEMENTS[n].kind === 'count').map((entitlement) => ({
    entitlement,
    limit: standing.entitlements[entitlement] as number | null,
    used: used[entitlement] ?? null,
  }));
  return { standing, banner: bannerFor(standing), month: use.month, usage, workers };
}
