// Sealing the secrets DevForge stores (webhook signing secrets), with AES-256-GCM from node:crypto: a
// fresh random 12-byte IV per value, the 16-byte authentication tag, and the value's context (which
// column of which row) as additional authenticated data, so a sealed value copied onto another row
// does not open. A sealed value names the master key that sealed it, so keys can be rotated:
//
//   sb1:<key id>:<base64url(iv ‖ ciphertext ‖ tag)>
//
// The key id is derived from the key (an HMAC, which says nothing about the key), so a key file holding
// the wrong key is told apart from one holding the right key without trying to decrypt anything.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'sb1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const MASTER_KEY_BYTES = 32;

export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
}

/** The public name of a master key: 16 hex digits of HMAC-SHA256(key, a fixed label). */
export function masterKeyId(key: Buffer): string {
  return createHmac('sha256', key).update('devforge master key id').digest('hex').slice(0, 16);
}

/** Whether a stored value is sealed (rather than a plaintext value from before sealing). */
export function isSealed(value: string): boolean {
  return value.startsWith(`${PREFIX}:`);
}

/** The id of the key a sealed value needs. */
export function sealedKeyId(value: string): string {
  const parts = value.split(':');
  if (parts.length !== 3 || parts[0] !== PREFIX || !/^[0-9a-f]{16}$/.test(parts[1]!)) throw new SecretBoxError('not a sealed secret (expected sb1:<key id>:<data>)');
  return parts[1]!;
}

export class SecretBox {
  private readonly keys = new Map<string, Buffer>();
  /** The key new values are sealed with. */
  readonly currentKeyId: string;

  /** `keys[0]` seals; every key opens what it sealed. */
  constructor(keys: readonly Buffer[]) {
    if (!keys.length) throw new SecretBoxError('a secret box needs at least one master key');
    for (const key of keys) {
      if (key.length !== MASTER_KEY_BYTES) throw new SecretBoxError(`a master key is ${MASTER_KEY_BYTES} bytes, not ${key.length}`);
      this.keys.set(masterKeyId(key), key);
    }
    this.currentKeyId = masterKeyId(keys[0]!);
  }

  /** The ids of every key this box holds, the current one first. */
  get keyIds(): string[] {
    return [...this.keys.keys()];
  }

  has(keyId: string): boolean {
    return this.keys.has(keyId);
  }

  /** Seals `plaintext` for `context` (e.g. "users.webhook_secret:<id>"): the same context is needed to open it. */
  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId)!, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${PREFIX}:${this.currentKeyId}:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
  }

  /** Opens a sealed value; throws SecretBoxError when the key is not held, or the value or context was changed. */
  open(sealed: string, context: string): string {
    const keyId = sealedKeyId(sealed);
    const key = this.keys.get(keyId);
    if (!key) throw new SecretBoxError(`the secret was sealed with master key ${keyId}, which the master key file does not hold`);
    const data = Buffer.from(sealed.slice(PREFIX.length + keyId.length + 2), 'base64url');
    if (data.length < IV_BYTES + TAG_BYTES) throw new SecretBoxError('the sealed secret is truncated');
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError(`the sealed secret for ${context} does not open with master key ${keyId}: it was changed, or belongs to another row`);
    }
  }

  /** Whether a sealed value should be sealed again (it was sealed with an older key). */
  isStale(sealed: string): boolean {
    return sealedKeyId(sealed) !== this.currentKeyId;
  }
}
