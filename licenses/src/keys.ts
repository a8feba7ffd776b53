// The vendor's key files: an Ed25519 key pair as PKCS#8 / SPKI PEM. The private key never goes into a
// repository (licenses/README.md says where it belongs); the test pair in licenses/test-keys/ is the one exception.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { UsageError } from './dates.ts';

export function generateKeys(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

export async function readPrivateKey(path: string): Promise<KeyObject> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new UsageError(`--key ${path}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(text);
  } catch {
    throw new UsageError(`--key ${path}: not a private key in PEM form (make one with devforge-license keygen)`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new UsageError(`--key ${path}: an ${key.asymmetricKeyType} key; licenses are signed with Ed25519 keys (devforge-license keygen)`);
  return key;
}

export function publicPemOf(key: KeyObject): string {
  return createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
}
