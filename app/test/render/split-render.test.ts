// A render split into segments (each its own closed-GOP encode, started on a keyframe) and joined without
// re-encoding decodes to exactly the frames of the same render in one piece: framemd5 lists compared line by
// line (timestamps, sizes and hashes). With a voice-over, the voice is muxed over the joined whole.
import test from 'ava';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { segmentRanges } from '../../src/render/segments.ts';
import { frameCount } from '../../src/scene/timeline.ts';
import { tempDir, testRenderer } from '../helpers/renderer.ts';

const run = promisify(execFile);
// Segment-aligned from 1 s on, a keyframe every second: a 4 s scene makes 3 segments of whole GOPs.
const renderer = testRenderer({ render: { splitMinS: 1, splitGopS: 1 } });
test.after.always(() => renderer.close());

/** The video stream's framemd5 lines (stream, dts, pts, duration, size, hash), the header comments dropped. */
async function framemd5(file: string): Promise<string[]> {
  const { stdout } = await run('ffmpeg', ['-v', 'error', '-i', file, '-map', '0:v:0', '-f', 'framemd5', '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout.split('\n').filter((l) => l && !l.startsWith('#'));
}

async function splitRender(scene: ReturnType<typeof sceneFromDescription>['scene'], dir: string, segments: number) {
  const ranges = segmentRanges(frameCount(scene), scene.fps, segments);
  const files: string[] = [];
  let posters = 0;
  for (const [i, range] of ranges.entries()) {
    const video = join(dir, `segment-${i}.mp4`);
    const done = await renderer.renderSegment(scene, range, { video, poster: join(dir, 'poster.png') });
    if (done.posterWritten) posters++;
    files.push(video);
  }
  const joined = join(dir, 'joined.mp4');
  const voice = await renderer.joinSegments(scene, files, { video: joined, captions: join(dir, 'joined.vtt') });
  return { joined, ranges, posters, voice };
}

test.serial('3 segments joined with -c copy decode to the same frames as one piece', async (t) => {
  const dir = tempDir();
  const { scene } = sceneFromDescription('Demonstrate bubble sort on 5 3 8 1', { width: 640, height: 360, fps: 24, duration: 4 });
  t.true(renderer.splittable(scene));
  const whole = await renderer.render(scene, { outputs: { video: join(dir, 'whole.mp4') } });
  const split = await splitRender(scene, dir, 3);
  t.is(split.ranges.length, 3);
  t.is(split.posters, 1, 'only the segment holding the poster frame writes the poster');
  const [a, b] = await Promise.all([framemd5(whole.file), framemd5(split.joined)]);
  t.is(a.length, frameCount(scene));
  t.deepEqual(b, a);
  // Each segment starts on a keyframe of the one-piece encode too: that is what makes the copy exact.
  const { stdout } = await run('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'frame=key_frame', '-of', 'csv=p=0', whole.file]);
  // One line per frame ("1," on keyframes, which carry side data), blank lines between.
  const keys = stdout
    .split('\n')
    .filter((l) => l.trim())
    .flatMap((k, i) => (k.startsWith('1') ? [i] : []));
  for (const r of split.ranges) t.true(keys.includes(r.start), `frame ${r.start} is a keyframe`);
});

test.serial('with a voice-over: the joined video has the same frames and the narration as its audio stream', async (t) => {
  const dir = tempDir();
  const { scene: plain } = sceneFromDescription('bubble sort 4 2 3 1', { width: 640, height: 360, fps: 24, duration: 3 });
  const scene = { ...plain, voice: { name: 'en-us' } };
  const whole = await renderer.render(scene, { outputs: { video: join(dir, 'whole.mp4') } });
  const split = await splitRender(scene, dir, 2);
  t.is(split.ranges.length, 2);
  t.is(split.voice?.name, 'en-us');
  t.deepEqual(await framemd5(split.joined), await framemd5(whole.file));
  const { stdout } = await run('ffprobe', ['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'stream=codec_name,duration', '-of', 'json', split.joined]);
  const audio = (JSON.parse(stdout) as { streams: { codec_name: string; duration: string }[] }).streams[0]!;
  t.is(audio.codec_name, 'aac');
  t.true(Math.abs(Number(audio.duration) - frameCount(scene) / scene.fps) < 0.1, `audio lasts ${audio.duration} s`);
});

test('segment ranges: whole GOPs, as even as they allow, never more segments than GOPs', (t) => {
  t.deepEqual(segmentRanges(100, 24, 3), [
    { start: 0, end: 24 },
    { start: 24, end: 72 },
    { start: 72, end: 100 },
  ]);
  t.deepEqual(segmentRanges(96, 24, 2), [
    { start: 0, end: 48 },
    { start: 48, end: 96 },
  ]);
  t.deepEqual(segmentRanges(30, 24, 4), [
    { start: 0, end: 24 },
    { start: 24, end: 30 },
  ]);
});
