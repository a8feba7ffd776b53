// The vendor public keys a DevForge build trusts, by key id. A key id is derived from the key itself
// (keyIdOf), so it cannot be mislabelled: the vendor's `devforge-license keygen` prints the id and the
// entry to add to PRODUCTION_KEYS. The test key (licenses/test-keys/, committed to the repository, so
// anyone can sign with it) is trusted only by an install started with license.acceptTestLicenses.
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

/** "dfk-" and the first 16 hex digits of the SHA-256 of the key's SPKI (DER) form. */
export function keyIdOf(key: KeyObject | string): string {
  const publicKey = typeof key === 'string' ? createPublicKey(key) : key.type === 'private' ? createPublicKey(key) : key;
  return `dfk-${createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16)}`;
}

/**
 * Production signing keys (SPKI PEM) by key id. Add a key here when the vendor makes one; never remove one still in
 * use by a license. The private halves never enter the repository: the vendor keeps them offline (licenses/README.md).
 */
export const PRODUCTION_KEYS: Readonly<Record<string, string>> = {
  // The vendor's first production key, made 2026-12-03 with `devforge-license keygen`.
  'dfk-53e703bb46794569': `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAfKbXbvr2h1DSO344oAALXLGOjlCvxBvckeVXRK+2OeQ=
-----END PUBLIC KEY-----
`,
};

/** The repository's test key: licenses/test-keys/public.pem (a test checks they are the same). */
export const TEST_KEY_ID = 'dfk-cfe4e0aa9ac9e5a1';
export const TEST_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAp26JsVkjXlQ7q3T/HuLuAFt9vIfr7vErbgES50GY5j4=
-----END PUBLIC KEY-----
`;

export interface TrustedKey {
  keyId: string;
  key: KeyObject;
  test: boolean;
}

/** The key for `keyId`, production or test; undefined when this build knows no such key. */
export function trustedKey(keyId: string, extra: Readonly<Record<string, string>> = {}): TrustedKey | undefined {
  if (keyId === TEST_KEY_ID) return { keyId, key: createPublicKey(TEST_PUBLIC_KEY), test: true };
  const pem = PRODUCTION_KEYS[keyId] ?? extra[keyId];
  return pem ? { keyId, key: createPublicKey(pem), test: false } : undefined;
}
