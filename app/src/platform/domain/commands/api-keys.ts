// API keys: created (the key is returned once, with its scopes and an expiry within the creator's
// maximum) and revoked. Revocation reaches every process's key
// cache through NOTIFY on AUTH_CHANNEL. Listing is a query (../queries/accounts.ts).
import type { DataSource } from 'typeorm';
import { AUTH_CHANNEL } from '../../auth/api-key-authenticator.ts';
import type { Role } from '../../auth/principal.ts';
import { hashToken, newApiKey } from '../../auth/tokens.ts';
import { ApiKeyEntity, type ApiKey } from '../../db/entities/api-key.ts';
import { recordAudit, type Origin } from '../audit/record.ts';
import { roleAllows } from '../../auth/roles.ts';
import { scopeRole, scopesForRole, type Scope } from '../../auth/scopes.ts';
import { sql } from '../../db/sql.ts';
import { DomainError, invalidField } from '../errors.ts';
import { authorize, authorizeRoleGrant, type Actor } from '../policy.ts';

export interface NewApiKey {
  name: string;
  /** Default: the creator's own role; never stronger. */
  role?: Role;
  /** Default: every scope the key's role allows (auth/scopes.ts); never one the creator lacks. */
  scopes?: readonly Scope[];
  /** At most one of these; neither: the creator's longest lifetime (or never, where there is no maximum). */
  expiresInDays?: number;
  expiresAt?: Date;
  /** A sandbox key (licensing.md): renders watermarked SANDBOX, at most 720p and SANDBOX_MAX_DURATION_S, never counted against quotas. */
  sandbox?: boolean;
}

/** The longest a key may live, by its creator's role (config apiKeys.*); 0: no maximum. */
export interface KeyLifetimes {
  maxLifetimeDays: number;
  adminMaxLifetimeDays: number;
}

const DAY_MS = 86_400_000;

/** When a new key expires: as asked, within the creator's maximum; errors name the field and the limit. */
function expiryOf(principal: Actor, input: NewApiKey, lifetimes: KeyLifetimes | undefined, now: number): Date | null {
  if (input.expiresInDays !== undefined && input.expiresAt !== undefined) throw invalidField('body.expires_at', 'give expires_in_days or expires_at, not both');
  const maxDays = !lifetimes ? 0 : principal.role === 'admin' ? lifetimes.adminMaxLifetimeDays : lifetimes.maxLifetimeDays;
  const setting = principal.role === 'admin' ? 'apiKeys.adminMaxLifetimeDays' : 'apiKeys.maxLifetimeDays';
  const limit = maxDays ? `a ${principal.role}'s keys may live at most ${maxDays} days here (${setting})` : '';
  if (input.expiresInDays !== undefined) {
    if (maxDays && input.expiresInDays > maxDays) throw invalidField('body.expires_in_days', `${limit}; choose ${maxDays} or fewer`);
    return new Date(now + input.expiresInDays * DAY_MS);
  }
  if (input.expiresAt !== undefined) {
    if (input.expiresAt.getTime() <= now) throw invalidField('body.expires_at', `${input.expiresAt.toISOString()} has passed; give a time in the future`);
    const latest = new Date(now + maxDays * DAY_MS);
    if (maxDays && input.expiresAt > latest) throw invalidField('body.expires_at', `${limit}; choose ${latest.toISOString()} or sooner`);
    return input.expiresAt;
  }
  return maxDays ? new Date(now + maxDays * DAY_MS) : null;
}

/** A key for the caller's own account. */
export async function createApiKey(db: DataSource, principal: Actor, input: NewApiKey, origin?: Origin, lifetimes?: KeyLifetimes): Promise<{ apiKey: ApiKey; key: string }> {
  authorize(principal, 'api-key.create');
  const role = input.role ?? principal.role;
  authorizeRoleGrant(principal, role, input.scopes);
  const scopes = input.scopes ? [...new Set(input.scopes)] : scopesForRole(role);
  const tooStrong = scopes.find((scope) => !roleAllows(role, scopeRole(scope)));
  if (tooStrong) throw invalidField('body.scopes', `a key with the ${role} role cannot have the ${tooStrong} scope (it needs the ${scopeRole(tooStrong)} role); choose from ${scopesForRole(role).join(', ')}`);
  if (!scopes.length) throw invalidField('body.scopes', `a key needs at least one scope: ${scopesForRole(role).join(', ')}`);
  const expiresAt = expiryOf(principal, input, lifetimes, Date.now());
  const { key, prefix } = newApiKey();
  const repo = db.getRepository(ApiKeyEntity);
  const apiKey = await repo.save(
    repo.create({
      userId: principal.userId,
      name: input.name,
      role,
      scopes,
      prefix,
      keyHash: hashToken(key),
      lastUsedAt: null,
      revokedAt: null,
      expiresAt,
      sandbox: input.sandbox ?? false,
    }),
  );
  await recordAudit(db, {
    actor: principal,
    action: 'apikey.create',
    target: { type: 'api-key', id: apiKey.id },
    origin,
    details: { name: apiKey.name, role, scopes, prefix, expires_at: apiKey.expiresAt?.toISOString() ?? null, sandbox: apiKey.sandbox },
  });
  return { apiKey, key };
}

/**
 * Revokes every live key of an account (its password was reset or changed, or it was disabled): keys
 * made by whoever knew the old password must not outlive it. Returns how many were revoked.
 */
export async function revokeKeysOf(db: DataSource, userId: string): Promise<number> {
  const rows = await sql<{ id: string }>(db, 'UPDATE api_keys SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id', [userId]);
  if (rows.length) await db.query('SELECT pg_notify($1, $2)', [AUTH_CHANNEL, JSON.stringify({ userId })]);
  return rows.length;
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
