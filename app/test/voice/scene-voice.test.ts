// The scene spec's optional voice field: absent in stored scenes, a name's form checked, "off" refused with the fix.
import test from 'ava';
import { parseScene, SceneValidationError } from '../../src/scene/validate.ts';

const base = { version: 2, width: 320, height: 180, fps: 10, duration: 2, objects: [] };

test('a v2 scene without a voice stays valid and has none', (t) => {
  t.is(parseScene(base).voice, undefined);
});

test('a voice is kept by name', (t) => {
  t.deepEqual(parseScene({ ...base, voice: { name: 'en-gb-x-rp' } }).voice, { name: 'en-gb-x-rp' });
});

test('a malformed voice, or "off" as a voice, is refused saying what to do', (t) => {
  const bad = t.throws(() => parseScene({ ...base, voice: { name: 'en us; rm -rf' } }), { instanceOf: SceneValidationError });
  t.regex(bad.message, /voice\.name.*devforge voices lists them/);
  const off = t.throws(() => parseScene({ ...base, voice: { name: 'off' } }), { instanceOf: SceneValidationError });
  t.regex(off.message, /voice\.name.*leave "voice" out for no voice-over/);
  t.throws(() => parseScene({ ...base, voice: { name: 'en-us', speed: 2 } }), { instanceOf: SceneValidationError });
});
