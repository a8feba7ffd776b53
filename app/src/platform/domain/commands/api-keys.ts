// API keys: created (the key is returned once, with its scopes and an expiry within the creator's
// maximum), revoked, and for publishable keys (the widget's) given the web origins they work from. Revocation reaches every process's key
// cache through NOTIFY on AUTH_CHANNEL. Listing is a query (../queries/accounts.ts).
import type { DataSource } from 'typeorm';
import { AUTH_CHANNEL } from '../../auth/api-key-authenticator.ts';
import type { Role } from '../../auth/principal.ts';
import { hashToken, newApiKey } from '../../auth/tokens.ts';
import { ApiKeyEntity, type ApiKey, type ApiKeyKind } from '../../db/entities/api-key.ts';
import { recordAudit, type Origin } from '../audit/record.ts';
import { roleAllows } from '../../auth/roles.ts';
import { scopeRole, scopesForRole, type Scope } from '../../auth/scopes.ts';
import { sql } from '../../db/sql.ts';
import { DomainError, invalidField } from '../errors.ts';
import { authorize, authorizeRoleGrant, type Actor } from '../policy.ts';
import { normaliseOrigins } from './key-origins.ts';

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
  /** Default secret. A publishable key (dfp_…) goes into web pages: it needs allowedOrigins and never has the admin scope. */
  kind?: ApiKeyKind;
  /** A publishable key's web origins (scheme://host[:port]); refused for secret keys. */
  allowedOrigins?: readonly string[];
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

/** The allowed origins a new key gets: a publishable key's, normalised; a secret key has none. */
function originsFor(kind: ApiKeyKind, input: NewApiKey): string[] {
  if (kind === 'secret') {
    if (input.allowedOrigins !== undefined) throw invalidField('body.allowed_origins', 'only publishable keys have allowed origins: add kind: "publishable", or leave allowed_origins out');
    return [];
  }
  if (input.allowedOrigins === undefined) throw invalidField('body.allowed_origins', 'a publishable key needs allowed_origins: the web origins (scheme://host[:port]) of the pages it is embedded in');
  return normaliseOrigins('body.allowed_origins', input.allowedOrigins);
}

/** A key for the caller's own account. */
export async function createApiKey(db: DataSource, principal: Actor, input: NewApiKey, origin?: Origin, lifetimes?: KeyLifetimes): Promise<{ apiKey: ApiKey; key: string }> {
  authorize(principal, 'api-key.create');
  const role = input.role ?? principal.role;
  authorizeRoleGrant(principal, role, input.scopes);
  const kind = input.kind ?? 'secret';
  const allowedOrigins = originsFor(kind, input);
  // A publishable key is public (it is in a web page): it can never carry the admin scope, whatever its role.
  const scopes = input.scopes ? [...new Set(input.scopes)] : scopesForRole(role).filter((s) => kind === 'secret' || s !== 'admin');
  if (kind === 'publishable' && scopes.includes('admin')) throw invalidField('body.scopes', 'a publishable key cannot have the admin scope (it is readable by anyone who opens the page); choose animations:read and animations:write');
  const tooStrong = scopes.find((scope) => !roleAllows(role, scopeRole(scope)));
  if (tooStrong) throw invalidField('body.scopes', `a key with the ${role} role cannot have the ${tooStrong} scope (it needs the ${scopeRole(tooStrong)} role); choose from ${scopesForRole(role).join(', ')}`);
  if (!scopes.length) throw invalidField('body.scopes', `a key needs at least one scope: ${scopesForRole(role).join(', ')}`);
  const expiresAt = expiryOf(principal, input, lifetimes, Date.now());
  const { key, prefix } = newApiKey(kind);
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
      kind,
      allowedOrigins,
    }),
  );
  await recordAudit(db, {
    actor: principal,
    action: 'apikey.create',
    target: { type: 'api-key', id: apiKey.id },
    origin,
    details: { name: apiKey.name, role, scopes, prefix, expires_at: apiKey.expiresAt?.toISOString() ?? null, sandbox: apiKey.sandbox, kind, allowed_origins: allowedOrigins },
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

/**
 * Replaces the web origins of a publishable key (the caller's own, or any for an admin). A secret key has
 * none to change: that is a conflict, said so. Every process's key cache hears of it (NOTIFY).
 */
export async function setAllowedOrigins(db: DataSource, principal: Actor, id: string, origins: readonly string[], origin?: Origin): Promise<ApiKey> {
  const repo = db.getRepository(ApiKeyEntity);
  const key = await repo.findOneBy({ id });
  if (!key) throw new DomainError('not-found', 'no such API key');
  authorize(principal, 'api-key.update-origins', { kind: 'api-key', ownerId: key.userId });
  if (key.kind !== 'publishable') throw new DomainError('conflict', 'this is a secret key: only publishable keys (made with kind: "publishable") have allowed origins; secret keys are for servers and never work from web pages');
  if (key.revokedAt) throw new DomainError('conflict', 'this key was revoked: make a new publishable key instead');
  const allowed = normaliseOrigins('body.allowed_origins', origins);
  await db.query('UPDATE api_keys SET allowed_origins = $2 WHERE id = $1', [id, allowed]);
  await recordAudit(db, { actor: principal, action: 'apikey.origins', target: { type: 'api-key', id }, origin, details: { before: key.allowedOrigins, after: allowed } });
  await db.query('SELECT pg_notify($1, $2)', [AUTH_CHANNEL, JSON.stringify({ keyId: id })]);
  return { ...key, allowedOrigins: allowed };
}
