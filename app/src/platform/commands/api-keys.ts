// API keys: created (the key is returned once), listed, revoked. Revocation reaches every process's
// key cache through NOTIFY on AUTH_CHANNEL.
import type { DataSource } from 'typeorm';
import { Problem } from '../api/problems.ts';
import { AUTH_CHANNEL } from '../auth/api-key-authenticator.ts';
import type { Principal } from '../auth/principal.ts';
import { roleAllows } from '../auth/roles.ts';
import { hashToken, newApiKey } from '../auth/tokens.ts';
import { ApiKeyEntity, type ApiKey } from '../db/entities/api-key.ts';
import type { Role } from '../db/entities/user.ts';

export interface NewApiKey {
  userId: string;
  /** The owner's role: a key may not be stronger. */
  ownerRole: Role;
  name: string;
  role?: Role;
  expiresInDays?: number;
}

export async function createApiKey(db: DataSource, input: NewApiKey): Promise<{ apiKey: ApiKey; key: string }> {
  const role = input.role ?? input.ownerRole;
  if (!roleAllows(input.ownerRole, role)) throw new Problem('forbidden', `a ${input.ownerRole} cannot create a key with the ${role} role`);
  const { key, prefix } = newApiKey();
  const repo = db.getRepository(ApiKeyEntity);
  const apiKey = await repo.save(
    repo.create({
      userId: input.userId,
      name: input.name,
      role,
      prefix,
      keyHash: hashToken(key),
      lastUsedAt: null,
      revokedAt: null,
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
    }),
  );
  return { apiKey, key };
}

export async function listApiKeys(db: DataSource, userId: string | undefined): Promise<ApiKey[]> {
  return db.getRepository(ApiKeyEntity).find({ where: userId ? { userId } : {}, order: { createdAt: 'DESC' } });
}

/** Revokes a key of the caller's (any key for an admin). Someone else's key reads as not found. */
export async function revokeApiKey(db: DataSource, principal: Pick<Principal, 'userId' | 'role'>, id: string): Promise<void> {
  const repo = db.getRepository(ApiKeyEntity);
  const key = await repo.findOneBy({ id });
  if (!key || (key.userId !== principal.userId && principal.role !== 'admin')) throw new Problem('not-found', 'no such API key');
  if (!key.revokedAt) await db.query('UPDATE api_keys SET revoked_at = now() WHERE id = $1', [id]);
  await db.query('SELECT pg_notify($1, $2)', [AUTH_CHANNEL, JSON.stringify({ keyId: id })]);
}
