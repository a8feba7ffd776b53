// The layout pass over the whole catalogue: for every template's example, composed as the pipeline composes it, every
// object lies inside the title-safe area at every sampled moment, the subject fills the content area, and no two text
// labels overlap while both are shown and at rest. The same at 4:3 and 1:1 for the safe area and the labels.
import test from 'ava';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { SCENE_VERSION, sceneSchema, type Scene } from '../../src/scene/schema.ts';
import { CompiledTimeline } from '../../src/scene/timeline.ts';
import { SceneBounds, type Box } from '../../src/templates/emphasis/bounds.ts';
import { contentArea } from '../../src/templates/layout/content-area.ts';
import { SUBJECT_GROUP } from '../../src/templates/layout/fill.ts';
import { isFlat, layoutPass } from '../../src/templates/layout/layout-pass.ts';
import { sampleTimes } from '../../src/templates/layout/sample-times.ts';
import { extentOfAll as extentOfAllIds, extentOver, splitSubject } from '../../src/templates/layout/subject.ts';
import { TEMPLATES } from '../../src/templates/registry.ts';
import { layoutProblems } from './layout-checks.ts';

const ASPECTS = [
  { name: '16:9', width: 1280, height: 720 },
  { name: '4:3', width: 960, height: 720 },
  { name: '1:1', width: 720, height: 720 },
];
/**
 * The least share of the content area's width or height the subject spans (the binding one): a uniform scale can
 * fill only one direction unless the subject has the content area's own shape, so the fill is judged on the
 * direction it fills. 0.9 allows for subjects whose size the text-size floor or MAX_FILL_SCALE kept.
 */
const MIN_FILL = 0.9;

function composed(example: string, size: { width: number; height: number }): Scene {
  return sceneFromDescription(example, { ...size, fps: 30 }).scene;
}

for (const aspect of ASPECTS) {
  test(`every catalogue example at ${aspect.name}: inside the title-safe area, no two labels overlapping`, (t) => {
    const failures: string[] = [];
    for (const template of TEMPLATES) for (const p of layoutProblems(composed(template.example, aspect))) failures.push(`${template.id}: ${p}`);
    t.deepEqual(failures, []);
  });
}

test('every flat catalogue example: the subject spans at least 90% of the content area in the direction it fills', (t) => {
  const failures: string[] = [];
  const fills: number[] = [];
  for (const template of TEMPLATES) {
    const scene = composed(template.example, ASPECTS[0]!);
    if (!isFlat(scene)) continue;
    const bounds = new SceneBounds(scene, new CompiledTimeline(scene));
    const times = sampleTimes(scene);
    const group = scene.objects.find((o) => o.id === SUBJECT_GROUP);
    const subject = group ? [SUBJECT_GROUP] : splitSubject(scene).subject;
    const boxes = subject.map((id) => extentOver(bounds, id, times)).filter((b): b is Box => !!b);
    if (!boxes.length) continue;
    const extent = { x0: Math.min(...boxes.map((b) => b.x0)), y0: Math.min(...boxes.map((b) => b.y0)), x1: Math.max(...boxes.map((b) => b.x1)), y1: Math.max(...boxes.map((b) => b.y1)) };
    // The chrome is what the pass left out of the group (the title band moved down may sit below isChrome's line).
    const chrome = (group ? scene.objects.filter((o) => !o.parent && o.id !== SUBJECT_GROUP && o.type !== 'mesh').map((o) => o.id) : splitSubject(scene).chrome)
      .filter((id) => !id.startsWith('legend.') && !id.startsWith('emph.'))
      .map((id) => extentOver(bounds, id, times))
      .filter((b): b is Box => !!b);
    // The pass keeps a column for the legend when the template has one (the emphasis pass draws it in a free corner).
    const legend = extentOfAllIds(
      bounds,
      scene.objects.filter((o) => o.id.startsWith('legend.')).map((o) => o.id),
      times,
    );
    const area = contentArea(scene, chrome, legend ? legend.x1 - legend.x0 : 0);
    const fill = Math.max((extent.x1 - extent.x0) / (area.x1 - area.x0), (extent.y1 - extent.y0) / (area.y1 - area.y0));
    fills.push(fill);
    if (fill < MIN_FILL) failures.push(`${template.id}: spans ${(fill * 100).toFixed(0)}% of the content area`);
  }
  t.log(`fill (binding direction): least ${(Math.min(...fills) * 100).toFixed(0)}%, median ${(fills.sort((a, b) => a - b)[fills.length >> 1]! * 100).toFixed(0)}% over ${fills.length} scenes`);
  t.deepEqual(failures, []);
});

test('the layout pass leaves 3D scenes and invalid scenes as they are', (t) => {
  const dna = composed(TEMPLATES.find((x) => x.id === 'biology.dna')!.example, ASPECTS[0]!);
  t.false(isFlat(dna));
  t.is(layoutPass(dna), dna);
  const invalid = { version: 1, width: 1280, height: 720, objects: [{ id: 'a', type: 'circle' }] } as never;
  t.is(layoutPass(invalid), invalid);
});

test('a lone small shape is scaled up uniformly and centred in the content area', (t) => {
  const input = sceneSchema.parse({
    version: SCENE_VERSION,
    width: 1280,
    height: 720,
    fps: 30,
    duration: 2,
    objects: [
      { id: 'title', type: 'text', text: 'A square', x: 0, y: 3.85, size: 0.6 },
      { id: 'sq', type: 'rect', x: 3, y: -1, width: 2, height: 1 },
    ],
  });
  const out = sceneSchema.parse(layoutPass(input));
  const group = out.objects.find((o) => o.id === SUBJECT_GROUP);
  t.truthy(group);
  t.is(out.objects.find((o) => o.id === 'sq')?.parent, SUBJECT_GROUP);
  t.is(out.objects.find((o) => o.id === 'title')?.parent, undefined);
  const box = new SceneBounds(out, new CompiledTimeline(out)).box('sq', 0)!;
  // Twice as wide as high still: one scale for both axes.
  t.true(Math.abs((box.x1 - box.x0) / (box.y1 - box.y0) - 2) < 1e-9);
  t.true(Math.abs((box.x0 + box.x1) / 2) < 1e-9, 'centred across');
  t.true(box.x1 - box.x0 > 4, 'enlarged');
});
