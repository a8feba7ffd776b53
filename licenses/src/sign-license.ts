// Signing a license payload with the vendor's private key: the only code that makes licenses, and it lives
// with the vendor's tool, never in the appliance.
import { sign, type KeyObject } from 'node:crypto';
import { armor, signedMessage } from '../../app/src/licensing/armor.ts';
import { keyIdOf } from '../../app/src/licensing/keys.ts';
import type { LicensePayload } from '../../app/src/licensing/payloads.ts';

/** A short note above the block, for the people who handle the file. */
function noteFor(p: LicensePayload): string {
  return [
    `DevForge license ${p.license_id}`,
    `Customer: ${p.customer}`,
    `Tier: ${p.tier}`,
    `Valid: ${p.not_before.slice(0, 10)} through ${new Date(Date.parse(p.expires_at) - 1).toISOString().slice(0, 10)} (then ${p.grace_days} days' grace)`,
    `Sequence: ${p.sequence}`,
  ].join('\n');
}

export function signLicense(payload: LicensePayload, privateKey: KeyObject): string {
  const keyId = keyIdOf(privateKey);
  const bytes = Buffer.from(JSON.stringify(payload, null, 2), 'utf8');
  return armor({ kind: 'license', keyId, payload: bytes, signature: sign(null, signedMessage('license', keyId, bytes), privateKey) }, noteFor(payload));
}
