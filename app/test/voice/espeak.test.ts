// espeak-ng itself (the real binary): its voices, one sentence spoken, a clear error for what is missing.
import test from 'ava';
import { listVoices, parseVoiceList, requireEspeak, requireVoice, speak, UnknownVoiceError, VoiceError } from '../../src/voice/espeak.ts';
import { pcmSeconds } from '../../src/voice/wav.ts';

const binary = requireEspeak('espeak-ng');

test('the voice list has the English voices, by language code, without MBROLA ones', async (t) => {
  const voices = await listVoices(binary);
  const names = voices.map((v) => v.name);
  t.true(names.includes('en-us'));
  t.true(names.includes('en-gb'));
  t.is(new Set(names).size, names.length, 'one entry per name');
  t.is(voices.find((v) => v.name === 'en-us')!.description, 'English (America)');
});

test('parsing skips MBROLA voices and keeps the first voice of a language', (t) => {
  const text = `Pty Language       Age/Gender VoiceName          File                 Other Languages
 2  en-us           --/M      English_(America)  gmw/en-US            (en 3)
 5  en-us           --/F      us-mbrola-1        mb/mb-us1            (en 8)
 5  yue             --/M      Chinese_(Cantonese) sit/yue
 5  yue             --/M      Chinese_(Cantonese_Jyutping) sit/yue-Latn-jyutping`;
  t.deepEqual(parseVoiceList(text), [
    { name: 'en-us', description: 'English (America)', gender: 'male' },
    { name: 'yue', description: 'Chinese (Cantonese)', gender: 'male' },
  ]);
});

test('a sentence is spoken to PCM of a plausible length, shorter when spoken faster', async (t) => {
  // 16 words: at 165 words a minute about 5.8 s of words; espeak-ng's pauses and trimmed silence put it at 4-7 s.
  const text = 'The quick brown fox jumps over the lazy dog while the bubble sort compares two bars and swaps them.';
  const normal = await speak(binary, text, { voice: 'en-us', wpm: 165 });
  const fast = await speak(binary, text, { voice: 'en-us', wpm: 200 });
  t.is(normal.channels, 1);
  t.is(normal.sampleRate, 22050);
  const s = pcmSeconds(normal);
  t.true(s > 4 && s < 7, `${s}s`);
  t.true(pcmSeconds(fast) < s * 0.9, `${pcmSeconds(fast)}s at 200 wpm vs ${s}s at 165`);
  t.true(Math.abs(normal.samples[0]!) >= 328, 'leading silence is trimmed');
});

test('text starting with a dash is spoken, not taken as an option', async (t) => {
  const pcm = await speak(binary, '-v nonsense --help', { voice: 'en-us', wpm: 165 });
  t.true(pcmSeconds(pcm) > 0.5);
});

test('an unknown voice is refused with the list of voices', async (t) => {
  const err = await t.throwsAsync(requireVoice(binary, 'klingon'), { instanceOf: UnknownVoiceError });
  t.regex(err.message, /unknown voice "klingon": use "off" or one of .*en-us/);
  t.true(err.available.includes('en-gb'));
});

test('a missing espeak-ng says what to install and which key to set', (t) => {
  t.throws(() => requireEspeak('/nonexistent/espeak-ng'), { instanceOf: VoiceError, message: /apt-get install espeak-ng.*voice\.espeakPath/ });
});
