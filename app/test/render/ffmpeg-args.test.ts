import test from 'ava';
import { concatArgs, concatList, EncoderError, mp4EncodeArgs, nvencProbeArgs, posterArgs } from '../../src/ffmpeg/args.ts';

const rgba = { width: 1920, height: 1080, fps: 30, pixelFormat: 'rgba' as const, bottomUp: true };
const yuv = { width: 1280, height: 720, fps: 60, pixelFormat: 'yuv420p' as const, bottomUp: false };
const BT709 = ['-colorspace', 'bt709', '-color_primaries', 'bt709', '-color_trc', 'bt709', '-color_range', 'tv'];

test('software H.264 from RGBA read back bottom-up', (t) => {
  t.deepEqual(mp4EncodeArgs(rgba, { encoder: 'libx264', preset: 'veryfast', crf: 20, output: '/out/a.mp4' }), [
    '-hide_banner',
    '-loglevel',
    'error',
    '-nostdin',
    '-f',
    'rawvideo',
    '-pix_fmt',
    'rgba',
    '-s',
    '1920x1080',
    '-framerate',
    '30',
    '-i',
    'pipe:0',
    '-vf',
    'vflip,scale=out_color_matrix=bt709:out_range=tv',
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    '20',
    '-tune',
    'animation',
    '-pix_fmt',
    'yuv420p',
    ...BT709,
    '-r',
    '30',
    '-movflags',
    '+faststart',
    '-y',
    '/out/a.mp4',
  ]);
});

test('NVENC from YUV converted in the page', (t) => {
  t.deepEqual(mp4EncodeArgs(yuv, { encoder: 'h264_nvenc', preset: 'veryfast', crf: 23, output: 'b.mp4' }), [
    '-hide_banner',
    '-loglevel',
    'error',
    '-nostdin',
    '-f',
    'rawvideo',
    '-pix_fmt',
    'yuv420p',
    '-s',
    '1280x720',
    '-framerate',
    '60',
    ...BT709,
    '-i',
    'pipe:0',
    '-c:v',
    'h264_nvenc',
    '-preset',
    'p4',
    '-rc',
    'vbr',
    '-cq',
    '23',
    '-b:v',
    '0',
    '-pix_fmt',
    'yuv420p',
    ...BT709,
    '-r',
    '60',
    '-movflags',
    '+faststart',
    '-y',
    'b.mp4',
  ]);
});

test('a narration track is a second input, mapped and encoded as AAC; the video arguments stay as they were', (t) => {
  for (const [input, encoder] of [
    [rgba, 'libx264'],
    [yuv, 'h264_nvenc'],
  ] as const) {
    const plain = mp4EncodeArgs(input, { encoder, preset: 'veryfast', crf: 20, output: 'v.mp4' });
    const voiced = mp4EncodeArgs(input, { encoder, preset: 'veryfast', crf: 20, output: 'v.mp4', audio: '/tmp/narration.wav' });
    const videoInputEnd = plain.indexOf('pipe:0') + 1;
    t.deepEqual(voiced.slice(0, videoInputEnd), plain.slice(0, videoInputEnd));
    t.deepEqual(voiced.slice(videoInputEnd, videoInputEnd + 2), ['-i', '/tmp/narration.wav']);
    const rIndex = plain.indexOf('-r');
    t.deepEqual(voiced.slice(videoInputEnd + 2, rIndex + 4), plain.slice(videoInputEnd, rIndex + 2));
    t.deepEqual(voiced.slice(rIndex + 4, rIndex + 14), ['-map', '0:v:0', '-map', '1:a:0', '-c:a', 'aac', '-b:a', '128k', '-ar', '48000']);
    t.deepEqual(voiced.slice(rIndex + 14), plain.slice(rIndex + 2));
    t.false(voiced.includes('-shortest'), 'the track is as long as the video; -shortest could drop frames');
    t.false(
      plain.some((a) => a.includes('aac') || a === '-map'),
      'no audio without a track',
    );
  }
});

