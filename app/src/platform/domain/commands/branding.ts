// Saving the organisation's branding (PUT /api/v1/branding, administrators): the whole settings object is
// replaced. A field the license in force does not include is refused with license-limit naming its
// entitlement (logo, colours and font: custom_branding; product name, favicon and hiding the DevForge name:
// white_label, Enterprise), never saved quietly. Every change is audited.
import type { DataSource } from 'typeorm';
import { sql } from '../../db/sql.ts';
import { recordAudit, type Origin } from '../audit/record.ts';
import { authorize, authorizeWithinLicense, type Actor, type Entitlements } from '../policy.ts';
import { BRANDING_FIELDS, type BrandingField, type BrandingSettings } from '../queries/branding.ts';

/** Whether a field is set to something (hide_devforge_name false asks for nothing). */
function asks(settings: BrandingSettings, field: BrandingField): boolean {
  const value = settings[field];
  return value !== undefined && value !== false;
}

export async function updateBranding(db: DataSource, principal: Actor, entitlements: Entitlements, settings: BrandingSettings, origin?: Origin): Promise<void> {
  authorize(principal, 'branding.update');
  for (const field of Object.keys(BRANDING_FIELDS) as BrandingField[]) {
    const needs = BRANDING_FIELDS[field];
    if (needs && asks(settings, field)) authorizeWithinLicense(entitlements, { entitlement: needs, wants: true });
  }
  await db.transaction(async (tx) => {
    await sql(tx, 'INSERT INTO organisation_branding (id, settings, updated_by) VALUES (1, $1, $2) ON CONFLICT (id) DO UPDATE SET settings = EXCLUDED.settings, updated_by = EXCLUDED.updated_by, updated_at = now()', [
      JSON.stringify(settings),
      principal.userId,
    ]);
    // The fields set, not their values: a logo is a large data: URL.
    await recordAudit(tx, {
      actor: principal,
      action: 'branding.update',
      target: { type: 'branding', id: 'organisation' },
      ...(origin ? { origin } : {}),
      details: { fields: Object.keys(settings).filter((f) => asks(settings, f as BrandingField)) },
    });
  });
}
