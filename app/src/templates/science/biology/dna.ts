// biology.dna: a DNA double helix in 3D built from a sequence — strand one base by base, then the
// complementary strand pairing A–T and G–C — spinning about its axis, with both strands spelled out.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../../types.ts';
import { TimelineBuilder } from '../../timeline-builder.ts';
import { BASE_COLORS, buildHelix } from './dna-helix.ts';
import { BASE_NAMES, complement, findSequence, gcContent, hydrogenBonds, reverseComplement, type Base } from './dna-sequence.ts';

/** Base pairs that still read as letters under the helix. */
export const MAX_BASE_PAIRS = 30;

const params = z.object({
  sequence: z
    .string()
    .transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
    .pipe(
      z
        .string()
        .min(1)
        .max(MAX_BASE_PAIRS, { error: `at most ${MAX_BASE_PAIRS} base pairs fit on screen` })
        .regex(/^[ACGT]+$/, { error: 'a DNA sequence uses only A, C, G and T' }),
    )
    .default('ATGCGT'),
});
type DnaParams = z.infer<typeof params>;

/** B-DNA proportions: 3.4 Å rise per base pair, 10 Å radius (1 unit = 10 Å). */
const RISE = 0.34;
const RADIUS = 1;
const FOV = 35;
const HELIX_SCREEN_Y = -0.1;

