// What one migration step is: a pure function from a stored scene spec of version `from` to the same
// animation at version `from + 1`. Steps see raw JSON (not yet validated): they move what they know
// and leave anything else alone, so validation after the last step still names every problem.

/** A scene spec as JSON, at whatever version it was saved. */
export type SceneJson = Record<string, unknown>;

export interface MigrationStep {
  /** The version this step reads; it writes from + 1. */
  from: number;
  /** What changed between the two versions, in a sentence (shown in the docs and the step's tests). */
  summary: string;
  /** Must not modify `scene`: return a new object. */
  up(scene: SceneJson): SceneJson;
}
