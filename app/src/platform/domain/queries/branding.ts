// The organisation's branding as the web app reads it (GET /api/v1/branding): its name, logo, colours, font
// and watermark text, and the white-label fields (own product name, favicon, no DevForge name). Which license
// entitlement each field needs is said once, in BRANDING_FIELDS: the update refuses a field the license does
// not include, and the read leaves out (listing them in `withheld`) stored fields the license in force no
// longer includes, e.g. after an Enterprise license expired, so the UI never shows what is not licensed and
// nothing stored is lost for when it is renewed.
import { sql, type Queryable } from '../../db/sql.ts';
import { authorize, type Actor, type Entitlements } from '../policy.ts';

export interface BrandingSettings {
  /** The organisation's name (shown beside the product name). */
  name?: string;
  /** data: URL of a PNG, JPEG or SVG image. */
  logo?: string;
  colors?: { primary: string; text: string };
  font?: string;
  /** Text drawn on the organisation's videos when the license has no watermark of its own. */
  watermark?: string;
  /** White label: what the UI calls the product instead of DevForge. */
  product_name?: string;
  /** White label: data: URL of the favicon (PNG, SVG or ICO). */
  favicon?: string;
  /** White label: no DevForge name or mark anywhere in the UI. */
  hide_devforge_name?: boolean;
}

export type BrandingField = keyof BrandingSettings;

/** The entitlement each field needs (none: every tier). */
export const BRANDING_FIELDS: Record<BrandingField, 'custom_branding' | 'white_label' | null> = {
  name: null,
  watermark: null,
  logo: 'custom_branding',
  colors: 'custom_branding',
  font: 'custom_branding',
  product_name: 'white_label',
  favicon: 'white_label',
  hide_devforge_name: 'white_label',
};

export interface BrandingView {
  settings: BrandingSettings;
  /** Stored fields the license in force does not include, left out of `settings`. */
  withheld: BrandingField[];
  updatedAt: Date | null;
}

/** The stored settings, as saved (no license applied). */
export async function storedBranding(db: Queryable): Promise<{ settings: BrandingSettings; updatedAt: Date | null }> {
  const [row] = await sql<{ settings: BrandingSettings; updated_at: Date }>(db, 'SELECT settings, updated_at FROM organisation_branding WHERE id = 1');
  return { settings: row?.settings ?? {}, updatedAt: row?.updated_at ?? null };
}

/** The branding in force under `entitlements` (every signed-in caller may read it: the UI is drawn with it). */
export async function readBranding(db: Queryable, principal: Actor, entitlements: Entitlements): Promise<BrandingView> {
  authorize(principal, 'branding.read');
  const { settings, updatedAt } = await storedBranding(db);
  const shown: BrandingSettings = {};
  const withheld: BrandingField[] = [];
  for (const [field, value] of Object.entries(settings) as [BrandingField, unknown][]) {
    const needs = BRANDING_FIELDS[field];
    if (needs === undefined) continue;
    if (needs && !entitlements.features.includes(needs)) withheld.push(field);
    else (shown as Record<string, unknown>)[field] = value;
  }
  return { settings: shown, withheld, updatedAt };
}

/** What the sign-in page may show before anyone signs in: how the product looks and is called, nothing else. */
export const PUBLIC_BRANDING_FIELDS = ['name', 'logo', 'colors', 'product_name', 'favicon', 'hide_devforge_name'] as const satisfies readonly BrandingField[];

/**
 * The branding of the signed-out pages (sign-in, errors): a white-labelled appliance must not show DevForge
 * there either. Only the fields that draw the page, under the license in force; the watermark and font stay
 * for signed-in callers (they say nothing a visitor needs).
 */
export async function publicBranding(db: Queryable, entitlements: Entitlements): Promise<Partial<BrandingSettings>> {
  const { settings } = await storedBranding(db);
  const shown: Partial<BrandingSettings> = {};
  for (const field of PUBLIC_BRANDING_FIELDS) {
    const needs = BRANDING_FIELDS[field];
    if (settings[field] === undefined || (needs && !entitlements.features.includes(needs))) continue;
    (shown as Record<string, unknown>)[field] = settings[field];
  }
  return shown;
}
