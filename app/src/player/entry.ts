// The browser bundle's entry: puts the player on window for the render page, the preview and the widget.
import { followClock } from './audio-clock.ts';
import { captureFrames, drawFramesOnly } from './drivers/fixed-step.ts';
import { RealtimeDriver } from './drivers/realtime.ts';
import { autoMount, mountPreview } from './preview-ui.ts';
import { ScenePlayer } from './scene-player.ts';

const api = { ScenePlayer, RealtimeDriver, captureFrames, drawFramesOnly, mountPreview, followClock };
declare global {
  interface Window {
    DevForge: typeof api;
  }
}
window.DevForge = api;
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', autoMount);
else autoMount();
