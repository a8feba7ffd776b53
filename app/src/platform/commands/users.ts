// Accounts: create, change, and the administrator made at first start.
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Problem } from '../api/problems.ts';
import { AUTH_CHANNEL } from '../auth/api-key-authenticator.ts';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from '../auth/password.ts';
import { UserEntity, type Role, type User } from '../db/entities/user.ts';
import type { Logger } from '../log.ts';

export interface NewUser {
  email: string;
  name?: string;
  role: Role;
  password?: string;
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new Problem('validation-failed', `password: at least ${MIN_PASSWORD_LENGTH} characters`, { errors: [{ field: 'body.password', message: `at least ${MIN_PASSWORD_LENGTH} characters` }] });
}

export async function createUser(db: DataSource, input: NewUser): Promise<User> {
  if (input.password !== undefined) checkPassword(input.password);
  const email = input.email.trim().toLowerCase();
  const existing = await db.query('SELECT 1 FROM users WHERE lower(email) = $1', [email]);
  if (existing.length) throw new Problem('conflict', `an account with the e-mail address ${email} already exists`);
  const repo = db.getRepository(UserEntity);
  return repo.save(
    repo.create({
      email,
      name: input.name ?? '',
      role: input.role,
      passwordHash: input.password !== undefined ? await hashPassword(input.password) : null,
      disabled: false,
      webhookSecret: randomBytes(32).toString('base64url'),
      lastLoginAt: null,
    }),
  );
}

export interface UserChanges {
  name?: string;
  role?: Role;
  disabled?: boolean;
  password?: string;
}

export async function updateUser(db: DataSource, id: string, changes: UserChanges): Promise<User> {
  const repo = db.getRepository(UserEntity);
  const user = await repo.findOneBy({ id });
  if (!user) throw new Problem('not-found', 'no such user');
  if (changes.password !== undefined) {
    checkPassword(changes.password);
    user.passwordHash = await hashPassword(changes.password);
  }
  if (changes.name !== undefined) user.name = changes.name;
  if (changes.role !== undefined) user.role = changes.role;
  if (changes.disabled !== undefined) user.disabled = changes.disabled;
  const saved = await repo.save(user);
  // Sessions of a disabled user end now; cached key checks everywhere are dropped.
  if (changes.disabled || changes.password !== undefined) await db.query('DELETE FROM sessions WHERE user_id = $1', [id]);
  await db.query('SELECT pg_notify($1, $2)', [AUTH_CHANNEL, JSON.stringify({ userId: id })]);
  return saved;
}

/**
 * First start: creates the administrator (auth.adminEmail) when no account has that address. The
 * password comes from auth.adminPassword, or is generated and printed once on stdout.
 */
export async function ensureAdmin(db: DataSource, email: string, password: string, log: Logger, print: (text: string) => void = (t) => process.stdout.write(t)): Promise<void> {
  const found = await db.query('SELECT 1 FROM users WHERE lower(email) = lower($1)', [email]);
  if (found.length) return;
  const generated = !password;
  const secret = password || generatePassword();
  try {
    await createUser(db, { email, name: 'Administrator', role: 'admin', password: secret });
  } catch (err) {
    // Another process created it first.
    if (err instanceof Problem && err.type === 'conflict') return;
    throw err;
  }
  if (generated) {
    print(`\n  DevForge administrator created.\n    sign-in: ${email}\n    password: ${secret}\n  This password is shown once. Change it after signing in, or set DEVFORGE_ADMIN_PASSWORD before the first start.\n\n`);
  } else {
    log.info(`accounts: administrator ${email} created with the password from auth.adminPassword`);
  }
}
