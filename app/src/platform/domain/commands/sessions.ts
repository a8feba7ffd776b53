// Browser sign-in and sign-out. A session is a random cookie token (stored hashed) plus a CSRF token
// the page echoes on writes.
import type { DataSource } from 'typeorm';
import { verifyPassword } from '../../auth/password.ts';
import type { Principal } from '../../auth/principal.ts';
import { hashToken, newToken } from '../../auth/tokens.ts';
import type { User } from '../../db/entities/user.ts';
import { UserEntity } from '../../db/entities/user.ts';
import { recordAudit, type Origin } from '../audit/record.ts';
import { DomainError } from '../errors.ts';
import { authorize, type Actor } from '../policy.ts';
import type { PasswordGuard } from '../ports.ts';

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: User;
}

/** Signs in with e-mail and password; the password is checked under the account lockout (`guard`). */
export async function login(db: DataSource, guard: PasswordGuard, email: string, password: string, ttlHours: number, origin?: Origin): Promise<NewSession> {
  const user = await db.getRepository(UserEntity).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email: email.trim() }).getOne();
  const ok = await guard.check(email, () => verifyPassword(password, user?.passwordHash ?? null));
  if (!user || !ok || user.disabled) {
    // The address typed is kept as the label (personal, erasable); the reason only for the administrators who read the log.
    const reason = !user ? 'unknown-account' : !ok ? 'wrong-password' : 'account-disabled';
    await recordAudit(db, { actor: 'anonymous', action: 'auth.sign-in-failed', label: email.trim(), origin, details: { reason }, ...(user ? { target: { type: 'user', id: user.id } } : {}) });
    throw new DomainError('invalid-credentials', 'wrong e-mail address or password (or the account is disabled); check both and try again');
  }
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
  await db.query('INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)', [hashToken(token), user.id, csrfToken, expiresAt]);
  await db.query('UPDATE users SET last_login_at = now() WHERE id = $1', [user.id]);
  await recordAudit(db, { actor: { userId: user.id, via: 'session', email: user.email }, action: 'auth.sign-in', origin, details: { method: 'password' } });
  return { token, csrfToken, expiresAt, user };
}

/** Ends the caller's browser session (an API-key caller has none: nothing happens). */
export async function logout(db: DataSource, principal: Actor & Pick<Principal, 'sessionId'>, origin?: Origin): Promise<void> {
  authorize(principal, 'session.end');
  if (!principal.sessionId) return;
  await db.query('DELETE FROM sessions WHERE id = $1', [principal.sessionId]);
  await recordAudit(db, { actor: principal, action: 'auth.sign-out', origin });
}