test('unsupported combinations are refused with the reason', (t) => {
  t.throws(() => mp4EncodeArgs({ ...rgba, width: 1921 }, { encoder: 'libx264', preset: 'veryfast', crf: 20, output: 'x.mp4' }), { instanceOf: EncoderError, message: /even dimensions/ });
  t.throws(() => mp4EncodeArgs({ ...rgba, width: 7680, height: 4320 }, { encoder: 'h264_nvenc', preset: 'p4', crf: 20, output: 'x.mp4' }), { instanceOf: EncoderError, message: /NVENC H.264 encodes at most 4096/ });
});

test('poster and NVENC probe commands', (t) => {
  t.deepEqual(posterArgs(rgba, 'p.png'), ['-hide_banner', '-loglevel', 'error', '-nostdin', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-s', '1920x1080', '-framerate', '1', '-i', 'pipe:0', '-vf', 'vflip', '-frames:v', '1', '-y', 'p.png']);
  t.deepEqual(nvencProbeArgs(), ['-hide_banner', '-loglevel', 'error', '-nostdin', '-f', 'lavfi', '-i', 'color=c=black:s=256x256:d=0.04', '-frames:v', '1', '-c:v', 'h264_nvenc', '-f', 'null', '-']);
});

test('segment-aligned x264: constant QP, a keyframe every GOP exactly, closed GOPs, a fixed thread count', (t) => {
  const args = mp4EncodeArgs(rgba, { encoder: 'libx264', preset: 'veryfast', crf: 20, output: '/out/s.mp4', aligned: { gopFrames: 60, threads: 4 } });
  const at = args.indexOf('-c:v');
  t.deepEqual(args.slice(at, at + 20), ['-c:v', 'libx264', '-preset', 'veryfast', '-qp', '20', '-tune', 'animation', '-g', '60', '-keyint_min', '60', '-sc_threshold', '0', '-flags', '+cgop', '-threads', '4', '-pix_fmt', 'yuv420p']);
  t.false(args.includes('-crf'));
  const error = t.throws(() => mp4EncodeArgs(rgba, { encoder: 'h264_nvenc', preset: 'veryfast', crf: 20, output: '/out/s.mp4', aligned: { gopFrames: 60, threads: 4 } }), { instanceOf: EncoderError });
  t.regex(error.message, /libx264 only/);
});

test('joining segments: concat demuxer, video copied, the voice-over muxed over the whole', (t) => {
  t.deepEqual(concatArgs('/w/list.ffconcat', '/w/out.mp4'), [
    '-hide_banner',
    '-loglevel',
    'error',
    '-nostdin',
    '-f',
    'concat',
    '-safe',
    '0',
    '-i',
    '/w/list.ffconcat',
    '-c:v',
    'copy',
    '-map',
    '0:v:0',
    '-movflags',
    '+faststart',
    '-y',
    '/w/out.mp4',
  ]);
  t.deepEqual(concatArgs('/w/list.ffconcat', '/w/out.mp4', '/w/voice.wav'), [
    '-hide_banner',
    '-loglevel',
    'error',
    '-nostdin',
    '-f',
    'concat',
    '-safe',
    '0',
    '-i',
    '/w/list.ffconcat',
    '-i',
    '/w/voice.wav',
    '-c:v',
    'copy',
    '-map',
    '0:v:0',
    '-map',
    '1:a:0',
    '-c:a',
    'aac',
    '-b:a',
    '128k',
    '-ar',
    '48000',
    '-movflags',
    '+faststart',
    '-y',
    '/w/out.mp4',
  ]);
  t.is(concatList(['/w/a.mp4', "/w/it's.mp4"]), "ffconcat version 1.0\nfile '/w/a.mp4'\nfile '/w/it'\\''s.mp4'\n");
});
