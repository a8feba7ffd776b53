// What the license lets an animation request ask for, checked when it is accepted (generate and each batch
// item): its quality, custom branding, and this month's animation count. A request above its license is
// refused with license-limit, never quietly downgraded; a request that names no quality gets the configured
// default (render.defaultResolution) capped at the license's highest quality.
import { QUALITY_ORDER, type Quality } from '../../../licensing/entitlements.ts';
import type { Branding } from '../../db/entities/animation.ts';
import { sql, type Queryable } from '../../db/sql.ts';
import type { AnimationDeps } from '../commands/animations/deps.ts';
import { authorizeWithinLicense, type Entitlements } from '../policy.ts';
import { currentUse } from './current-use.ts';
import { admitSandboxQuality, SANDBOX_MAX_QUALITY } from './sandbox.ts';
import { entitlementsOf, licenseStanding } from './standing.ts';

/** pg_advisory_xact_lock key of the monthly count ("month" in ASCII): acceptances near the limit go one at a time. */
const MONTHLY_LOCK = 0x6d6f6e7468;

/** The entitlements in force for requests now. */
export async function licenseEntitlements(deps: Pick<AnimationDeps, 'db' | 'config'>): Promise<Entitlements> {
  return entitlementsOf(await licenseStanding(deps.db, { acceptTest: deps.config.license.acceptTestLicenses }));
}

function defaultQuality(configured: string, entitlements: Entitlements, sandbox: boolean): Quality {
  const wanted = (QUALITY_ORDER as readonly string[]).includes(configured) ? (configured as Quality) : '1080p';
  const licensed = entitlements.limits?.max_quality;
  const cap = sandbox && (!licensed || QUALITY_ORDER.indexOf(SANDBOX_MAX_QUALITY) < QUALITY_ORDER.indexOf(licensed)) ? SANDBOX_MAX_QUALITY : licensed;
  return cap && QUALITY_ORDER.indexOf(cap) < QUALITY_ORDER.indexOf(wanted) ? cap : wanted;
}

/** Brands the video (more than a watermark text): what the custom_branding entitlement covers. */
function brands(b: Branding | undefined): boolean {
  return Boolean(b && (b.logo || b.colors || b.product_name));
}

/**
 * Checks one request against the license (before its scene is composed) and answers its quality. A
 * sandbox key's request is held to the sandbox's quality and counts against no monthly quota.
 */
export async function admitToLicense(deps: Pick<AnimationDeps, 'db' | 'config'>, entitlements: Entitlements, input: { quality?: Quality; custom_branding?: Branding }, opts: { sandbox?: boolean; field?: string } = {}): Promise<Quality> {
  const sandbox = opts.sandbox ?? false;
  const quality = input.quality ?? defaultQuality(deps.config.render.defaultResolution, entitlements, sandbox);
  if (sandbox) admitSandboxQuality(quality, opts.field);
  authorizeWithinLicense(entitlements, { entitlement: 'max_quality', wants: quality });
  if (brands(input.custom_branding)) authorizeWithinLicense(entitlements, { entitlement: 'custom_branding', wants: true });
  if (!sandbox) authorizeWithinLicense(entitlements, { entitlement: 'animations_per_month', adding: 1, used: (await currentUse(deps.db)).animations_per_month });
  return quality;
}

/**
 * In the transaction that has just stored `added` animations (and their acceptance rows): refuses, rolling it
 * back, if they take the month past the limit. The early check in admitToLicense cannot see requests
 * accepted at the same moment; this one, under a lock, can.
 */
export async function holdMonthlyLimit(tx: Queryable, entitlements: Entitlements, added: number): Promise<void> {
  // added 0: sandbox animations, which count against no quota.
  if (entitlements.limits?.animations_per_month === null || !entitlements.limits || added === 0) return;
  await sql(tx, 'SELECT pg_advisory_xact_lock($1)', [MONTHLY_LOCK]);
  const used = (await currentUse(tx)).animations_per_month - added;
  authorizeWithinLicense(entitlements, { entitlement: 'animations_per_month', adding: added, used });
}
