// The live preview of a request, paced and voiced as its export will be: the composed scene, each step
// made as long as its speech when a voice is chosen (platform/compose/voice-pacing.ts, as the render job
// does), and the narration track the renderer would mix into the MP4. Composition is deterministic, so a
// scene and a track asked for with the same request belong together: the web app fetches both.
import type { Analysis } from '../../../../analysis/analyze.ts';
import type { DevforgeConfig } from '../../../../config/schema.ts';
import type { Scene } from '../../../../scene/schema.ts';
import { frameCount } from '../../../../scene/timeline.ts';
import { voiceOver } from '../../../../voice/voice-over.ts';
import { paceForVoice } from '../../../compose/voice-pacing.ts';
import type { ScenePool } from '../../../compose/scene-pool.ts';
import { invalidField } from '../../errors.ts';
import { composeRequest, type SceneRequest } from './compose.ts';

export async function previewScene(req: SceneRequest, config: DevforgeConfig, scenes: ScenePool): Promise<{ analysis: Analysis; scene: Scene; math: Record<string, string> }> {
  const { analysis, scene, math } = await composeRequest(req, config, scenes, { math: true });
  return { analysis, scene: await paceForVoice(scene, config.voice.espeakPath), math: math ?? {} };
}

/** The request's narration spoken in its voice, as one WAV as long as the paced scene (mono PCM). */
export async function previewNarration(req: SceneRequest, config: DevforgeConfig, scenes: ScenePool): Promise<{ wav: Buffer; warnings: string[] }> {
  if (req.voice === undefined || req.voice === 'off') throw invalidField('body.voice', 'a narration track needs a voice: set it to a name from GET /voices');
  const { scene } = await previewScene(req, config, scenes);
  if (!scene.voice) throw invalidField('body.voice', 'the scene has no voice-over');
  const track = await voiceOver({ espeakPath: config.voice.espeakPath, voice: scene.voice.name, steps: scene.narration.steps, durationS: frameCount(scene) / scene.fps });
  return { wav: track.wav, warnings: track.warnings };
}
