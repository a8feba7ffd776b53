// Loads and validates the configuration strictly: unknown keys and bad values stop start-up with a
// readable list of every problem, never a half-configured process.
import { readFileSync } from 'node:fs';
import { configSchema, createConfig, type DevforgeConfig } from './schema.ts';

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export interface LoadOptions {
  /** Extra values, applied last (tests and CLI flags). */
  overrides?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
}

function flatten(obj: Record<string, unknown>, prefix = ''): [string, unknown][] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? flatten(v as Record<string, unknown>, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, unknown]]));
}

// Secrets given as files (the Compose and Kubernetes way: DEVFORGE_OIDC_CLIENT_SECRET_FILE=/run/secrets/…):
// the file's content becomes the value of its key, so the secret is never in the environment.
const SECRET_FILES = [
  ['auth.oidc.clientSecretFile', 'auth.oidc.clientSecret'],
  ['integrations.slack.signingSecretFile', 'integrations.slack.signingSecret'],
  ['integrations.teams.securityTokenFile', 'integrations.teams.securityToken'],
] as const;

function readSecretFiles(config: ReturnType<typeof createConfig>): string[] {
  const problems: string[] = [];
  for (const [fileKey, valueKey] of SECRET_FILES) {
    const file = config.get(fileKey as never) as string;
    if (!file) continue;
    if (config.get(valueKey as never)) {
      problems.push(`${fileKey} and ${valueKey} are both set: set one of them`);
      continue;
    }
    let value: string;
    try {
      value = readFileSync(file, 'utf8').trim();
    } catch (err) {
      problems.push(`${fileKey}=${file}: ${(err as Error).message}`);
      continue;
    }
    if (!value) problems.push(`${fileKey}=${file}: the file is empty; put the secret in it`);
    else config.set(valueKey as never, value as never);
  }
  return problems;
}

export function loadConfig(options: LoadOptions = {}): DevforgeConfig {
  const env = options.env ?? process.env;
  const problems: string[] = [];
  let config: ReturnType<typeof createConfig> | undefined;
  try {
    config = createConfig(env);
    const file = env.DEVFORGE_CONFIG;
    if (file) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(readFileSync(file, 'utf8'));
      } catch (err) {
        throw new ConfigError([`DEVFORGE_CONFIG=${file}: ${(err as Error).message}`]);
      }
      config.load(parsed as object);
    }
    if (options.overrides) for (const [key, value] of flatten(options.overrides)) config.set(key as never, value as never);
    config.validate({ allowed: 'strict' });
    problems.push(...readSecretFiles(config));
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    problems.push(
      ...String((err as Error).message)
        .split('\n')
        .filter(Boolean),
    );
  }
  if (problems.length || !config) throw new ConfigError(problems);
  return config.getProperties();
}

/** The configuration with every `sensitive` key's value replaced, safe to print or log. */
export function redactedConfig(config: DevforgeConfig): Record<string, unknown> {
  const copy = structuredClone(config) as Record<string, unknown>;
  const walk = (schema: Record<string, unknown>, values: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(schema)) {
      const entry = v as Record<string, unknown>;
      if ('doc' in entry && 'default' in entry) {
        if (entry.sensitive && values[k] !== '' && values[k] !== undefined) values[k] = '[redacted]';
      } else if (values[k] && typeof values[k] === 'object') walk(entry, values[k] as Record<string, unknown>);
    }
  };
  walk(configSchema as unknown as Record<string, unknown>, copy);
  return copy;
}

/** One documented key of the schema, as `devforge config --docs` shows it. */
export interface ConfigKeyDoc {
  key: string;
  doc: string;
  default: unknown;
  /** Set where the default is worked out on the machine (a CPU count, a path found on PATH): what to print instead. */
  defaultDoc?: string;
  env?: string;
  /** convict's format: a name ('nat', 'port'), a list of allowed values, or a constructor (String, Boolean, Number). */
  format: unknown;
  sensitive: boolean;
}

/** Every key with its doc, default and environment variable, for `devforge config --docs`. */
export function describeConfig(): ConfigKeyDoc[] {
  const out: ConfigKeyDoc[] = [];
  const walk = (node: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(node)) {
      const entry = v as Record<string, unknown>;
      if ('doc' in entry && 'default' in entry) {
        out.push({
          key: prefix + k,
          doc: String(entry.doc),
          default: entry.default,
          ...(typeof entry.defaultDoc === 'string' ? { defaultDoc: entry.defaultDoc } : {}),
          ...(typeof entry.env === 'string' ? { env: entry.env } : {}),
          format: entry.format,
          sensitive: entry.sensitive === true,
        });
      } else walk(entry, `${prefix}${k}.`);
    }
  };
  walk(configSchema as unknown as Record<string, unknown>, '');
  return out;
}
