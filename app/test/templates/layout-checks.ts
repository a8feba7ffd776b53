// The layout rules one composed scene must keep, in words: every object inside the title-safe area at every sampled
// moment, and no two text labels overlapping while both are shown and at rest. Shared by the catalogue-wide layout
// test and the templates' own tests of their hardest inputs.
import type { Scene } from '../../src/scene/schema.ts';
import { CompiledTimeline } from '../../src/scene/timeline.ts';
import { SceneBounds, type Box } from '../../src/templates/emphasis/bounds.ts';
import { safeBox } from '../../src/templates/layout/content-area.ts';
import { isFlat } from '../../src/templates/layout/layout-pass.ts';
import { sampleTimes } from '../../src/templates/layout/sample-times.ts';
import { VISIBLE } from '../../src/templates/layout/subject.ts';

/** Estimates are to a few hundredths of a unit; a label reaching 0.03 units (2 px at 720 p) past is not a failure. */
const TOLERANCE = 0.03;
function outside(b: Box, safe: Box): boolean {
  return b.x0 < safe.x0 - TOLERANCE || b.x1 > safe.x1 + TOLERANCE || b.y0 < safe.y0 - TOLERANCE || b.y1 > safe.y1 + TOLERANCE;
}

function overlap(a: Box, b: Box): number {
  return Math.min(Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0), Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
}

/** What breaks the layout rules in one composed scene, in words. */
export function layoutProblems(scene: Scene): string[] {
  if (!isFlat(scene)) return [];
  const bounds = new SceneBounds(scene, new CompiledTimeline(scene));
  const times = sampleTimes(scene);
  const safe = safeBox(scene.width / scene.height);
  // One problem per object or pair, at the first moment it shows.
  const problems = new Map<string, string>();
  const texts = scene.objects.filter((o) => o.type === 'text').map((o) => o.id);
  for (const t of times) {
    const seen = scene.objects.filter((o) => o.type !== 'group' && bounds.opacity(o.id, t) > VISIBLE);
    for (const o of seen) {
      const b = bounds.box(o.id, t);
      if (b && outside(b, safe) && !problems.has(o.id)) problems.set(o.id, `${o.id} reaches past the title-safe area at t = ${t.toFixed(2)} s`);
    }
    // Labels in motion (a disk carried over the pegs, tiles changing places) may pass each other; at rest they may not.
    const shown = texts.filter((id) => bounds.opacity(id, t) > VISIBLE && !bounds.moves(id, t - 1e-3, t + 1e-3)).map((id) => ({ id, box: bounds.box(id, t) }));
    for (let i = 0; i < shown.length; i++)
      for (let j = i + 1; j < shown.length; j++) {
        const [a, b] = [shown[i]!, shown[j]!];
        if (a.box && b.box && overlap(a.box, b.box) > TOLERANCE && !problems.has(`${a.id}|${b.id}`)) problems.set(`${a.id}|${b.id}`, `labels ${a.id} and ${b.id} overlap at t = ${t.toFixed(2)} s`);
      }
  }
  return [...problems.values()];
}
