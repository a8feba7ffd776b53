// Browser sign-in and sign-out. A session is a random cookie token (stored hashed) plus a CSRF token
// the page echoes on writes.
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
export async function login(db: DataSource, guard: PasswordGuard, email: string, password: string, ttlHours: number, origin?: Origin, onlyEmail?: string): Promise<NewSession> {
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
  return createSession(db, user, ttlHours, { method: 'password', ...(origin ? { origin } : {}) });
}

export interface SessionOptions {
  /** How the user proved who they are. */
  method: 'password' | 'oidc';
  /** The ID token single sign-on gave, kept for RP-initiated logout. */
  idToken?: string;
  origin?: Origin;
}

/** A new browser session for a user who has proved who they are (password or single sign-on). */
export async function createSession(db: DataSource, user: User, ttlHours: number, opts: SessionOptions): Promise<NewSession> {
  const { idToken, origin } = opts;
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
  await db.query('INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at, id_token) VALUES ($1, $2, $3, $4, $5)', [hashToken(token), user.id, csrfToken, expiresAt, idToken ?? null]);
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
