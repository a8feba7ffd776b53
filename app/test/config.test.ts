import test from 'ava';
import { ConfigError, describeConfig, loadConfig } from '../src/config/load.ts';

test('defaults load and validate', (t) => {
  const config = loadConfig({ env: {} });
  t.is(config.render.defaultResolution, '1080p');
  t.is(config.ffmpeg.path, 'ffmpeg');
});

test('every problem is listed, by key', (t) => {
  const err = t.throws(() => loadConfig({ env: { DEVFORGE_DEFAULT_FPS: '25', DEVFORGE_X264_PRESET: 'bogus' } }), { instanceOf: ConfigError });
  t.is(err!.problems.length, 2);
  t.true(err!.problems.some((p) => p.startsWith('render.defaultFps:')));
  t.true(err!.problems.some((p) => p.startsWith('ffmpeg.x264Preset:')));
});

test('unknown keys in a config file are refused (strict)', (t) => {
  const err = t.throws(() => loadConfig({ env: {}, overrides: { render: { bogusKey: 1 } } }), { instanceOf: ConfigError });
  t.regex(err!.message, /render\.bogusKey/);
});

test('every key is documented', (t) => {
  const keys = describeConfig();
  t.true(keys.length > 10);
  for (const k of keys) t.true(k.doc.length > 10, k.key);
});

test('printing the configuration redacts secrets', async (t) => {
  const { redactedConfig } = await import('../src/config/load.ts');
  const config = loadConfig({ env: { DEVFORGE_DATABASE_URL: 'postgres://devforge:hunter2@db:5432/devforge' } });
  const printed = JSON.stringify(redactedConfig(config));
  t.false(printed.includes('hunter2'));
  t.true(printed.includes('[redacted]'));
});
