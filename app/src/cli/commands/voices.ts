// devforge voices: the voices the voice-over can speak with (espeak-ng's, on this machine), one per line or as JSON.
import { loadConfig } from '../../config/load.ts';
import { listVoices, requireEspeak } from '../../voice/espeak.ts';
import { parse } from '../args.ts';

export async function voicesCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { json: { type: 'boolean' } });
  const config = loadConfig();
  const voices = await listVoices(requireEspeak(config.voice.espeakPath));
  if (values.json) console.log(JSON.stringify(voices, null, 2));
  else {
    const width = Math.max(...voices.map((v) => v.name.length));
    for (const v of voices) console.log(`${v.name.padEnd(width)}  ${v.description}${v.gender ? ` (${v.gender})` : ''}`);
  }
  return 0;
}
