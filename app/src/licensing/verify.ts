// Checking a license or renewal request file: the armor, the signature against a trusted key, the payload's
// shape, and for a license on an install, whether that install may use it. Shared by the appliance and the
// vendor's tool (which prints what this says); the appliance has no code that signs a license.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { ArmorError, dearmor, signedMessage } from './armor.ts';
import { keyIdOf, trustedKey } from './keys.ts';
import { licensePayloadSchema, parsePayload, PayloadError, requestPayloadSchema, type LicensePayload, type RequestPayload } from './payloads.ts';

export const LICENSE_ERROR_CODES = ['malformed', 'not-a-license', 'unknown-key', 'test-key-refused', 'bad-signature', 'wrong-install'] as const;
export type LicenseErrorCode = (typeof LICENSE_ERROR_CODES)[number];

/** Why a file was refused: a stable code and a message that says what to do. */
export class LicenseError extends Error {
  override name = 'LicenseError';
  readonly code: LicenseErrorCode;
  constructor(code: LicenseErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export interface VerifyOptions {
  /** Trust the repository's test key (license.acceptTestLicenses). */
  acceptTest: boolean;
  /** This install's id: a license bound to another install is refused. Omitted: not checked (the vendor's inspect). */
  installId?: string;
  /** Further public keys by key id (the vendor's inspect --public-key). */
  extraKeys?: Readonly<Record<string, string>>;
}

export interface VerifiedLicense {
  payload: LicensePayload;
  keyId: string;
  test: boolean;
  /** SHA-256 (hex) of the file's text. */
  hash: string;
}

export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function armored(text: string) {
  try {
    return dearmor(text);
  } catch (err) {
    if (err instanceof ArmorError) throw new LicenseError('malformed', err.message);
    throw err;
  }
}

export function verifyLicense(text: string, opts: VerifyOptions): VerifiedLicense {
  const block = armored(text);
  if (block.kind !== 'license') throw new LicenseError('not-a-license', 'this is a renewal request, not a license: send it to the vendor, who answers it with a license file');
  const trusted = trustedKey(block.keyId, opts.extraKeys);
  if (!trusted)
    throw new LicenseError('unknown-key', `the license is signed with key id ${block.keyId}, which this DevForge build does not know: it was not issued by the vendor of this build, or this build is older than the key (upgrade DevForge)`);
  if (trusted.test && !opts.acceptTest) {
    throw new LicenseError(
      'test-key-refused',
      'this is a test license (signed with the test key in licenses/test-keys/, which anyone can use): a production install refuses it; ask the vendor for a license, or set license.acceptTestLicenses (DEVFORGE_LICENSE_ACCEPT_TEST=true) on a test install',
    );
  }
  if (!verify(null, signedMessage('license', block.keyId, block.payload), trusted.key, block.signature)) {
    throw new LicenseError('bad-signature', `the signature does not match the license's contents (key id ${block.keyId}): the file was changed after it was signed; use the file exactly as the vendor sent it`);
  }
  let payload: LicensePayload;
  try {
    payload = parsePayload(licensePayloadSchema, block.payload, 'license');
  } catch (err) {
    if (err instanceof PayloadError) throw new LicenseError('malformed', err.message);
    throw err;
  }
  if (opts.installId !== undefined && payload.install_id !== null && payload.install_id !== opts.installId) {
    throw new LicenseError('wrong-install', `this license is bound to install ${payload.install_id}, and this install is ${opts.installId}: ask the vendor for a license for this install (devforge license status shows its id)`);
  }
  return { payload, keyId: block.keyId, test: trusted.test, hash: textHash(text) };
}

export interface VerifiedRequest {
  payload: RequestPayload;
  keyId: string;
  hash: string;
}

/** A renewal request is signed by the install's own key, which it carries; its key id is that key's fingerprint. */
export function verifyRequest(text: string): VerifiedRequest {
  const block = armored(text);
  if (block.kind !== 'request') throw new LicenseError('malformed', 'this is a license, not a renewal request');
  let payload: RequestPayload;
  try {
    payload = parsePayload(requestPayloadSchema, block.payload, 'renewal request');
  } catch (err) {
    if (err instanceof PayloadError) throw new LicenseError('malformed', err.message);
    throw err;
  }
  let key;
  try {
    key = createPublicKey(payload.install_public_key);
  } catch {
    throw new LicenseError('malformed', "the request's install_public_key is not a public key");
  }
  if (keyIdOf(key) !== block.keyId) throw new LicenseError('bad-signature', `the request's Key-Id ${block.keyId} is not the fingerprint of the key it carries (${keyIdOf(key)}): the file was changed`);
  if (!verify(null, signedMessage('request', block.keyId, block.payload), key, block.signature)) {
    throw new LicenseError('bad-signature', "the signature does not match the request's contents: the file was changed after the install signed it");
  }
  return { payload, keyId: block.keyId, hash: textHash(text) };
}
