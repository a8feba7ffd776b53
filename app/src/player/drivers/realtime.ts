// The realtime driver: plays a scene with requestAnimationFrame for previews, the web UI and the widget.
// It only chooses which frame to show; the pixels come from the same playback core as the renderer.
import type { ScenePlayer } from '../scene-player.ts';

export type PlaybackStatus = 'playing' | 'paused';

export class RealtimeDriver {
  private readonly player: ScenePlayer;
  private status: PlaybackStatus = 'paused';
  /** Frame shown when paused, or at `startedAt` when playing. */
  private anchorFrame = 0;
  private startedAt = 0;
  private raf = 0;
  loop = true;
  onFrame: ((frame: number, status: PlaybackStatus) => void) | undefined;

  constructor(player: ScenePlayer) {
    this.player = player;
  }

  get frame(): number {
    return this.player.currentFrame;
  }

  get playbackStatus(): PlaybackStatus {
    return this.status;
  }

  play(): void {
    if (this.status === 'playing') return;
    if (this.anchorFrame >= this.player.frameCount - 1) this.anchorFrame = 0;
    this.status = 'playing';
    this.startedAt = performance.now();
    this.tick();
  }

  pause(): void {
    if (this.status === 'paused') return;
    this.anchorFrame = this.frameAt(performance.now());
    this.status = 'paused';
    cancelAnimationFrame(this.raf);
    this.show(this.anchorFrame);
  }

  toggle(): void {
    if (this.status === 'playing') this.pause();
    else this.play();
  }

  seek(frame: number): void {
    this.anchorFrame = Math.min(this.player.frameCount - 1, Math.max(0, Math.round(frame)));
    this.startedAt = performance.now();
    this.show(this.anchorFrame);
  }

  private frameAt(now: number): number {
    const elapsed = (now - this.startedAt) / 1000;
    const frame = this.anchorFrame + Math.floor(elapsed * this.player.scene.fps);
    if (frame < this.player.frameCount) return frame;
    return this.loop ? frame % this.player.frameCount : this.player.frameCount - 1;
  }

  private tick = (): void => {
    if (this.status !== 'playing') return;
    const frame = this.frameAt(performance.now());
    if (frame !== this.player.currentFrame) this.show(frame);
    if (!this.loop && frame >= this.player.frameCount - 1) {
      this.anchorFrame = frame;
      this.status = 'paused';
      this.onFrame?.(frame, this.status);
      return;
    }
    this.raf = requestAnimationFrame(this.tick);
  };

  private show(frame: number): void {
    this.player.drawFrame(frame);
    this.onFrame?.(frame, this.status);
  }
}
