// The live preview: the same player as the renderer (window.DevForge from /assets/player.js), driven in
// real time, with play/pause, a seek bar, loop and full screen. The narration is in the frame when the
// captions are burned in; otherwise (sidecar: a clean frame) the current caption is shown under the
// picture, so the preview never plays without its words. Also the text for screen readers: the caption line
// is a polite live region only while paused, so playback does not talk over itself. With a voice-over
// (`audio`, the WAV the export will carry) an <audio> follows the player's clock (player/audio-clock.ts).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { OverlayOptions } from '../../../../player/overlay.ts';
import { stepAt } from '../../../../scene/narration.ts';
import type { Scene } from '../api-types.ts';

interface Props {
  scene: Scene;
  math: Record<string, string>;
  overlay: OverlayOptions;
  /** The summary, as the canvas's accessible name. */
  label: string;
  /** URL of the voice-over WAV, once it is made. */
  audio?: string | undefined;
}

export function Preview({ scene, math, overlay, label, audio }: Props) {
  const stage = useRef<HTMLDivElement>(null);
  const host = useRef<HTMLDivElement>(null);
  const driverRef = useRef<InstanceType<Window['DevForge']['RealtimeDriver']> | undefined>(undefined);
  const [frame, setFrame] = useState(0);
  const [frames, setFrames] = useState(1);
  const [playing, setPlaying] = useState(false);
  const [loop, setLoop] = useState(true);
  const [error, setError] = useState('');
  const sound = useRef<HTMLAudioElement>(null);

  useEffect(() => {
    let disposed = false;
    // A fresh canvas per scene: a WebGL canvas cannot be handed to a second context.
    const canvas = document.createElement('canvas');
    canvas.id = 'preview';
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `Preview: ${label}`);
    host.current!.replaceChildren(canvas);
    const player = new window.DevForge.ScenePlayer(canvas, scene, { math }, { overlay });
    let driver: InstanceType<Window['DevForge']['RealtimeDriver']> | undefined;
    player
      .prepare()
      .then(() => {
        if (disposed) return;
        driver = new window.DevForge.RealtimeDriver(player);
        driver.loop = loop;
        driverRef.current = driver;
        setFrames(player.frameCount);
        driver.onFrame = (f, status) => {
          if (sound.current) window.DevForge.followClock(sound.current, f / scene.fps, status === 'playing');
          setFrame(f);
          setPlaying(status === 'playing');
          canvas.dataset.frame = String(f);
        };
        driver.seek(0);
        driver.play();
        setPlaying(true);
      })
      .catch((err: unknown) => setError(`The preview could not be drawn: ${(err as Error).message}`));
    return () => {
      disposed = true;
      driver?.pause();
      player.dispose();
      driverRef.current = undefined;
    };
    // The player is rebuilt for a new scene or overlay only; loop is applied below.
  }, [scene, math, overlay]);

  useEffect(() => {
    if (driverRef.current) driverRef.current.loop = loop;
  }, [loop]);

  const t = frame / scene.fps;
  const step = scene.captions.mode === 'sidecar' ? stepAt(scene.narration.steps, t) : -1;
  const caption = step >= 0 ? scene.narration.steps[step]!.text : '';
  const toggle = () => {
    const d = driverRef.current;
    if (!d) return;
    if (playing) d.pause();
    else d.play();
    setPlaying(!playing);
  };

  return (
    <div class="preview">
      <div class="stage" ref={stage}>
        <div ref={host} class="canvas-host" />
        {audio && <audio ref={sound} id="preview-audio" src={audio} preload="auto" />}
        {caption && <p class="sidecar-caption">{caption}</p>}
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="controls">
        <button type="button" id="play" onClick={toggle} aria-pressed={playing}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <input
          type="range"
          id="seek"
          min={0}
          max={frames - 1}
          value={frame}
          aria-label="Position"
          aria-valuetext={`${t.toFixed(1)} of ${scene.duration.toFixed(1)} seconds`}
          onInput={(e) => driverRef.current?.seek(Number(e.currentTarget.value))}
        />
        <span class="muted" id="time">
          {t.toFixed(1)} / {scene.duration.toFixed(1)} s
        </span>
        <label class="inline">
          <input type="checkbox" id="loop" checked={loop} onChange={(e) => setLoop(e.currentTarget.checked)} /> Loop
        </label>
        <button type="button" class="secondary" id="fullscreen" onClick={() => void stage.current?.requestFullscreen()}>
          Full screen
        </button>
      </div>
      <p class="sr-only" aria-live={playing ? 'off' : 'polite'}>
        {scene.narration.steps[stepAt(scene.narration.steps, t)]?.text ?? ''}
      </p>
    </div>
  );
}
