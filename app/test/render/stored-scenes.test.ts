// Stored scenes of older spec versions re-render: every fixture in app/test/fixtures/scenes/v*/ is
// migrated, validated and drawn by the real renderer (headless Chromium + ffmpeg), at a tiny size and
// for a couple of seconds to keep it cheap, and the MP4 is checked with ffprobe.
import test from 'ava';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scene } from '../../src/scene/schema.ts';
import { parseScene } from '../../src/scene/validate.ts';
import { changedFraction, frameAt, probe } from '../helpers/video.ts';
import { tempDir, testRenderer } from '../helpers/renderer.ts';

const renderer = testRenderer();
test.after.always(() => renderer.close());

const FIXTURES = fileURLToPath(new URL('../fixtures/scenes/', import.meta.url));
const W = 320;
const H = 180;
const FPS = 10;
const SECONDS = 2;

function storedScenes(): { name: string; json: Record<string, unknown> }[] {
  return readdirSync(FIXTURES)
    .filter((d) => /^v\d+$/.test(d))
    .flatMap((d) =>
      readdirSync(join(FIXTURES, d))
        .filter((f) => f.endsWith('.json'))
        .map((f) => ({ name: `${d}/${f}`, json: JSON.parse(readFileSync(join(FIXTURES, d, f), 'utf8')) })),
    );
}

/** The stored scene as the worker reads it (migrated, validated), shrunk to a tiny, short render. */
function tiny(json: Record<string, unknown>, source: string): Scene {
  const scene = parseScene(json, source);
  return { ...scene, width: W, height: H, fps: FPS, duration: Math.min(SECONDS, scene.duration) };
}

for (const { name, json } of storedScenes()) {
  test.serial(`${name} re-renders`, async (t) => {
    const dir = tempDir();
    const scene = tiny(json, name);
    const summary = await renderer.render(scene, { outputs: { video: join(dir, 'video.mp4') } });
    const frames = Math.round(scene.duration * FPS);
    t.is(summary.frames, frames);
    const info = await probe(summary.file);
    t.is(info.codec_name, 'h264');
    t.is(info.width, W);
    t.is(info.height, H);
    t.is(info.r_frame_rate, `${FPS}/1`);
    t.is(Number(info.nb_frames), frames);
    // The first stored caption is the first cue of the .vtt, from the migrated narration track.
    const first = (json.meta as { captions: { text: string }[] }).captions[0]!.text;
    t.true(readFileSync(summary.captions, 'utf8').includes(first), `${name}: .vtt has "${first}"`);
  });
}

test.serial('a migrated scene keeps its captions beside the video; asked to burn them in, the band shows in the lower third', async (t) => {
  const dir = tempDir();
  const { json } = storedScenes().find((s) => s.name === 'v1/bubble-sort.json')!;
  const sidecar = tiny(json, 'bubble-sort');
  t.is(sidecar.captions.mode, 'sidecar');
  const burnIn: Scene = { ...sidecar, captions: { ...sidecar.captions, mode: 'burn_in' } };
  const a = await renderer.render(sidecar, { outputs: { video: join(dir, 'sidecar.mp4') } });
  const b = await renderer.render(burnIn, { outputs: { video: join(dir, 'burn-in.mp4') } });
  // Half-way through the first step, well after its fade-in.
  const step = sidecar.narration.steps[0]!;
  const at = step.start + Math.min(step.duration, SECONDS) / 2;
  const [fa, fb] = await Promise.all([frameAt(a.file, at, W, H), frameAt(b.file, at, W, H)]);
  const rows = (f: Buffer, from: number, to: number) => f.subarray(W * 3 * Math.round(H * from), W * 3 * Math.round(H * to));
  t.true(changedFraction(rows(fa, 0.8, 0.95), rows(fb, 0.8, 0.95)) > 0.05, 'the band shows in the lower third');
  t.true(changedFraction(rows(fa, 0, 0.2), rows(fb, 0, 0.2)) < 0.2, 'the title stays where it was');
});
