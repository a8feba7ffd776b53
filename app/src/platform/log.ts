// Structured logs with pino: one JSON line per event on stderr ({"level":"info","time":"…","msg":"…"}),
// written synchronously (no transport threads). Child loggers carry the ids an event belongs to
// (request_id, animation_id, job_id), so a log search finds every line of one request or render.
// The level threshold comes from log.level.
import { pino, stdTimeFunctions, type Logger as PinoLogger } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Ids and other values attached to a line; snake_case, as they appear in the JSON. */
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger whose every line also carries `fields` (e.g. { request_id }). */
  child(fields: LogFields): Logger;
}

function wrap(p: PinoLogger): Logger {
  const at = (level: LogLevel) => (message: string, fields?: LogFields) => (fields ? p[level](fields, message) : p[level](message));
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: (fields) => wrap(p.child(fields)) };
}

/** `write` receives each JSON line without its newline (tests collect them); default: stderr. */
export function createLogger(level: LogLevel, write?: (line: string) => void): Logger {
  const destination = write ? { write: (chunk: string) => write(chunk.replace(/\n$/, '')) } : pino.destination({ dest: 2, sync: true });
  return wrap(
    pino(
      {
        level,
        base: { pid: process.pid },
        timestamp: stdTimeFunctions.isoTime,
        // "level":"info" rather than pino's numeric 30: readable without a pino-aware viewer.
        formatters: { level: (label) => ({ level: label }) },
      },
      destination,
    ),
  );
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silentLogger };
