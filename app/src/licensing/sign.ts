// Signing an install's renewal request. Only requests: a license is signed by the vendor's tool
// (licenses/src/), with a key the appliance never has.
import { sign, type KeyObject } from 'node:crypto';
import { armor, signedMessage } from './armor.ts';
import { keyIdOf } from './keys.ts';
import type { RequestPayload } from './payloads.ts';

export function signRequest(payload: RequestPayload, installKey: KeyObject, note = ''): string {
  const keyId = keyIdOf(installKey);
  const bytes = Buffer.from(JSON.stringify(payload, null, 2), 'utf8');
  return armor({ kind: 'request', keyId, payload: bytes, signature: sign(null, signedMessage('request', keyId, bytes), installKey) }, note);
}
