// API keys: created (the key is returned once) and revoked. Revocation reaches every process's key
// cache through NOTIFY on AUTH_CHANNEL. Listing is a query (../queries/accounts.ts).
import type { DataSource } from 'typeorm';
import { AUTH_CHANNEL } from '../../auth/api-key-authenticator.ts';
import type { Role } from '../../auth/principal.ts';
import { hashToken, newApiKey } from '../../auth/tokens.ts';
import { ApiKeyEntity, type ApiKey } from '../../db/entities/api-key.ts';
import { recordAudit, type Origin } from '../audit/record.ts';
import { DomainError } from '../errors.ts';
import { authorize, authorizeRoleGrant, type Actor } from '../policy.ts';

export interface NewApiKey {
  name: string;
  /** Default: the creator's own role; never stronger. */
  role?: Role;
  expiresInDays?: number;
}

/** A key for the caller's own account. */
export async function createApiKey(db: DataSource, principal: Actor, input: NewApiKey, origin?: Origin): Promise<{ apiKey: ApiKey; key: string }> {
  authorize(principal, 'api-key.create');
  const role = input.role ?? principal.role;
  authorizeRoleGrant(principal, role);
  const { key, prefix } = newApiKey();
  const repo = db.getRepository(ApiKeyEntity);
  const apiKey = await repo.save(
    repo.create({
      userId: principal.userId,
      name: input.name,
      role,
      prefix,
      keyHash: hashToken(key),
      lastUsedAt: null,
      revokedAt: null,
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
    }),
  );
  await recordAudit(db, { actor: principal, action: 'apikey.create', target: { type: 'api-key', id: apiKey.id }, origin, details: { name: apiKey.name, role, prefix, expires_at: apiKey.expiresAt?.toISOString() ?? null } });
  return { apiKey, key };
}

/** Revokes a key of the caller's (any key for an admin). Someone else's key reads as not found. */
export async function revokeApiKey(db: DataSource, principal: Actor, id: string, origin?: Origin): Promise<void> {
  const key = await db.getRepository(ApiKeyEntity).findOneBy({ id });
  if (!key) throw new DomainError('not-found', 'no such API key');
  authorize(principal, 'api-key.revoke', { kind: 'api-key', ownerId: key.userId });
  if (!key.revokedAt) {
    await db.query('UPDATE api_keys SET revoked_at = now() WHERE id = $1', [id]);
    await recordAudit(db, { actor: principal, action: 'apikey.revoke', target: { type: 'api-key', id }, origin, details: { owner_id: key.userId } });
  }
  await db.query('SELECT pg_notify($1, $2)', [AUTH_CHANNEL, JSON.stringify({ keyId: id })]);
}
