// devforge admin reset-password [--email EMAIL] [--password-stdin]: the way back from a lost password.
// Sets a new one (generated and printed once, or read from standard input) and ends the account's
// sessions. Works while the server runs, against the same database (see ../appliance.ts).
import { loadConfig } from '../../config/load.ts';
import { passwordProblem } from '../../platform/auth/password-policy.ts';
import { generatePassword } from '../../platform/auth/password.ts';
import { AccountLockout } from '../../platform/ratelimit/account-lockout.ts';
import { RateLimits } from '../../platform/ratelimit/limiters.ts';
import { updateUser } from '../../platform/domain/commands/users.ts';
import { UserEntity } from '../../platform/db/entities/user.ts';
import { openAppliance } from '../appliance.ts';
import { parse } from '../args.ts';
import { UsageError } from '../errors.ts';

const ACTIONS = ['reset-password'];

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // `echo secret | devforge …` and a file both end in a newline that is not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export async function adminCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (!action || !ACTIONS.includes(action)) throw new UsageError(action ? `unknown action "${action}": use one of ${ACTIONS.join(', ')}` : `give an action: ${ACTIONS.join(', ')}`);
  const { values, positionals } = parse(rest, { email: { type: 'string' }, 'password-stdin': { type: 'boolean' } });
  if (positionals.length) throw new UsageError(`reset-password takes no arguments, got ${positionals.join(' ')}: give the account with --email`);
  const config = loadConfig();
  const email = (values.email ?? config.auth.adminEmail).trim().toLowerCase();
  let password: string;
  if (values['password-stdin']) {
    password = await readStdin();
    if (!password) throw new UsageError('--password-stdin: standard input held no password');
    const problem = passwordProblem(password, email);
    if (problem) throw new UsageError(`--password-stdin: the password ${problem}`);
  } else password = generatePassword();

  const { db, close } = await openAppliance(config);
  try {
    const user = await db.getRepository(UserEntity).createQueryBuilder('u').where('lower(u.email) = :email', { email }).getOne();
    if (!user) {
      const known = (await db.query('SELECT email FROM users ORDER BY created_at LIMIT 5')) as { email: string }[];
      throw new Error(`no account ${email}${known.length ? ` (accounts include ${known.map((k) => k.email).join(', ')})` : ''}: give an existing one with --email`);
    }
    const [{ n: sessions }] = (await db.query('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [user.id])) as [{ n: number }];
    const [{ n: keys }] = (await db.query('SELECT count(*)::int AS n FROM api_keys WHERE user_id = $1 AND revoked_at IS NULL', [user.id])) as [{ n: number }];
    // The operator at the appliance acts as its administrator. updateUser ends the account's sessions, revokes its
    // API keys and lifts a lockout (the shared rate limits) when its password changes.
    await updateUser(db, new AccountLockout(new RateLimits(db, config.rateLimit)), { userId: user.id, role: 'admin', via: 'console' }, user.id, { password });
    if (!values['password-stdin']) console.log(password);
    const ended = `${sessions === 1 ? '1 session ended' : `${sessions} sessions ended`}, ${keys === 1 ? '1 API key revoked' : `${keys} API keys revoked`}`;
    console.error(
      `password of ${user.email} reset (${ended})${values['password-stdin'] ? '' : '; the new password is shown only now'}${user.disabled ? `. The account is disabled: an administrator must enable it before it can sign in` : ''}`,
    );
  } finally {
    await close();
  }
  return 0;
}
