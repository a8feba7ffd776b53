// Keeping a voice-over's <audio> on the player's clock: the player is the master (its frame is a pure function
// of time) and the audio follows it. Shared by the standalone preview page (preview-ui.ts) and the web app's
// preview (through window.DevForge), so both sound as the export will.

/** Further apart than this, the audio is moved to the player's time (a seek, a stall); closer, it plays on untouched. */
const AUDIO_DRIFT_S = 0.15;

/** A browser that blocks sound before the first click on the page starts it at the next frame after one. */
export function followClock(audio: HTMLAudioElement, t: number, playing: boolean): void {
  if (Math.abs(audio.currentTime - t) > AUDIO_DRIFT_S) audio.currentTime = t;
  if (playing && audio.paused && t < audio.duration) audio.play().catch(() => {});
  else if (!playing && !audio.paused) audio.pause();
}
