// Browser sign-in and sign-out. A session is a random cookie token (stored hashed) plus a CSRF token
// the page echoes on writes. Every sign-in makes a fresh token and drops the session the browser had
// (no fixation); people list and end their own sessions, administrators end all of someone's.
import type { DataSource } from 'typeorm';
import { verifyPassword } from '../../auth/password.ts';
import type { Principal } from '../../auth/principal.ts';
import { hashToken, newToken } from '../../auth/tokens.ts';
import type { User } from '../../db/entities/user.ts';
import { UserEntity } from '../../db/entities/user.ts';
import { recordAudit, type Origin } from '../audit/record.ts';
import { sql } from '../../db/sql.ts';
import { DomainError } from '../errors.ts';
import { authorize, type Actor } from '../policy.ts';
import type { PasswordGuard } from '../ports.ts';

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: User;
}

/**
 * E-mail and password sign-in, the password checked under the account lockout (`guard`). `onlyEmail`
 * (auth.localLogin off with single sign-on on) lets just the break-glass administrator use a password;
 * everyone else is told to use single sign-on.
 */
export async function login(db: DataSource, guard: PasswordGuard, email: string, password: string, ttlHours: number, origin?: Origin, onlyEmail?: string, replaces?: string): Promise<NewSession> {
  if (onlyEmail !== undefined && email.trim().toLowerCase() !== onlyEmail.trim().toLowerCase()) {
    throw new DomainError('forbidden', 'password sign-in is turned off here (auth.localLogin = false): sign in with single sign-on instead');
  }
  const user = await db.getRepository(UserEntity).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email: email.trim() }).getOne();
  const ok = await guard.check(email, () => verifyPassword(password, user?.passwordHash ?? null));
  if (!user || !ok || user.disabled) {
    // The address typed is kept as the label (personal, erasable); the reason only for the administrators who read the log.
    const reason = !user ? 'unknown-account' : !ok ? 'wrong-password' : 'account-disabled';
    await recordAudit(db, { actor: 'anonymous', action: 'auth.sign-in-failed', label: email.trim(), origin, details: { reason }, ...(user ? { target: { type: 'user', id: user.id } } : {}) });
    throw new DomainError('invalid-credentials', 'wrong e-mail address or password (or the account is disabled); check both and try again');
  }
  return createSession(db, user, ttlHours, { method: 'password', ...(origin ? { origin } : {}), ...(replaces ? { replaces } : {}) });
}

export interface SessionOptions {
  /** How the user proved who they are. */
  method: 'password' | 'oidc' | 'lti';
  /** The ID token single sign-on gave, kept for RP-initiated logout. */
  idToken?: string;
  origin?: Origin;
  /** The session token the browser still sent (signed in before, as anyone): it ends now. */
  replaces?: string;
}

/** A new browser session for a user who has proved who they are (password or single sign-on). */
export async function createSession(db: DataSource, user: User, ttlHours: number, opts: SessionOptions): Promise<NewSession> {
  const { idToken, origin } = opts;
  // Rotation at sign-in: the browser's previous session (an attacker may have planted its cookie) ends.
  if (opts.replaces) await db.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(opts.replaces)]);
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
  await db.query('INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at, id_token, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    hashToken(token),
    user.id,
    csrfToken,
    expiresAt,
    idToken ?? null,
    origin?.ip ?? null,
    origin?.userAgent?.slice(0, 500) ?? null,
  ]);
  await db.query('UPDATE users SET last_login_at = now() WHERE id = $1', [user.id]);
  await recordAudit(db, { actor: { userId: user.id, via: opts.method === 'oidc' ? 'oidc' : 'session', email: user.email }, action: 'auth.sign-in', origin, details: { method: opts.method } });
  return { token, csrfToken, expiresAt, user };
}

/**
 * Ends the caller's browser session (an API-key caller has none: nothing happens). Returns the ID token
 * the session was made from, when it came from single sign-on, for RP-initiated logout.
 */
export async function logout(db: DataSource, principal: Actor & Pick<Principal, 'sessionId'>, origin?: Origin): Promise<{ idToken?: string }> {
  authorize(principal, 'session.end');
  if (!principal.sessionId) return {};
  const rows = await sql<{ id_token: string | null }>(db, 'DELETE FROM sessions WHERE id = $1 RETURNING id_token', [principal.sessionId]);
  await recordAudit(db, { actor: principal, action: 'auth.sign-out', origin });
  return rows[0]?.id_token ? { idToken: rows[0].id_token } : {};
}

/** Ends an account's browser sessions, but `keep` (the caller's own); returns how many ended. */
export async function endSessionsOf(db: DataSource, userId: string, keep?: string): Promise<number> {
  const rows = await sql<{ id: string }>(db, 'DELETE FROM sessions WHERE user_id = $1 AND id IS DISTINCT FROM $2 RETURNING id', [userId, keep ?? null]);
  return rows.length;
}

/** One of the caller's sessions as the list shows it. */
export interface SessionSummary {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  /** When it ends unless used again before (idle), and at the latest (auth.sessionMaxHours from sign-in). */
  expiresAt: Date;
  endsAt: Date;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

/** The caller's live sessions, newest first; `current` marks the one this request came with. */
export async function listSessions(db: DataSource, principal: Actor & Pick<Principal, 'sessionId'>, maxHours: number): Promise<SessionSummary[]> {
  authorize(principal, 'session.list');
  const rows = await sql<{ id: string; created_at: Date; last_seen_at: Date; expires_at: Date; ends_at: Date; ip: string | null; user_agent: string | null }>(
    db,
    `SELECT id, created_at, last_seen_at, expires_at, created_at + make_interval(hours => $2) AS ends_at, ip, user_agent
       FROM sessions WHERE user_id = $1 AND expires_at > now() AND created_at + make_interval(hours => $2) > now()
      ORDER BY created_at DESC, id`,
    [principal.userId, maxHours],
  );
  return rows.map((r) => ({ id: r.id, createdAt: r.created_at, lastSeenAt: r.last_seen_at, expiresAt: r.expires_at, endsAt: r.ends_at, ip: r.ip, userAgent: r.user_agent, current: r.id === principal.sessionId }));
}

/** Ends one of the caller's sessions (another browser, a lost laptop). Someone else's reads as not found. */
export async function revokeSession(db: DataSource, principal: Actor, id: string, origin?: Origin): Promise<void> {
  authorize(principal, 'session.revoke');
  const rows = await sql<{ id: string }>(db, 'DELETE FROM sessions WHERE id = $1 AND user_id = $2 RETURNING id', [id, principal.userId]);
  if (!rows.length) throw new DomainError('not-found', 'no such session of yours; list them with GET /api/v1/me/sessions');
  await recordAudit(db, { actor: principal, action: 'session.revoke', target: { type: 'session', id }, origin });
}

/** An administrator ends every session of an account (a lost device, someone leaving); returns how many. */
export async function endUserSessions(db: DataSource, principal: Actor, userId: string, origin?: Origin): Promise<number> {
  authorize(principal, 'user.sessions.end');
  const found = await sql<{ id: string }>(db, 'SELECT id FROM users WHERE id = $1', [userId]);
  if (!found.length) throw new DomainError('not-found', 'no such user');
  const ended = await endSessionsOf(db, userId);
  await recordAudit(db, { actor: principal, action: 'user.sessions-end', target: { type: 'user', id: userId }, origin, details: { sessions_ended: ended } });
  return ended;
}
