// The voices a voice-over can use on this server: espeak-ng's, as the voice module lists them. A server without
// espeak-ng has none, and says why; asking for a voice there is refused at request time (commands/animations/compose.ts).
import type { DevforgeConfig } from '../../../config/schema.ts';
import { listVoices, requireEspeak, VoiceError, type VoiceInfo } from '../../../voice/espeak.ts';

export interface VoiceCatalogue {
  voices: VoiceInfo[];
  /** Why there are none: espeak-ng missing or failing. */
  unavailable?: string;
}

export async function voiceCatalogue(config: DevforgeConfig): Promise<VoiceCatalogue> {
  try {
    return { voices: await listVoices(requireEspeak(config.voice.espeakPath)) };
  } catch (err) {
    if (err instanceof VoiceError) return { voices: [], unavailable: err.message };
    throw err;
  }
}
