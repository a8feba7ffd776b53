// This install's identity: an id and an Ed25519 key pair made at its first start, kept in license_runtime.
// The id is what a vendor binds a license to; the key signs the install's renewal requests.
import { createPrivateKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { sql, type Queryable } from '../../db/sql.ts';

export interface InstallIdentity {
  installId: string;
  privateKey: KeyObject;
  publicKeyPem: string;
}

/** Makes the identity if there is none yet (two processes starting at once agree on the first one written). */
export async function ensureInstallIdentity(db: Queryable): Promise<InstallIdentity> {
  const existing = await readIdentity(db);
  if (existing) return existing;
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  await sql(db, 'INSERT INTO license_runtime (id, install_id, install_private_key, install_public_key) VALUES (1, $1, $2, $3) ON CONFLICT (id) DO NOTHING', [
    randomUUID(),
    privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  ]);
  return (await readIdentity(db))!;
}

async function readIdentity(db: Queryable): Promise<InstallIdentity | undefined> {
  const [row] = await sql<{ install_id: string; install_private_key: string; install_public_key: string }>(db, 'SELECT install_id, install_private_key, install_public_key FROM license_runtime WHERE id = 1');
  return row ? { installId: row.install_id, privateKey: createPrivateKey(row.install_private_key), publicKeyPem: row.install_public_key } : undefined;
}
