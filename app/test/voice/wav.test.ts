// WAV reading and writing: what espeak-ng's --stdout writes (a data size it cannot know) and the track's own files.
import test from 'ava';
import { encodeWav, parseWav, pcmSeconds, trimSilence, WavError } from '../../src/voice/wav.ts';

test('a written WAV reads back the same samples, rate and length', (t) => {
  const samples = Int16Array.from({ length: 2205 }, (_, i) => Math.round(Math.sin(i / 10) * 10000));
  const wav = encodeWav({ sampleRate: 22050, channels: 1, samples });
  t.is(wav.length, 44 + 2205 * 2);
  const back = parseWav(wav);
  t.is(back.sampleRate, 22050);
  t.is(back.channels, 1);
  t.deepEqual(Array.from(back.samples), Array.from(samples));
  t.is(pcmSeconds(back), 0.1);
});

test('a data chunk claiming more bytes than follow is read to the end (espeak-ng --stdout writes 0x7ffff000)', (t) => {
  const wav = encodeWav({ sampleRate: 8000, channels: 1, samples: Int16Array.from([1, 2, 3, 4]) });
  wav.writeUInt32LE(0x7ffff000, 40);
  t.deepEqual(Array.from(parseWav(wav).samples), [1, 2, 3, 4]);
});

test('what is not 16-bit PCM WAV is refused with a reason', (t) => {
  t.throws(() => parseWav(Buffer.from('hello world, not a wav')), { instanceOf: WavError, message: /not a WAV file/ });
  const wav = encodeWav({ sampleRate: 8000, channels: 1, samples: Int16Array.from([1, 2]) });
  wav.writeUInt16LE(3, 20); // IEEE float
  t.throws(() => parseWav(wav), { message: /not 16-bit PCM/ });
});

test('trimming cuts the silence before and after the sound, and nothing of the sound', (t) => {
  const samples = Int16Array.from([0, 5, -3, 2000, -2500, 100, 1500, 4, 0, 0]);
  t.deepEqual(Array.from(trimSilence({ sampleRate: 10, channels: 1, samples }).samples), [2000, -2500, 100, 1500]);
  t.is(trimSilence({ sampleRate: 10, channels: 1, samples: new Int16Array(5) }).samples.length, 0);
});
