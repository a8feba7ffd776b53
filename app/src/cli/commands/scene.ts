// devforge scene --json "<description>": the whole composed scene spec.
import { loadConfig } from '../../config/load.ts';
import { sceneFromDescription } from '../../pipeline.ts';
import { description, parse } from '../args.ts';
import { SCENE_FLAGS, sceneRequest, VOICE_FLAGS, voiceFlag } from '../scene-options.ts';

export async function sceneCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' }, ...SCENE_FLAGS, ...VOICE_FLAGS });
  const config = loadConfig();
  const text = description(positionals, 'devforge scene --json "Plot y = sin(x)"');
  const voice = await voiceFlag(values.voice, config);
  const { scene } = sceneFromDescription(text, { ...sceneRequest(values, config), ...(voice ? { voice } : {}) });
  console.log(JSON.stringify(scene, null, 2));
  return 0;
}
