// The narration track: real espeak-ng speech placed at each step's start, read back from the WAV it makes.
import test from 'ava';
import { requireEspeak, speak } from '../../src/voice/espeak.ts';
import { MAX_WPM, NORMAL_WPM, speechWindow } from '../../src/voice/fit.ts';
import { buildNarrationTrack, type Speaker } from '../../src/voice/track.ts';
import { speechSeconds } from '../../src/voice/voice-over.ts';
import { parseWav, pcmSeconds } from '../../src/voice/wav.ts';
import { firstSound } from './helpers.ts';

const binary = requireEspeak('espeak-ng');
const say: Speaker = (text, wpm) => speak(binary, text, { voice: 'en-us', wpm });

const steps = [
  { start: 0.5, duration: 2.5, text: 'Here are four bars.' },
  { start: 3.2, duration: 2.2, text: 'Compare the first two.' },
  { start: 6, duration: 3, id: 'done', text: 'Now they are sorted.' },
];

test('each step is spoken from its start, the gaps are silent and the track is as long as the video', async (t) => {
  const track = await buildNarrationTrack(steps, 10, say);
  const pcm = parseWav(track.wav);
  t.is(pcm.samples.length, 10 * pcm.sampleRate);
  t.deepEqual(track.warnings, []);
  t.is(firstSound(pcm, 0, 0.5), undefined, 'nothing before the first step');
  for (const step of steps) {
    const at = firstSound(pcm, step.start, step.start + step.duration);
    t.truthy(at, `speech in the window of "${step.text}"`);
    t.true(at! - step.start < 0.1, `"${step.text}" starts at ${at}s, its step at ${step.start}s`);
    t.is(firstSound(pcm, step.start + step.duration, steps.find((s) => s.start > step.start)?.start ?? 10), undefined, `silence after "${step.text}" until the next step`);
  }
  t.deepEqual(
    track.speech.map((s) => s.wpm),
    [NORMAL_WPM, NORMAL_WPM, NORMAL_WPM],
  );
});

test('a step too short for its text is spoken faster, up to the cap, and past that cut with a warning naming it', async (t) => {
  const tight = [
    // 1.74 s at 165 words a minute (espeak-ng 1.51, en-us), 1.43 s at 200: fits the 1.45 s window only sped up.
    { start: 0, duration: 1.6, text: 'Compare the first two numbers.' },
    { start: 2, duration: 1, id: 'long', text: 'This sentence is far too long to be spoken in one second, even quickly.' },
    { start: 3.2, duration: 1.5, text: 'Done.' },
  ];
  const track = await buildNarrationTrack(tight, 5, say);
  const [first, long] = track.speech;
  t.true(first!.wpm > NORMAL_WPM && first!.wpm <= MAX_WPM, `sped up to ${first!.wpm}`);
  t.true(first!.seconds <= speechWindow(1.6), `${first!.seconds}s`);
  t.is(first!.cut, 0);
  t.is(long!.wpm, MAX_WPM);
  t.true(long!.cut > 0);
  t.true(Math.abs(long!.seconds - 1.2) < 0.01, 'cut where the next step starts');
  t.is(track.warnings.length, 1);
  t.regex(track.warnings[0]!, /^narration step 2 \(long\) "This sentence is far too long to be spok…": .*the last \d\.\ds are cut\. Lengthen the step/);
  const pcm = parseWav(track.wav);
  const at = firstSound(pcm, 3.2, 4.7);
  t.true(at !== undefined && at - 3.2 < 0.1, 'the next step still starts on time');
});

test('a scene without narration gets a silent track of its length', async (t) => {
  const track = await buildNarrationTrack([], 2, say);
  const pcm = parseWav(track.wav);
  t.is(pcmSeconds(pcm), 2);
  t.is(firstSound(pcm, 0, 2, 1), undefined);
});

test('speechSeconds gives the normal-rate length pacing can make a step long enough for', async (t) => {
  const s = await speechSeconds({ espeakPath: 'espeak-ng', voice: 'en-us', text: 'Compare the first two numbers.' });
  t.true(s > 1 && s < 2.5, `${s}s`);
  const track = await buildNarrationTrack([{ start: 0, duration: s + 0.2, text: 'Compare the first two numbers.' }], s + 0.5, say);
  t.is(track.speech[0]!.wpm, NORMAL_WPM, 'a step that long is spoken at the normal rate');
  t.deepEqual(track.warnings, []);
});
