// How an audit entry is hashed: canonical JSON (keys sorted at every level, no whitespace, numbers and
// strings as JSON.stringify writes them, which is RFC 8785 for the values an entry holds) and SHA-256.
// The chain hash covers the chained fields only; the personal fields reach it through actor_digest, a
// salted digest the erasure path can orphan by dropping the salt (docs/audit.md).
import { createHash } from 'node:crypto';

/** prev_hash of the first entry ever written. */
export const GENESIS_HASH = '0'.repeat(64);

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Who, from where: kept in clear beside the chain, so erasure can blank them. */
export interface PersonalFields {
  actor: string;
  actor_label: string;
  api_key_id: string | null;
  ip: string | null;
  user_agent: string | null;
}

/** What the chain covers. */
export interface ChainedFields {
  id: string;
  at: string;
  actor_digest: string;
  via: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
}

export function actorDigest(salt: string, personal: PersonalFields): string {
  return sha256Hex(salt + canonicalJson(personal));
}

export function entryHash(fields: ChainedFields): string {
  return sha256Hex(canonicalJson(fields));
}
