// The CLI behaves like the tools people know: --version, --help (and -h) on every command and action
// exit 0 with its usage whatever else is on the line, and a wrong flag says which and where to look.
import test from 'ava';
import { readFileSync } from 'node:fs';
import { HELP } from '../../src/cli/help.ts';
import { COMMAND_NAMES } from '../../src/cli/main.ts';
import { devforge } from '../helpers/cli.ts';

const VERSION = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

test('devforge --version prints the version from package.json', async (t) => {
  const r = await devforge(['--version']);
  t.is(r.code, 0, r.stderr);
  t.is(r.stdout.trim(), VERSION);
});

test('devforge --help lists every command; no command at all is a usage error', async (t) => {
  const help = await devforge(['--help']);
  t.is(help.code, 0);
  for (const name of COMMAND_NAMES.filter((n) => n !== 'analyse')) t.regex(help.stdout, new RegExp(`^  ${name} `, 'm'), name);
  const none = await devforge([]);
  t.is(none.code, 2);
  t.regex(none.stderr, /^usage: devforge <command>/);
});

test('every command has help', (t) => {
  for (const name of COMMAND_NAMES) t.truthy(HELP[name], `${name} has no entry in cli/help.ts`);
});

for (const name of COMMAND_NAMES) {
  test(`devforge ${name} --help exits 0 with its usage`, async (t) => {
    const r = await devforge([name, '--help']);
    t.is(r.code, 0, r.stderr);
    t.regex(r.stdout, new RegExp(`^usage: devforge ${name === 'analyse' ? 'analyze' : name}\\b`));
    t.is(r.stderr, '');
  });
}

for (const [name, help] of Object.entries(HELP)) {
  for (const action of Object.keys(help.subcommands ?? {})) {
    test(`devforge ${name} ${action} -h exits 0 with that action's usage`, async (t) => {
      const r = await devforge([name, action, '-h']);
      t.is(r.code, 0, r.stderr);
      t.regex(r.stdout, new RegExp(`^usage: devforge ${name} ${action}\\b`));
    });
  }
}

test('--help wins over what else is on the line, even a missing -o or an unknown flag', async (t) => {
  const r = await devforge(['render', 'bubble sort 3 2 1', '--colour', 'red', '--help']);
  t.is(r.code, 0, r.stderr);
  t.regex(r.stdout, /^usage: devforge render/);
  t.regex(r.stdout, /--quiet/);
  const help = await devforge(['help', 'apikey', 'create']);
  t.is(help.code, 0);
  t.regex(help.stdout, /^usage: devforge apikey create --name N/);
});

test('an unknown flag exits 2, names the flag and points at --help', async (t) => {
  const r = await devforge(['analyze', '--json', '--colour', 'red', 'bubble sort']);
  t.is(r.code, 2);
  t.is(r.stderr, 'devforge analyze: unknown option --colour\n(devforge analyze --help shows the options)\n');
  const sub = await devforge(['apikey', 'create', '--nmae', 'ci']);
  t.is(sub.code, 2);
  t.regex(sub.stderr, /^devforge apikey create: unknown option --nmae\n\(devforge apikey create --help shows the options\)/);
  const top = await devforge(['--verbose']);
  t.is(top.code, 2);
  t.regex(top.stderr, /^devforge: unknown option "--verbose"/);
});

test('a command of actions without one says which exist', async (t) => {
  const r = await devforge(['admin']);
  t.is(r.code, 2);
  t.regex(r.stderr, /devforge admin: give an action: reset-password/);
  const bad = await devforge(['apikey', 'delete']);
  t.is(bad.code, 2);
  t.regex(bad.stderr, /unknown action "delete": use one of create, list, revoke/);
});
