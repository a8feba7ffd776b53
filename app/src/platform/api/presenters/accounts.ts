// Users, API keys and sessions as clients see them: never a password hash, key hash or webhook secret.
import type { ApiKey } from '../../db/entities/api-key.ts';
import type { User } from '../../db/entities/user.ts';
import type { SessionSummary } from '../../domain/commands/sessions.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentUser(u: User) {
  return { id: u.id, email: u.email, name: u.name, role: u.role, disabled: u.disabled, created_at: u.createdAt.toISOString(), last_login_at: iso(u.lastLoginAt) };
}

export function presentApiKey(k: ApiKey) {
  return {
    id: k.id,
    name: k.name,
    role: k.role,
    scopes: k.scopes,
    prefix: k.prefix,
    user_id: k.userId,
    created_at: k.createdAt.toISOString(),
    last_used_at: iso(k.lastUsedAt),
    expires_at: iso(k.expiresAt),
    revoked_at: iso(k.revokedAt),
    active: !k.revokedAt && (!k.expiresAt || k.expiresAt.getTime() > Date.now()),
    sandbox: k.sandbox,
    kind: k.kind,
    allowed_origins: k.allowedOrigins,
  };
}

/** A session for its owner's list: never its token or CSRF token. */
export function presentSession(x: SessionSummary) {
  return {
    id: x.id,
    created_at: x.createdAt.toISOString(),
    last_seen_at: x.lastSeenAt.toISOString(),
    expires_at: (x.expiresAt < x.endsAt ? x.expiresAt : x.endsAt).toISOString(),
    ends_at: x.endsAt.toISOString(),
    ip: x.ip,
    user_agent: x.userAgent,
    current: x.current,
  };
}
