// PCM WAV files: reading what espeak-ng writes and writing the narration track. 16-bit PCM only, which is
// what espeak-ng produces; a track is built by copying samples to exact offsets, so no resampling happens here.

export interface Pcm {
  sampleRate: number;
  channels: number;
  /** Interleaved signed 16-bit samples. */
  samples: Int16Array;
}

export class WavError extends Error {
  override name = 'WavError';
}

/** Seconds of audio in a PCM buffer. */
export function pcmSeconds(pcm: Pcm): number {
  return pcm.samples.length / pcm.channels / pcm.sampleRate;
}

/**
 * Parses a RIFF/WAVE file of 16-bit PCM. A data chunk whose size is larger than the bytes that follow is read to the
 * end of the buffer: espeak-ng's --stdout cannot seek back to fill in the size, so it writes 0x7ffff000 there.
 */
export function parseWav(buf: Buffer): Pcm {
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') throw new WavError('not a WAV file (no RIFF/WAVE header)');
  let fmt: { format: number; channels: number; sampleRate: number; bits: number } | undefined;
  let offset = 12;
  while (offset + 8 <= buf.length) {
    const id = buf.toString('ascii', offset, offset + 4);
    const size = buf.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > buf.length) throw new WavError('WAV fmt chunk is truncated');
      fmt = { format: buf.readUInt16LE(body), channels: buf.readUInt16LE(body + 2), sampleRate: buf.readUInt32LE(body + 4), bits: buf.readUInt16LE(body + 14) };
    } else if (id === 'data') {
      if (!fmt) throw new WavError('WAV data chunk comes before its fmt chunk');
      if (fmt.format !== 1 || fmt.bits !== 16) throw new WavError(`WAV is not 16-bit PCM (format ${fmt.format}, ${fmt.bits} bits)`);
      if (fmt.channels < 1 || fmt.sampleRate < 1) throw new WavError(`WAV has ${fmt.channels} channels at ${fmt.sampleRate} Hz`);
      const end = Math.min(buf.length, body + size);
      const frameBytes = 2 * fmt.channels;
      const bytes = end - body - ((end - body) % frameBytes);
      // Copied: the Buffer's own offset need not be 2-byte aligned for an Int16Array view.
      const samples = new Int16Array(bytes / 2);
      for (let i = 0; i < samples.length; i++) samples[i] = buf.readInt16LE(body + i * 2);
      return { sampleRate: fmt.sampleRate, channels: fmt.channels, samples };
    }
    offset = body + size + (size % 2);
  }
  throw new WavError('WAV has no data chunk');
}

/** A canonical 44-byte-header PCM WAV file. */
export function encodeWav(pcm: Pcm): Buffer {
  const dataBytes = pcm.samples.length * 2;
  const out = Buffer.alloc(44 + dataBytes);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + dataBytes, 4);
  out.write('WAVE', 8, 'ascii');
  out.write('fmt ', 12, 'ascii');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20);
  out.writeUInt16LE(pcm.channels, 22);
  out.writeUInt32LE(pcm.sampleRate, 24);
  out.writeUInt32LE(pcm.sampleRate * pcm.channels * 2, 28);
  out.writeUInt16LE(pcm.channels * 2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < pcm.samples.length; i++) out.writeInt16LE(pcm.samples[i]!, 44 + i * 2);
  return out;
}

/** Below this absolute sample value (about -40 dBFS) audio counts as silence. */
export const SILENCE_LEVEL = 328;

/**
 * The audio with leading and trailing silence cut off: espeak-ng ends each utterance with about a third of a second
 * of silence, which would otherwise count as speech when fitting it into its step.
 */
export function trimSilence(pcm: Pcm, level = SILENCE_LEVEL): Pcm {
  const { samples, channels } = pcm;
  const frames = samples.length / channels;
  const loud = (frame: number) => {
    for (let c = 0; c < channels; c++) if (Math.abs(samples[frame * channels + c]!) >= level) return true;
    return false;
  };
  let first = 0;
  while (first < frames && !loud(first)) first++;
  let last = frames - 1;
  while (last >= first && !loud(last)) last--;
  return { ...pcm, samples: samples.slice(first * channels, (last + 1) * channels) };
}
