// devforge apikey create --name N --role R [--scopes S,S] [--user EMAIL] [--expires-days D] [--sandbox] | list | revoke <id>
// Works beside a running server: it talks to the same database (see ../appliance.ts), and refuses
// when there is no appliance where the configuration points.
import { loadConfig } from '../../config/load.ts';
import { createApiKey, revokeApiKey } from '../../platform/domain/commands/api-keys.ts';
import { listApiKeys } from '../../platform/domain/queries/accounts.ts';
import { SCOPES, type Scope } from '../../platform/auth/scopes.ts';
import { ROLES, UserEntity, type Role } from '../../platform/db/entities/user.ts';
import { openAppliance } from '../appliance.ts';
import { numberFlag, parse } from '../args.ts';
import { UsageError } from '../errors.ts';

const ACTIONS = ['create', 'list', 'revoke'];

export async function apikeyCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (!action || !ACTIONS.includes(action)) throw new UsageError(action ? `unknown action "${action}": use one of ${ACTIONS.join(', ')}` : `give an action: ${ACTIONS.join(', ')}`);
  const { values, positionals } = parse(rest, {
    name: { type: 'string' },
    role: { type: 'string' },
    user: { type: 'string' },
    'expires-days': { type: 'string' },
    scopes: { type: 'string' },
    sandbox: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  const role = (values.role ?? 'editor') as Role;
  if (!ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}, got ${values.role}`);
  if (action === 'create' && !values.name) throw new UsageError('give the key a name: --name "CI pipeline"');
  if (action === 'revoke' && positionals.length !== 1) throw new UsageError('give the id of the key to revoke: devforge apikey revoke <id>');
  const scopes = values.scopes?.split(',').map((x) => x.trim()) as Scope[] | undefined;
  const unknown = scopes?.find((x) => !SCOPES.includes(x));
  if (unknown !== undefined) throw new UsageError(`--scopes: unknown scope "${unknown}"; give a comma-separated list of ${SCOPES.join(', ')}`);
  const expiresInDays = numberFlag(values['expires-days'], 'expires-days', (n) => Number.isInteger(n) && n > 0, 'a whole number of days');

  const config = loadConfig();
  const { db, close } = await openAppliance(config);
  try {
    const email = (values.user ?? config.auth.adminEmail).toLowerCase();
    const user = await db.getRepository(UserEntity).createQueryBuilder('u').where('lower(u.email) = :email', { email }).getOne();
    if (!user) throw new UsageError(`no account ${email}: give an existing one with --user`);
    // The operator at the appliance administers it; a new key still belongs to (and is capped by) its account.
    const operator = { userId: user.id, role: 'admin', via: 'console' } as const;
    if (action === 'create') {
      const { apiKey, key } = await createApiKey(
        db,
        { userId: user.id, role: user.role, via: 'console' },
        { name: values.name!, role, ...(scopes ? { scopes } : {}), ...(expiresInDays ? { expiresInDays } : {}), ...(values.sandbox ? { sandbox: true } : {}) },
        undefined,
        config.apiKeys,
      );
      if (values.json) console.log(JSON.stringify({ id: apiKey.id, name: apiKey.name, role: apiKey.role, scopes: apiKey.scopes, expires_at: apiKey.expiresAt?.toISOString() ?? null, sandbox: apiKey.sandbox, user: user.email, key }));
      else {
        console.log(key);
        console.error(
          `created ${apiKey.sandbox ? 'sandbox ' : ''}API key "${apiKey.name}" (${apiKey.role}, ${apiKey.scopes.join(' ')}, for ${user.email}, id ${apiKey.id}, expires ${apiKey.expiresAt?.toISOString() ?? 'never'}); it is shown only now`,
        );
      }
    } else if (action === 'list') {
      for (const k of await listApiKeys(db, operator, values.user ? 'me' : 'all')) {
        console.log([k.id, k.prefix, k.role, k.name, k.revokedAt ? 'revoked' : 'active', k.sandbox ? 'sandbox' : 'standard', k.lastUsedAt?.toISOString() ?? 'never used'].join('\t'));
      }
    } else {
      await revokeApiKey(db, operator, positionals[0]!);
      console.error(`revoked ${positionals[0]}`);
    }
  } finally {
    await close();
  }
  return 0;
}
