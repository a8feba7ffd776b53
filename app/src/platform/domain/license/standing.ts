// Where this install's license stands now: read from the database at each decision, so a license installed
// by any process (API, CLI, a dropped file) applies at once on every API and worker process with nothing to
// invalidate. The time used is the observed-time high-water mark (never earlier than any time this install
// has seen), so a clock set back does not revive an expired license. A change of state is audited once: the
// process that moves last_state records it.
import { TIER_DEFAULTS, type EntitlementValues, type Tier } from '../../../licensing/entitlements.ts';
import type { LicensePayload } from '../../../licensing/payloads.ts';
import { standingAt, type LicenseState } from '../../../licensing/state.ts';
import { LicenseError, verifyLicense } from '../../../licensing/verify.ts';
import { sql, type Queryable } from '../../db/sql.ts';
import type { DataSource } from 'typeorm';
import { recordAudit } from '../audit/record.ts';
import type { Entitlements } from '../policy.ts';
import { ensureInstallIdentity } from './identity.ts';

export interface LicenseOptions {
  /** license.acceptTestLicenses */
  acceptTest: boolean;
}

export interface InstalledLicense {
  text: string;
  payload: LicensePayload;
  keyId: string;
  installedAt: Date;
  installedVia: string;
}

export interface LicenseStanding {
  state: LicenseState;
  /** Why the installed license is invalid. */
  reason?: string;
  installId: string;
  /** The time the decision used (the high-water mark). */
  observedAt: Date;
  license?: InstalledLicense;
  effectiveTier: Tier;
  entitlements: EntitlementValues;
  graceEndsAt?: Date;
}

/** The newest installed license (the one in force), if any. */
export async function installedLicense(db: Queryable): Promise<InstalledLicense | undefined> {
  const [row] = await sql<{ text: string; payload: LicensePayload; key_id: string; installed_at: Date; installed_via: string }>(
    db,
    'SELECT text, payload, key_id, installed_at, installed_via FROM installed_licenses ORDER BY id DESC LIMIT 1',
  );
  return row ? { text: row.text, payload: row.payload, keyId: row.key_id, installedAt: row.installed_at, installedVia: row.installed_via } : undefined;
}

/** Moves the high-water mark up to the process clock and answers it (making the install's identity at the very first call). */
export async function observedNow(db: Queryable): Promise<{ installId: string; observedAt: Date; lastState: string | null }> {
  const bump = () => sql<{ install_id: string; high_water: Date; last_state: string | null }>(db, 'UPDATE license_runtime SET high_water = greatest(high_water, $1) WHERE id = 1 RETURNING install_id, high_water, last_state', [new Date()]);
  let [row] = await bump();
  if (!row) {
    await ensureInstallIdentity(db);
    [row] = await bump();
  }
  return { installId: row!.install_id, observedAt: row!.high_water, lastState: row!.last_state };
}

export async function licenseStanding(db: DataSource, opts: LicenseOptions): Promise<LicenseStanding> {
  const { installId, observedAt, lastState } = await observedNow(db);
  const license = await installedLicense(db);
  let standing: LicenseStanding;
  if (!license) standing = { state: 'none', installId, observedAt, effectiveTier: 'free', entitlements: TIER_DEFAULTS.free };
  else {
    try {
      // Verified again each time: a test license stops counting when the install is restarted without the test flag.
      const { payload } = verifyLicense(license.text, { acceptTest: opts.acceptTest, installId });
      standing = { ...standingAt(payload, observedAt), installId, observedAt, license };
      if (standing.state === 'invalid') standing.reason = `the license is not valid before ${payload.not_before}`;
    } catch (err) {
      if (!(err instanceof LicenseError)) throw err;
      standing = { state: 'invalid', reason: err.message, installId, observedAt, license, effectiveTier: 'free', entitlements: TIER_DEFAULTS.free };
    }
  }
  if (standing.state !== lastState) await recordStateChange(db, lastState, standing);
  return standing;
}

async function recordStateChange(db: DataSource, from: string | null, standing: LicenseStanding): Promise<void> {
  await db.transaction(async (tx) => {
    const moved = await sql(tx, 'UPDATE license_runtime SET last_state = $1 WHERE id = 1 AND last_state IS NOT DISTINCT FROM $2 RETURNING id', [standing.state, from]);
    // Another process recorded it first; and a fresh install with no license has no change to tell.
    if (!moved.length || (from === null && standing.state === 'none')) return;
    await recordAudit(tx, {
      actor: 'system',
      action: 'license.state-change',
      target: { type: 'license', id: standing.license?.payload.license_id ?? 'none' },
      details: { from, to: standing.state, effective_tier: standing.effectiveTier, ...(standing.reason ? { reason: standing.reason } : {}) },
    });
  });
}

/** The policy's view of a standing. */
export function entitlementsOf(standing: LicenseStanding): Entitlements {
  const e = standing.entitlements;
  const features = (['custom_branding', 'white_label', 'sso'] as const).filter((f) => e[f]);
  return { features, limits: e, tier: standing.effectiveTier };
}
