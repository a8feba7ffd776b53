import test from 'ava';
import { CompiledTimeline } from '../../src/scene/timeline.ts';
import { UNGIVEN_COLOR } from '../../src/templates/science/biology/dna-helix.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { complement, findSequence, gcContent, hydrogenBonds, reverseComplement } from '../../src/templates/science/biology/dna-sequence.ts';

test('complement pairs A–T and G–C base by base; its complement is the original', (t) => {
  t.is(complement('ATGCGT'), 'TACGCA');
  t.is(reverseComplement('ATGCGT'), 'ACGCAT');
  for (const s of ['A', 'GATTACA', 'ATGCGTTAACGGATCC']) {
    t.is(complement(complement(s)), s);
    t.is(reverseComplement(reverseComplement(s)), s);
    for (let i = 0; i < s.length; i++) t.true(['AT', 'TA', 'GC', 'CG'].includes(s[i]! + complement(s)[i]!));
  }
  t.is(gcContent('ATGCGT'), 0.5);
  t.is(hydrogenBonds('ATGCGT'), 2 + 2 + 3 + 3 + 3 + 2);
});

test('sequences in the ways people write them', (t) => {
  const cases: [string, string][] = [
    ['DNA double helix for ATGCGT', 'ATGCGT'],
    ["Show the DNA sequence 5'-ATG CGT TAA-3'", 'ATGCGTTAA'],
    ['complementary strand of gattaca', 'GATTACA'],
    ['dna strand a-t-g-c-c-g', 'ATGCCG'],
    ['DNA: A T G C', 'ATGC'],
  ];
  for (const [text, seq] of cases) {
    const a = analyze(text);
    t.is(a.template, 'biology.dna', text);
    t.is(a.params.sequence, seq, text);
    t.is(a.facts.complement, complement(seq), text);
  }
  t.like(analyze('DNA double helix'), { template: 'biology.dna', params: { sequence: 'ATGCGT' }, facts: { complement: 'TACGCA' } });
  const warnings: string[] = [];
  t.is(findSequence('RNA AUGC', warnings), 'ATGC');
  t.true(warnings.some((w) => w.includes('U (uracil)')));
});

test('a long sequence is cut to what stays readable, with a warning', (t) => {
  const a = analyze(`DNA helix of ${'ATGC'.repeat(20)}`);
  t.is((a.params.sequence as string).length, 30);
  t.true(a.warnings.some((w) => w.includes('80 bases')));
  t.throws(() => analyze('x', { template: 'biology.dna', params: { sequence: 'ATGX' } }), { message: /only A, C, G and T/ });
});

test('the scene: a base pair per letter, both strands labelled, the helix turning', (t) => {
  const { scene } = sceneFromDescription('DNA double helix for ATGCGT', { width: 1280, height: 720, fps: 30 });
  t.is(scene.objects.filter((o) => /^b[12]_\d+$/.test(o.id)).length, 12);
  t.deepEqual(
    scene.objects.filter((o) => /^s2_\d+$/.test(o.id)).map((o) => (o.type === 'text' ? o.text : '')),
    [...'TACGCA'],
  );
  const turn = scene.timeline.find((e) => e.type === 'tween' && e.target === 'helix');
  t.true(turn?.type === 'tween' && turn.property === 'rotationY' && turn.duration === scene.duration);
  for (const o of scene.objects) if (o.type === 'text') t.true(Math.abs(o.x) <= 7.8 && Math.abs(o.y) <= 4.3, o.id);
});

