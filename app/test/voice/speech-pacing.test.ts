// Steps paced for their speech: the pause rule on a hand-made scene, then catalogue scenes (one or two per domain)
// spoken by espeak-ng after pacing: every step is spoken in full at the normal rate (no speed-up, no cut), the
// track's speech starts within each step's window, and ffmpeg's silencedetect hears it start there; two of them are
// rendered for real, and the MP4 carries the AAC track with the same onsets.
import test, { type ExecutionContext } from 'ava';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { paceForVoice } from '../../src/platform/compose/voice-pacing.ts';
import type { Scene } from '../../src/scene/schema.ts';
import { parseScene } from '../../src/scene/validate.ts';
import { frameCount } from '../../src/scene/timeline.ts';
import { BEAT_S } from '../../src/templates/pacing.ts';
import { paceForSpeech } from '../../src/templates/speech-pacing.ts';
import { NORMAL_WPM } from '../../src/voice/fit.ts';
import { speechLengths, voiceOver } from '../../src/voice/voice-over.ts';
import { tempDir, testRenderer } from '../helpers/renderer.ts';

const run = promisify(execFile);
const ESPEAK = 'espeak-ng';
const VOICE = 'en-us';

function handMade(): Scene {
  return parseScene({
    version: 2,
    width: 320,
    height: 180,
    fps: 10,
    duration: 6,
    objects: [{ id: 'c', type: 'circle', radius: 1 }],
    timeline: [
      { type: 'appear', target: 'c', at: 0.5, duration: 0.4 },
      { type: 'tween', target: 'c', property: 'x', from: -3, to: 3, start: 1, duration: 3 },
      { type: 'set', target: 'c', property: 'opacity', value: 0.5, at: 4 },
    ],
    narration: {
      steps: [
        { start: 0, duration: 2, text: 'A circle.' },
        { start: 2, duration: 4, text: 'It moves.' },
      ],
    },
    meta: { posterTime: 5 },
  });
}

test('a step shorter than its speech gets a pause at its end: later entries move, one running across it stretches', (t) => {
  const { scene, addedS, lengthened } = paceForSpeech(handMade(), [3, 1]);
  const delta = 3 + BEAT_S - 2;
  t.deepEqual(lengthened, [0]);
  t.true(Math.abs(addedS - delta) < 1e-9);
  t.true(Math.abs(scene.duration - (6 + delta)) < 1e-9);
  t.like(scene.narration.steps[0], { start: 0, duration: 3 + BEAT_S });
  t.true(Math.abs(scene.narration.steps[1]!.start - (2 + delta)) < 1e-9, 'the next step starts after the pause');
  t.like(scene.timeline[0], { type: 'appear', at: 0.5 }, 'what ends before the pause stays');
  t.like(scene.timeline[1], { type: 'tween', start: 1, duration: 3 + delta }, 'an animation across the pause is stretched to end as late');
  t.like(scene.timeline[2], { type: 'set', at: 4 + delta });
  t.true(Math.abs(scene.meta.posterTime! - (5 + delta)) < 1e-9);
  t.is(paceForSpeech(scene, [3, 1]).addedS, 0, 'pacing a paced scene adds nothing');
  t.is(paceForSpeech(handMade(), [1, 1]).addedS, 0, 'speech that fits changes nothing');
});

/** Where sound starts after silence (silencedetect's silence_end), before `end`; 0 when it is not silent from the start. */
async function speechStarts(file: string, end: number): Promise<number[]> {
  const { stderr } = await run('ffmpeg', ['-hide_banner', '-nostdin', '-i', file, '-map', '0:a', '-af', 'silencedetect=noise=-35dB:d=0.15', '-f', 'null', '-']);
  const ends = [...stderr.matchAll(/silence_end: ([\d.]+)/g)].map((m) => Number(m[1])).filter((s) => s < end - 0.05);
  const firstSilence = /silence_start: (-?[\d.]+)/.exec(stderr);
  return firstSilence && Number(firstSilence[1]) < 0.02 ? ends : [0, ...ends];
}

