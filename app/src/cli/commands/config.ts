// devforge config [--docs [--markdown]]: the effective configuration (secrets redacted), or the reference
// of every key: its meaning, default, format and environment variable (--markdown: docs/configuration.md).
import { loadConfig, redactedConfig } from '../../config/load.ts';
import { configReferenceMarkdown, configReferenceText } from '../../config/reference.ts';
import { parse } from '../args.ts';
import { UsageError } from '../errors.ts';

export function configCommand(args: string[]): number {
  const { values } = parse(args, { docs: { type: 'boolean' }, markdown: { type: 'boolean' }, check: { type: 'boolean' } });
  if (values.markdown && !values.docs) throw new UsageError('--markdown formats the reference: use config --docs --markdown');
  if (values.docs) {
    // The Markdown ends with its own newline; console.log would add a second one.
    if (values.markdown) process.stdout.write(configReferenceMarkdown());
    else console.log(configReferenceText());
    return 0;
  }
  // Default: validate the effective configuration and print it, secrets redacted.
  console.log(JSON.stringify(redactedConfig(loadConfig()), null, 2));
  return 0;
}