export const biologyDna = defineTemplate<DnaParams>({
  id: 'biology.dna',
  title: 'DNA double helix',
  category: 'biology',
  style: 'scientific',
  example: 'DNA double helix for the sequence ATGCGT',
  params,
  vocabulary: ['helix', 'double', 'strand', 'strands', 'complement', 'complementary', 'nucleotide', 'nucleotides', 'base', 'pairs', 'sequence', 'genetic'],
  triggers: [
    { pattern: /\bdna\b/, score: 0.9 },
    { pattern: /\bdouble helix\b/, score: 0.9 },
    { pattern: /\bdeoxyribonucleic\b/, score: 0.9 },
    { pattern: /\b(base pairs?|base pairing|complementary strand|nucleotides?)\b/, score: 0.75 },
  ],
  extract(text, warnings) {
    const found = findSequence(text.original, warnings);
    if (!found) return {};
    text.used.add(found);
    if (found.length > MAX_BASE_PAIRS) {
      warnings.push(`the sequence has ${found.length} bases; showing the first ${MAX_BASE_PAIRS} (the most that stay readable)`);
      return { sequence: found.slice(0, MAX_BASE_PAIRS) };
    }
    return { sequence: found };
  },
  facts({ sequence }) {
    return {
      complement: complement(sequence),
      reverse_complement: reverseComplement(sequence),
      length: sequence.length,
      gc_content: gcContent(sequence),
      hydrogen_bonds: hydrogenBonds(sequence),
    };
  },
  compose({ sequence }) {
    const partner = complement(sequence);
    const n = sequence.length;
    const groupId = 'helix';
    const helix = buildHelix(sequence, partner, RISE, RADIUS, groupId);
    // Screen units per world unit: the helix as long as 12 units at most (perspective adds a little) and 3.2 units across.
    const length = Math.max((n - 1) * RISE + 2 * RADIUS * 0.2, 0.5);
    const k = Math.min(12 / length, 1.6 / RADIUS);
    const tanV = Math.tan((FOV / 2) * (Math.PI / 180));
    const distance = 4.5 / (k * tanV);
    const shift = (-HELIX_SCREEN_Y / 4.5) * distance * tanV;
    const r = (v: number) => Math.round(v * 1000) / 1000;
    const camera: NonNullable<Composition['camera']> = { type: 'perspective', fov: FOV, x: 0, y: r(shift), z: r(distance), targetX: 0, targetY: r(shift), targetZ: 0 };

    const spacing = RISE * k;
    const letterSize = Math.max(0.28, Math.min(0.42, spacing * 0.85));
    const topY = 2.35;
    const bottomY = -2.55;
    const firstX = helix.pairX[0]! * k;
    const lastX = helix.pairX[n - 1]! * k;
    const objects: Composition['objects'] = [
      { id: 'title', type: 'text', text: 'DNA double helix', x: 0, y: 3.85, size: 0.6, weight: 700, color: '$foreground' },
      { id: 'subtitle', type: 'text', text: `${n} base pair${n === 1 ? '' : 's'} · 10 per turn · strands run in opposite directions`, x: 0, y: 3.25, size: 0.3, color: '$muted' },
      { id: groupId, type: 'group' },
      ...helix.objects,
      { id: 'end5a', type: 'text', text: '5′', x: firstX - 0.55, y: topY, size: 0.3, color: '$muted' },
      { id: 'end3a', type: 'text', text: '3′', x: lastX + 0.55, y: topY, size: 0.3, color: '$muted' },
      { id: 'end3b', type: 'text', text: '3′', x: firstX - 0.55, y: bottomY, size: 0.3, color: '$muted' },
      { id: 'end5b', type: 'text', text: '5′', x: lastX + 0.55, y: bottomY, size: 0.3, color: '$muted' },
    ];
    for (let i = 0; i < n; i++) {
      const x = Math.round(helix.pairX[i]! * k * 1000) / 1000;
      objects.push({ id: `s1_${i}`, type: 'text', text: sequence[i]!, x, y: topY, size: letterSize, weight: 700, font: 'mono', color: BASE_COLORS[sequence[i] as Base] });
      objects.push({ id: `s2_${i}`, type: 'text', text: partner[i]!, x, y: bottomY, size: letterSize, weight: 700, font: 'mono', color: BASE_COLORS[partner[i] as Base] });
    }
    const gc = gcContent(sequence);
    const bonds = hydrogenBonds(sequence);
    objects.push({ id: 'facts', type: 'text', text: `GC content ${Math.round(gc * 1000) / 10}% · ${bonds} hydrogen bonds`, x: 0, y: -3.35, size: 0.32, color: '$foreground' });
    (['A', 'T', 'G', 'C'] as Base[]).forEach((b, i) => {
      const x = -5.4 + i * 3.0;
      objects.push({ id: `key-dot${i}`, type: 'circle', x, y: -4.0, radius: 0.13, fill: BASE_COLORS[b] });
      objects.push({ id: `key-text${i}`, type: 'text', text: `${b} ${BASE_NAMES[b]}`, x: x + 0.25, y: -4.0, size: 0.28, align: 'left', color: '$muted' });
    });

    const tl = new TimelineBuilder();
    tl.caption(`One strand of DNA, read 5′ to 3′: ${sequence}. Each nucleotide has a sugar-phosphate on the backbone and a base.`, 3);
    tl.appear('title', 0.6).appear('subtitle', 0.6, 'fade', 0.3).appear('end5a', 0.4).appear('end3a', 0.4);
    (['A', 'T', 'G', 'C'] as const).forEach((_, i) => tl.appear(`key-dot${i}`, 0.4, 'grow', tl.t + 0.2 * i).appear(`key-text${i}`, 0.4, 'fade', tl.t + 0.2 * i));
    tl.wait(0.6);
    const step = Math.min(0.35, 3 / n);
    for (let i = 0; i < n; i++) {
      for (const id of helix.strand1[i]!) tl.appear(id, 0.35, 'grow', tl.t + i * step);
      tl.appear(`s1_${i}`, 0.3, 'fade', tl.t + i * step);
      if (i > 0) tl.appear(helix.links1[i - 1]!, 0.3, 'fade', tl.t + i * step);
    }
    tl.wait(n * step + 0.6);

    const at = [...sequence].filter((b) => b === 'A' || b === 'T').length;
    tl.caption(`Each base pairs with its partner: A with T (2 hydrogen bonds), G with C (3). The partner strand is ${partner}.`, 3);
    tl.appear('end3b', 0.4).appear('end5b', 0.4);
    for (let i = 0; i < n; i++) {
      for (const id of helix.strand2[i]!) tl.appear(id, 0.35, 'grow', tl.t + i * step);
      tl.appear(`s2_${i}`, 0.3, 'fade', tl.t + i * step);
      tl.add({ type: 'highlight', target: `s1_${i}`, at: tl.t + i * step, duration: Math.max(0.3, step * 1.5), color: '$highlight' });
      if (i > 0) tl.appear(helix.links2[i - 1]!, 0.3, 'fade', tl.t + i * step);
    }
    tl.wait(n * step + 0.8);
    tl.caption(`The strands run in opposite directions; read 5′ to 3′ the partner is ${reverseComplement(sequence)}. ${at} A–T and ${n - at} G–C pairs: ${bonds} hydrogen bonds, GC content ${Math.round(gc * 100)}%.`, 3.5);
    tl.appear('facts', 0.5);
    tl.wait(3.5);
    tl.caption('The two backbones wind round each other once every 10 base pairs: the double helix.', 3);
    tl.wait(3);
    // The last caption is held until read (pacing.ts) before the length the motion spans is fixed.
    const duration = tl.hold().t;
    // The helix turns about its own axis for the whole animation, showing the twist of the ladder.
    tl.add({ type: 'tween', target: groupId, property: 'rotationX', from: 0, to: 360, start: 0, duration, easing: 'linear' });
    tl.finish(duration);
    return { objects, timeline: tl.entries, narration: tl.steps, duration, camera, title: 'DNA double helix' };
  },
});
