// ffmpeg command lines, built by pure code (tests assert the exact arrays). One function per encoder
// backend; encoderArgs refuses combinations a backend cannot do, with a message that says why.

export type VideoEncoder = 'libx264' | 'h264_nvenc';

export interface RawInput {
  width: number;
  height: number;
  fps: number;
  /** Pixel layout of the frames written to stdin. */
  pixelFormat: 'rgba' | 'yuv420p';
  /** readPixels delivers the bottom row first. */
  bottomUp: boolean;
}

export interface EncodeOptions {
  encoder: VideoEncoder;
  /** libx264 preset / quality. */
  preset: string;
  crf: number;
  output: string;
  /**
   * A narration track (PCM WAV) to mux in as AAC. It must be as long as the video: no -shortest, which ends the
   * output at a packet boundary and can drop the video's last frames; the video stream stays frame for frame as
   * without audio. Absent: the MP4 has no audio stream at all.
   */
  audio?: string;
  /**
   * Segment-aligned encoding (renders long enough to be split across workers): every GOP is encoded on its own,
   * so a render encoded in segments that start on GOP boundaries and joined without re-encoding decodes to the
   * very frames of the same render encoded in one piece. Absent: the usual constant-rate-factor encode.
   */
  aligned?: AlignedEncoding;
}

/**
 * What makes x264's output independent of where a segment starts (measured: each of these alone was not enough):
 * constant QP, because CRF's rate control carries a blurred complexity from frame to frame across GOPs; a
 * keyframe exactly every `gopFrames` with scene-cut detection off and closed GOPs, so segments start where the
 * single encode has its keyframes; and a fixed thread count, because x264's frame threading changes its output.
 */
export interface AlignedEncoding {
  gopFrames: number;
  threads: number;
}

export class EncoderError extends Error {
  override name = 'EncoderError';
}

/** BT.709, limited range: what HD video players assume; tagged so none has to guess. */
const BT709 = ['-colorspace', 'bt709', '-color_primaries', 'bt709', '-color_trc', 'bt709', '-color_range', 'tv'];

function inputArgs(input: RawInput): string[] {
  const tags = input.pixelFormat === 'yuv420p' ? BT709 : [];
  return ['-f', 'rawvideo', '-pix_fmt', input.pixelFormat, '-s', `${input.width}x${input.height}`, '-framerate', String(input.fps), ...tags, '-i', 'pipe:0'];
}

function filterArgs(input: RawInput, convertToBt709: boolean): string[] {
  const filters = [...(input.bottomUp ? ['vflip'] : []), ...(convertToBt709 && input.pixelFormat === 'rgba' ? ['scale=out_color_matrix=bt709:out_range=tv'] : [])];
  return filters.length ? ['-vf', filters.join(',')] : [];
}

function x264Args(opts: EncodeOptions): string[] {
  const base = ['-c:v', 'libx264', '-preset', opts.preset];
  if (!opts.aligned) return [...base, '-crf', String(opts.crf), '-tune', 'animation'];
  const { gopFrames, threads } = opts.aligned;
  return [...base, '-qp', String(opts.crf), '-tune', 'animation', '-g', String(gopFrames), '-keyint_min', String(gopFrames), '-sc_threshold', '0', '-flags', '+cgop', '-threads', String(threads)];
}

function nvencArgs(opts: EncodeOptions): string[] {
  // NVENC's constant-quality mode; p4 is its balanced preset.
  return ['-c:v', 'h264_nvenc', '-preset', 'p4', '-rc', 'vbr', '-cq', String(opts.crf), '-b:v', '0'];
}

/** The second input, its mapping and its encoding: AAC-LC at 48 kHz, which every MP4 player plays. */
function audioArgs(opts: EncodeOptions): { input: string[]; output: string[] } {
  if (!opts.audio) return { input: [], output: [] };
  return { input: ['-i', opts.audio], output: ['-map', '0:v:0', '-map', '1:a:0', '-c:a', 'aac', '-b:a', '128k', '-ar', '48000'] };
}

function encoderArgs(input: RawInput, opts: EncodeOptions): string[] {
  if (opts.aligned && opts.encoder !== 'libx264') throw new EncoderError(`segment-aligned encoding is implemented for libx264 only, not ${opts.encoder}`);
  if (input.width % 2 || input.height % 2) throw new EncoderError(`H.264 yuv420p needs even dimensions, got ${input.width}x${input.height}`);
  if (opts.encoder === 'h264_nvenc' && (input.width > 4096 || input.height > 4096)) throw new EncoderError('NVENC H.264 encodes at most 4096 pixels a side');
  switch (opts.encoder) {
    case 'libx264':
      return x264Args(opts);
    case 'h264_nvenc':
      return nvencArgs(opts);
  }
}

/** Raw frames on stdin (and a WAV, when given) → H.264 yuv420p MP4 (+ AAC) with the index at the front (+faststart) for streaming. */
export function mp4EncodeArgs(input: RawInput, opts: EncodeOptions): string[] {
  const audio = audioArgs(opts);
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    '-nostdin',
    ...inputArgs(input),
    ...audio.input,
    ...filterArgs(input, true),
    ...encoderArgs(input, opts),
    '-pix_fmt',
    'yuv420p',
    ...BT709,
    '-r',
    String(input.fps),
    ...audio.output,
    '-movflags',
    '+faststart',
    '-y',
    opts.output,
  ];
}

/**
 * Joins segment MP4s (listed in an ffconcat file) without re-encoding: the concat demuxer and -c copy, which is
 * exact only because every segment starts on a keyframe and was encoded with the same settings. With `audio`
 * (a WAV as long as the whole), it is encoded and muxed over the joined video, as in mp4EncodeArgs.
 */
export function concatArgs(list: string, output: string, audio?: string): string[] {
  const mux = audioArgs({ encoder: 'libx264', preset: '', crf: 0, output, ...(audio ? { audio } : {}) });
  return ['-hide_banner', '-loglevel', 'error', '-nostdin', '-f', 'concat', '-safe', '0', '-i', list, ...mux.input, '-c:v', 'copy', ...(audio ? mux.output : ['-map', '0:v:0']), '-movflags', '+faststart', '-y', output];
}

/** The ffconcat list of `files` (absolute paths), quoted as the concat demuxer reads them. */
export function concatList(files: string[]): string {
  return ['ffconcat version 1.0', ...files.map((f) => `file '${f.replace(/'/g, "'\\''")}'`), ''].join('\n');
}

/** One raw frame on stdin → PNG. */
export function posterArgs(input: RawInput, output: string): string[] {
  return ['-hide_banner', '-loglevel', 'error', '-nostdin', ...inputArgs({ ...input, fps: 1 }), ...filterArgs(input, false), '-frames:v', '1', '-y', output];
}

/** A one-frame NVENC encode to nowhere: succeeds only where the driver and chip can encode H.264. */
export function nvencProbeArgs(): string[] {
  return ['-hide_banner', '-loglevel', 'error', '-nostdin', '-f', 'lavfi', '-i', 'color=c=black:s=256x256:d=0.04', '-frames:v', '1', '-c:v', 'h264_nvenc', '-f', 'null', '-'];
}
