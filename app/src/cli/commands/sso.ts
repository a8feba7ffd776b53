// devforge sso set-client-secret | clear-client-secret: keeps the OIDC client secret in the database,
// sealed with the master key, instead of in a config file or the environment (where `ps e`, a backup
// of /etc or a crash report shows it). The secret comes from stdin or --from-file, never from the
// command line, which every user of the machine can read in `ps`. The server reads it at start-up.
import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { loadConfig } from '../../config/load.ts';
import { masterKeyPath, MasterKeyError, openSecretBox, readMasterKeys } from '../../platform/secrets/master-key-file.ts';
import { clearSealedSetting, OIDC_CLIENT_SECRET, storeSealedSetting } from '../../platform/secrets/sealed-settings.ts';
import { openAppliance } from '../appliance.ts';
import { parse } from '../args.ts';
import { UsageError } from '../errors.ts';

const ACTIONS = ['set-client-secret', 'clear-client-secret'];

/** The secret from --from-file or stdin, without the line end an editor or `echo` adds. */
async function readSecret(fromFile: string | undefined): Promise<string> {
  if (!fromFile && process.stdin.isTTY) throw new UsageError('give the client secret on stdin (e.g. devforge sso set-client-secret < secret.txt) or with --from-file FILE; never on the command line');
  let raw: string;
  try {
    raw = fromFile ? await readFile(fromFile, 'utf8') : await text(process.stdin);
  } catch (err) {
    throw new UsageError(`cannot read the client secret from ${fromFile}: ${(err as Error).message}`);
  }
  const secret = raw.replace(/\r?\n$/, '');
  if (!secret.trim()) throw new UsageError(`the client secret ${fromFile ? `in ${fromFile}` : 'on stdin'} is empty: give the secret the identity provider shows for the DevForge client`);
  if (/[\r\n]/.test(secret)) throw new UsageError('the client secret spans several lines: give the secret alone, on one line');
  return secret;
}

export async function ssoCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (!action || !ACTIONS.includes(action)) throw new UsageError(action ? `unknown action "${action}": use one of ${ACTIONS.join(', ')}` : `give an action: ${ACTIONS.join(', ')}`);
  const { values, positionals } = parse(rest, action === 'set-client-secret' ? { 'from-file': { type: 'string' } } : {});
  if (positionals.length) throw new UsageError(`${action} takes no arguments (the secret comes from stdin or --from-file, never the command line), got ${positionals.length} argument(s)`);
  const config = loadConfig();
  const secret = action === 'set-client-secret' ? await readSecret(values['from-file'] as string | undefined) : undefined;
  const path = masterKeyPath(config);
  if (!(await readMasterKeys(path))) throw new MasterKeyError(`no master key file at ${path}: the server makes it at its first start (or set secrets.masterKeyFile / DEVFORGE_MASTER_KEY_FILE to where it is)`);
  const { db, close } = await openAppliance(config);
  try {
    if (secret === undefined) {
      const removed = await clearSealedSetting(db, OIDC_CLIENT_SECRET);
      console.log(removed ? 'the stored OIDC client secret is removed; restart the server' : 'no OIDC client secret was stored');
      return 0;
    }
    const box = await openSecretBox(path, db, () => {});
    await storeSealedSetting(db, box, OIDC_CLIENT_SECRET, secret);
    console.log('the OIDC client secret is stored, sealed with the master key; restart the server to use it');
    if (config.auth.oidc.clientSecret) console.error('note: the configuration also gives auth.oidc.clientSecret (DEVFORGE_OIDC_CLIENT_SECRET or auth.oidc.clientSecretFile); it wins over the stored one until you remove it');
    return 0;
  } finally {
    await close();
  }
}
