// B-DNA drawn as meshes: two sugar-phosphate backbones winding round a common vertical axis (10 base pairs
// per turn, 36° apart) and a rung per base pair, each half coloured by its base. The backbones sit 144°
// apart round the axis, which opens the minor groove on one side and the major groove on the other.
import type { Composition } from '../../types.ts';
import type { Base } from './dna-sequence.ts';

export const TWIST_DEG = 36;
/** Angle between the two backbones round the axis (the minor groove side). */
const GROOVE_DEG = 144;

export const BASE_COLORS: Record<Base, string> = { A: '$success', T: '$danger', G: '$warning', C: '$secondary' };

export interface HelixLayout {
  objects: Composition['objects'];
  /** Per base pair of the sequence: [strand 1 nucleotide ids, strand 2 nucleotide ids]. */
  strand1: string[][];
  strand2: string[][];
  /** Backbone links between neighbouring nucleotides of the sequence, per strand. */
  links1: string[];
  links2: string[];
  /** The rest of the drawn helix beyond the sequence (backbone and grey rungs), per strand. */
  context1: string[];
  context2: string[];
  /** Height (world units, along the vertical axis) of each base pair of the sequence. */
  pairY: number[];
  /** Index in the drawn helix of the sequence's first base pair (it sits in the middle). */
  offset: number;
  /** Base pairs drawn in all. */
  total: number;
}

type V3 = [number, number, number];
const r3 = (v: V3): V3 => [Math.round(v[0] * 1000) / 1000, Math.round(v[1] * 1000) / 1000, Math.round(v[2] * 1000) / 1000];

/** The colour of a rung beyond the given sequence: no base is claimed there, so no base colour. */
export const UNGIVEN_COLOR = '$grid';

/**
 * B-DNA standing on a vertical axis, strand 1 read 5′→3′ from the top, right-handed, `total` base pairs
 * (at least the sequence). A sequence shorter than `total` sits in the middle; the pairs above and below it
 * are drawn with grey rungs (bases not given), so a short sequence still shows whole turns and both grooves.
 */
export function buildHelix(sequence: string, partner: string, rise: number, radius: number, groupId: string, total = sequence.length): HelixLayout {
  const n = sequence.length;
  total = Math.max(total, n);
  const offset = Math.floor((total - n) / 2);
  const objects: Composition['objects'] = [];
  const strand1: string[][] = [];
  const strand2: string[][] = [];
  const links1: string[] = [];
  const links2: string[] = [];
  const context1: string[] = [];
  const context2: string[] = [];
  const pairY: number[] = [];
  const p1: V3[] = [];
  const p2: V3[] = [];
  for (let j = 0; j < total; j++) {
    const y = ((total - 1) / 2 - j) * rise;
    // Turning −36° per pair going down is a right-handed helix about +y (B-DNA's hand).
    const a = (-j * TWIST_DEG * Math.PI) / 180;
    const b = a - (GROOVE_DEG * Math.PI) / 180;
    const s1: V3 = [radius * Math.sin(a), y, radius * Math.cos(a)];
    const s2: V3 = [radius * Math.sin(b), y, radius * Math.cos(b)];
    const mid: V3 = [(s1[0] + s2[0]) / 2, y, (s1[2] + s2[2]) / 2];
    p1.push(s1);
    p2.push(s2);
    const i = j - offset;
    const given = i >= 0 && i < n;
    const ids1 = given ? [`p1_${i}`, `b1_${i}`] : [`cb1_${j}`];
    const ids2 = given ? [`p2_${i}`, `b2_${i}`] : [`cb2_${j}`];
    const c1 = given ? BASE_COLORS[sequence[i] as Base] : UNGIVEN_COLOR;
    const c2 = given ? BASE_COLORS[partner[i] as Base] : UNGIVEN_COLOR;
    // The given nucleotides carry a sphere on the backbone; the context pairs only the backbone tube. (Spheres are
    // most of the helix's triangles: a sphere at every one of 42 nucleotides made the export three times slower.)
    const knob = (id: string, at: V3, r: number) => objects.push({ id, parent: groupId, type: 'mesh', shape: 'sphere', x: r3(at)[0], y: r3(at)[1], z: r3(at)[2], radius: r, color: '$muted', roughness: 0.4 });
    if (given) {
      knob(ids1[0]!, s1, radius * 0.13);
      knob(ids2[0]!, s2, radius * 0.13);
    }
    // Each base reaches from its backbone to the middle, where it pairs (hydrogen bonds).
    objects.push({ id: ids1[ids1.length - 1]!, parent: groupId, type: 'mesh', shape: 'cylinder', radius: radius * 0.08, height: 1, from: r3(s1), to: r3(mid), color: c1 });
    objects.push({ id: ids2[ids2.length - 1]!, parent: groupId, type: 'mesh', shape: 'cylinder', radius: radius * 0.08, height: 1, from: r3(s2), to: r3(mid), color: c2 });
    if (given) {
      strand1.push(ids1);
      strand2.push(ids2);
      pairY.push(y);
    } else {
      context1.push(...ids1);
      context2.push(...ids2);
    }
  }
  for (let j = 0; j + 1 < total; j++) {
    const inside = j >= offset && j + 1 < offset + n;
    for (const [strand, pts, links, context] of [
      [1, p1, links1, context1],
      [2, p2, links2, context2],
    ] as const) {
      const id = inside ? `bb${strand}_${j - offset}` : `cbb${strand}_${j}`;
      (inside ? links : context).push(id);
      objects.push({ id, parent: groupId, type: 'mesh', shape: 'cylinder', radius: radius * 0.07, height: 1, from: r3(pts[j]!), to: r3(pts[j + 1]!), color: '$muted', roughness: 0.4 });
    }
  }
  return { objects, strand1, strand2, links1, links2, context1, context2, pairY, offset, total };
}

/**
 * Where the grooves face the viewer when the helix has turned `turnDeg` about its axis: the base-pair index
 * (fractional, in the drawn helix) of the middle of the minor groove (the 144° side between the backbones)
 * and of the major groove (the 216° side), each the occurrence nearest the helix's middle.
 */
export function grooveCentres(turnDeg: number, total: number): { minor: number; major: number } {
  // Strand 1 faces the viewer (+z) where its angle −36°·j plus the turn is a whole turn: j = turn / 36°.
  const front1 = turnDeg / TWIST_DEG;
  const perTurn = 360 / TWIST_DEG;
  const mid = (total - 1) / 2;
  const nearest = (j: number) => j - Math.round((j - mid) / perTurn) * perTurn;
  // Strand 2, 144° behind, faces the viewer 4 pairs higher up: the minor groove lies between the two crossings,
  // the major groove (the other 6 pairs of the turn) below strand 1's.
  const minorGap = GROOVE_DEG / TWIST_DEG;
  return { minor: nearest(front1 - minorGap / 2), major: nearest(front1 + (perTurn - minorGap) / 2) };
}
