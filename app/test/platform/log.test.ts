// The logger: one JSON object per line with level, time and msg; the log.level threshold; child
// loggers that add their ids to every line.
import test from 'ava';
import { createLogger, silentLogger } from '../../src/platform/log.ts';

test('one JSON line per event: level name, ISO time, msg and the fields given', (t) => {
  const lines: string[] = [];
  const log = createLogger('info', (line) => lines.push(line));
  log.info('listening', { port: 8080 });
  t.is(lines.length, 1);
  t.false(lines[0]!.includes('\n'));
  const line = JSON.parse(lines[0]!);
  t.like(line, { level: 'info', msg: 'listening', port: 8080, pid: process.pid });
  t.false(Number.isNaN(Date.parse(line.time)));
});

test('log.level is the threshold', (t) => {
  const lines: string[] = [];
  const log = createLogger('warn', (line) => lines.push(line));
  log.debug('d');
  log.info('i');
  log.warn('w');
  log.error('e');
  t.deepEqual(
    lines.map((l) => JSON.parse(l).level),
    ['warn', 'error'],
  );
});

test('child loggers carry their ids on every line, nested ones too', (t) => {
  const lines: string[] = [];
  const request = createLogger('debug', (line) => lines.push(line)).child({ request_id: 'r1' });
  request.child({ animation_id: 'a1' }).warn('render "x" failed');
  request.debug('done');
  t.like(JSON.parse(lines[0]!), { request_id: 'r1', animation_id: 'a1', msg: 'render "x" failed' });
  t.like(JSON.parse(lines[1]!), { request_id: 'r1', level: 'debug' });
  t.is(JSON.parse(lines[1]!).animation_id, undefined);
});

test('the silent logger and its children write nothing and do not throw', (t) => {
  t.notThrows(() => silentLogger.child({ job_id: 'j' }).error('nothing'));
});
