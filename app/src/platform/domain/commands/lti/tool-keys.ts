// The LTI tool's own RSA signing keys: the Deep Linking responses DevForge sends a platform are signed
// with the current key (RS256, its kid in the header), and GET /lti/jwks publishes the public halves.
// The first key is made when first needed. Rotation makes a new current key and keeps the previous one
// published for lti.keyOverlapHours, so a platform that cached the old key set still verifies what was
// signed just before. The private key is stored sealed with the master key (secrets/sealed-columns.ts).
import { calculateJwkThumbprint, exportJWK, exportPKCS8, generateKeyPair, importPKCS8, type CryptoKey, type JWK } from 'jose';
import type { DataSource } from 'typeorm';
import { sql, type Queryable } from '../../../db/sql.ts';
import { sealContext, SEALED_COLUMNS } from '../../../secrets/sealed-columns.ts';
import type { SecretBox } from '../../../secrets/secret-box.ts';
import { recordAudit, type Origin } from '../../audit/record.ts';
import { authorize, type Actor } from '../../policy.ts';

export const TOOL_ALG = 'RS256';

/** pg_advisory_xact_lock key of making a tool key ("ltikey" in ASCII): two processes never both make the first key. */
const KEY_LOCK = 0x6c74696b6579;

const PRIVATE_COLUMN = SEALED_COLUMNS.find((c) => c.table === 'lti_tool_keys')!;

export interface SigningKey {
  kid: string;
  key: CryptoKey;
}

export interface PublishedKey {
  kid: string;
  createdAt: Date;
  /** When it stops being published (a rotated-out key); null: the current key. */
  retireAt: Date | null;
}

async function insertKey(db: Queryable, box: SecretBox): Promise<string> {
  const { publicKey, privateKey } = await generateKeyPair(TOOL_ALG, { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  const sealed = box.seal(await exportPKCS8(privateKey), sealContext(PRIVATE_COLUMN, kid));
  await db.query('INSERT INTO lti_tool_keys (kid, public_jwk, private_key) VALUES ($1, $2::jsonb, $3)', [kid, JSON.stringify({ ...jwk, kid, alg: TOOL_ALG, use: 'sig' }), sealed]);
  return kid;
}

/** The key new messages are signed with (made on first use). */
export async function currentSigningKey(db: DataSource, box: SecretBox): Promise<SigningKey> {
  const read = () => sql<{ kid: string; private_key: string }>(db, 'SELECT kid, private_key FROM lti_tool_keys WHERE retire_at IS NULL ORDER BY created_at DESC LIMIT 1');
  let row = (await read())[0];
  if (!row) {
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [KEY_LOCK]);
      const again = await sql<{ kid: string }>(tx, 'SELECT kid FROM lti_tool_keys WHERE retire_at IS NULL LIMIT 1');
      if (!again[0]) await insertKey(tx, box);
    });
    row = (await read())[0]!;
  }
  return { kid: row.kid, key: await importPKCS8(box.open(row.private_key, sealContext(PRIVATE_COLUMN, row.kid)), TOOL_ALG) };
}

/** The public key set GET /lti/jwks serves: the current key and rotated-out ones still in their overlap. */
export async function publishedJwks(db: DataSource, box: SecretBox): Promise<{ keys: JWK[] }> {
  await currentSigningKey(db, box);
  const rows = await sql<{ public_jwk: JWK }>(db, 'SELECT public_jwk FROM lti_tool_keys WHERE retire_at IS NULL OR retire_at > now() ORDER BY created_at DESC');
  return { keys: rows.map((r) => r.public_jwk) };
}

export async function listToolKeys(db: DataSource, box: SecretBox, principal: Actor): Promise<PublishedKey[]> {
  authorize(principal, 'lti.read');
  await currentSigningKey(db, box);
  const rows = await sql<{ kid: string; created_at: Date; retire_at: Date | null }>(db, 'SELECT kid, created_at, retire_at FROM lti_tool_keys WHERE retire_at IS NULL OR retire_at > now() ORDER BY created_at DESC');
  return rows.map((r) => ({ kid: r.kid, createdAt: r.created_at, retireAt: r.retire_at }));
}

/** A new current key; the previous ones stay published for `overlapHours`, keys past their overlap are deleted. */
export async function rotateToolKey(db: DataSource, box: SecretBox, principal: Actor, overlapHours: number, origin?: Origin): Promise<{ kid: string; retiring: string[] }> {
  authorize(principal, 'lti.manage');
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [KEY_LOCK]);
    await tx.query('DELETE FROM lti_tool_keys WHERE retire_at IS NOT NULL AND retire_at <= now()');
    const retiring = await sql<{ kid: string }>(tx, `UPDATE lti_tool_keys SET retire_at = now() + make_interval(hours => $1) WHERE retire_at IS NULL RETURNING kid`, [overlapHours]);
    const kid = await insertKey(tx, box);
    const ids = retiring.map((r) => r.kid);
    await recordAudit(tx, { actor: principal, action: 'lti.key-rotate', target: { type: 'lti-tool-key', id: kid }, origin, details: { retiring: ids, overlap_hours: overlapHours } });
    return { kid, retiring: ids };
  });
}
