// Brings a stored scene spec of any published version up to the current one, one step at a time,
// before it is validated: saved animations are re-rendered years later, and the spec moves on.
// Scenes are migrated on read and never rewritten where they are stored.
import { MIGRATIONS } from './migrations/index.ts';
import type { SceneJson } from './migrations/step.ts';
import { SCENE_VERSION } from './schema.ts';

/** The spec's version is one this DevForge cannot read: missing, malformed, unknown or newer. */
export class SceneVersionError extends Error {
  override name = 'SceneVersionError';
}

const OLDEST_VERSION = SCENE_VERSION - MIGRATIONS.length;

function versionOf(scene: SceneJson): number {
  const v = scene.version;
  const known = `this DevForge reads versions ${OLDEST_VERSION} to ${SCENE_VERSION}`;
  if (v === undefined) throw new SceneVersionError(`version is missing: a scene spec says which version it is (${known}; new specs use ${SCENE_VERSION})`);
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new SceneVersionError(`version must be a whole number, got ${JSON.stringify(v)} (${known})`);
  if (v > SCENE_VERSION) throw new SceneVersionError(`scene spec version ${v} is newer than this DevForge (${SCENE_VERSION}): upgrade DevForge`);
  if (v < OLDEST_VERSION) throw new SceneVersionError(`scene spec version ${v} was never published (${known})`);
  return v;
}

/**
 * The scene spec at SCENE_VERSION: `input` itself when it is already current (or not an object, for
 * validation to reject), else a migrated copy; `input` is never modified. Throws SceneVersionError.
 */
export function migrateScene(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  let scene = input as SceneJson;
  for (let v = versionOf(scene); v < SCENE_VERSION; v++) {
    const step = MIGRATIONS[v - OLDEST_VERSION]!;
    if (step.from !== v) throw new Error(`migration chain is out of order: step ${v - OLDEST_VERSION} reads version ${step.from}, not ${v}`);
    scene = step.up(scene);
  }
  return scene;
}
