// The scene spec's migration chain: stored scenes of every published version read as the current one.
import test from 'ava';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { migrateScene, SceneVersionError } from '../../src/scene/migrate.ts';
import { MIGRATIONS } from '../../src/scene/migrations/index.ts';
import { SCENE_VERSION } from '../../src/scene/schema.ts';
import { parseScene, SceneValidationError } from '../../src/scene/validate.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/scenes/', import.meta.url));

/** Every stored fixture: [version folder, file name, parsed JSON]. */
function fixtures(): [string, string, Record<string, unknown>][] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^v\d+$/.test(d.name))
    .flatMap((d) =>
      readdirSync(FIXTURES + d.name)
        .filter((f) => f.endsWith('.json'))
        .map((f): [string, string, Record<string, unknown>] => [d.name, f, JSON.parse(readFileSync(`${FIXTURES}${d.name}/${f}`, 'utf8'))]),
    );
}

const v1 = () => ({
  version: 1,
  width: 640,
  height: 360,
  fps: 30,
  duration: 4,
  objects: [{ id: 'a', type: 'rect', width: 2, height: 1 }],
  meta: {
    template: 'test',
    captions: [
      { start: 0, end: 1.5, text: 'First' },
      { start: 1.5, end: 4, text: 'Second' },
    ],
  },
});

test('the chain has one step per version, each reading the version before the next', (t) => {
  t.is(MIGRATIONS.length, SCENE_VERSION - 1);
  MIGRATIONS.forEach((step, i) => {
    t.is(step.from, i + 1);
    t.true(step.summary.length > 10);
  });
});

test('a version 1 scene migrates to the current version: captions become narration steps', (t) => {
  const input = v1();
  const frozen = structuredClone(input);
  const scene = parseScene(input);
  t.is(scene.version, SCENE_VERSION);
  t.deepEqual(
    scene.narration.steps.map((s) => [s.start, s.duration, s.text, s.refs]),
    [
      [0, 1.5, 'First', []],
      [1.5, 2.5, 'Second', []],
    ],
  );
  t.false('captions' in scene.meta, 'meta.captions is gone');
  t.is(scene.meta.template, 'test');
  // Re-rendering a saved animation does not change its pixels: v1 showed captions beside the video only.
  t.is(scene.captions.mode, 'sidecar');
  t.deepEqual(input, frozen, 'the stored scene is not modified');
});

test('version 1 captions that start after the end are dropped (they never showed); a scene without meta migrates', (t) => {
  const input = v1();
  input.meta.captions.push({ start: 4, end: 5, text: 'Never shown' });
  t.deepEqual(
    parseScene(input).narration.steps.map((s) => s.text),
    ['First', 'Second'],
  );
  const { meta: _meta, ...bare } = v1();
  const scene = parseScene(bare);
  t.deepEqual(scene.narration.steps, []);
  t.deepEqual(scene.meta, {});
});

test('a malformed version 1 caption is named by its new path', (t) => {
  const input = v1();
  (input.meta.captions[0] as Record<string, unknown>).text = '';
  const err = t.throws(() => parseScene(input), { instanceOf: SceneValidationError });
  t.true(
    err!.problems.some((p) => p.path === 'narration.steps[0].text'),
    JSON.stringify(err!.problems),
  );
});

test('a current scene passes through the chain untouched', (t) => {
  const current = { version: SCENE_VERSION, width: 640, height: 360, fps: 30, duration: 2, objects: [], narration: { steps: [{ start: 0, duration: 1, text: 'Hi', refs: [] }] } };
  t.is(migrateScene(current), current);
  const scene = parseScene(current);
  t.is(scene.narration.steps[0]!.text, 'Hi');
  t.is(scene.captions.mode, 'burn_in', 'new scenes burn their captions in by default');
});

test('newer, unpublished and malformed versions are refused with a message that says what to do', (t) => {
  const version = (v: unknown) => {
    const err = t.throws(() => parseScene({ ...v1(), version: v }), { instanceOf: SceneValidationError });
    t.is(err!.problems.length, 1);
    t.is(err!.problems[0]!.path, 'version');
    return err!.problems[0]!.message;
  };
  t.is(version(7), `scene spec version 7 is newer than this DevForge (${SCENE_VERSION}): upgrade DevForge`);
  t.regex(version(0), /version 0 was never published \(this DevForge reads versions 1 to \d+\)/);
  t.regex(version(1.5), /version must be a whole number, got 1\.5/);
  t.regex(version('2'), /version must be a whole number, got "2"/);
  t.throws(() => migrateScene({ objects: [] }), { instanceOf: SceneVersionError, message: /version is missing/ });
  // Not an object at all: left for validation, which says what a scene is.
  t.is(migrateScene(null), null);
  t.throws(() => parseScene([]), { instanceOf: SceneValidationError });
});

test('every stored fixture of every published version migrates and validates', (t) => {
  const all = fixtures();
  t.true(all.filter(([dir]) => dir === 'v1').length >= 8, 'the v1 fixtures are there');
  for (const [dir, file, json] of all) {
    t.is(json.version, Number(dir.slice(1)), `${dir}/${file} is stored at its folder's version`);
    const scene = parseScene(json, `${dir}/${file}`);
    t.is(scene.version, SCENE_VERSION);
    const stored = (json.meta as { captions?: unknown[] } | undefined)?.captions;
    if (stored) t.is(scene.narration.steps.length, stored.length, `${file}: every caption became a step`);
    t.true(scene.narration.steps.length > 0, `${file} has narration`);
  }
});
