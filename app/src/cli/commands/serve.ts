// devforge serve [--role all|api|worker] [--port N] [--host H]: runs the appliance (`npm start` is this
// with the defaults: embedded Postgres under var/, local storage, API + worker on 127.0.0.1:8080).
// SIGTERM or SIGINT stops it gracefully: no new requests or jobs, running renders finish or go back to
// the queue.
import { loadConfig } from '../../config/load.ts';
import { createLogger, type LogLevel } from '../../platform/log.ts';
import { startPlatform } from '../../platform/main.ts';
import { numberFlag, parse } from '../args.ts';
import { UsageError } from '../errors.ts';

export async function serveCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { role: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } });
  if (positionals.length) throw new UsageError(`serve takes no arguments, got ${positionals.join(' ')}`);
  if (values.role && !['all', 'api', 'worker'].includes(values.role)) throw new UsageError(`--role must be all, api or worker, got ${values.role}`);
  const port = numberFlag(values.port, 'port', (n) => Number.isInteger(n) && n >= 0 && n < 65536, 'a TCP port');
  const config = loadConfig({ overrides: { server: { ...(values.role ? { role: values.role } : {}), ...(port !== undefined ? { port } : {}), ...(values.host !== undefined ? { host: values.host } : {}) } } });
  const log = createLogger(config.log.level as LogLevel);
  if (config.env === 'production' && !config.database.url) log.warn('production mode with the embedded database: set database.url (DEVFORGE_DATABASE_URL) to an external Postgres');
  if (config.env === 'production' && config.storage.driver === 'local') log.warn('production mode with local-disk storage: set storage.driver=s3 for more than one machine');

  const platform = await startPlatform({ config, log });
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  log.info(`${signal} received`);
  // A second signal while draining stops at once.
  const force = () => process.exit(1);
  process.once('SIGTERM', force);
  process.once('SIGINT', force);
  await platform.stop();
  return 0;
}
