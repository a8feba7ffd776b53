// Accounts: create, change, change one's own password, and the administrator made at first start.
import type { DataSource } from 'typeorm';
import { AUTH_CHANNEL } from '../../auth/api-key-authenticator.ts';
import { passwordProblem } from '../../auth/password-policy.ts';
import { generatePassword, hashPassword, verifyPassword } from '../../auth/password.ts';
import { UserEntity, type Role, type User } from '../../db/entities/user.ts';
import type { Principal } from '../../auth/principal.ts';
import { recordAudit, type Origin } from '../audit/record.ts';
import { revokeKeysOf } from './api-keys.ts';
import { endSessionsOf } from './sessions.ts';
import { DomainError, invalidField } from '../errors.ts';
import { authorize, type Actor } from '../policy.ts';
import type { PasswordGuard } from '../ports.ts';

export interface NewUser {
  email: string;
  name?: string;
  role: Role;
  password?: string;
}

function checkPassword(password: string, field: string, email: string): void {
  const problem = passwordProblem(password, email);
  if (problem) throw invalidField(field, `the password ${problem}`);
}

/** Creates an account without asking the policy: first start and the console only. */
export async function insertUser(db: DataSource, input: NewUser): Promise<User> {
  if (input.password !== undefined) checkPassword(input.password, 'body.password', input.email);
  const email = input.email.trim().toLowerCase();
  const existing = (await db.query('SELECT 1 FROM users WHERE lower(email) = $1', [email])) as unknown[];
  if (existing.length) throw new DomainError('conflict', `an account with the e-mail address ${email} already exists; change that one instead`);
  const repo = db.getRepository(UserEntity);
  return repo.save(
    repo.create({
      email,
      name: input.name ?? '',
      role: input.role,
      passwordHash: input.password !== undefined ? await hashPassword(input.password) : null,
      disabled: false,
      // Made and sealed when first needed (secrets/webhook-secrets.ts).
      webhookSecret: null,
      lastLoginAt: null,
    }),
  );
}

export async function createUser(db: DataSource, principal: Actor, input: NewUser, origin?: Origin): Promise<User> {
  authorize(principal, 'user.create');
  const user = await insertUser(db, input);
  await recordAudit(db, { actor: principal, action: 'user.create', target: { type: 'user', id: user.id }, origin, details: { role: user.role, password_set: input.password !== undefined } });
  return user;
}

/** What an audit entry says changed: which fields, and the new role and state (never a password). */
function changeDetails(changes: UserChanges): Record<string, unknown> {
  const changed = (['name', 'role', 'disabled', 'password'] as const).filter((k) => changes[k] !== undefined);
  return { changed, ...(changes.role !== undefined ? { role: changes.role } : {}), ...(changes.disabled !== undefined ? { disabled: changes.disabled } : {}) };
}

export interface UserChanges {
  name?: string;
  role?: Role;
  disabled?: boolean;
  password?: string;
}

/** What a change ended: the account's API keys and browser sessions (a reset, a password change, disabling). */
interface Ended {
  keysRevoked: number;
  sessionsEnded: number;
}

async function applyChanges(db: DataSource, guard: PasswordGuard, id: string, changes: UserChanges, passwordField: string, keepSessionId?: string): Promise<{ user: User; ended: Ended }> {
  const repo = db.getRepository(UserEntity);
  const user = await repo.findOneBy({ id });
  if (!user) throw new DomainError('not-found', 'no such user');
  if (changes.password !== undefined) {
    checkPassword(changes.password, passwordField, user.email);
    user.passwordHash = await hashPassword(changes.password);
  }
  if (changes.name !== undefined) user.name = changes.name;
  if (changes.role !== undefined) user.role = changes.role;
  if (changes.disabled !== undefined) user.disabled = changes.disabled;
  const saved = await repo.save(user);
  // A new password or a disabled account ends every credential made with the old state: the API keys
  // (revoked, so enabling the account again does not bring them back) and the browser sessions but the
  // one that changed its own password. Keys made by someone who had the old password die with it.
  const ended: Ended = { keysRevoked: 0, sessionsEnded: 0 };
  if (changes.disabled || changes.password !== undefined) {
    ended.keysRevoked = await revokeKeysOf(db, id);
    ended.sessionsEnded = await endSessionsOf(db, id, keepSessionId);
  }
  // A password an administrator (or the owner) just set is the way out of a lockout.
  if (changes.password !== undefined) await guard.forget(saved.email);
  // Cached key checks everywhere are dropped (a role change caps the keys at once).
  await db.query('SELECT pg_notify($1, $2)', [AUTH_CHANNEL, JSON.stringify({ userId: id })]);
  return { user: saved, ended };
}