test('content checklist: DNA shows at least two turns on a vertical axis, turning about it, with both grooves named where they are', (t) => {
  const { scene } = sceneFromDescription('DNA double helix for the sequence ATGCGT', { width: 1280, height: 720, fps: 30 });
  const rungs = scene.objects.filter((o) => /^c?b[12]_\d+$/.test(o.id));
  // Each rung starts on its strand's backbone: those points are the helix (strand 1: b1_/cb1_, strand 2: b2_/cb2_).
  const spheres = rungs.flatMap((o) => (o.type === 'mesh' && o.from ? [{ id: o.id.replace(/^(c?)b/, '$1p'), x: o.from[0], y: o.from[1], z: o.from[2] }] : []));
  t.true(rungs.length / 2 >= 21, `${rungs.length / 2} base pairs drawn: two whole turns need 21`);
  // The given six keep their base colours; the pairs around them are grey, claiming no base.
  t.is(scene.objects.filter((o) => /^b[12]_\d+$/.test(o.id)).length, 12);
  t.true(scene.objects.filter((o) => /^cb[12]_\d+$/.test(o.id)).every((o) => o.type === 'mesh' && o.color === UNGIVEN_COLOR));
  t.true(
    scene.objects.some((o) => o.type === 'text' && o.text === 'not in the sequence'),
    'the key says what grey means',
  );
  // A vertical axis: every backbone point is one radius from the y axis, and the helix is tall, not wide.
  for (const s of spheres) t.true(Math.abs(Math.hypot(s.x, s.z) - 1) < 1e-2, `${s.id} on the helix's cylinder`);
  const ys = spheres.map((s) => s.y);
  t.true(Math.max(...ys) - Math.min(...ys) >= 20 * 0.34 - 1e-9, 'two turns of 10 pairs, 3.4 Å apart');
  // Right-handed (B-DNA): going up the axis, strand 1 turns counterclockwise seen from above.
  const s1 = spheres.filter((s) => /^c?p1_/.test(s.id)).sort((a, b) => a.y - b.y);
  const turn = (a: { x: number; z: number }, b: { x: number; z: number }) => a.z * b.x - a.x * b.z;
  t.true(turn(s1[0]!, s1[1]!) > 0, 'right-handed');
  // It turns about the upright axis only: no tumbling about a horizontal one.
  const spins = scene.timeline.filter((e) => e.type === 'tween' && e.target === 'helix');
  t.deepEqual(
    spins.map((e) => (e.type === 'tween' ? e.property : '')),
    ['rotationY'],
  );
  // The groove labels sit where the grooves face the viewer: the minor one between strand 2's front crossing
  // and strand 1's just below it (4 pairs apart), the major one in the 6 pairs below that.
  const tl = new CompiledTimeline(scene);
  const step = scene.narration.steps.find((s) => s.text.includes('major groove'))!;
  t.deepEqual(step.refs, ['groove-major', 'groove-minor']);
  const cam = scene.camera;
  if (cam.type !== 'perspective') return t.fail();
  const k = 4.5 / (cam.z * Math.tan(((cam.fov / 2) * Math.PI) / 180));
  const front = cam.z / (cam.z - 1);
  const screenY = (y: number) => (y - cam.y) * k * front;
  for (const at of [step.start + 0.5, step.start + step.duration / 2, scene.duration - 0.1]) {
    const phi = ((tl.valueAt('helix', 'rotationY', at) as number) * Math.PI) / 180;
    // Depth toward the camera of a backbone point after the turn (x' = x cos φ + z sin φ, z' = −x sin φ + z cos φ).
    const depth = (s: { x: number; z: number }) => -s.x * Math.sin(phi) + s.z * Math.cos(phi);
    const crossings = (strand: 1 | 2) =>
      spheres
        .filter((s) => s.id.startsWith(`p${strand}_`) || s.id.startsWith(`cp${strand}_`))
        .filter((s) => depth(s) > Math.cos((18 * Math.PI) / 180))
        .map((s) => screenY(s.y));
    const [one, two] = [crossings(1), crossings(2)];
    const minorY = tl.valueAt('groove-minor', 'y', at) as number;
    const majorY = tl.valueAt('groove-major', 'y', at) as number;
    // Just above the minor label, strand 2 faces the viewer; just below it, strand 1: each within 2.5 pairs.
    const pair = 0.34 * k * front;
    t.true(
      two.some((y) => y > minorY && y - minorY <= 2.5 * pair),
      `strand 2 crosses just above the minor groove at ${at.toFixed(1)} s`,
    );
    t.true(
      one.some((y) => y < minorY && minorY - y <= 2.5 * pair),
      `strand 1 crosses just below the minor groove at ${at.toFixed(1)} s`,
    );
    t.true(one.some((y) => y > majorY && y - majorY <= 3.5 * pair) && two.some((y) => y < majorY && majorY - y <= 3.5 * pair), `the major groove lies between strand 1 above and strand 2 below at ${at.toFixed(1)} s`);
  }
});
