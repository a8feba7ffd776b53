// Authorization: Bearer dfk_… → the key's owner, acting with the key's role (capped by the owner's)
// and only within the key's scopes (domain/policy.ts says which scope each action needs). Authorization:
// Bearer dfp_… is a publishable key: the principal says so and carries the key's allowed origins, which the
// HTTP layer checks against the request's Origin (domain/policy.ts authorizeOrigin).
// Checks are cached briefly so a busy program does not cost a query per request; revocations and role
// changes clear the cache in every process (Postgres NOTIFY on AUTH_CHANNEL).
import type { DataSource } from 'typeorm';
import { CredentialsError } from './errors.ts';
import { weakerRole } from './roles.ts';
import type { Role } from '../db/entities/user.ts';
import type { Scope } from './scopes.ts';
import type { Authenticator } from './chain.ts';
import type { Credentials, Principal } from './principal.ts';
import { hashToken, isApiKeyToken } from './tokens.ts';

export const AUTH_CHANNEL = 'devforge_auth';
/** last_used_at is written at most this often per key. */
const TOUCH_INTERVAL_MS = 60_000;

interface KeyRow {
  key_id: string;
  key_role: Role;
  scopes: Scope[];
  expires_at: Date | null;
  revoked_at: Date | null;
  user_id: string;
  email: string;
  name: string;
  user_role: Role;
  disabled: boolean;
  idp_groups: string[];
  sandbox: boolean;
  kind: 'secret' | 'publishable';
  allowed_origins: string[];
}

export class ApiKeyAuthenticator implements Authenticator {
  readonly name = 'api-key';
  private readonly db: DataSource;
  private readonly cacheMs: number;
  private readonly cache = new Map<string, { principal: Principal; expiresAt: number | null; until: number }>();
  private readonly touched = new Map<string, number>();

  constructor(db: DataSource, cacheSeconds: number) {
    this.db = db;
    this.cacheMs = cacheSeconds * 1000;
  }

  /** Forget every cached check (a key was revoked, a user changed). */
  clear(): void {
    this.cache.clear();
  }

  async authenticate(credentials: Credentials): Promise<Principal | undefined> {
    const match = /^Bearer\s+(\S+)$/i.exec(credentials.authorization ?? '');
    if (!match || !isApiKeyToken(match[1]!)) return undefined;
    const hash = hashToken(match[1]!);
    const now = Date.now();
    const cached = this.cache.get(hash);
    if (cached && cached.until > now && (cached.expiresAt === null || cached.expiresAt > now)) {
      this.touch(cached.principal.apiKeyId!, now);
      return cached.principal;
    }
    const rows: KeyRow[] = await this.db.query(
      `SELECT k.id AS key_id, k.role AS key_role, k.scopes, k.expires_at, k.revoked_at, k.sandbox, k.kind, k.allowed_origins, u.id AS user_id, u.email, u.name, u.role AS user_role, u.disabled, u.idp_groups
         FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.key_hash = $1`,
      [hash],
    );
    const row = rows[0];
    if (!row) throw new CredentialsError('unknown API key: check that it was copied whole, or create a new one');
    if (row.revoked_at) throw new CredentialsError('this API key was revoked: create a new one');
    if (row.expires_at && row.expires_at.getTime() <= now) throw new CredentialsError(`this API key expired at ${row.expires_at.toISOString()}: create a new one`);
    if (row.disabled) throw new CredentialsError('the account that owns this API key is disabled: ask an administrator to enable it');
    const principal: Principal = {
      userId: row.user_id,
      email: row.email,
      name: row.name,
      role: weakerRole(row.key_role, row.user_role),
      via: 'api-key',
      apiKeyId: row.key_id,
      scopes: row.scopes,
      groups: row.idp_groups,
      ...(row.sandbox ? { sandbox: true } : {}),
      ...(row.kind === 'publishable' ? { publishable: { allowedOrigins: row.allowed_origins } } : {}),
    };
    this.cache.set(hash, { principal, expiresAt: row.expires_at?.getTime() ?? null, until: now + this.cacheMs });
    this.touch(row.key_id, now);
    return principal;
  }

  private touch(keyId: string, now: number): void {
    if ((this.touched.get(keyId) ?? 0) + TOUCH_INTERVAL_MS > now) return;
    this.touched.set(keyId, now);
    this.db.query('UPDATE api_keys SET last_used_at = now() WHERE id = $1', [keyId]).catch(() => this.touched.delete(keyId));
  }
}
