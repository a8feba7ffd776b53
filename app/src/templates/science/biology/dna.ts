// biology.dna: a DNA double helix in 3D built from a sequence — strand one base by base, then the
// complementary strand pairing A–T and G–C — spinning about its axis, with both strands spelled out.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../../types.ts';
import { TimelineBuilder } from '../../timeline-builder.ts';
import { keyframeTweens, times, type Keyframe } from '../physics/stage.ts';
import { BASE_COLORS, buildHelix, grooveCentres, UNGIVEN_COLOR } from './dna-helix.ts';
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
/** Two whole turns at least (21 pairs span 20 steps of 36°): fewer pairs would not read as a helix. */
export const MIN_DRAWN_PAIRS = 21;
/** Where the helix stands on screen: its axis on the left, the sequence panel on the right. */
const HELIX_X = -4.3;
const HELIX_Y = 0.05;
const PANEL_X = 3.1;

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
    return composeDna(sequence);
  },
});

function composeDna(sequence: string): Composition {
  const partner = complement(sequence);
  const n = sequence.length;
  const groupId = 'helix';
  const helix = buildHelix(sequence, partner, RISE, RADIUS, groupId, MIN_DRAWN_PAIRS);
  const total = helix.total;
  // Screen units per world unit: the helix's height fits 5.4 units between the subtitle and the caption band.
  const k = Math.min(5.4 / ((total - 1) * RISE + 0.3), 1.6 / RADIUS);
  const tanV = Math.tan((FOV / 2) * (Math.PI / 180));
  const distance = 4.5 / (k * tanV);
  const shift = -HELIX_Y / k;
  const r = (v: number) => Math.round(v * 1000) / 1000;
  const camera: NonNullable<Composition['camera']> = { type: 'perspective', fov: FOV, x: 0, y: r(shift), z: r(distance), targetX: 0, targetY: r(shift), targetZ: 0 };
  // The front of the helix (toward the camera) is seen a little larger than its axis.
  const front = distance / (distance - RADIUS);
  const screenY = (j: number) => ((total - 1) / 2 - j) * RISE * k * front + HELIX_Y;

  // The sequence panel: both strands as rows of letters, partner under partner.
  const letterSize = Math.max(0.26, Math.min(0.42, 6.4 / (n * 0.62 + 2)));
  const pitch = letterSize * 0.62 * 1.15;
  const firstX = PANEL_X - ((n - 1) * pitch) / 2;
  const lastX = PANEL_X + ((n - 1) * pitch) / 2;
  const [row1, row2] = [2.15, 1.45];
  const given = total > n;
  const objects: Composition['objects'] = [
    { id: 'title', type: 'text', text: 'DNA double helix', x: 0, y: 3.85, size: 0.6, weight: 700, color: '$foreground' },
    { id: 'subtitle', type: 'text', text: `${n} base pair${n === 1 ? '' : 's'} · 10 per turn · strands run in opposite directions`, x: 0, y: 3.25, size: 0.3, color: '$muted' },
    { id: groupId, type: 'group', x: r(HELIX_X / k) },
    ...helix.objects,
    { id: 'end5a', type: 'text', text: '5′', x: firstX - 0.5, y: row1, size: 0.3, color: '$muted' },
    { id: 'end3a', type: 'text', text: '3′', x: lastX + 0.5, y: row1, size: 0.3, color: '$muted' },
    { id: 'end3b', type: 'text', text: '3′', x: firstX - 0.5, y: row2, size: 0.3, color: '$muted' },
    { id: 'end5b', type: 'text', text: '5′', x: lastX + 0.5, y: row2, size: 0.3, color: '$muted' },
  ];
  for (let i = 0; i < n; i++) {
    const x = r(firstX + i * pitch);
    objects.push({ id: `s1_${i}`, type: 'text', text: sequence[i]!, x, y: row1, size: letterSize, weight: 700, font: 'mono', color: BASE_COLORS[sequence[i] as Base] });
    objects.push({ id: `s2_${i}`, type: 'text', text: partner[i]!, x, y: row2, size: letterSize, weight: 700, font: 'mono', color: BASE_COLORS[partner[i] as Base] });
  }
  const gc = gcContent(sequence);
  const bonds = hydrogenBonds(sequence);
  objects.push({ id: 'facts', type: 'text', text: `GC content ${Math.round(gc * 1000) / 10}% · ${bonds} hydrogen bonds`, x: PANEL_X, y: 0.6, size: 0.32, color: '$foreground' });
  // The key: what each base colour means, and the grey of pairs drawn only to show whole turns.
  const keys: [string, string][] = (['A', 'T', 'G', 'C'] as Base[]).map((b) => [BASE_COLORS[b], `${b} ${BASE_NAMES[b]}`]);
  if (given) keys.push([UNGIVEN_COLOR, 'not in the sequence']);
  keys.forEach(([color, text], i) => {
    const x = PANEL_X - 2.9 + (i % 2) * 3.2;
    const y = -0.2 - Math.floor(i / 2) * 0.45;
    objects.push({ id: `key-dot${i}`, type: 'circle', x, y, radius: 0.13, fill: color });
    objects.push({ id: `key-text${i}`, type: 'text', text, x: x + 0.25, y, size: 0.28, align: 'left', color: '$muted' });
  });
  // The grooves, named where they face the viewer: labels right of the helix with a leader to its front.
  const labelX = HELIX_X + (RADIUS + 0.35) * k + 0.5;
  for (const g of ['minor', 'major'] as const) {
    objects.push({ id: `groove-${g}`, type: 'text', text: `${g} groove`, x: labelX, y: 0, size: 0.3, align: 'left', color: '$foreground', background: '$background' });
    objects.push({
      id: `groove-${g}-line`,
      type: 'line',
      points: [
        [labelX - 0.1, 0],
        [HELIX_X * front, 0],
      ],
      color: '$foreground',
      width: 0.025,
    });
  }

  const tl = new TimelineBuilder();
  const s1 = sequence.split('').map((_, i) => `s1_${i}`);
  const s2 = sequence.split('').map((_, i) => `s2_${i}`);
  tl.narrate(`One strand of DNA, read 5′ to 3′: ${sequence}. Each nucleotide has a sugar-phosphate on the backbone and a base.`, 3, s1);
  tl.appear('title', 0.6).appear('subtitle', 0.6, 'fade', 0.3).appear('end5a', 0.4).appear('end3a', 0.4);
  keys.forEach((_, i) => tl.appear(`key-dot${i}`, 0.4, 'grow', tl.t + 0.2 * i).appear(`key-text${i}`, 0.4, 'fade', tl.t + 0.2 * i));
  for (const id of helix.context1) tl.appear(id, 0.5, 'fade', tl.t);
  tl.wait(0.6);
  const step = Math.min(0.35, 3 / n);
  for (let i = 0; i < n; i++) {
    for (const id of helix.strand1[i]!) tl.appear(id, 0.35, 'grow', tl.t + i * step);
    tl.appear(`s1_${i}`, 0.3, 'fade', tl.t + i * step);
    if (i > 0) tl.appear(helix.links1[i - 1]!, 0.3, 'fade', tl.t + i * step);
  }
  tl.wait(n * step + 0.6);

  const at = [...sequence].filter((b) => b === 'A' || b === 'T').length;
  tl.narrate(`Each base pairs with its partner: A with T (2 hydrogen bonds), G with C (3). The partner strand is ${partner}.`, 3, s2);
  tl.appear('end3b', 0.4).appear('end5b', 0.4);
  for (const id of helix.context2) tl.appear(id, 0.5, 'fade', tl.t);
  for (let i = 0; i < n; i++) {
    for (const id of helix.strand2[i]!) tl.appear(id, 0.35, 'grow', tl.t + i * step);
    tl.appear(`s2_${i}`, 0.3, 'fade', tl.t + i * step);
    tl.add({ type: 'highlight', target: `s1_${i}`, at: tl.t + i * step, duration: Math.max(0.3, step * 1.5), color: '$highlight' });
    if (i > 0) tl.appear(helix.links2[i - 1]!, 0.3, 'fade', tl.t + i * step);
  }
  tl.wait(n * step + 0.8);
  tl.narrate(`The strands run in opposite directions; read 5′ to 3′ the partner is ${reverseComplement(sequence)}. ${at} A–T and ${n - at} G–C pairs: ${bonds} hydrogen bonds, GC content ${Math.round(gc * 100)}%.`, 3.5, ['facts']);
  tl.appear('facts', 0.5);
  tl.wait(3.5);
  const turns = Math.floor((total - 1) / 10);
  tl.narrate(`The two backbones wind round the upright axis once every 10 base pairs: ${turns} turns are drawn${given ? `, the ${n} given pairs in the middle and grey pairs around them` : ''}.`, 3, [groupId]);
  tl.wait(3);
  tl.narrate('Between the backbones run a wide major groove and a narrow minor groove, where proteins read the bases.', 3, ['groove-major', 'groove-minor']);
  for (const g of ['major', 'minor']) tl.appear(`groove-${g}-line`, 0.4, 'draw').appear(`groove-${g}`, 0.4);
  tl.wait(3);
  // The last caption is held until read (pacing.ts) before the length the motion spans is fixed.
  const duration = tl.hold().t;
  // The helix turns once about its upright axis over the whole animation: the twist reads as a screw, never
  // a tumbling cage. The groove labels ride the screw (a turn of 36° moves each groove one pair down).
  tl.add({ type: 'tween', target: groupId, property: 'rotationY', from: 0, to: 360, start: 0, duration, easing: 'linear' });
  const samples = times(0, duration, Math.max(2, Math.ceil(duration * 4)));
  for (const g of ['minor', 'major'] as const) {
    const keysText: Keyframe[] = [];
    const keysLine: Keyframe[] = [];
    let last: number | undefined;
    const put = (when: number, j: number) => {
      const y = r(screenY(j));
      keysText.push({ at: when, values: { y } });
      keysLine.push({
        at: when,
        values: {
          points: [
            [labelX - 0.1, y],
            [r(HELIX_X * front), y],
          ],
        },
      });
    };
    for (const t of samples) {
      const j = grooveCentres((360 * t) / duration, total)[g];
      // The nearest groove changes by a whole turn: jump, do not slide along the helix.
      if (last !== undefined && Math.abs(j - last) > 5) put(t - 1e-3, grooveCentres((360 * (t - 1e-3)) / duration, total)[g] + (j > last ? -10 : 10));
      put(t, j);
      last = j;
    }
    tl.entries.push(...keyframeTweens(`groove-${g}`, keysText), ...keyframeTweens(`groove-${g}-line`, keysLine));
  }
  tl.finish(duration);
  return { objects, timeline: tl.entries, narration: tl.steps, duration, camera, title: 'DNA double helix' };
}
