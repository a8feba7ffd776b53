// The server under test, as a separate process (`devforge serve`, embedded mode, a fresh data dir),
// so the load generator and the server compete for the CPUs the way a client and the appliance would.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/devforge.js', import.meta.url));
export const BENCH_PASSWORD = 'bench password 123';

export interface BenchServer {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, child: ChildProcess, output: () => string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output()}`);
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server was not ready within ${timeoutMs / 1000} s:\n${output()}`);
}

// The bench sends thousands of requests a minute with one key: budgets that high that nothing is refused.
// Every request is still counted in the rate_limits table, so the figures include what counting costs.
const UNLIMITED = { DEVFORGE_RATE_LIMIT_API_PER_MINUTE: '1000000000', DEVFORGE_RATE_LIMIT_GENERATE_PER_MINUTE: '1000000000' };

export async function startBenchServer(env: Record<string, string> = {}): Promise<BenchServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'devforge-bench-'));
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DEVFORGE_DATA_DIR: dataDir,
      DEVFORGE_PORT: String(port),
      DEVFORGE_HOST: '127.0.0.1',
      DEVFORGE_ADMIN_PASSWORD: BENCH_PASSWORD,
      DEVFORGE_LOG_LEVEL: 'warn',
      DEVFORGE_WORKER_POLL_INTERVAL_S: '0.5',
      ...UNLIMITED,
      ...env,
    },
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url, child, () => output);
  return {
    url,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in as the administrator and makes an API key for the benchmark. */
export async function benchKey(url: string): Promise<string> {
  const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@local', password: BENCH_PASSWORD }) });
  if (!login.ok) throw new Error(`sign-in failed: HTTP ${login.status}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrf_token } = (await login.json()) as { csrf_token: string };
  const res = await fetch(`${url}/api/v1/api-keys`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf_token, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'bench', role: 'editor' }) });
  return ((await res.json()) as { key: string }).key;
}
