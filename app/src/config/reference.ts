// The configuration reference that `devforge config --docs` prints, as plain text or as Markdown
// (docs/configuration.md is the Markdown, checked in). Both come from the schema alone, never from the
// machine, so the checked-in file is the same wherever it is generated.
import { describeConfig, type ConfigKeyDoc } from './load.ts';

export const REGENERATE_COMMAND = 'node app/bin/devforge.js config --docs --markdown > docs/configuration.md';

/** The default as a person should read it: the schema's description where the value is worked out on the machine. */
function shownDefault(key: ConfigKeyDoc): string {
  return key.defaultDoc ?? JSON.stringify(key.default);
}

/** convict's format in words. */
export function describeFormat(format: unknown): string {
  if (Array.isArray(format)) return `one of ${format.map((v) => `\`${String(v)}\``).join(', ')}`;
  if (format === String) return 'text';
  if (format === Boolean) return '`true` or `false`';
  if (format === Number) return 'number';
  if (format === 'nat') return 'whole number ≥ 0';
  if (format === 'positive-int') return 'whole number ≥ 1';
  if (format === 'int') return 'whole number';
  if (format === 'port') return 'TCP port (0–65535)';
  if (format === 'audit-retention-days') return 'whole number of days, 30–2555';
  if (typeof format === 'string') return format;
  return 'any';
}

export function configReferenceText(keys: ConfigKeyDoc[] = describeConfig()): string {
  return keys.map((key) => `${key.key}${key.env ? ` (${key.env})` : ''}${key.sensitive ? ' [sensitive]' : ''}\n    ${key.doc}\n    default: ${shownDefault(key)}`).join('\n');
}

/** A table cell: pipes escaped and line breaks flattened, so no value can break the table. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function markdownDefault(key: ConfigKeyDoc): string {
  if (key.defaultDoc) return cell(key.defaultDoc);
  if (key.default === '') return '(empty)';
  // Backticks in the value would end the code span early: fall back to plain text.
  const value = typeof key.default === 'string' ? key.default : JSON.stringify(key.default);
  return value.includes('`') ? cell(value) : `\`${cell(value)}\``;
}

/** Keys grouped by their first segment (`server.port` → server); top-level keys go under "general". */
function sections(keys: ConfigKeyDoc[]): Map<string, ConfigKeyDoc[]> {
  const out = new Map<string, ConfigKeyDoc[]>();
  for (const key of keys) {
    const group = key.key.includes('.') ? key.key.slice(0, key.key.indexOf('.')) : 'general';
    out.set(group, [...(out.get(group) ?? []), key]);
  }
  return out;
}

export function configReferenceMarkdown(keys: ConfigKeyDoc[] = describeConfig()): string {
  const lines = [
    '# Configuration reference',
    '',
    `<!-- Generated from app/src/config/ by \`${REGENERATE_COMMAND}\`. Do not edit by hand: change the schema and regenerate. -->`,
    '',
    'Every key has a default, so embedded mode (`npm start`) needs none of them. Values come from, later winning:',
    'the defaults below, the JSON file named by `DEVFORGE_CONFIG` (nested objects, e.g. `{"server": {"port": 9090}}`),',
    'then the environment variables. Start-up validates the whole configuration strictly (unknown keys included) and',
    'stops with the list of problems. `npx devforge config` prints the effective configuration, with the values of the',
    'keys marked **sensitive** below replaced by `[redacted]`.',
    '',
  ];
  for (const [group, members] of sections(keys)) {
    lines.push(`## ${group}`, '', '| key | environment variable | default | format | description |', '|---|---|---|---|---|');
    for (const key of members) {
      const name = `\`${key.key}\`${key.sensitive ? ' **sensitive**' : ''}`;
      lines.push(`| ${name} | ${key.env ? `\`${key.env}\`` : '—'} | ${markdownDefault(key)} | ${cell(describeFormat(key.format))} | ${cell(key.doc)} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
