// <data dir>/license/: a license file dropped there is installed within license.dropPollS seconds, without a
// restart (what an administrator with only file access to the appliance can do). Each file is tried once per
// content: a refused file is logged and audited once, not every poll. Run by API processes.
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import type { DevforgeConfig } from '../../config/schema.ts';
import { textHash } from '../../licensing/verify.ts';
import { DomainError } from '../domain/errors.ts';
import { installLicense } from '../domain/license/install.ts';
import type { Logger } from '../log.ts';

export function licenseDropDir(config: DevforgeConfig): string {
  return join(resolve(config.data.dir), 'license');
}

export interface LicenseDropWatcher {
  /** Looks at the folder now (the poll does this every license.dropPollS seconds). */
  scan(): Promise<void>;
  stop(): void;
}

export async function watchLicenseDrops(db: DataSource, config: DevforgeConfig, log: Logger): Promise<LicenseDropWatcher> {
  const dir = licenseDropDir(config);
  await mkdir(dir, { recursive: true });
  const tried = new Map<string, string>();
  let running: Promise<void> | undefined;
  const scanOnce = async () => {
    for (const name of (await readdir(dir)).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      if (!(await stat(path)).isFile()) continue;
      const text = await readFile(path, 'utf8');
      const hash = textHash(text);
      if (tried.get(name) === hash) continue;
      tried.set(name, hash);
      try {
        const result = await installLicense(db, { acceptTest: config.license.acceptTestLicenses }, text, { actor: 'system', via: 'license-dir', source: name });
        if (result.installed) log.info(`license: installed ${name} from ${dir} (state ${result.standing.state})`);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        log.warn(`license: refused ${join(dir, name)}: ${err.message}`);
      }
    }
  };
  const scan = () => (running ??= scanOnce().finally(() => (running = undefined)));
  await scan();
  const timer =
    config.license.dropPollS > 0
      ? setInterval(() => {
          scan().catch((err: Error) => log.warn(`license: could not read ${dir}: ${err.message}`));
        }, config.license.dropPollS * 1000)
      : undefined;
  timer?.unref();
  return { scan, stop: () => clearInterval(timer) };
}
