// An API server as its own process (`devforge serve --role api`) on a given database: the second API
// process of a deployment, for what must hold across processes (shared rate limits), not just across
// servers in one process.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testMasterKeyFile } from './postgres.ts';
import { ADMIN_PASSWORD } from './server.ts';

const BIN = fileURLToPath(new URL('../../../bin/devforge.js', import.meta.url));

export interface ApiProcess {
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Starts the process and waits until /readyz answers 200; `env` adds DEVFORGE_* settings. */
export async function spawnApi(databaseUrl: string, env: Record<string, string> = {}, timeoutMs = 60_000): Promise<ApiProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), 'devforge-api-'));
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve', '--role', 'api'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'test',
      DEVFORGE_DATABASE_URL: databaseUrl,
      DEVFORGE_DATA_DIR: dataDir,
      DEVFORGE_PORT: String(port),
      DEVFORGE_HOST: '127.0.0.1',
      DEVFORGE_ADMIN_PASSWORD: ADMIN_PASSWORD,
      DEVFORGE_LOG_LEVEL: 'warn',
      // Like testConfig: an API-only process leaves renders queued, so the per-user caps are lifted unless a test sets them.
      DEVFORGE_CONCURRENT_RENDERS_PER_USER: '100000',
      DEVFORGE_CONCURRENT_BATCHES_PER_USER: '100000',
      // Every process on one database needs the same master key: the one the in-process test servers share.
      DEVFORGE_MASTER_KEY_FILE: testMasterKeyFile(databaseUrl),
      ...env,
    },
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the API process exited (${child.exitCode}):\n${output}`);
    }
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { url, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the API process was not ready within ${timeoutMs / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
