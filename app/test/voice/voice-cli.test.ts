// The voice-over from the command line: devforge voices, --voice on scene and render (a real render, tiny).
import test from 'ava';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { devforge } from '../helpers/cli.ts';
import { tempDir } from '../helpers/renderer.ts';

const run = promisify(execFile);

test('devforge voices lists the voices by the name --voice takes, as text or JSON', async (t) => {
  const text = await devforge(['voices']);
  t.is(text.code, 0, text.stderr);
  t.regex(text.stdout, /^en-us +English \(America\) \(male\)$/m);
  const json = await devforge(['voices', '--json']);
  const voices = JSON.parse(json.stdout) as { name: string }[];
  t.true(voices.some((v) => v.name === 'en-gb'));
});

test('devforge scene --voice puts the voice in the scene; an unknown one is a usage error listing the voices', async (t) => {
  const ok = await devforge(['scene', '--voice', 'en-gb', 'bubble sort 3 1 2']);
  t.is(ok.code, 0, ok.stderr);
  t.deepEqual((JSON.parse(ok.stdout) as { voice?: unknown }).voice, { name: 'en-gb' });
  const off = await devforge(['scene', '--voice', 'off', 'bubble sort 3 1 2']);
  t.false('voice' in (JSON.parse(off.stdout) as object));
  const bad = await devforge(['scene', '--voice', 'klingon', 'bubble sort 3 1 2']);
  t.is(bad.code, 2);
  t.regex(bad.stderr, /--voice: unknown voice "klingon": use "off" or one of .*en-us.*\(devforge voices lists them\)/);
});

test("devforge render --scene with --voice writes an MP4 with an AAC track; --voice off takes the scene's voice away", async (t) => {
  const dir = tempDir();
  const spec = join(dir, 'scene.json');
  writeFileSync(spec, JSON.stringify({ version: 2, width: 320, height: 180, fps: 10, duration: 3, objects: [], narration: { steps: [{ start: 0.5, duration: 2, text: 'Hello there.' }] }, voice: { name: 'en-us' } }));
  const streams = async (file: string) => (await run('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name', '-of', 'csv=p=0', file])).stdout.trim().split('\n');

  const voiced = await devforge(['render', '--scene', spec, '--voice', 'en-gb', '-o', join(dir, 'v.mp4'), '-q']);
  t.is(voiced.code, 0, voiced.stderr);
  t.deepEqual((JSON.parse(voiced.stdout) as { voice?: unknown }).voice, { name: 'en-gb', warnings: [] });
  t.deepEqual(await streams(join(dir, 'v.mp4')), ['h264', 'aac']);

  const off = await devforge(['render', '--scene', spec, '--voice', 'off', '-o', join(dir, 'off.mp4'), '-q']);
  t.is(off.code, 0, off.stderr);
  t.deepEqual(await streams(join(dir, 'off.mp4')), ['h264']);
});
