// Pacing a composed scene for its voice-over, where espeak-ng is: the steps' speech measured (voice/) and the pause
// rule applied (templates/speech-pacing.ts). Here because it joins the two: templates may not spawn programs, and the
// pipeline only composes. Called by the render job, `devforge render` and `devforge preview` before rendering.
import type { Scene } from '../../scene/schema.ts';
import { parseScene } from '../../scene/validate.ts';
import { paceForSpeech } from '../../templates/speech-pacing.ts';
import { speechLengths } from '../../voice/voice-over.ts';

/**
 * The scene paced for its voice-over: each step's speech measured with espeak-ng (voice.espeakPath) and paceForSpeech
 * applied. Without a voice the scene is returned as it is; pacing a scene already paced adds nothing. The renderer's
 * callers (the render job, `devforge render` and `devforge preview`) call it, so the video, the .vtt and the track agree.
 */
export async function paceForVoice(scene: Scene, espeakPath: string): Promise<Scene> {
  if (!scene.voice || scene.narration.steps.length === 0) return scene;
  const lengths = await speechLengths({ espeakPath, voice: scene.voice.name, texts: scene.narration.steps.map((s) => s.text) });
  const { scene: paced, addedS } = paceForSpeech(scene, lengths);
  return addedS > 0 ? parseScene(paced, 'the scene paced for its voice') : scene;
}
