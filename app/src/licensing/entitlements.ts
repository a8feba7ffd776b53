// The entitlements a license grants, by canonical name, and the default values of each pricing tier. This is
// the one home of the tier table (docs/licensing.md shows it): the vendor's tool resolves a license's full
// values from it when issuing, and the appliance falls back to its Free column without a valid license.

export const QUALITY_ORDER = ['720p', '1080p', '4k'] as const;
export type Quality = (typeof QUALITY_ORDER)[number];

/** `null` on a count means unlimited; `watermark` null means none. */
export interface EntitlementValues {
  animations_per_month: number | null;
  max_quality: Quality;
  watermark: string | null;
  api_calls_per_month: number | null;
  custom_branding: boolean;
  white_label: boolean;
  sso: boolean;
  /** Render workers the license allows (null: as many as the install runs). */
  render_workers: number | null;
}

export type EntitlementName = keyof EntitlementValues;

type Kind = 'count' | 'quality' | 'text' | 'flag';

/** What each entitlement is, how a value is written on the vendor's command line and what lifts it. */
export const ENTITLEMENTS: Record<EntitlementName, { kind: Kind; doc: string }> = {
  animations_per_month: { kind: 'count', doc: 'animations accepted per calendar month (UTC); unlimited or a number' },
  max_quality: { kind: 'quality', doc: `the highest output quality: ${QUALITY_ORDER.join(', ')}` },
  watermark: { kind: 'text', doc: 'text the renderer draws on every video, or none' },
  api_calls_per_month: { kind: 'count', doc: 'API calls per calendar month (UTC); unlimited or a number' },
  custom_branding: { kind: 'flag', doc: 'custom branding (logo, colours, product name) on videos: true or false' },
  white_label: { kind: 'flag', doc: 'the white-label UI: true or false' },
  sso: { kind: 'flag', doc: 'single sign-on (OIDC): true or false' },
  render_workers: { kind: 'count', doc: 'render workers; unlimited or a number' },
};

export const ENTITLEMENT_NAMES = Object.keys(ENTITLEMENTS) as EntitlementName[];

export const TIERS = ['free', 'professional', 'enterprise'] as const;
export type Tier = (typeof TIERS)[number];

/** The pricing table: Free is also what an install without a valid license gets. */
export const TIER_DEFAULTS: Record<Tier, EntitlementValues> = {
  free: { animations_per_month: 100, max_quality: '720p', watermark: 'DevForge', api_calls_per_month: 1000, custom_branding: false, white_label: false, sso: true, render_workers: null },
  professional: { animations_per_month: 2000, max_quality: '1080p', watermark: null, api_calls_per_month: 10_000, custom_branding: false, white_label: false, sso: true, render_workers: null },
  enterprise: { animations_per_month: null, max_quality: '4k', watermark: null, api_calls_per_month: null, custom_branding: true, white_label: true, sso: true, render_workers: null },
};

export class EntitlementError extends Error {
  override name = 'EntitlementError';
}

/** A value as the vendor writes it after `--set name=`: "unlimited", a whole number, true/false, a quality, "none" or text. */
export function parseEntitlementValue(name: string, raw: string): EntitlementValues[EntitlementName] {
  const spec = ENTITLEMENTS[name as EntitlementName];
  if (!spec) throw new EntitlementError(`unknown entitlement "${name}": use one of ${ENTITLEMENT_NAMES.join(', ')}`);
  const value = raw.trim();
  switch (spec.kind) {
    case 'count':
      if (value === 'unlimited') return null;
      if (!/^\d+$/.test(value)) throw new EntitlementError(`${name}: "${raw}" is not a whole number or "unlimited"`);
      return Number(value);
    case 'quality':
      if (!(QUALITY_ORDER as readonly string[]).includes(value.toLowerCase())) throw new EntitlementError(`${name}: "${raw}" is not one of ${QUALITY_ORDER.join(', ')}`);
      return value.toLowerCase() as Quality;
    case 'flag':
      if (value !== 'true' && value !== 'false') throw new EntitlementError(`${name}: "${raw}" is not true or false`);
      return value === 'true';
    case 'text':
      if (value === '' || value === 'none') return null;
      if (value.length > 80) throw new EntitlementError(`${name}: at most 80 characters`);
      return value;
  }
}

/** The tier's values with the license's overrides on top. */
export function resolveEntitlements(tier: Tier, overrides: Partial<EntitlementValues> = {}): EntitlementValues {
  return { ...TIER_DEFAULTS[tier], ...overrides };
}

/** Whether `wanted` quality is within `limit`. */
export function qualityAllowed(limit: Quality, wanted: string): boolean {
  return QUALITY_ORDER.indexOf(wanted as Quality) <= QUALITY_ORDER.indexOf(limit);
}

/** The lowest tier whose default allows `allows`; undefined if none does (then only an override would). */
export function lowestTierWhere(allows: (values: EntitlementValues) => boolean): Tier | undefined {
  return TIERS.find((t) => allows(TIER_DEFAULTS[t]));
}
