// A worker as its own process (`devforge serve --role worker`), in its own process group so a test can
// SIGKILL it together with its Chromium and ffmpeg, the way a container is killed.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ADMIN_PASSWORD } from './server.ts';

const BIN = fileURLToPath(new URL('../../../bin/devforge.js', import.meta.url));

export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  killGroup(signal: NodeJS.Signals): void;
}

export function spawnWorker(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, [BIN, 'serve', '--role', 'worker'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'test',
      DEVFORGE_PORT: '0',
      DEVFORGE_HOST: '127.0.0.1',
      DEVFORGE_ADMIN_PASSWORD: ADMIN_PASSWORD,
      DEVFORGE_LOG_LEVEL: 'info',
      DEVFORGE_WORKER_POLL_INTERVAL_S: '0.5',
      DEVFORGE_WORKER_SUPERVISE_INTERVAL_S: '1',
      DEVFORGE_WORKER_HEARTBEAT_S: '10',
      DEVFORGE_RENDER_RETRY_DELAY_S: '1',
      DEVFORGE_SHUTDOWN_GRACE_S: '5',
      ...env,
    },
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    killGroup: (signal) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // Already gone.
      }
    },
  };
}
