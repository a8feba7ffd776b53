// devforge scene --json "<description>": the whole composed scene spec.
import { loadConfig } from '../../config/load.ts';
import { sceneFromDescription } from '../../pipeline.ts';
import { description, parse } from '../args.ts';
import { SCENE_FLAGS, sceneRequest } from '../scene-options.ts';

export function sceneCommand(args: string[]): number {
  const { values, positionals } = parse(args, { json: { type: 'boolean' }, ...SCENE_FLAGS });
  const config = loadConfig();
  const { scene } = sceneFromDescription(description(positionals, 'devforge scene --json "Plot y = sin(x)"'), sceneRequest(values, config));
  console.log(JSON.stringify(scene, null, 2));
  return 0;
}
