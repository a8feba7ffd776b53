// business.cycle: PDCA when nothing is listed, named cycles known, listed steps used; arrows clear the boxes.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { arcBetween } from '../../src/templates/corporate/cycle.ts';

const REQ = { width: 1280, height: 720, fps: 30 };
const PDCA = ['Plan', 'Do', 'Check', 'Act'];

test('the PDCA cycle is recognised however it is named, without a warning', (t) => {
  for (const text of ['Explain the PDCA cycle', 'What is the Plan-Do-Check-Act cycle?', 'Walk me through the Deming cycle', 'pdca', 'Show the plan do check act loop', 'Explain the PDCA cylce']) {
    const a = analyze(text);
    t.is(a.template, 'business.cycle', text);
    t.deepEqual(a.params.steps, PDCA, text);
    t.deepEqual(a.warnings, [], text);
  }
});

test('a cycle with no steps listed and no known name is not drawn as PDCA: the analysis asks for the steps', (t) => {
  const a = analyze('Show our customer feedback cycle');
  t.is(a.template, 'business.cycle');
  t.false(a.understood);
  t.deepEqual(a.needs?.data, ['steps']);
  t.is(a.params.steps, undefined);
  t.false(analyze('Show a continuous improvement cycle').understood, 'not guessed to be PDCA');
  t.deepEqual(analyze('Explain the PDCA cycle').params.steps, PDCA, 'a cycle named by its name has its steps');
});

test('other named cycles bring their own steps', (t) => {
  t.deepEqual(analyze('Explain the OODA loop').params.steps, ['Observe', 'Orient', 'Decide', 'Act']);
  t.deepEqual(analyze('DMAIC cycle').params.steps, ['Define', 'Measure', 'Analyze', 'Improve', 'Control']);
  t.deepEqual(analyze('Show the water cycle').params.steps, ['Evaporation', 'Condensation', 'Precipitation', 'Collection']);
});

test('listed steps win over defaults, in many phrasings', (t) => {
  const steps = ['empathize', 'define', 'ideate', 'prototype', 'test'];
  for (const text of ['Design thinking cycle: empathize, define, ideate, prototype, test', 'Animate a cycle of empathize -> define -> ideate -> prototype -> test', 'Our product cycle: empathize; define; ideate; prototype; and test']) {
    const a = analyze(text);
    t.is(a.template, 'business.cycle', text);
    t.deepEqual(a.params.steps, steps, text);
  }
  t.is(analyze('Design thinking cycle: empathize, define, ideate, prototype, test').params.title, 'Design thinking cycle');
});

test('more than eight steps are capped with a warning', (t) => {
  const a = analyze(`Lifecycle: ${Array.from({ length: 11 }, (_, i) => `phase${String.fromCharCode(97 + i)}`).join(', ')}`);
  t.is((a.params.steps as string[]).length, 8);
  t.true(a.warnings.some((w) => w.includes('11 steps given')));
});

test('every arrow follows the ellipse outside both boxes and there is one per step', (t) => {
  for (const n of [2, 3, 4, 5, 6, 7, 8]) {
    const { scene } = sceneFromDescription(`cycle: ${Array.from({ length: n }, (_, i) => `step ${i + 1}`).join(', ')}`, REQ);
    const boxes = scene.objects.filter((o) => o.type === 'rect' && o.id.startsWith('box-')) as { x: number; y: number; width: number; height: number }[];
    const arcs = scene.objects.filter((o) => o.id.startsWith('arc-'));
    t.is(boxes.length, n);
    t.is(arcs.length, n);
    for (const arc of arcs) {
      if (arc.type !== 'line') continue;
      t.true(arc.points.length >= 2, `n=${n}: ${arc.id} has a visible length`);
      for (const [x, y] of arc.points) {
        for (const b of boxes) t.false(Math.abs(x - b.x) < b.width / 2 && Math.abs(y - b.y) < b.height / 2, `n=${n}: ${arc.id} crosses a box`);
      }
    }
    // The last arrow ends next to the first box: the loop closes.
    const last = arcs[n - 1];
    if (last?.type === 'line') {
      const [x, y] = last.points[last.points.length - 1]!;
      t.true(Math.hypot(x - boxes[0]!.x, y - boxes[0]!.y) < 2, `n=${n}: closes the loop`);
    }
  }
});

test('arcs are cut where they would run under a box', (t) => {
  const full = arcBetween(0, 4, 0, 0);
  const cut = arcBetween(0, 4, 2.7, 1);
  t.true(cut.length < full.length);
});

test('PDCA captions explain each step', (t) => {
  const { scene } = sceneFromDescription('Explain the PDCA cycle', REQ);
  for (const step of PDCA)
    t.true(
      scene.narration.steps.some((c) => c.text.startsWith(`${step}: `)),
      step,
    );
  t.true(scene.narration.steps.some((c) => /starts again with Plan/.test(c.text)));
});

test('content checklist: the cycle loops back: the last arrow runs from the last step into the first, and the narration says so over it', (t) => {
  for (const d of ['Explain the PDCA cycle', 'Show the cycle: Detect > Contain > Recover > Review']) {
    const { scene } = sceneFromDescription(d, REQ);
    const boxes = scene.objects.filter((o) => /^box-\d+$/.test(o.id));
    const n = boxes.length;
    const last = scene.objects.find((o) => o.id === `arc-${n - 1}`);
    if (last?.type !== 'line') return t.fail(`${d}: no closing arrow`);
    t.is(last.arrow, 'end');
    // The closing arrow starts by the last box and ends by the first (nearer to it than to any other box).
    const near = (p: [number, number]) => boxes.map((b) => Math.hypot(p[0] - b.x, p[1] - b.y)).reduce((best, dist, i, all) => (dist < all[best]! ? i : best), 0);
    t.is(near(last.points[0]! as [number, number]), n - 1, `${d}: starts at the last step`);
    t.is(near(last.points[last.points.length - 1]! as [number, number]), 0, `${d}: ends at the first step`);
    const loop = scene.narration.steps.find((s) => /starts again/.test(s.text));
    t.truthy(loop, `${d}: the narration says the cycle starts again`);
    t.deepEqual(loop!.refs, [`arc-${n - 1}`, 'box-0']);
    t.is(loop!.emphasis?.kind, 'surround');
  }
});
