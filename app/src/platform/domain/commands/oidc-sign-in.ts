// Single sign-on in the domain's terms: a sign-in in progress (state, nonce and PKCE verifier kept in
// oidc_logins for ten minutes, found again by a random cookie token, used once), and the account an
// identity provider vouches for: created at the first sign-in, its role refreshed at every sign-in,
// then the same session the password sign-in creates.
import type { DataSource } from 'typeorm';
import { hashToken, newToken } from '../../auth/tokens.ts';
import { UserEntity, type Role } from '../../db/entities/user.ts';
import { sql } from '../../db/sql.ts';
import { DomainError } from '../errors.ts';
import type { Origin } from '../audit/record.ts';
import { createSession, type NewSession } from './sessions.ts';

const LOGIN_TTL_MINUTES = 10;

export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface VouchedIdentity {
  issuer: string;
  subject: string;
  email: string;
  name: string;
  /** Whether the IdP says it checked the e-mail address (email_verified): only then may it bind an existing local account. */
  emailVerified: boolean;
  role: Role;
  /** The IdP groups the user is in (normalised): sharing grants to a group apply to its members. */
  groups: readonly string[];
  idToken: string;
  /** Who vouched: the single sign-on IdP (the default) or an LTI platform's launch (its ID token is not kept: no RP-initiated logout there). */
  method?: 'oidc' | 'lti';
}

/** Stores a sign-in in progress; the returned token goes into a short-lived HttpOnly cookie. */
export async function savePendingLogin(db: DataSource, login: PendingLogin): Promise<string> {
  const token = newToken();
  await db.query(`DELETE FROM oidc_logins WHERE created_at < now() - make_interval(mins => $1)`, [LOGIN_TTL_MINUTES]);
  await db.query('INSERT INTO oidc_logins (token_hash, state, nonce, code_verifier) VALUES ($1, $2, $3, $4)', [hashToken(token), login.state, login.nonce, login.codeVerifier]);
  return token;
}

/** Takes (and deletes: one use only) the sign-in in progress the cookie names. */
export async function takePendingLogin(db: DataSource, token: string | undefined): Promise<PendingLogin> {
  const rows = token
    ? await sql<{ state: string; nonce: string; code_verifier: string }>(db, `DELETE FROM oidc_logins WHERE token_hash = $1 AND created_at > now() - make_interval(mins => $2) RETURNING state, nonce, code_verifier`, [
        hashToken(token),
        LOGIN_TTL_MINUTES,
      ])
    : [];
  const row = rows[0];
  if (!row) throw new DomainError('sign-in-refused', `this sign-in has expired or was already used (it must finish within ${LOGIN_TTL_MINUTES} minutes, in the browser that started it); start again at /auth/oidc/login`);
  return { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier };
}

/** The account for this identity (created or bound on first sign-in, role refreshed), and a new session. */
export async function signInWithIdentity(db: DataSource, identity: VouchedIdentity, ttlHours: number, origin?: Origin, replaces?: string): Promise<NewSession> {
  const repo = db.getRepository(UserEntity);
  const id = await accountFor(db, identity);
  // The IdP is the source of truth for the role, the groups and the display name: refreshed at every sign-in.
  await db.query(`UPDATE users SET role = $2, name = CASE WHEN $3 = '' THEN name ELSE $3 END, idp_groups = $4::text[], updated_at = now() WHERE id = $1`, [id, identity.role, identity.name, [...identity.groups]]);
  const user = await repo.findOneByOrFail({ id });
  if (user.disabled) throw new DomainError('sign-in-refused', `the account ${user.email} is disabled in DevForge: ask an administrator to enable it`);
  const method = identity.method ?? 'oidc';
  return createSession(db, user, ttlHours, { method, ...(method === 'oidc' ? { idToken: identity.idToken } : {}), ...(origin ? { origin } : {}), ...(replaces ? { replaces } : {}) });
}

/** Postgres' unique_violation: another request created the same row first. */
const UNIQUE_VIOLATION = '23505';

/**
 * The account this identity signs in to: the one bound to it, else a local account with its (verified)
 * address, now bound, else a new one. Two first sign-ins of one person at once (two tabs, an LMS opening
 * the tool twice) both find nothing and both insert; the loser's insert breaks the unique index, and the
 * second look finds the winner's account, so neither sees an error. The winner may also commit between the
 * loser's two looks: then the address is found already bound, to this same identity.
 */
async function accountFor(db: DataSource, identity: VouchedIdentity): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await findOrCreateAccount(db, identity);
    } catch (err) {
      if (attempt >= 2 || (err as { code?: string }).code !== UNIQUE_VIOLATION) throw err;
    }
  }
}

async function findOrCreateAccount(db: DataSource, identity: VouchedIdentity): Promise<string> {
  const bound = await sql<{ id: string }>(db, 'SELECT id FROM users WHERE oidc_issuer = $1 AND oidc_subject = $2', [identity.issuer, identity.subject]);
  if (bound[0]) return bound[0].id;
  const email = identity.email.trim().toLowerCase();
  const local = await sql<{ id: string; oidc_issuer: string | null; oidc_subject: string | null }>(db, 'SELECT id, oidc_issuer, oidc_subject FROM users WHERE lower(email) = $1', [email]);
  // Bound to this very identity between the two looks: a sign-in of the same person running alongside.
  if (local[0] && local[0].oidc_issuer === identity.issuer && local[0].oidc_subject === identity.subject) return local[0].id;
  if (local[0]) {
    if (local[0].oidc_subject || !identity.emailVerified) {
      throw new DomainError(
        'sign-in-refused',
        `an account with the e-mail address ${email} already exists and the identity provider has not verified that address for this identity; an administrator must rename or remove the local account first`,
      );
    }
    await db.query('UPDATE users SET oidc_issuer = $2, oidc_subject = $3 WHERE id = $1', [local[0].id, identity.issuer, identity.subject]);
    return local[0].id;
  }
  const rows = await sql<{ id: string }>(db, 'INSERT INTO users (email, name, role, oidc_issuer, oidc_subject) VALUES ($1, $2, $3, $4, $5) RETURNING id', [email, identity.name, identity.role, identity.issuer, identity.subject]);
  return rows[0]!.id;
}
