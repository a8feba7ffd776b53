// devforge <command> …: dispatches to one file per command.
import { ConfigError } from '../config/load.ts';
import { EXIT_FAILURE, EXIT_USAGE, UsageError } from './errors.ts';
type Command = (args: string[]) => Promise<number>;

// Loaded on demand: `analyze` should not pay for Chromium's driver, nor `render` for the server.
const COMMANDS: Record<string, () => Promise<Command>> = {
  render: async () => (await import('./commands/render.ts')).renderCommand,
  analyze: async () => (await import('./commands/analyze.ts')).analyzeCommand,
  analyse: async () => (await import('./commands/analyze.ts')).analyzeCommand,
  scene: async () => (await import('./commands/scene.ts')).sceneCommand,
  preview: async () => (await import('./commands/preview.ts')).previewCommand,
  gpus: async () => (await import('./commands/gpus.ts')).gpusCommand,
  config: async () => (await import('./commands/config.ts')).configCommand,
  serve: async () => (await import('./commands/serve.ts')).serveCommand,
  apikey: async () => (await import('./commands/apikey.ts')).apikeyCommand,
};

export const USAGE = `usage: devforge <command> [options]

commands:
  render "<description>" -o out.mp4 [--resolution 720p|1080p|4k] [--fps 24|30|60] [--duration S] [--style S]
         [--captions burn_in|sidecar|both]     narration in the frame (default) or in the .vtt only
  render --scene spec.json -o out.mp4          render a scene spec file (any published spec version)
  analyze --json "<description>"               print the analysis as JSON
  analyze --jsonl < file                       one description per line in, one JSON object per line out
  scene --json "<description>"                 print the composed scene spec
  preview "<description>" [--port N]           serve the realtime player on localhost
  gpus                                         print the GPUs and the encoder found, as JSON
  config --docs                                list every configuration key
  serve [--role all|api|worker] [--port N]     run the appliance (npm start)
  apikey create --name N --role R [--user E]   print a new API key (works while the server runs)`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name ? 0 : EXIT_USAGE;
  }
  const load = COMMANDS[name];
  if (!load) {
    console.error(`devforge: unknown command "${name}"\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    const command = await load();
    return await command(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`devforge ${name}: ${err.message}`);
      return EXIT_USAGE;
    }
    if (err instanceof ConfigError) {
      console.error(`devforge: ${err.message}`);
      return EXIT_FAILURE;
    }
    console.error(`devforge ${name}: ${(err as Error).message}`);
    if (process.env.DEVFORGE_DEBUG) console.error((err as Error).stack);
    return EXIT_FAILURE;
  }
}
