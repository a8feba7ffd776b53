import test from 'ava';
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
  t.true(turn?.type === 'tween' && turn.property === 'rotationX' && turn.duration === scene.duration);
  for (const o of scene.objects) if (o.type === 'text') t.true(Math.abs(o.x) <= 7.8 && Math.abs(o.y) <= 4.3, o.id);
});
