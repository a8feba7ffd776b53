// A minimal realtime preview: the canvas plus play/pause, a seek bar and the time. Used by
// `devforge preview` and embeddable by any page that serves the player bundle.
// Everything from the scene (captions included) goes into the DOM as text, never as markup.
// The caption line under the canvas is for sidecar-only scenes: burned-in captions are in the frame.
// A voice-over (`audio`, the narration WAV the renderer would mix in) plays in an <audio> kept on the player's clock.
import { burnsIn, stepAt } from '../scene/narration.ts';
import type { Scene } from '../scene/schema.ts';
import { RealtimeDriver } from './drivers/realtime.ts';
import type { OverlayOptions } from './overlay.ts';
import { ScenePlayer, type PlayerAssets } from './scene-player.ts';
import { followClock } from './audio-clock.ts';

export interface PreviewData {
  scene: Scene;
  assets: PlayerAssets;
  overlay?: OverlayOptions;
  /** URL of the scene's narration track (a WAV as long as the scene), when it has a voice. */
  audio?: string;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, style = ''): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  // Through the CSSOM, not a style attribute: a page under a CSP without 'unsafe-inline' (devforge
  // preview's, the appliance's) blocks style attributes but allows this.
  if (style) node.style.cssText = style;
  return node;
}

function clock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = Math.floor(seconds % 60);
  return `${m}:${String(s).padStart(2, '0')}`;
}

export async function mountPreview(container: HTMLElement, data: PreviewData): Promise<RealtimeDriver> {
  const { scene } = data;
  const canvas = el('canvas', {}, 'display:block;width:100%;height:auto;background:#000;border-radius:8px');
  const play = el('button', { type: 'button', textContent: 'Pause' }, 'font:600 14px Inter,sans-serif;padding:6px 14px;border-radius:6px;border:0;cursor:pointer');
  const seek = el('input', { type: 'range', min: '0', max: String(Math.max(0, Math.round(scene.duration * scene.fps) - 1)), value: '0' }, 'flex:1');
  const time = el('span', {}, 'font:13px "JetBrains Mono",monospace;min-width:90px;text-align:right');
  const caption = el('div', {}, 'min-height:1.5em;font:16px Inter,sans-serif;text-align:center;margin-top:8px');
  const controls = el('div', {}, 'display:flex;gap:12px;align-items:center;margin-top:10px');
  controls.append(play, seek, time);
  const steps = burnsIn(scene.captions.mode) ? [] : scene.narration.steps;
  const audio = data.audio ? el('audio', { preload: 'auto', src: data.audio }) : undefined;
  container.replaceChildren(canvas, controls, ...(steps.length ? [caption] : []), ...(audio ? [audio] : []));

  const player = new ScenePlayer(canvas, scene, data.assets, { overlay: data.overlay });
  await player.prepare();
  const driver = new RealtimeDriver(player);
  driver.onFrame = (frame, status) => {
    const t = frame / scene.fps;
    seek.value = String(frame);
    time.textContent = `${clock(t)} / ${clock(scene.duration)}`;
    play.textContent = status === 'playing' ? 'Pause' : 'Play';
    caption.textContent = steps[stepAt(steps, t)]?.text ?? '';
    if (audio) followClock(audio, t, status === 'playing');
  };
  play.addEventListener('click', () => driver.toggle());
  seek.addEventListener('input', () => {
    driver.pause();
    driver.seek(Number(seek.value));
  });
  driver.seek(0);
  driver.play();
  return driver;
}

/** Pages that declare <body data-preview-src="…"> mount themselves. */
export function autoMount(): void {
  const src = document.body?.dataset.previewSrc;
  const container = document.getElementById('preview');
  if (!src || !container) return;
  void fetch(src)
    .then((r) => r.json())
    .then((data: PreviewData) => mountPreview(container, data))
    .catch((err: Error) => {
      container.textContent = `Preview failed: ${err.message}`;
    });
}
