// Validates a scene spec: migrated to the current version first, then its shape (zod), then the
// cross-references the shape cannot express. An invalid spec is rejected whole with every problem
// named by its path; nothing is half-rendered.
import type { z } from 'zod';
import { migrateScene, SceneVersionError } from './migrate.ts';
import { ANIMATABLE, CAMERA_ANIMATABLE, CAMERA_ID, type PropertyKind } from './properties.ts';
import { sceneSchema, type Scene, type SceneObject } from './schema.ts';

export interface SceneProblem {
  path: string;
  message: string;
}

export class SceneValidationError extends Error {
  readonly problems: SceneProblem[];
  constructor(problems: SceneProblem[], source?: string) {
    const where = source ? ` in ${source}` : '';
    const list = problems.map((p) => `  ${p.path || '(root)'}: ${p.message}`).join('\n');
    super(`invalid scene spec${where}:\n${list}`);
    this.name = 'SceneValidationError';
    this.problems = problems;
  }
}

/** `timeline[3].easing` from zod's ['timeline', 3, 'easing']. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += (out ? '.' : '') + String(part);
  }
  return out;
}

function zodProblems(error: z.ZodError): SceneProblem[] {
  return error.issues.map((issue) => {
    // A discriminated union reports an unknown `type` at the object itself: say which types exist.
    return { path: formatPath(issue.path), message: issue.message };
  });
}

function valueMatches(kind: PropertyKind, value: unknown): boolean {
  switch (kind) {
    case 'number':
      return typeof value === 'number';
    case 'color':
      return typeof value === 'string' && /^(#[0-9a-fA-F]{3,8}|\$[a-z]+)$/.test(value);
    case 'points':
      return Array.isArray(value) && value.every((p) => Array.isArray(p) && p.length === 2);
    case 'text':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
  }
}

function crossReferenceProblems(scene: Scene): SceneProblem[] {
  const problems: SceneProblem[] = [];
  const byId = new Map<string, SceneObject>();
  scene.objects.forEach((obj, i) => {
    if (obj.id === CAMERA_ID) problems.push({ path: `objects[${i}].id`, message: `"${CAMERA_ID}" is reserved for the camera` });
    else if (byId.has(obj.id)) problems.push({ path: `objects[${i}].id`, message: `duplicate id "${obj.id}"` });
    else byId.set(obj.id, obj);
  });

  scene.objects.forEach((obj, i) => {
    if (obj.parent !== undefined) {
      const parent = byId.get(obj.parent);
      if (!parent) problems.push({ path: `objects[${i}].parent`, message: `no object with id "${obj.parent}"` });
      else if (parent.type !== 'group') problems.push({ path: `objects[${i}].parent`, message: `"${obj.parent}" is a ${parent.type}, not a group` });
    }
    if (obj.type === 'edge') {
      for (const end of ['from', 'to'] as const) {
        const n = byId.get(obj[end]);
        if (!n || n.type !== 'node') problems.push({ path: `objects[${i}].${end}`, message: `no node with id "${obj[end]}"` });
      }
    }
    if (obj.type === 'plot') {
      const a = byId.get(obj.axes);
      if (!a || a.type !== 'axes') problems.push({ path: `objects[${i}].axes`, message: `no axes with id "${obj.axes}"` });
    }
    if (obj.type === 'axes') {
      if (obj.xRange[0] >= obj.xRange[1]) problems.push({ path: `objects[${i}].xRange`, message: 'min must be below max' });
      if (obj.yRange[0] >= obj.yRange[1]) problems.push({ path: `objects[${i}].yRange`, message: 'min must be below max' });
    }
    if (obj.type === 'mesh' && (obj.from === undefined) !== (obj.to === undefined)) {
      problems.push({ path: `objects[${i}]`, message: 'give both "from" and "to", or neither' });
    }
  });
  problems.push(...parentCycleProblems(scene.objects, byId));

  scene.timeline.forEach((entry, i) => {
    const at = `timeline[${i}]`;
    const isCamera = entry.target === CAMERA_ID;
    const obj = byId.get(entry.target);
    if (!isCamera && !obj) {
      problems.push({ path: `${at}.target`, message: `no object with id "${entry.target}"` });
      return;
    }
    const props = isCamera ? CAMERA_ANIMATABLE[scene.camera.type] : ANIMATABLE[obj!.type];
    const what = isCamera ? `the ${scene.camera.type} camera` : `${obj!.type} "${obj!.id}"`;
    if (entry.type === 'tween' || entry.type === 'set') {
      const kind = props[entry.property];
      if (!kind) {
        problems.push({
          path: `${at}.property`,
          message: `${what} has no animatable property "${entry.property}" (it has: ${Object.keys(props).join(', ')})`,
        });
        return;
      }
      const values = entry.type === 'tween' ? [entry.to, entry.from] : [entry.value];
      for (const v of values) {
        if (v !== undefined && !valueMatches(kind, v)) {
          problems.push({ path: `${at}.${entry.type === 'tween' ? 'to' : 'value'}`, message: `"${entry.property}" takes a ${kind}, got ${JSON.stringify(v)}` });
        }
      }
      if (entry.type === 'tween' && kind === 'text') problems.push({ path: `${at}.type`, message: `text can't be tweened; use a "set" entry` });
    } else if (isCamera) {
      problems.push({ path: `${at}.type`, message: `the camera only takes "tween" and "set" entries` });
    } else if (entry.type === 'morph' && !('points' in ANIMATABLE[obj!.type])) {
      problems.push({ path: `${at}.type`, message: `${what} has no points to morph` });
    }
    const start = 'start' in entry ? entry.start : entry.at;
    if (start > scene.duration) {
      problems.push({ path: `${at}`, message: `starts at ${start}s, after the scene ends (${scene.duration}s)` });
    }
  });

  problems.push(...narrationProblems(scene, byId));
  if (scene.voice?.name === 'off') problems.push({ path: 'voice.name', message: '"off" is not a voice: leave "voice" out for no voice-over' });
  return problems;
}

function narrationProblems(scene: Scene, byId: Map<string, SceneObject>): SceneProblem[] {
  const problems: SceneProblem[] = [];
  const stepIds = new Set<string>();
  scene.narration.steps.forEach((step, i) => {
    const at = `narration.steps[${i}]`;
    if (step.start >= scene.duration) problems.push({ path: `${at}.start`, message: `starts at ${step.start}s, at or after the scene ends (${scene.duration}s)` });
    if (step.id !== undefined) {
      if (stepIds.has(step.id)) problems.push({ path: `${at}.id`, message: `duplicate step id "${step.id}"` });
      stepIds.add(step.id);
    }
    step.refs.forEach((ref, j) => {
      if (!byId.has(ref)) problems.push({ path: `${at}.refs[${j}]`, message: `no object with id "${ref}" (refs name the objects the step talks about)` });
    });
    step.terms?.forEach((term, j) => {
      if (!byId.has(term.ref)) problems.push({ path: `${at}.terms[${j}].ref`, message: `no object with id "${term.ref}" (a term is coloured like the object it names)` });
      if (!step.text.includes(term.text)) problems.push({ path: `${at}.terms[${j}].text`, message: `"${term.text}" is not in the step's text; a term must be words of the text, as written` });
    });
    const e = step.emphasis;
    if (e?.start !== undefined && (e.start < step.start - 1e-6 || e.start + (e.duration ?? 0) > step.start + step.duration + 1e-6)) {
      problems.push({ path: `${at}.emphasis`, message: `the highlight (${e.start}s for ${e.duration ?? 0}s) must lie within its step (${step.start}s for ${step.duration}s)` });
    }
  });
  return problems;
}

function parentCycleProblems(objects: SceneObject[], byId: Map<string, SceneObject>): SceneProblem[] {
  const problems: SceneProblem[] = [];
  objects.forEach((obj, i) => {
    const seen = new Set<string>([obj.id]);
    let cur = obj.parent ? byId.get(obj.parent) : undefined;
    while (cur) {
      if (seen.has(cur.id)) {
        problems.push({ path: `objects[${i}].parent`, message: `parent chain loops back to "${cur.id}"` });
        break;
      }
      seen.add(cur.id);
      cur = cur.parent ? byId.get(cur.parent) : undefined;
    }
  });
  return problems;
}

/** Returns the scene at the current version with defaults filled in, or throws SceneValidationError listing every problem. */
export function parseScene(input: unknown, source?: string): Scene {
  let current: unknown;
  try {
    current = migrateScene(input);
  } catch (err) {
    if (err instanceof SceneVersionError) throw new SceneValidationError([{ path: 'version', message: err.message }], source);
    throw err;
  }
  const result = sceneSchema.safeParse(current);
  if (!result.success) throw new SceneValidationError(zodProblems(result.error), source);
  const problems = crossReferenceProblems(result.data);
  if (problems.length) throw new SceneValidationError(problems, source);
  return result.data;
}
