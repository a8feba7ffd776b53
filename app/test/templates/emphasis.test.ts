// The emphasis toolkit across the catalogue: every composed example (and the held-out typical requests) gives
// each narrated step with refs exactly one highlight inside its window on those refs, and a legend for every
// colour that carries meaning; plus the tools themselves on small scenes (surround, flash, dim-the-rest,
// pointer), the role palette, and colour fades in OKLab.
import test from 'ava';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { fromOklab, mixColors, parseHex, toOklab } from '../../src/scene/color.ts';
import { SCENE_VERSION, type Scene, type SceneInput } from '../../src/scene/schema.ts';
import { parseScene } from '../../src/scene/validate.ts';
import { sceneFromComposition } from '../../src/templates/compose.ts';
import { ROLES } from '../../src/templates/emphasis/roles.ts';
import { SceneBounds } from '../../src/templates/emphasis/bounds.ts';
import { composeEmphasis, labelTerms } from '../../src/templates/emphasis/compose-emphasis.ts';
import { readableOn, termColors } from '../../src/scene/term-colors.ts';
import { CompiledTimeline } from '../../src/scene/timeline.ts';
import { colourRuns } from '../../src/player/caption-band.ts';
import { THEMES } from '../../src/scene/themes.ts';
import { TEMPLATES } from '../../src/templates/registry.ts';
import { TimelineBuilder } from '../../src/templates/timeline-builder.ts';
import type { Composition } from '../../src/templates/types.ts';
import { loadRealDescriptions } from '../helpers/real-descriptions.ts';
import { emphasisProblems, legendProblems, roleColoursUsed } from './emphasis-checks.ts';

const SIZE = { width: 1280, height: 720, fps: 30 };
const META = { template: 'test', params: {}, facts: {} };

/** The algorithm templates narrate what they talk about at (nearly) every step. */
const ADOPTED = ['sort.', 'search.', 'graph.', 'ds.', 'recursion.', 'number.'];

test('every catalogue example: each step with refs has one highlight on its refs inside its window; colours that mean something have a legend', (t) => {
  for (const template of TEMPLATES) {
    const { scene } = sceneFromDescription(template.example, SIZE);
    t.deepEqual(emphasisProblems(scene), [], `${template.id}: ${template.example}`);
    t.deepEqual(legendProblems(scene), [], `${template.id}: ${template.example}`);
  }
});

test('the algorithm templates narrate what they show: most steps name their objects, and colour is always explained', (t) => {
  for (const template of TEMPLATES.filter((tpl) => ADOPTED.some((p) => tpl.id.startsWith(p)))) {
    const { scene } = sceneFromDescription(template.example, SIZE);
    const steps = scene.narration.steps;
    const withRefs = steps.filter((s) => s.refs.length > 0).length;
    // The intro and a closing note may name nothing; the steps in between do.
    t.true(withRefs >= steps.length - 3 && withRefs >= steps.length / 2, `${template.id}: ${withRefs} of ${steps.length} steps name their objects`);
    if (roleColoursUsed(scene).size > 0)
      t.true(
        scene.objects.some((o) => o.id.startsWith('legend.')),
        `${template.id} colours by role: it has a legend`,
      );
  }
});

