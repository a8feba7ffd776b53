// A real platform (the code `devforge serve` runs) on a random port, against the test file's own
// Postgres, with queue timings tuned so tests never wait on a 2 s poll.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config/load.ts';
import type { DevforgeConfig } from '../../../src/config/schema.ts';
import { createApiKey } from '../../../src/platform/domain/commands/api-keys.ts';
import { UserEntity } from '../../../src/platform/db/entities/user.ts';
import { createLogger } from '../../../src/platform/log.ts';
import { startPlatform, type RunningPlatform } from '../../../src/platform/main.ts';
import { testMasterKeyFile } from './postgres.ts';
import type { Renderer } from '../../../src/render/renderer.ts';

export const ADMIN_EMAIL = 'admin@local';
export const ADMIN_PASSWORD = 'correct horse battery';

export interface TestServer {
  url: string;
  platform: RunningPlatform;
  config: DevforgeConfig;
  logs: string[];
  /** A fresh API key of the administrator, with this role. */
  key(role?: 'admin' | 'editor' | 'viewer'): Promise<string>;
  stop(): Promise<void>;
}

/** Config for tests: fast queue timings, quiet logs, a temp data dir; `env` as the process environment would set it. */
export function testConfig(overrides: Record<string, unknown> = {}, env: Record<string, string> = {}): DevforgeConfig {
  const base = {
    env: 'test',
    log: { level: 'warn' },
    server: { port: 0, host: '127.0.0.1', shutdownGraceS: 5 },
    auth: { adminPassword: ADMIN_PASSWORD },
    render: { defaultResolution: '720p' },
    worker: { pollIntervalS: 0.5, superviseIntervalS: 1, heartbeatS: 10, renderRetryDelayS: 1, renderRetryLimit: 2 },
    // Webhooks to private addresses are refused by default; the tests' receivers listen on 127.0.0.1,
    // opened the way a customer opens their own receiver's network.
    webhooks: { retryDelayS: 1, retryLimit: 3, timeoutMs: 3000, allowNetworks: '127.0.0.1/32' },
  };
  // Tests poll and submit far more a minute with one key than a person would, and leave renders queued on
  // API-only servers: budgets and caps they never reach, given as environment so a test can set the real
  // variables (DEVFORGE_RATE_LIMIT_*, DEVFORGE_CONCURRENT_*) it checks.
  const testEnv = {
    DEVFORGE_RATE_LIMIT_API_PER_MINUTE: '100000',
    DEVFORGE_RATE_LIMIT_GENERATE_PER_MINUTE: '100000',
    DEVFORGE_CONCURRENT_RENDERS_PER_USER: '100000',
    DEVFORGE_CONCURRENT_BATCHES_PER_USER: '100000',
    DEVFORGE_STREAMS_PER_PRINCIPAL: '100000',
    DEVFORGE_STREAMS_TOTAL: '100000',
    ...env,
  };
  return loadConfig({ env: testEnv, overrides: merge(base, overrides) });
}

function merge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && out[k] && typeof out[k] === 'object' ? merge(out[k] as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}

export async function startTestServer(opts: { databaseUrl?: string; dataDir?: string; overrides?: Record<string, unknown>; env?: Record<string, string>; renderer?: Renderer } = {}): Promise<TestServer> {
  const ownDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'devforge-data-')));
  // Servers on one test database with data directories of their own share its master key file, as the
  // processes of a real installation must; a test that gives a data directory keeps the key in it.
  const secrets = ownDir && opts.databaseUrl ? { secrets: { masterKeyFile: testMasterKeyFile(opts.databaseUrl) } } : {};
  const config = testConfig(merge({ data: { dir: dataDir }, database: { url: opts.databaseUrl ?? '' }, ...secrets }, opts.overrides ?? {}), opts.env);
  const logs: string[] = [];
  const log = createLogger('info', (line) => logs.push(line));
  const platform = await startPlatform({ config, log, print: (text) => logs.push(text), ...(opts.renderer ? { renderer: opts.renderer } : {}) });
  const url = `http://127.0.0.1:${platform.port}`;
  return {
    url,
    platform,
    config,
    logs,
    key: async (role = 'admin') => {
      const admin = await platform.db.getRepository(UserEntity).findOneByOrFail({ email: ADMIN_EMAIL });
      return (await createApiKey(platform.db, { userId: admin.id, role: 'admin', via: 'console' }, { name: `test ${role}`, role })).key;
    },
    stop: async () => {
      await platform.stop();
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
