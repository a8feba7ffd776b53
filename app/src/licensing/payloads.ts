// The JSON inside the two signed files: a license (signed by the vendor) and a renewal request (signed
// by one install's own key). Both carry `format` so a later version can change them knowingly.
import { z } from 'zod';
import { ENTITLEMENT_NAMES, QUALITY_ORDER, TIERS } from './entitlements.ts';

const count = z.number().int().nonnegative().nullable();
const entitlementValues = z.strictObject({
  animations_per_month: count,
  max_quality: z.enum(QUALITY_ORDER),
  watermark: z.string().min(1).max(80).nullable(),
  api_calls_per_month: count,
  custom_branding: z.boolean(),
  white_label: z.boolean(),
  sso: z.boolean(),
  render_workers: count,
});

export const licensePayloadSchema = z.strictObject({
  format: z.literal(1),
  license_id: z.string().min(1).max(100),
  customer: z.string().min(1).max(200),
  tier: z.enum(TIERS),
  /** Every entitlement's value, resolved from the tier's defaults and the overrides. */
  entitlements: entitlementValues,
  /** The entitlements the vendor set by hand (the rest are the tier's defaults). */
  overrides: z.array(z.enum(ENTITLEMENT_NAMES as [string, ...string[]])),
  not_before: z.iso.datetime(),
  expires_at: z.iso.datetime(),
  /** From here on admins see a renewal banner (state expiring). */
  notify_at: z.iso.datetime(),
  grace_days: z.number().int().min(0).max(365),
  /** Bound to this install (devforge license status shows its id); null: any install. */
  install_id: z.string().max(100).nullable(),
  /** Renewals count up; an install refuses a lower sequence than the one it has. */
  sequence: z.number().int().positive(),
  issued_at: z.iso.datetime(),
});
export type LicensePayload = z.infer<typeof licensePayloadSchema>;

export const requestPayloadSchema = z.strictObject({
  format: z.literal(1),
  install_id: z.string().min(1).max(100),
  /** The install's own public key (SPKI PEM): the request's Key-Id is its fingerprint. */
  install_public_key: z.string().min(1).max(2000),
  /** 1 for an install's first request, then one more each time. */
  request_number: z.number().int().positive(),
  /** SHA-256 (hex) of the previous request file's text; null on the first. */
  previous_request_hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  created_at: z.iso.datetime(),
  /** The license installed now, as its file's text (the vendor verifies it and renews from it); null: none. */
  current_license: z.string().max(20_000).nullable(),
  current_license_id: z.string().nullable(),
  current_sequence: z.number().int().nullable(),
  /** This month's use against each limit. */
  usage: z.strictObject({ month: z.string().regex(/^\d{4}-\d{2}$/), animations_accepted: z.number().int().nonnegative() }),
});
export type RequestPayload = z.infer<typeof requestPayloadSchema>;

export class PayloadError extends Error {
  override name = 'PayloadError';
}

export function parsePayload<T>(schema: z.ZodType<T>, bytes: Buffer, what: string): T {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new PayloadError(`the ${what}'s payload is not JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new PayloadError(`the ${what}'s payload is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