/** Each step's window holds a heard onset at (or within 50 ms of) its start. */
function checkOnsets(t: ExecutionContext, scene: Scene, starts: number[], label: string): void {
  for (const [i, step] of scene.narration.steps.entries()) {
    const onset = starts.find((s) => s >= step.start - 0.05 && s < step.start + step.duration);
    t.true(onset !== undefined && onset <= step.start + 0.1, `${label}: step ${i + 1} (${step.start.toFixed(2)}–${(step.start + step.duration).toFixed(2)} s) speech heard at ${onset ?? 'none'}: "${step.text}"`);
  }
}

// One or two per domain; bubble sort is the one whose steps were cut before.
const EXAMPLES = [
  'Demonstrate bubble sort on 5 3 8 1',
  'Tower of Hanoi with 3 disks',
  'Graph x^2 - 4 from -3 to 3',
  'A ball dropped from 20 meters',
  'Balance H2 + O2 -> H2O',
  'Our incident response process: detect, triage, contain, recover',
];
const SMALL = { width: 320, height: 180, fps: 10, voice: VOICE };

test('catalogue scenes paced for the voice: every step spoken in full at the normal rate, and heard starting in its window', async (t) => {
  const dir = tempDir();
  for (const text of EXAMPLES) {
    const composed = sceneFromDescription(text, SMALL).scene;
    const scene = await paceForVoice(composed, ESPEAK);
    t.true(scene.duration >= composed.duration, `${text}: pacing only lengthens`);
    const speech = await speechLengths({ espeakPath: ESPEAK, voice: VOICE, texts: scene.narration.steps.map((s) => s.text) });
    scene.narration.steps.forEach((step, i) => t.true(step.duration >= speech[i]! + BEAT_S - 1e-6, `${text}: step ${i + 1} lasts ${step.duration.toFixed(2)} s for ${speech[i]!.toFixed(2)} s of speech`));
    const track = await voiceOver({ espeakPath: ESPEAK, voice: VOICE, steps: scene.narration.steps, durationS: frameCount(scene) / scene.fps });
    t.deepEqual(track.warnings, [], `${text}: nothing sped past fitting or cut`);
    t.true(
      track.speech.every((s) => s.wpm === NORMAL_WPM && s.cut === 0),
      `${text}: every step at ${NORMAL_WPM} words a minute, none cut`,
    );
    const wav = join(dir, 'track.wav');
    writeFileSync(wav, track.wav);
    checkOnsets(t, scene, await speechStarts(wav, scene.duration), text);
  }
});

const renderer = testRenderer();
test.after.always(() => renderer.close());

test.serial('rendered with a voice, the MP4 has an AAC track whose speech starts within each step (bubble sort, the process flow)', async (t) => {
  const dir = tempDir();
  for (const [k, text] of [EXAMPLES[0]!, EXAMPLES[5]!].entries()) {
    // 5 frames a second at 320 x 180: the audio is what is checked, and the frames cost the shared CPUs.
    const scene = await paceForVoice(sceneFromDescription(text, { ...SMALL, fps: 5 }).scene, ESPEAK);
    const summary = await renderer.render(scene, { outputs: { video: join(dir, `voiced${k}.mp4`) } });
    t.deepEqual(summary.voice, { name: VOICE, warnings: [] }, `${text}: no step cut or sped past fitting`);
    const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name', '-of', 'json', summary.file]);
    const streams = (JSON.parse(stdout) as { streams: { codec_type: string; codec_name: string }[] }).streams;
    t.deepEqual(
      streams.map((s) => [s.codec_type, s.codec_name]),
      [
        ['video', 'h264'],
        ['audio', 'aac'],
      ],
    );
    checkOnsets(t, scene, await speechStarts(summary.file, scene.duration), `${text} (MP4)`);
  }
});