const endedDetails = (ended: Ended) => (ended.keysRevoked || ended.sessionsEnded ? { keys_revoked: ended.keysRevoked, sessions_ended: ended.sessionsEnded } : {});

/** An administrator changes an account (never disabling or demoting themselves: someone must stay admin). */
export async function updateUser(db: DataSource, guard: PasswordGuard, principal: Actor, id: string, changes: UserChanges, origin?: Origin): Promise<User> {
  authorize(principal, 'user.update');
  if (id === principal.userId && (changes.disabled || (changes.role && changes.role !== 'admin'))) throw new DomainError('conflict', 'you cannot disable or demote yourself; ask another administrator');
  const { user, ended } = await applyChanges(db, guard, id, changes, 'body.password');
  await recordAudit(db, { actor: principal, action: 'user.update', target: { type: 'user', id }, origin, details: { ...changeDetails(changes), ...endedDetails(ended) } });
  return user;
}

/**
 * The caller changes their own password, proving they know the current one. Their other sessions end
 * (this one stays signed in) and their API keys are revoked.
 */
export async function changeOwnPassword(db: DataSource, guard: PasswordGuard, principal: Actor & Pick<Principal, 'sessionId'>, current: string, next: string, origin?: Origin): Promise<void> {
  authorize(principal, 'account.change-password');
  const user = await db.getRepository(UserEntity).findOneBy({ id: principal.userId });
  if (!user) throw new DomainError('invalid-credentials', 'the current password is wrong');
  // The new password is judged first, so a weak choice costs no attempt against the lockout.
  checkPassword(next, 'body.new_password', user.email);
  if (!(await guard.check(user.email, () => verifyPassword(current, user.passwordHash)))) throw new DomainError('invalid-credentials', 'the current password is wrong');
  const { ended } = await applyChanges(db, guard, user.id, { password: next }, 'body.new_password', principal.sessionId);
  await recordAudit(db, { actor: principal, action: 'account.change-password', target: { type: 'user', id: user.id }, origin, details: endedDetails(ended) });
}

/**
 * First start: creates the administrator (auth.adminEmail) when no account has that address. The
 * password comes from auth.adminPassword, or is generated and printed once on stdout.
 */
export async function ensureAdmin(db: DataSource, email: string, password: string, log: { info(message: string): void }, print: (text: string) => void = (t) => process.stdout.write(t)): Promise<void> {
  const found = (await db.query('SELECT 1 FROM users WHERE lower(email) = lower($1)', [email])) as unknown[];
  if (found.length) return;
  const generated = !password;
  const problem = generated ? undefined : passwordProblem(password, email);
  if (problem) throw new DomainError('invalid-input', `auth.adminPassword (DEVFORGE_ADMIN_PASSWORD): the password ${problem}; or leave it empty to have one generated`);
  const secret = password || generatePassword();
  try {
    await insertUser(db, { email, name: 'Administrator', role: 'admin', password: secret });
  } catch (err) {
    // Another process created it first.
    if (err instanceof DomainError && err.code === 'conflict') return;
    throw err;
  }
  if (generated) {
    print(`\n  DevForge administrator created.\n    sign-in: ${email}\n    password: ${secret}\n  This password is shown once. Change it after signing in, or set DEVFORGE_ADMIN_PASSWORD before the first start.\n\n`);
  } else {
    log.info(`accounts: administrator ${email} created with the password from auth.adminPassword`);
  }
}
