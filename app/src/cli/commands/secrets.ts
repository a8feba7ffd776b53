// devforge secrets rotate-master-key: a new master key seals every stored secret again, and the old key
// leaves the key file. Crash-safe in three steps: the file first gets the new key in front of the old
// one (either opens everything), then one transaction seals every secret again, then the old key is
// dropped. Every DevForge process must be stopped: a running one keeps sealing with the key it loaded.
import pg from 'pg';
import { loadConfig } from '../../config/load.ts';
import type { DevforgeConfig } from '../../config/schema.ts';
import { runningEmbeddedUrl } from '../../platform/embedded/postmaster.ts';
import { masterKeyPath, MasterKeyError, newMasterKey, readMasterKeys, writeMasterKeys } from '../../platform/secrets/master-key-file.ts';
import { keyIdsInUse, recordRotation, resealAll } from '../../platform/secrets/sealed-columns.ts';
import { masterKeyId, SecretBox } from '../../platform/secrets/secret-box.ts';
import { join, resolve } from 'node:path';
import { openAppliance } from '../appliance.ts';
import { parse } from '../args.ts';
import { UsageError } from '../errors.ts';

const ACTIONS = ['rotate-master-key'];

/** Refuses while a DevForge server uses the database (its sessions are named "devforge"). */
async function refuseWhileServersRun(config: DevforgeConfig): Promise<void> {
  const stop = 'stop every DevForge process (API and workers) first, then run this again';
  if (!config.database.url) {
    if (await runningEmbeddedUrl(join(resolve(config.data.dir), 'postgres'))) throw new Error(`the server runs on this data directory: ${stop}`);
    return;
  }
  const client = new pg.Client({ connectionString: config.database.url, application_name: 'devforge-secrets' });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'devforge'`);
    if (rows[0]!.n > 0) throw new Error(`${rows[0]!.n} DevForge connection(s) are open on the database: ${stop}`);
  } finally {
    await client.end();
  }
}

export async function secretsCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (!action || !ACTIONS.includes(action)) throw new UsageError(action ? `unknown action "${action}": use one of ${ACTIONS.join(', ')}` : `give an action: ${ACTIONS.join(', ')}`);
  const { positionals } = parse(rest, {});
  if (positionals.length) throw new UsageError(`${action} takes no arguments, got ${positionals.join(' ')}`);
  const config = loadConfig();
  const path = masterKeyPath(config);
  const keys = await readMasterKeys(path);
  if (!keys) throw new MasterKeyError(`no master key file at ${path}: the server makes it at its first start (or set secrets.masterKeyFile / DEVFORGE_MASTER_KEY_FILE to where it is)`);
  await refuseWhileServersRun(config);

  const { db, close } = await openAppliance(config);
  try {
    const inUse = await keyIdsInUse(db);
    const missing = inUse.filter((id) => !new SecretBox(keys).has(id));
    if (missing.length) throw new MasterKeyError(`the master key file ${path} lacks key ${missing.join(', ')}, which sealed secrets in the database: restore the right file before rotating`);
    const fresh = newMasterKey();
    // Step 1: both keys in the file, the new one sealing. A crash from here on leaves a file that opens everything.
    await writeMasterKeys(path, [fresh, ...keys]);
    const box = new SecretBox([fresh, ...keys]);
    const count = await db.transaction(async (tx) => {
      const resealed = await resealAll(tx, box);
      await recordRotation(tx, box);
      return resealed;
    });
    // Step 3: nothing needs the old keys any more.
    await writeMasterKeys(path, [fresh]);
    console.log(`master key rotated: ${keys.map(masterKeyId).join(', ')} → ${masterKeyId(fresh)}; ${count.resealed + count.sealed} stored secret(s) sealed with the new key`);
    console.error(`back up ${path} now, with the database: the old key no longer opens anything`);
    return 0;
  } finally {
    await close();
  }
}
