// B-DNA drawn as meshes: two sugar-phosphate backbones winding round a common axis (10 base pairs
// per turn, 36° apart) and a rung per base pair, each half coloured by its base. The axis runs along
// x; the backbones sit 144° apart round it, which opens the major and minor grooves.
import type { Composition } from '../../types.ts';
import type { Base } from './dna-sequence.ts';

export const TWIST_DEG = 36;
/** Angle between the two backbones round the axis (the minor groove side). */
const GROOVE_DEG = 144;

export const BASE_COLORS: Record<Base, string> = { A: '$success', T: '$danger', G: '$warning', C: '$secondary' };

export interface HelixLayout {
  objects: Composition['objects'];
  /** Per base pair: [strand 1 nucleotide ids, strand 2 nucleotide ids]. */
  strand1: string[][];
  strand2: string[][];
  /** Backbone links between neighbouring nucleotides, per strand. */
  links1: string[];
  links2: string[];
  /** x of each base pair along the axis. */
  pairX: number[];
}

type V3 = [number, number, number];
const r3 = (v: V3): V3 => [Math.round(v[0] * 1000) / 1000, Math.round(v[1] * 1000) / 1000, Math.round(v[2] * 1000) / 1000];

export function buildHelix(sequence: string, partner: string, rise: number, radius: number, groupId: string): HelixLayout {
  const n = sequence.length;
  const objects: Composition['objects'] = [];
  const strand1: string[][] = [];
  const strand2: string[][] = [];
  const links1: string[] = [];
  const links2: string[] = [];
  const pairX: number[] = [];
  const p1: V3[] = [];
  const p2: V3[] = [];
  for (let i = 0; i < n; i++) {
    const x = (i - (n - 1) / 2) * rise;
    const a = (i * TWIST_DEG * Math.PI) / 180;
    const b = a + (GROOVE_DEG * Math.PI) / 180;
    const s1: V3 = [x, radius * Math.cos(a), radius * Math.sin(a)];
    const s2: V3 = [x, radius * Math.cos(b), radius * Math.sin(b)];
    const mid: V3 = [x, (s1[1] + s2[1]) / 2, (s1[2] + s2[2]) / 2];
    p1.push(s1);
    p2.push(s2);
    pairX.push(x);
    const base1 = sequence[i] as Base;
    const base2 = partner[i] as Base;
    const ids1 = [`p1_${i}`, `b1_${i}`];
    const ids2 = [`p2_${i}`, `b2_${i}`];
    objects.push({ id: ids1[0]!, parent: groupId, type: 'mesh', shape: 'sphere', x: r3(s1)[0], y: r3(s1)[1], z: r3(s1)[2], radius: radius * 0.13, color: '$muted', roughness: 0.4 });
    objects.push({ id: ids2[0]!, parent: groupId, type: 'mesh', shape: 'sphere', x: r3(s2)[0], y: r3(s2)[1], z: r3(s2)[2], radius: radius * 0.13, color: '$muted', roughness: 0.4 });
    // Each base reaches from its backbone to the middle, where it pairs (hydrogen bonds).
    objects.push({ id: ids1[1]!, parent: groupId, type: 'mesh', shape: 'cylinder', radius: radius * 0.08, height: 1, from: r3(s1), to: r3(mid), color: BASE_COLORS[base1] });
    objects.push({ id: ids2[1]!, parent: groupId, type: 'mesh', shape: 'cylinder', radius: radius * 0.08, height: 1, from: r3(s2), to: r3(mid), color: BASE_COLORS[base2] });
    strand1.push(ids1);
    strand2.push(ids2);
  }
  for (let i = 0; i + 1 < n; i++) {
    for (const [strand, pts, links] of [
      [1, p1, links1],
      [2, p2, links2],
    ] as const) {
      const id = `bb${strand}_${i}`;
      links.push(id);
      objects.push({ id, parent: groupId, type: 'mesh', shape: 'cylinder', radius: radius * 0.06, height: 1, from: r3(pts[i]!), to: r3(pts[i + 1]!), color: '$muted', roughness: 0.4 });
    }
  }
  return { objects, strand1, strand2, links1, links2, pairX };
}
