// A real render with a voice-over: Chromium draws, espeak-ng speaks, ffmpeg muxes. The MP4's audio is read back
// with ffprobe and ffmpeg's silencedetect and compared with the narration steps.
import test from 'ava';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseScene } from '../../src/scene/validate.ts';
import { tempDir, testRenderer } from '../helpers/renderer.ts';

const run = promisify(execFile);
const renderer = testRenderer();
test.after.always(() => renderer.close());

const steps = [
  { start: 0.5, duration: 2.2, text: 'A circle appears.' },
  { start: 3, duration: 2.5, text: 'It stays in the middle.' },
  { start: 6, duration: 1.8, text: 'That is all.' },
];

function scene(voice?: string) {
  return parseScene({
    version: 2,
    width: 320,
    height: 180,
    fps: 10,
    duration: 8,
    objects: [{ id: 'c', type: 'circle', radius: 1, fill: '$primary' }],
    timeline: [{ type: 'tween', target: 'c', property: 'x', from: -3, to: 3, start: 0, duration: 8 }],
    narration: { steps },
    ...(voice ? { voice: { name: voice } } : {}),
  });
}

async function streams(file: string): Promise<{ codec_type: string; codec_name: string; nb_frames?: string; duration?: string }[]> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name,nb_frames,duration', '-of', 'json', file]);
  return (JSON.parse(stdout) as { streams: { codec_type: string; codec_name: string }[] }).streams;
}

/** Where sound starts after silence (silencedetect's silence_end), before `end`: at the end of the stream silencedetect ends the last silence too. */
async function speechStarts(file: string, end: number): Promise<number[]> {
  const { stderr } = await run('ffmpeg', ['-hide_banner', '-nostdin', '-i', file, '-map', '0:a', '-af', 'silencedetect=noise=-35dB:d=0.15', '-f', 'null', '-']);
  return [...stderr.matchAll(/silence_end: ([\d.]+)/g)].map((m) => Number(m[1])).filter((s) => s < end - 0.05);
}

async function videoHashes(file: string): Promise<string[]> {
  const { stdout } = await run('ffmpeg', ['-v', 'error', '-i', file, '-map', '0:v', '-f', 'framemd5', '-'], { maxBuffer: 16 * 1024 * 1024 });
  return stdout
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(',').pop()!.trim());
}

test.serial('with a voice the MP4 has an AAC track whose speech starts within each narration step; the video is the same as without', async (t) => {
  const dir = tempDir();
  const voiced = await renderer.render(scene('en-us'), { outputs: { video: join(dir, 'voiced.mp4') } });
  const silent = await renderer.render(scene(), { outputs: { video: join(dir, 'silent.mp4') } });
  t.deepEqual(voiced.voice, { name: 'en-us', warnings: [] });
  t.is(silent.voice, undefined);

  const withVoice = await streams(voiced.file);
  t.deepEqual(
    withVoice.map((s) => [s.codec_type, s.codec_name]),
    [
      ['video', 'h264'],
      ['audio', 'aac'],
    ],
  );
  t.is(Number(withVoice[0]!.nb_frames), 80, 'every video frame is kept');
  t.true(Math.abs(Number(withVoice[1]!.duration) - 8) < 0.1, `audio lasts ${withVoice[1]!.duration}s`);

  const without = await streams(silent.file);
  t.deepEqual(
    without.map((s) => s.codec_type),
    ['video'],
    'no voice: no audio stream',
  );
  t.deepEqual(await videoHashes(voiced.file), await videoHashes(silent.file), 'the voice changes no video frame');

  const starts = await speechStarts(voiced.file, 8);
  t.is(starts.length, steps.length, `one onset per step: ${starts.join(', ')}`);
  steps.forEach((step, i) => {
    // AAC's frame of priming delay and silencedetect's own window put the onset a few tens of ms late at most.
    t.true(starts[i]! >= step.start - 0.05 && starts[i]! < step.start + step.duration, `step ${i + 1} (${step.start}–${step.start + step.duration}s): speech starts at ${starts[i]}s`);
  });
});

test.serial('an unknown voice fails the render with the list of voices and leaves no files', async (t) => {
  const dir = tempDir();
  await t.throwsAsync(renderer.render(scene('klingon'), { outputs: { video: join(dir, 'x.mp4') } }), { message: /unknown voice "klingon": use "off" or one of .*en-us/ });
  const { readdirSync } = await import('node:fs');
  t.deepEqual(readdirSync(dir), []);
});
