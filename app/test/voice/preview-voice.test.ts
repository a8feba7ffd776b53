// devforge preview --voice: the preview page plays the narration track in an <audio> that follows the player's
// clock (playing with it, pausing with it). A real headless Chromium opens it.
import test from 'ava';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, locateChromium } from '../../src/render/chromium.ts';

const BIN = fileURLToPath(new URL('../../bin/devforge.js', import.meta.url));

test('the preview plays the voice-over in step with the player and pauses with it', async (t) => {
  const child = spawn(process.execPath, [BIN, 'preview', 'Demonstrate bubble sort on 5 3 8 1', '--port', '0', '--voice', 'en-us'], { stdio: ['ignore', 'pipe', 'pipe'] });
  t.teardown(() => child.kill());
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  const { url } = JSON.parse(line.toString()) as { url: string };

  // No one clicks in a test: let media play without a gesture (a person's first click does the same).
  const browser = await puppeteer.launch({ executablePath: locateChromium(''), headless: true, args: [...chromiumArgs({ gpu: false, extraArgs: [] }), '--autoplay-policy=no-user-gesture-required'] });
  t.teardown(() => browser.close());
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push((e as Error).message));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('button')?.textContent === 'Pause', { timeout: 60_000, polling: 200 });
  await page.waitForFunction(() => !(document.querySelector('audio') as HTMLAudioElement | null)?.paused, { timeout: 60_000, polling: 200 });
  const state = () =>
    page.evaluate(() => {
      const audio = document.querySelector('audio')!;
      const frame = Number((document.querySelector('input[type=range]') as HTMLInputElement).value);
      return { paused: audio.paused, audioT: audio.currentTime, duration: audio.duration, frame };
    });
  const playing = await state();
  t.false(playing.paused);
  t.true(playing.duration > 5, `the track lasts ${playing.duration}s`);
  // Player at 30 fps: the audio is within a few hundredths of a second of it, a frame or two of polling aside.
  t.true(Math.abs(playing.audioT - playing.frame / 30) < 0.35, `audio at ${playing.audioT}s, player at ${playing.frame / 30}s`);

  await page.click('button');
  await page.waitForFunction(() => document.querySelector('audio')!.paused, { timeout: 10_000, polling: 100 });
  const paused = await state();
  t.true(paused.paused, 'pausing the player pauses the voice');

  // Seeking the player (frame 150 = 5 s) moves the voice with it.
  await page.evaluate(() => {
    const seek = document.querySelector('input[type=range]') as HTMLInputElement;
    seek.value = '150';
    seek.dispatchEvent(new Event('input'));
  });
  await page.waitForFunction(() => Math.abs(document.querySelector('audio')!.currentTime - 5) < 0.05, { timeout: 10_000, polling: 100 });
  t.true((await state()).paused, 'still paused after the seek');
  t.deepEqual(errors, []);
});
