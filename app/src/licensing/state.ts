// Where a license stands at a moment, and what the install may do then. Expired and invalid licenses fall
// back to the Free tier's limits; nothing here makes the appliance read-only or hides anything.
import { TIER_DEFAULTS, type EntitlementValues, type Tier } from './entitlements.ts';
import type { LicensePayload } from './payloads.ts';

export const LICENSE_STATES = ['none', 'valid', 'expiring', 'grace', 'expired', 'invalid'] as const;
export type LicenseState = (typeof LICENSE_STATES)[number];

const DAY_MS = 86_400_000;

export interface Standing {
  state: LicenseState;
  /** The tier whose limits apply now: the license's, or free. */
  effectiveTier: Tier;
  entitlements: EntitlementValues;
  /** When the grace period ends (expiry + grace days). */
  graceEndsAt: Date;
}

export function graceEnd(payload: LicensePayload): Date {
  return new Date(Date.parse(payload.expires_at) + payload.grace_days * DAY_MS);
}

/** `now` is the observed time (never earlier than the high-water mark), so a clock set back does not revive a license. */
export function standingAt(payload: LicensePayload, now: Date): Standing {
  const t = now.getTime();
  const graceEndsAt = graceEnd(payload);
  const licensed = (state: LicenseState): Standing => ({ state, effectiveTier: payload.tier, entitlements: payload.entitlements, graceEndsAt });
  if (t < Date.parse(payload.not_before)) return { state: 'invalid', effectiveTier: 'free', entitlements: TIER_DEFAULTS.free, graceEndsAt };
  if (t < Date.parse(payload.notify_at)) return licensed('valid');
  if (t < Date.parse(payload.expires_at)) return licensed('expiring');
  if (t < graceEndsAt.getTime()) return licensed('grace');
  return { state: 'expired', effectiveTier: 'free', entitlements: TIER_DEFAULTS.free, graceEndsAt };
}
