// devforge license install FILE | status [--json] | request [--out FILE]: the appliance's side of licensing,
// on the appliance the server uses (see ../appliance.ts). Exit 1 when a file is refused.
import { readFile, writeFile } from 'node:fs/promises';
import { loadConfig } from '../../config/load.ts';
import { presentLicenseStatus } from '../../platform/api/presenters/license.ts';
import { DomainError } from '../../platform/domain/errors.ts';
import { installLicense } from '../../platform/domain/license/install.ts';
import { makeRenewalRequest } from '../../platform/domain/license/renewal-request.ts';
import { licenseStatus } from '../../platform/domain/license/status.ts';
import { openAppliance } from '../appliance.ts';
import { parse } from '../args.ts';
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../errors.ts';

const ACTIONS = ['install', 'status', 'request'];

function printStatus(s: ReturnType<typeof presentLicenseStatus>): void {
  const lines = [`state: ${s.state}${s.reason ? ` (${s.reason})` : ''}`, `install id: ${s.install_id}`, `limits in force: ${s.effective_tier}`];
  if (s.license) {
    const l = s.license;
    lines.push(
      `license: ${l.license_id}, sequence ${l.sequence}, key id ${l.key_id}`,
      `customer: ${l.customer}`,
      `tier: ${l.tier}`,
      `valid: ${l.not_before} until ${l.expires_at} (renewal notice from ${l.notify_at}; grace until ${l.grace_ends_at})`,
    );
  }
  lines.push('entitlements:', ...Object.entries(s.entitlements).map(([k, v]) => `  ${k}: ${v === null ? (k === 'watermark' ? 'none' : 'unlimited') : JSON.stringify(v)}`));
  lines.push(`use in ${s.month}:`, ...s.usage.map((u) => `  ${u.entitlement}: ${u.used === null ? 'not metered yet' : u.used} of ${u.limit === null ? 'unlimited' : u.limit}`));
  if (s.workers.length) lines.push(`render workers taking jobs: ${s.workers.join(', ')}`);
  if (s.banner) lines.push(`notice: ${s.banner.message}`);
  console.log(lines.join('\n'));
}

export async function licenseCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (!action || !ACTIONS.includes(action)) throw new UsageError(action ? `unknown action "${action}": use one of ${ACTIONS.join(', ')}` : `give an action: ${ACTIONS.join(', ')}`);
  const { values, positionals } = parse(rest, { json: { type: 'boolean' }, out: { type: 'string' } });
  if (action === 'install' && positionals.length !== 1) throw new UsageError('give the license file: devforge license install FILE');
  if (action !== 'install' && positionals.length) throw new UsageError(`${action} takes no arguments, got ${positionals.join(' ')}`);
  let text = '';
  if (action === 'install') {
    try {
      text = await readFile(positionals[0]!, 'utf8');
    } catch (err) {
      throw new UsageError(`cannot read ${positionals[0]}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
  const config = loadConfig();
  const opts = { acceptTest: config.license.acceptTestLicenses };
  const appliance = await openAppliance(config);
  try {
    if (action === 'install') {
      try {
        const result = await installLicense(appliance.db, opts, text, { actor: 'system', via: 'cli', source: positionals[0]! });
        console.log(result.installed ? 'license installed; every DevForge process applies it now' : 'this license is installed already');
      } catch (err) {
        if (err instanceof DomainError && err.code === 'license-refused') {
          console.error(`devforge license install: refused: ${err.message}`);
          return EXIT_FAILURE;
        }
        throw err;
      }
      printStatus(presentLicenseStatus(await licenseStatus(appliance.db, opts)));
      return EXIT_OK;
    }
    if (action === 'status') {
      const status = presentLicenseStatus(await licenseStatus(appliance.db, opts));
      if (values.json) console.log(JSON.stringify(status, null, 2));
      else printStatus(status);
      return EXIT_OK;
    }
    const { text: request, payload } = await makeRenewalRequest(appliance.db, 'system');
    if (values.out) {
      await writeFile(values.out, request);
      console.log(`renewal request ${payload.request_number} written to ${values.out}: send it to your DevForge vendor`);
    } else process.stdout.write(request);
    return EXIT_OK;
  } finally {
    await appliance.close();
  }
}
