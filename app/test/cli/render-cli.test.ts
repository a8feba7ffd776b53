// `devforge render` end to end, as the README shows it: a description in, a 1080p30 MP4 out, progress
// on stderr and nothing else there.
import test from 'ava';
import { join } from 'node:path';
import { devforge } from '../helpers/cli.ts';
import { tempDir } from '../helpers/renderer.ts';
import { probe } from '../helpers/video.ts';

test('npx devforge render "Demonstrate bubble sort on 5 3 8 1" gives 1080p H.264 at 30 fps of the stated duration', async (t) => {
  const out = join(tempDir(), 'out.mp4');
  const r = await devforge(['render', 'Demonstrate bubble sort on 5 3 8 1', '-o', out]);
  t.is(r.code, 0, r.stderr);
  const summary = JSON.parse(r.stdout);
  t.is(summary.file, out);
  t.is(summary.width, 1920);
  t.is(summary.height, 1080);
  t.is(summary.fps, 30);
  t.is(summary.encoder, 'libx264');
  t.true(summary.render_s > 0);
  const info = await probe(out);
  t.is(info.codec_name, 'h264');
  t.is(info.width, 1920);
  t.is(info.height, 1080);
  t.is(info.r_frame_rate, '30/1');
  t.is(Number(info.nb_frames), summary.frames);
  t.true(Math.abs(Number(info.duration) - summary.duration_s) < 0.05);
  // stderr is not a terminal here: plain progress lines, the last one at 100 %, and no debug output.
  t.regex(r.stderr, new RegExp(`rendered ${summary.frames}/${summary.frames} frames \\(100%\\)\n$`));
  t.true(
    r.stderr
      .split('\n')
      .filter(Boolean)
      .every((line) => /^rendered \d+\/\d+ frames \(\d+%\)/.test(line)),
    r.stderr,
  );
});

test('--quiet leaves stderr empty, even with the full Chromium (which asks for a favicon); seconds are rounded to the millisecond', async (t) => {
  const out = join(tempDir(), 'quiet.mp4');
  const r = await devforge(['render', 'Plot y = sin(x)', '-o', out, '--resolution', '720p', '--fps', '24', '--duration', '2.3', '--quiet'], { env: { DEVFORGE_CHROMIUM_PATH: '/usr/bin/chromium' } });
  t.is(r.code, 0, r.stderr);
  t.is(r.stderr, '');
  const summary = JSON.parse(r.stdout);
  for (const key of ['duration_s', 'render_s']) t.is(summary[key], Math.round(summary[key] * 1000) / 1000, `${key} = ${summary[key]}`);
  t.is(summary.duration_s, Math.round((summary.frames / 24) * 1000) / 1000);
});
