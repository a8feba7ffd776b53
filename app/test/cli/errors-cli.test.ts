// Bad input gets a clear error and a non-zero exit, never a stack trace.
import test from 'ava';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { devforge } from '../helpers/cli.ts';
import { tempDir } from '../helpers/renderer.ts';

const dir = tempDir();

test('an invalid scene file names the file and the path of each problem', async (t) => {
  const file = join(dir, 'bad-scene.json');
  writeFileSync(
    file,
    JSON.stringify({ version: 1, width: 640, height: 360, fps: 30, duration: 2, objects: [{ id: 'a', type: 'rect', width: 1, height: 1 }], timeline: [{ type: 'tween', target: 'a', property: 'x', to: 1, start: 0, easing: 'bounce2' }] }),
  );
  const r = await devforge(['render', '--scene', file, '-o', join(dir, 'x.mp4')]);
  t.is(r.code, 1);
  t.true(r.stderr.includes(`invalid scene spec in ${file}`), r.stderr);
  t.true(r.stderr.includes('timeline[0].easing: unknown easing "bounce2"'));
  t.false(r.stderr.includes('    at '), 'no stack trace');
});

test('a scene file that is not JSON, or missing, is a usage error', async (t) => {
  const file = join(dir, 'not-json.json');
  writeFileSync(file, '{ nope');
  const bad = await devforge(['render', '--scene', file, '-o', join(dir, 'x.mp4')]);
  t.is(bad.code, 2);
  t.regex(bad.stderr, /is not valid JSON/);
  const missing = await devforge(['render', '--scene', join(dir, 'missing.json'), '-o', join(dir, 'x.mp4')]);
  t.is(missing.code, 2);
  t.regex(missing.stderr, /no such file/);
});

test('an unknown resolution lists the ones that exist', async (t) => {
  const r = await devforge(['render', 'bubble sort 3 2 1', '-o', join(dir, 'x.mp4'), '--resolution', '8k']);
  t.is(r.code, 2);
  t.regex(r.stderr, /unknown resolution "8k": use one of 720p, 1080p, 4k/);
});

test('a missing Chromium names the config key and the package', async (t) => {
  const r = await devforge(['render', 'bubble sort 3 2 1', '-o', join(dir, 'x.mp4')], { env: { DEVFORGE_CHROMIUM_PATH: '/nonexistent/chromium' } });
  t.is(r.code, 1);
  t.regex(r.stderr, /Chromium not found at chromium.path = "\/nonexistent\/chromium" \(DEVFORGE_CHROMIUM_PATH\)/);
});

test('a missing ffmpeg says which package to install and which key to set', async (t) => {
  const r = await devforge(['render', 'bubble sort 3 2 1', '-o', join(dir, 'x.mp4')], { env: { DEVFORGE_FFMPEG_PATH: '/nonexistent/ffmpeg' } });
  t.is(r.code, 1);
  t.regex(r.stderr, /ffmpeg not found .*apt-get install ffmpeg.*ffmpeg.path \(DEVFORGE_FFMPEG_PATH\)/);
});

test('a description over the limit states the limit', async (t) => {
  const r = await devforge(['render', 'bubble sort '.repeat(300), '-o', join(dir, 'x.mp4')]);
  t.is(r.code, 1);
  t.regex(r.stderr, /description is 3600 characters; the limit is 2000 \(analysis.maxDescriptionLength\)/);
});

test('no output, a non-mp4 output, or no description are usage errors', async (t) => {
  t.regex((await devforge(['render', 'bubble sort'])).stderr, /give the output file with -o/);
  t.regex((await devforge(['render', 'bubble sort', '-o', 'x.avi'])).stderr, /must be an \.mp4 file/);
  const none = await devforge(['render', '-o', join(dir, 'x.mp4')]);
  t.is(none.code, 2);
  t.regex(none.stderr, /give a description/);
  t.regex((await devforge(['render', 'x', '-o', 'x.mp4', '--fps', '25'])).stderr, /unsupported frame rate 25: use one of 24, 30, 60/);
});

test('unknown commands and flags are usage errors', async (t) => {
  const cmd = await devforge(['rendr']);
  t.is(cmd.code, 2);
  t.regex(cmd.stderr, /unknown command "rendr"/);
  const flag = await devforge(['render', 'x', '--colour', 'red']);
  t.is(flag.code, 2);
  t.regex(flag.stderr, /unknown option --colour\n\(devforge render --help shows the options\)/);
});

test('invalid configuration stops with the list of problems', async (t) => {
  const r = await devforge(['analyze', '--json', 'bubble sort'], { env: { DEVFORGE_X264_PRESET: 'warp' } });
  t.is(r.code, 1);
  t.regex(r.stderr, /invalid configuration:\n {2}- ffmpeg.x264Preset/);
});
