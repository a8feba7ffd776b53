// devforge audit verify [--json]: walks the audit log's hash chain on the appliance (see ../appliance.ts)
// and exits 0 with the number of entries checked, or 1 naming the first entry that does not hold.
import { loadConfig } from '../../config/load.ts';
import { verifyAuditChain } from '../../platform/domain/audit/verify.ts';
import { openAppliance } from '../appliance.ts';
import { parse } from '../args.ts';
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../errors.ts';

const ACTIONS = ['verify'];

export async function auditCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (!action || !ACTIONS.includes(action)) throw new UsageError(action ? `unknown action "${action}": use one of ${ACTIONS.join(', ')}` : `give an action: ${ACTIONS.join(', ')}`);
  const { values, positionals } = parse(rest, { json: { type: 'boolean' } });
  if (positionals.length) throw new UsageError(`verify takes no arguments, got ${positionals.join(' ')}`);
  const appliance = await openAppliance(loadConfig());
  try {
    const result = await verifyAuditChain(appliance.db);
    if (values.json) console.log(JSON.stringify(result));
    if (result.ok) {
      if (!values.json) {
        console.log(`audit log intact: ${result.count} ${result.count === 1 ? 'entry' : 'entries'} verified${result.firstId ? ` (from #${result.firstId})` : ''}`);
        // Writing the head hash down elsewhere lets a later verify prove that nothing was rewritten wholesale.
        if (result.headHash) console.log(`head hash: ${result.headHash}`);
      }
      return EXIT_OK;
    }
    if (!values.json) console.error(`audit log broken at entry #${result.brokenId}: ${result.reason} (${result.count} entries before it verified)`);
    return EXIT_FAILURE;
  } finally {
    await appliance.close();
  }
}
