// The live preview: the same player as the renderer, driven in real time. A new scene replaces the
// old player (its WebGL context is released).
import type { RealtimeDriver } from '../../../player/drivers/realtime.ts';
import type { ScenePlayer } from '../../../player/scene-player.ts';
import type { Scene } from '../../../scene/schema.ts';
import { byId } from './dom.ts';

export class Preview {
  private player: ScenePlayer | undefined;
  private driver: RealtimeDriver | undefined;
  private canvas: HTMLCanvasElement;
  private readonly seek = byId<HTMLInputElement>('seek');
  private readonly time = byId('time');

  constructor() {
    this.canvas = byId<HTMLCanvasElement>('preview');
    byId('play').addEventListener('click', () => this.driver?.play());
    byId('pause').addEventListener('click', () => this.driver?.pause());
    this.seek.addEventListener('input', () => this.driver?.seek(Number(this.seek.value)));
  }

  async show(scene: Scene, math: Record<string, string>): Promise<void> {
    this.driver?.pause();
    this.player?.dispose();
    // A fresh canvas: a WebGL canvas cannot be handed to a second context.
    const canvas = this.canvas.cloneNode(false) as HTMLCanvasElement;
    this.canvas.replaceWith(canvas);
    this.canvas = canvas;
    const player = new window.DevForge.ScenePlayer(canvas, scene, { math }, {});
    await player.prepare();
    this.player = player;
    const driver = new window.DevForge.RealtimeDriver(player);
    this.driver = driver;
    this.seek.max = String(player.frameCount - 1);
    driver.onFrame = (frame) => {
      this.seek.value = String(frame);
      this.time.textContent = `${(frame / scene.fps).toFixed(1)} / ${scene.duration.toFixed(1)} s`;
      canvas.dataset.frame = String(frame);
    };
    driver.seek(0);
    driver.play();
  }
}
