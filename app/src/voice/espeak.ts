// espeak-ng, the offline text-to-speech engine: finding it, listing its voices and speaking one text to PCM.
// It is spawned with the text on stdin (never as an argument, so text starting with "-" is not an option) and
// the WAV on stdout.
import { execFile, spawn } from 'node:child_process';
import { findBinary } from '../util/find-binary.ts';
import { speakable } from './speakable.ts';
import { parseWav, trimSilence, type Pcm } from './wav.ts';

export class VoiceError extends Error {
  override name = 'VoiceError';
}

/** How long one utterance may take to synthesise (a step's text is at most 500 characters: well under a second). */
const SPEAK_TIMEOUT_MS = 30_000;

/** The espeak-ng binary, or an error that says which package to install and which key to set. */
export function requireEspeak(configured: string): string {
  const found = findBinary(configured);
  if (found) return found;
  throw new VoiceError(`espeak-ng not found (looked for "${configured}"): install it with "apt-get install espeak-ng", or set voice.espeakPath (DEVFORGE_ESPEAK_PATH) to its path`);
}

export interface VoiceInfo {
  /** What a scene, the API and --voice name it by: espeak-ng's language code ("en-us", "en-gb-x-rp"). */
  name: string;
  /** espeak-ng's own name for it ("English (America)"). */
  description: string;
  gender: string;
}

/**
 * The voices in `espeak-ng --voices` output (columns: Pty Language Age/Gender VoiceName File Other-languages),
 * one per language code. MBROLA voices (files under mb/) are left out: they need the separate mbrola program and
 * voice data, and fail without them.
 */
export function parseVoiceList(text: string): VoiceInfo[] {
  const voices = new Map<string, VoiceInfo>();
  for (const line of text.split('\n')) {
    const m = /^\s*\d+\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)/.exec(line);
    if (!m) continue;
    const [, name, ageGender, voiceName, file] = m as unknown as [string, string, string, string, string];
    if (file.startsWith('mb/') || voices.has(name)) continue;
    const gender = ageGender.split('/')[1] ?? '';
    voices.set(name, { name, description: voiceName.replace(/_/g, ' '), gender: gender === 'M' ? 'male' : gender === 'F' ? 'female' : '' });
  }
  return [...voices.values()];
}

const voiceLists = new Map<string, Promise<VoiceInfo[]>>();

/** The voices espeak-ng has here. Asked once per binary and kept: the installed voices do not change while we run. */
export function listVoices(binary: string): Promise<VoiceInfo[]> {
  let list = voiceLists.get(binary);
  if (!list) {
    list = new Promise<VoiceInfo[]>((resolve, reject) => {
      execFile(binary, ['--voices'], { timeout: SPEAK_TIMEOUT_MS, encoding: 'utf8' }, (err, stdout, stderr) => {
        if (err) reject(new VoiceError(`"${binary} --voices" failed: ${(stderr || err.message).trim()}`));
        else resolve(parseVoiceList(stdout));
      });
    });
    // A failure is not kept: the next call tries again.
    list.catch(() => voiceLists.delete(binary));
    voiceLists.set(binary, list);
  }
  return list;
}

/** The voice named `name`, or an error listing the voices there are. */
export async function requireVoice(binary: string, name: string): Promise<VoiceInfo> {
  const voices = await listVoices(binary);
  const voice = voices.find((v) => v.name === name);
  if (!voice)
    throw new UnknownVoiceError(
      name,
      voices.map((v) => v.name),
    );
  return voice;
}

export class UnknownVoiceError extends VoiceError {
  override name = 'UnknownVoiceError';
  readonly voice: string;
  readonly available: string[];
  constructor(voice: string, available: string[]) {
    super(`unknown voice ${JSON.stringify(voice)}: use "off" or one of ${available.join(', ')} (devforge voices lists them)`);
    this.voice = voice;
    this.available = available;
  }
}

export interface SpeakOptions {
  voice: string;
  /** Words a minute. */
  wpm: number;
}

/** Speaks `text` (its notation in words: speakable.ts) and returns the speech, with the silence espeak-ng puts before and after it cut off. */
export function speak(binary: string, text: string, opts: SpeakOptions): Promise<Pcm> {
  return new Promise((resolve, reject) => {
    // --stdin reads the text from standard input; one line, since espeak-ng pauses at each line break.
    const child = spawn(binary, ['-v', opts.voice, '-s', String(Math.round(opts.wpm)), '--stdin', '--stdout'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), SPEAK_TIMEOUT_MS);
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString('utf8')).slice(-2000)));
    child.stdin.on('error', () => {});
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new VoiceError(`could not run ${binary}: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new VoiceError(`espeak-ng failed speaking with voice "${opts.voice}" (${signal ? `killed by ${signal}` : `exit ${code}`}): ${err.trim() || 'no message'}`));
      try {
        resolve(trimSilence(parseWav(Buffer.concat(out))));
      } catch (e) {
        reject(new VoiceError(`espeak-ng wrote no usable WAV: ${(e as Error).message}`));
      }
    });
    child.stdin.end(speakable(text).replace(/\s+/g, ' ').trim() + '\n');
  });
}
