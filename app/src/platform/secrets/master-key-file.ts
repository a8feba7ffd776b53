// The master key file: the AES-256 keys that seal the secrets DevForge stores (secret-box.ts). It is
// made at the first start (0600, in the data directory unless secrets.masterKeyFile names another
// place, e.g. a Compose secret) and must be backed up with the database: without it the sealed
// secrets are lost. So a missing or wrong file while sealed secrets exist stops start-up; a new key is
// never made over data that needs the old one.
//
// Format: one base64 key (32 bytes) per line, `#` comments allowed. The first key seals; the others
// only open what they sealed (they are there during a rotation). `openssl rand -base64 32` makes a
// valid one-key file.
import { randomBytes } from 'node:crypto';
import { open, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { DevforgeConfig } from '../../config/schema.ts';
import type { Queryable } from '../db/sql.ts';
import { keyIdsInUse, registerKeyId } from './sealed-columns.ts';
import { MASTER_KEY_BYTES, masterKeyId, SecretBox } from './secret-box.ts';

export class MasterKeyError extends Error {
  override name = 'MasterKeyError';
}

/** Where the master key file is: secrets.masterKeyFile, else <data.dir>/master.key. */
export function masterKeyPath(config: Pick<DevforgeConfig, 'secrets' | 'data'>): string {
  return resolve(config.secrets.masterKeyFile || join(config.data.dir, 'master.key'));
}

/** The keys in the file, the sealing one first; undefined when there is no file. */
export async function readMasterKeys(path: string): Promise<Buffer[] | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new MasterKeyError(`cannot read the master key file ${path}: ${(err as Error).message}`);
  }
  const keys: Buffer[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const key = /^[A-Za-z0-9+/_-]+={0,2}$/.test(line) ? Buffer.from(line, line.includes('-') || line.includes('_') ? 'base64url' : 'base64') : Buffer.alloc(0);
    if (key.length !== MASTER_KEY_BYTES) throw new MasterKeyError(`the master key file ${path}, line ${i + 1}: not a base64 ${MASTER_KEY_BYTES}-byte key (make one with \`openssl rand -base64 32\`)`);
    keys.push(key);
  });
  if (!keys.length) throw new MasterKeyError(`the master key file ${path} holds no key: restore it from the backup taken with the database`);
  return keys;
}

/** Writes the keys (sealing one first) to the file, mode 0600, replacing it atomically. */
export async function writeMasterKeys(path: string, keys: readonly Buffer[]): Promise<void> {
  try {
    await writeKeyFile(path, keys);
  } catch (err) {
    throw new MasterKeyError(`cannot write the master key file ${path}: ${(err as Error).message}. On a read-only mount (a Compose or Kubernetes secret), make the file yourself with \`openssl rand -base64 32\` and mount it there`, {
      cause: err,
    });
  }
}

async function writeKeyFile(path: string, keys: readonly Buffer[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const lines = [
    '# DevForge master key file: back it up with the database (the secrets stored there cannot be read without it).',
    '# The first key seals new secrets; any others only open older ones. See docs/security-hardening.md.',
    ...keys.flatMap((key) => [`# key ${masterKeyId(key)}`, key.toString('base64')]),
    '',
  ];
  const temp = `${path}.${process.pid}.tmp`;
  const file = await open(temp, 'w', 0o600);
  try {
    await file.chmod(0o600); // whatever the umask
    await file.writeFile(lines.join('\n'));
    await file.sync();
  } finally {
    await file.close();
  }
  try {
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

export function newMasterKey(): Buffer {
  return randomBytes(MASTER_KEY_BYTES);
}

/**
 * The secret box for this start: the key file's keys, checked against the keys the stored secrets
 * need; at the first start (no file, nothing sealed yet) a new file. Throws MasterKeyError, with what
 * to do, when the file is missing or lacks a key that sealed secrets need.
 */
export async function openSecretBox(path: string, db: Queryable, log: (line: string) => void): Promise<SecretBox> {
  const inUse = await keyIdsInUse(db);
  let keys = await readMasterKeys(path);
  if (!keys) {
    if (inUse.length)
      throw new MasterKeyError(
        `the master key file ${path} is missing, and the database's secrets need master key ${inUse.join(', ')}: restore the file from the backup taken with the database, or give this process the same file as the others (secrets.masterKeyFile / DEVFORGE_MASTER_KEY_FILE). DevForge does not make a new key over sealed data: those secrets would be lost`,
      );
    keys = [newMasterKey()];
    await writeMasterKeys(path, keys);
    log(`secrets: created the master key file ${path} (key ${masterKeyId(keys[0]!)}): back it up with the database`);
  }
  const box = new SecretBox(keys);
  const missing = inUse.filter((id) => !box.has(id));
  if (missing.length)
    throw new MasterKeyError(
      `the master key file ${path} holds key ${box.keyIds.join(', ')}, but the database's secrets need master key ${missing.join(', ')}: this is not the key file of this database. Restore the file backed up with the database, or give this process the same file as the others (secrets.masterKeyFile / DEVFORGE_MASTER_KEY_FILE)`,
    );
  return box;
}

/**
 * After the migrations: records the box's key as the database's at the first start, and refuses when
 * another process recorded a different one first (two processes that each made their own key file).
 */
export async function claimDatabase(path: string, db: Queryable, box: SecretBox): Promise<void> {
  const registered = await registerKeyId(db, box);
  if (!box.has(registered))
    throw new MasterKeyError(
      `the database belongs to master key ${registered}, and the master key file ${path} holds key ${box.keyIds.join(', ')}: every DevForge process needs the same master key file; copy the first one's (secrets.masterKeyFile / DEVFORGE_MASTER_KEY_FILE)`,
    );
}