test('review fixes: bubble sort names its three colours, Dijkstra writes settle order as #n in its own colour, binary search gives lo and hi one role', (t) => {
  const labels = (scene: Scene) => scene.objects.filter((o) => o.id.startsWith('legend.') && o.id.endsWith('.label')).map((o) => (o.type === 'text' ? o.text : ''));
  const bubble = sceneFromDescription('Demonstrate bubble sort on 5 3 8 1', SIZE).scene;
  t.deepEqual(labels(bubble), ['compared', 'swapped', 'in place']);
  const dijkstra = sceneFromDescription(TEMPLATES.find((x) => x.id === 'graph.dijkstra')!.example, SIZE).scene;
  const badges = dijkstra.timeline.filter((e) => e.type === 'set' && e.property === 'text' && /^badge\d+$/.test(e.target)).map((e) => (e.type === 'set' ? String(e.value) : ''));
  t.true(badges.length > 0 && badges.every((b) => /^#\d+$/.test(b)), `settle order badges read #n: ${badges.join(' ')}`);
  const badge = dijkstra.objects.find((o) => o.id === 'badge0');
  t.is(badge?.type === 'text' ? badge.color : undefined, ROLES.order.color);
  t.not(ROLES.order.color, ROLES.done.color, 'the settle order is not coloured like distances or settled nodes');
  t.true(labels(dijkstra).includes('settle order'));
  const binary = sceneFromDescription(TEMPLATES.find((x) => x.id === 'search.binary')!.example, SIZE).scene;
  const colour = (id: string) => binary.objects.find((o) => o.id === id)?.type === 'text' && (binary.objects.find((o) => o.id === id) as { color: string }).color;
  t.is(colour('lo'), colour('hi'));
  t.not(colour('mid'), colour('hi'));
});

test('held-out typical requests keep the emphasis rules', (t) => {
  let checked = 0;
  for (const row of loadRealDescriptions().filter((r) => r.template !== null)) {
    let scene: Scene;
    try {
      scene = sceneFromDescription(row.text, SIZE).scene;
    } catch {
      continue; // Refused rows are the analyser tests' business.
    }
    checked++;
    t.deepEqual(emphasisProblems(scene), [], row.text);
    t.deepEqual(legendProblems(scene), [], row.text);
  }
  t.true(checked >= 30);
});

test('a requested duration and other aspects keep each highlight inside its (rescaled) step', (t) => {
  for (const [description, opts] of [
    ['Demonstrate bubble sort on 5 3 8 1', { ...SIZE, duration: 60 }],
    ['Tower of Hanoi with 3 disks', { width: 1080, height: 1920, fps: 30 }],
    ['Dijkstra shortest path from A to E', { width: 960, height: 720, fps: 24 }],
  ] as const) {
    const { scene } = sceneFromDescription(description, opts);
    t.deepEqual(emphasisProblems(scene), [], description);
  }
});

/** A tiny composition: two boxes, a step about the first, with the kind asked. */
function twoBoxes(kind?: 'surround' | 'flash' | 'dim-rest' | 'pointer'): Scene {
  const tl = new TimelineBuilder();
  tl.narrate('Start.', 1);
  tl.wait(1);
  tl.narrate('This box is the one.', 2, ['a'], kind ? { emphasis: kind } : {});
  tl.wait(2);
  tl.narrate('Done.', 1);
  tl.wait(1);
  const duration = tl.finish(tl.t);
  const composition: Composition = {
    objects: [
      { id: 'a', type: 'rect', x: -3, y: 1, width: 1, height: 1, fill: '$primary' },
      { id: 'b', type: 'rect', x: 3, y: 1, width: 1, height: 1, fill: '$primary' },
    ],
    timeline: tl.entries,
    narration: tl.steps,
    duration,
    title: 'two boxes',
  };
  return parseScene(sceneFromComposition(composition, META, { ...SIZE, style: 'mathematical' }));
}

test('each tool draws its highlight on the ref, for the step, and nothing outside it', (t) => {
  for (const kind of ['surround', 'flash', 'dim-rest', 'pointer'] as const) {
    const scene = twoBoxes(kind);
    const step = scene.narration.steps[1]!;
    t.is(step.emphasis?.kind, kind);
    t.deepEqual(emphasisProblems(scene), [], kind);
    t.is(scene.narration.steps[0]!.emphasis, undefined, 'a step without refs gets none');
  }
  const scene = twoBoxes();
  const surround = scene.objects.find((o) => o.id === 'emph.1');
  // Where the ref is drawn, after the layout pass has scaled the subject to fill the frame.
  const ref = new SceneBounds(scene, new CompiledTimeline(scene)).box('a', 0)!;
  const size = ref.x1 - ref.x0;
  t.like(surround, { type: 'rect', x: (ref.x0 + ref.x1) / 2, y: (ref.y0 + ref.y1) / 2 }, 'a surround by default, centred on the ref');
  t.true(surround?.type === 'rect' && surround.width > size && surround.width < size + 0.6, 'fitted with padding');
});

test('dim-the-rest lowers the other objects for the step and restores them; the ref stays lit', async (t) => {
  const scene = twoBoxes('dim-rest');
  const { CompiledTimeline } = await import('../../src/scene/timeline.ts');
  const tl = new CompiledTimeline(scene);
  const step = scene.narration.steps[1]!;
  const mid = step.start + step.duration / 2;
  t.is(tl.valueAt('a', 'opacity', mid), 1);
  t.true((tl.valueAt('b', 'opacity', mid) as number) < 0.5);
  t.is(tl.valueAt('b', 'opacity', step.start + step.duration), 1);
});

test('a surround follows refs that move during the step', (t) => {
  const tl = new TimelineBuilder();
  tl.narrate('The box moves right.', 2, ['a']);
  tl.add({ type: 'move', target: 'a', start: 0.5, duration: 1, to: { x: 4 } });
  tl.wait(2);
  tl.narrate('Done.', 1);
  const duration = tl.finish(tl.t + 1);
  const scene = parseScene(sceneFromComposition({ objects: [{ id: 'a', type: 'rect', x: 0, y: 0, width: 1, height: 1 }], timeline: tl.entries, narration: tl.steps, duration, title: 'moving' }, META, { ...SIZE, style: 'algorithmic' }));
  const xs = scene.timeline.filter((e) => e.type === 'tween' && e.target === 'emph.0' && e.property === 'x').map((e) => (e.type === 'tween' ? (e.to as number) : 0));
  const end = new SceneBounds(scene, new CompiledTimeline(scene)).box('a', 1.5)!;
  t.true(xs.length > 3 && Math.abs(xs.at(-1)! - (end.x0 + end.x1) / 2) < 0.05, `the surround ends where the box does: ${xs.at(-1)}`);
});

test('a pointer to an object down by the caption band becomes a surround; refs far apart get an outline each', (t) => {
  const tl = new TimelineBuilder();
  tl.narrate('The low box.', 2, ['low'], { emphasis: 'pointer' });
  tl.wait(2);
  tl.narrate('Both corners.', 2, ['a', 'b']);
  const duration = tl.finish(tl.t + 2);
  const scene = parseScene(
    sceneFromComposition(
      {
        objects: [
          { id: 'low', type: 'rect', x: 0, y: -3, width: 1, height: 0.5 },
          { id: 'a', type: 'circle', x: -6, y: 3, radius: 0.4 },
          { id: 'b', type: 'circle', x: 6, y: -2, radius: 0.4 },
        ],
        timeline: tl.entries,
        narration: tl.steps,
        duration,
        title: 'placements',
      },
      META,
      { ...SIZE, style: 'algorithmic' },
    ),
  );
  t.is(scene.narration.steps[0]!.emphasis?.kind, 'surround');
  t.deepEqual(
    scene.objects.filter((o) => o.id.startsWith('emph.1')).map((o) => o.id),
    ['emph.1.0', 'emph.1.1'],
  );
  t.deepEqual(emphasisProblems(scene), []);
});

test('a legend names the roles a template declares and uses, in a free corner of the title-safe area', (t) => {
  const tl = new TimelineBuilder();
  tl.narrate('Compare, then place.', 2, ['a']);
  tl.add({ type: 'highlight', target: 'a', at: 0, duration: 1, color: ROLES.compare.color });
  tl.add({ type: 'tween', target: 'a', property: 'fill', to: ROLES.sorted.color, start: 1, duration: 0.3 });
  const duration = tl.finish(tl.t + 2);
  const composition: Composition = {
    // Content fills the top right corner: the legend goes elsewhere.
    objects: [
      { id: 'a', type: 'rect', x: 0, y: 0, width: 1, height: 1, fill: '$primary' },
      { id: 'big', type: 'rect', x: 5.5, y: 3, width: 4, height: 2.5, fill: '$surface' },
    ],
    timeline: tl.entries,
    narration: tl.steps,
    duration,
    title: 'legend',
    legend: [{ role: 'compare' }, { role: 'sorted' }, { role: 'pivot' }],
  };
  // The emphasis pass on its own: the layout pass (which keeps a column free for the legend) would move 'big'.
  const input: SceneInput = { version: SCENE_VERSION, ...SIZE, duration, objects: composition.objects, timeline: composition.timeline, narration: { steps: composition.narration } };
  const scene = parseScene(composeEmphasis(input, composition.legend));
  const labels = scene.objects.filter((o) => o.id.endsWith('.label') && o.id.startsWith('legend.'));
  t.deepEqual(
    labels.map((o) => (o.type === 'text' ? o.text : '')),
    ['compared', 'in place'],
    'a declared role whose colour never shows is left out',
  );
  t.true(
    labels.every((o) => o.x < 0 && o.y > 2.5),
    'top left: the top right is taken',
  );
  t.true(
    labels.every((o) => o.x > -8 + 0.8 - 1e-6),
    'inside the title-safe margin',
  );
  t.deepEqual(legendProblems(scene), []);
});

test('one colour per role: roles that share a colour are never used together in a legend', (t) => {
  for (const template of TEMPLATES) {
    const { scene } = sceneFromDescription(template.example, SIZE);
    const colours = scene.objects.filter((o) => o.id.startsWith('legend.') && o.id.endsWith('.swatch')).map((o) => ('fill' in o && o.fill) || ('color' in o && o.color));
    t.is(new Set(colours).size, colours.length, template.id);
  }
});

test('colour fades interpolate in OKLab: lightness moves evenly (sRGB mixing dips into a muddy dark), ends exact, round trip exact', (t) => {
  for (const [from, to] of [
    ['#ef4444', '#22c55e'],
    ['#38bdf8', '#facc15'],
    ['#2563eb', '#fde68a'],
  ] as const) {
    t.is(mixColors(from, to, 0), from);
    t.is(mixColors(from, to, 1), to);
    const [L0] = toOklab(parseHex(from));
    const [L1] = toOklab(parseHex(to));
    const [Lm] = toOklab(parseHex(mixColors(from, to, 0.5)));
    t.true(Math.abs(Lm - (L0 + L1) / 2) < 0.01, `${from} → ${to}: OKLab midpoint lightness ${Lm.toFixed(3)}, halfway ${((L0 + L1) / 2).toFixed(3)}`);
    const a = parseHex(from);
    const b = parseHex(to);
    const [Ls] = toOklab([0, 1, 2].map((i) => (a[i]! + b[i]!) / 2) as [number, number, number]);
    t.true(Ls < (L0 + L1) / 2 - 0.02, `${from} → ${to}: the sRGB midpoint is darker (${Ls.toFixed(3)}), which is what OKLab avoids`);
  }
  for (const hex of ['#000000', '#ffffff', '#ff0000', '#0f172a', '#22c55e']) {
    const back = fromOklab(toOklab(parseHex(hex)));
    parseHex(hex)
      .slice(0, 3)
      .forEach((c, i) => t.true(Math.abs(c - back[i]!) < 1e-4, hex));
  }
});

test('colour-matched terms: a step names its refs by their labels; each term takes the colour of its object, readable on the band', (t) => {
  const { scene } = sceneFromDescription('Demonstrate bubble sort on 5 3 8 1', SIZE);
  const compare = scene.narration.steps.find((s) => s.text.startsWith('Compare 5 and 3'))!;
  t.deepEqual(compare.terms, [
    { text: '5', ref: 'bar0' },
    { text: '3', ref: 'bar1' },
  ]);
  const colours = termColors(scene, new CompiledTimeline(scene), '#0b0f19')[scene.narration.steps.indexOf(compare)]!;
  t.deepEqual(colours, [THEMES.algorithmic.palette.accent, THEMES.algorithmic.palette.accent], 'the compared bars are amber a moment into the step');
  // Dark colours (the light theme's navy) are lightened until they read on the dark backing.
  t.not(readableOn('#0f172a', '#0b0f19'), '#0f172a');
  t.is(readableOn('#facc15', '#0b0f19'), '#facc15');
  // Whole words only, each occurrence once: "Compare 5 and 5" colours both fives, one per bar; "15" is not "5".
  t.deepEqual(labelTerms({ objects: [{ id: 'b', type: 'bar', width: 1, height: 1, label: '5' } as never] }, 'Compare 15 and 51.', ['b']), []);
  const runs = colourRuns('Compare 5 and 5: equal.', [
    { text: '5', color: '#111111' },
    { text: '5', color: '#222222' },
  ]);
  t.deepEqual(
    runs.map((r) => [r.text, r.color]),
    [
      ['Compare ', '#ffffff'],
      ['5', '#111111'],
      [' and ', '#ffffff'],
      ['5', '#222222'],
      [': equal.', '#ffffff'],
    ],
  );
  t.deepEqual(emphasisProblems(scene), []);
});

test('validation: a term must be words of its step and name an object; a highlight must lie within its step', (t) => {
  const base = { version: 2, width: 320, height: 180, fps: 10, duration: 4, objects: [{ id: 'a', type: 'rect', width: 1, height: 1 }] };
  const error = t.throws(() =>
    parseScene({
      ...base,
      narration: {
        steps: [
          {
            start: 0,
            duration: 2,
            text: 'The box a.',
            refs: ['a'],
            terms: [
              { text: 'circle', ref: 'a' },
              { text: 'box', ref: 'nope' },
            ],
            emphasis: { kind: 'surround', start: 1, duration: 3 },
          },
        ],
      },
    }),
  );
  t.regex(error!.message, /terms\[0\]\.text: "circle" is not in the step's text/);
  t.regex(error!.message, /terms\[1\]\.ref: no object with id "nope"/);
  t.regex(error!.message, /emphasis: the highlight .* must lie within its step/);
  const unknown = t.throws(() => parseScene({ ...base, narration: { steps: [{ start: 2, duration: 1, text: 'Next.', emphasis: { kind: 'glow' } }] } }));
  t.regex(unknown!.message, /unknown emphasis "glow" \(known: surround, flash, dim-rest, pointer\)/);
});
