// devforge <command> …: dispatches to one file per command.
import { ConfigError } from '../config/load.ts';
import { EXIT_FAILURE, EXIT_USAGE, UsageError } from './errors.ts';
import { analyzeCommand } from './commands/analyze.ts';
import { apikeyCommand } from './commands/apikey.ts';
import { configCommand } from './commands/config.ts';
import { gpusCommand } from './commands/gpus.ts';
import { previewCommand } from './commands/preview.ts';
import { renderCommand } from './commands/render.ts';
import { sceneCommand } from './commands/scene.ts';
import { serveCommand } from './commands/serve.ts';

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  render: renderCommand,
  analyze: analyzeCommand,
  analyse: analyzeCommand,
  scene: sceneCommand,
  preview: previewCommand,
  gpus: gpusCommand,
  config: configCommand,
  serve: serveCommand,
  apikey: apikeyCommand,
};

export const USAGE = `usage: devforge <command> [options]

commands:
  render "<description>" -o out.mp4 [--resolution 720p|1080p|4k] [--fps 24|30|60] [--duration S] [--style S]
  render --scene spec.json -o out.mp4          render a scene spec file
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
  const command = COMMANDS[name];
  if (!command) {
    console.error(`devforge: unknown command "${name}"\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  try {
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
