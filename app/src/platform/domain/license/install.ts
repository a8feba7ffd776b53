// Installing a license file (from the API, the CLI or a file dropped into <data dir>/license/): verified,
// checked against this install and the license in force (a lower sequence never replaces a higher one), then
// stored, all under one lock so two installs at once cannot both pass the sequence check. Every install and
// every refusal is audited.
import type { DataSource } from 'typeorm';
import { LicenseError, verifyLicense, type VerifiedLicense } from '../../../licensing/verify.ts';
import { sql } from '../../db/sql.ts';
import { recordAudit, type AuditActor, type Origin } from '../audit/record.ts';
import { DomainError } from '../errors.ts';
import { ensureInstallIdentity } from './identity.ts';
import { installedLicense, licenseStanding, type LicenseOptions, type LicenseStanding } from './standing.ts';

/** pg_advisory_xact_lock key of license installs ("licen" in ASCII). */
const INSTALL_LOCK = 0x6c6963656e;

export type InstallVia = 'api' | 'cli' | 'license-dir';

export interface InstallResult {
  /** false: this very license was installed already (a file dropped twice, a repeated PUT). */
  installed: boolean;
  standing: LicenseStanding;
}

export interface InstallContext {
  actor: AuditActor;
  origin?: Origin;
  via: InstallVia;
  /** The file's name, for the audit log (a dropped file). */
  source?: string;
}

async function refuse(db: DataSource, ctx: InstallContext, reason: string, message: string, licenseId?: string): Promise<never> {
  await recordAudit(db, {
    actor: ctx.actor,
    action: 'license.refuse',
    target: { type: 'license', id: licenseId ?? 'unknown' },
    ...(ctx.origin ? { origin: ctx.origin } : {}),
    details: { reason, message, via: ctx.via, ...(ctx.source ? { source: ctx.source } : {}) },
  });
  throw new DomainError('license-refused', message, { data: { reason } });
}

export async function installLicense(db: DataSource, opts: LicenseOptions, text: string, ctx: InstallContext): Promise<InstallResult> {
  const { installId } = await ensureInstallIdentity(db);
  let verified: VerifiedLicense;
  try {
    verified = verifyLicense(text, { acceptTest: opts.acceptTest, installId });
  } catch (err) {
    if (err instanceof LicenseError) return refuse(db, ctx, err.code, err.message);
    throw err;
  }
  const p = verified.payload;
  const outcome = await db.transaction(async (tx) => {
    await sql(tx, 'SELECT pg_advisory_xact_lock($1)', [INSTALL_LOCK]);
    const current = await installedLicense(tx);
    if (current) {
      const c = current.payload;
      if (c.license_id === p.license_id && c.sequence === p.sequence && current.text.trim() === text.trim()) return 'unchanged' as const;
      if (p.sequence < c.sequence)
        return {
          reason: 'lower-sequence',
          message: `this license has sequence ${p.sequence}, lower than the installed license's ${c.sequence} (license ${c.license_id}): an older license cannot replace a newer one; install the newest file the vendor sent`,
        };
      if (p.sequence === c.sequence)
        return {
          reason: 'same-sequence',
          message: `a license with sequence ${p.sequence} is installed already (license ${c.license_id}) and this one differs from it: a renewal or replacement has a higher sequence; ask the vendor for the current file`,
        };
    }
    await sql(tx, 'INSERT INTO installed_licenses (license_id, sequence, key_id, text, text_hash, payload, installed_via) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      p.license_id,
      p.sequence,
      verified.keyId,
      text,
      verified.hash,
      JSON.stringify(p),
      ctx.via,
    ]);
    await recordAudit(tx, {
      actor: ctx.actor,
      action: 'license.install',
      target: { type: 'license', id: p.license_id },
      ...(ctx.origin ? { origin: ctx.origin } : {}),
      details: { customer: p.customer, tier: p.tier, sequence: p.sequence, key_id: verified.keyId, test_key: verified.test, expires_at: p.expires_at, via: ctx.via, ...(ctx.source ? { source: ctx.source } : {}) },
    });
    return 'installed' as const;
  });
  if (typeof outcome === 'object') return refuse(db, ctx, outcome.reason, outcome.message, p.license_id);
  return { installed: outcome === 'installed', standing: await licenseStanding(db, opts) };
}
