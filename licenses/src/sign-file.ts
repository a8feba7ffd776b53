// A detached signature over a whole file: the raw 64 bytes of Ed25519 (RFC 8032, "pure", no pre-hash, no
// armour), so that a customer can check it with nothing but OpenSSL 3
// (`openssl pkeyutl -verify -pubin -inkey KEY.pem -rawin -in FILE -sigfile FILE.sig`). The air-gap bundle signs
// its SHA256SUMS this way (docs/airgap.md); licenses use their own armoured format (sign-license.ts).
import { sign, type KeyObject } from 'node:crypto';

export function signFile(data: Buffer, privateKey: KeyObject): Buffer {
  return sign(null, data, privateKey);
}
