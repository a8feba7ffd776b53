// devforge config --docs: every configuration key, its meaning, default and environment variable.
import { describeConfig, loadConfig, redactedConfig } from '../../config/load.ts';
import { parse } from '../args.ts';

export async function configCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { docs: { type: 'boolean' }, check: { type: 'boolean' } });
  if (values.docs) {
    for (const key of describeConfig()) {
      console.log(`${key.key}${key.env ? ` (${key.env})` : ''}\n    ${key.doc}\n    default: ${JSON.stringify(key.default)}`);
    }
    return 0;
  }
  // Default: validate the effective configuration and print it, secrets redacted.
  console.log(JSON.stringify(redactedConfig(loadConfig()), null, 2));
  return 0;
}
