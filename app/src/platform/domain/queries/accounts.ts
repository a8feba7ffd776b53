// Reading accounts and API keys: the caller's own account, every account (admins), and API keys
// (one's own, or everyone's for admins).
import type { DataSource } from 'typeorm';
import { ApiKeyEntity, type ApiKey } from '../../db/entities/api-key.ts';
import { UserEntity, type User } from '../../db/entities/user.ts';
import { DomainError } from '../errors.ts';
import { authorize, listScope, type Actor } from '../policy.ts';

/** The caller's own account. */
export async function currentUser(db: DataSource, principal: Actor): Promise<User> {
  authorize(principal, 'account.read');
  const user = await db.getRepository(UserEntity).findOneBy({ id: principal.userId });
  if (!user) throw new DomainError('not-found', 'your account no longer exists; sign in again');
  return user;
}

/** Every account, by e-mail address. */
export async function listUsers(db: DataSource, principal: Actor): Promise<User[]> {
  authorize(principal, 'user.list');
  return db.getRepository(UserEntity).find({ order: { email: 'ASC' } });
}

/** Keys, newest first: the caller's, or with owner 'all' everyone's (admins only). */
export async function listApiKeys(db: DataSource, principal: Actor, owner: 'me' | 'all'): Promise<ApiKey[]> {
  const scope = listScope(principal, 'api-key.list-all', owner);
  return db.getRepository(ApiKeyEntity).find({ where: scope === 'all' ? {} : { userId: scope.ownerId }, order: { createdAt: 'DESC' } });
}

/**
 * Whether a live publishable key lists this web origin: what a CORS preflight, which carries no key, is
 * answered by (api/cors.ts). Says nothing about which key, or whose.
 */
export async function originHasPublishableKey(db: DataSource, origin: string): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM api_keys WHERE kind = 'publishable' AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now()) AND allowed_origins @> ARRAY[$1]::text[] LIMIT 1`, [origin]);
  return rows.length > 0;
}
