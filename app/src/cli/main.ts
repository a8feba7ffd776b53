// devforge <command> …: dispatches to one file per command. --help, -h and --version are answered here,
// before a command runs, so they work on every command whatever else is on the line.
import { ConfigError } from '../config/load.ts';
import { EXIT_FAILURE, EXIT_USAGE, UsageError } from './errors.ts';
import { actionOf, helpFor, overview } from './help.ts';
// A command that does nothing asynchronous (config, scene) returns its exit status as it is.
type Command = (args: string[]) => number | Promise<number>;

// Loaded on demand: `analyze` should not pay for Chromium's driver, nor `render` for the server.
const COMMANDS: Record<string, () => Promise<Command>> = {
  render: async () => (await import('./commands/render.ts')).renderCommand,
  analyze: async () => (await import('./commands/analyze.ts')).analyzeCommand,
  analyse: async () => (await import('./commands/analyze.ts')).analyzeCommand,
  scene: async () => (await import('./commands/scene.ts')).sceneCommand,
  preview: async () => (await import('./commands/preview.ts')).previewCommand,
  gpus: async () => (await import('./commands/gpus.ts')).gpusCommand,
  voices: async () => (await import('./commands/voices.ts')).voicesCommand,
  config: async () => (await import('./commands/config.ts')).configCommand,
  serve: async () => (await import('./commands/serve.ts')).serveCommand,
  apikey: async () => (await import('./commands/apikey.ts')).apikeyCommand,
  admin: async () => (await import('./commands/admin.ts')).adminCommand,
  audit: async () => (await import('./commands/audit.ts')).auditCommand,
  secrets: async () => (await import('./commands/secrets.ts')).secretsCommand,
  sso: async () => (await import('./commands/sso.ts')).ssoCommand,
  license: async () => (await import('./commands/license.ts')).licenseCommand,
  migrate: async () => (await import('./commands/migrate.ts')).migrateCommand,
};

export const COMMAND_NAMES = Object.keys(COMMANDS);

/** --help or -h anywhere among the flags (not after `--`, where everything is an argument). */
function asksForHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

async function version(): Promise<string> {
  return (await import('../platform/server/version.ts')).VERSION;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name) {
    console.error(overview());
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h') {
    console.log(overview());
    return 0;
  }
  if (name === '--version') {
    console.log(await version());
    return 0;
  }
  if (name === 'help') {
    const text = rest[0] ? helpFor(rest[0], rest[1]) : overview();
    if (!text) {
      console.error(`devforge help: unknown command "${rest[0]}"\n\n${overview()}`);
      return EXIT_USAGE;
    }
    console.log(text);
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    console.error(`devforge: unknown ${name.startsWith('-') ? 'option' : 'command'} "${name}"\n\n${overview()}`);
    return EXIT_USAGE;
  }
  const action = actionOf(name, rest);
  const path = action ? `${name} ${action}` : name;
  if (asksForHelp(rest)) {
    console.log(helpFor(name, action));
    return 0;
  }
  try {
    const command = await load();
    return await command(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`devforge ${path}: ${err.message}\n(devforge ${path} --help shows the options)`);
      return EXIT_USAGE;
    }
    if (err instanceof ConfigError) {
      console.error(`devforge: ${err.message}`);
      return EXIT_FAILURE;
    }
    console.error(`devforge ${path}: ${(err as Error).message}`);
    if (process.env.DEVFORGE_DEBUG) console.error((err as Error).stack);
    return EXIT_FAILURE;
  }
}
