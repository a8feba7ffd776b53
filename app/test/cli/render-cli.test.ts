// `devforge render` end to end, as the README shows it: a description in, a 1080p30 MP4 out.
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
});
