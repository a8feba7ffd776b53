// A molecule's 3D structure as scene meshes: CPK-coloured spheres per atom and, for ball-and-stick,
// half-bonds coloured by their atom with double and triple bonds drawn as parallel sticks.
// Coordinates stay in ångström (1 Å = 1 world unit); the camera is placed to frame them.
import type { Composition } from '../../types.ts';
import { elementByNumber } from './elements.ts';
import type { Structure } from './molecule-geometry.ts';
import { alignToPrincipalAxes, type Vec3 } from './principal-axes.ts';

export type Representation = 'ball_and_stick' | 'space_filling';

export interface MoleculeModel {
  objects: Composition['objects'];
  /** Atom mesh ids, heavy atoms first (the order they appear in). */
  heavyAtomIds: string[];
  hydrogenIds: string[];
  /** Bond mesh ids (several per bond: halves and parallel sticks). */
  bondIds: string[];
  extent: ModelExtent;
}

/** How far atom surfaces reach from the vertical (y) axis the model turns about, and from its middle plane, Å. */
export interface ModelExtent {
  radius: number;
  halfHeight: number;
}

/** Ball radius as a share of the van der Waals radius (ball-and-stick). */
const BALL_SCALE = 0.24;
const STICK_RADIUS = 0.11;

const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const scale = (a: Vec3, k: number): Vec3 => [a[0] * k, a[1] * k, a[2] * k];
const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const norm = (a: Vec3) => Math.hypot(a[0], a[1], a[2]);
const unit = (a: Vec3): Vec3 => scale(a, 1 / (norm(a) || 1));
const r3 = (v: Vec3): Vec3 => [Math.round(v[0] * 1000) / 1000, Math.round(v[1] * 1000) / 1000, Math.round(v[2] * 1000) / 1000];

export function atomColor(z: number): string {
  return elementByNumber(z)?.color ?? '#ff1493';
}

export function atomRadius(z: number, representation: Representation): number {
  const vdw = elementByNumber(z)?.vdwRadius ?? 2;
  return representation === 'space_filling' ? vdw : vdw * BALL_SCALE;
}

/**
 * The direction in which a multiple bond's parallel sticks are spread: in the plane of the bond and a
 * neighbouring atom (so a double bond lies in the molecule's plane, as chemists draw it).
 */
function spreadDirection(a: number, b: number, pos: Vec3[], neighbours: number[][]): Vec3 {
  const axis = unit(sub(pos[b]!, pos[a]!));
  const other = [...neighbours[a]!.filter((n) => n !== b), ...neighbours[b]!.filter((n) => n !== a)][0];
  let normal: Vec3 | undefined;
  if (other !== undefined) {
    const n = cross(axis, sub(pos[other]!, pos[a]!));
    if (norm(n) > 1e-6) normal = n;
  }
  // Linear or lone bonds (O=C=O, N≡N): spread the sticks across the screen, not towards the camera.
  if (!normal) normal = Math.abs(axis[2]) < 0.9 ? [0, 0, 1] : [0, 1, 0];
  return unit(cross(normal, axis));
}

export function buildMoleculeModel(structure: Structure, representation: Representation, groupId: string): MoleculeModel {
  const pos = alignToPrincipalAxes(structure.atoms.map(([, x, y, z]) => [x, y, z] as Vec3));
  const objects: Composition['objects'] = [];
  const heavyAtomIds: string[] = [];
  const hydrogenIds: string[] = [];
  const bondIds: string[] = [];
  const neighbours: number[][] = structure.atoms.map(() => []);
  for (const [a, b] of structure.bonds) {
    neighbours[a]!.push(b);
    neighbours[b]!.push(a);
  }
  const extent: ModelExtent = { radius: 0, halfHeight: 0 };
  structure.atoms.forEach(([z], i) => {
    const radius = atomRadius(z, representation);
    const [x, y, zz] = r3(pos[i]!);
    extent.radius = Math.max(extent.radius, Math.hypot(pos[i]![0], pos[i]![2]) + radius);
    extent.halfHeight = Math.max(extent.halfHeight, Math.abs(pos[i]![1]) + radius);
    const id = `atom${i}`;
    (z === 1 ? hydrogenIds : heavyAtomIds).push(id);
    objects.push({ id, parent: groupId, type: 'mesh', shape: 'sphere', x, y, z: zz, radius: Math.round(radius * 1000) / 1000, color: atomColor(z), metalness: 0.05, roughness: 0.35 });
  });
  if (representation === 'ball_and_stick') {
    structure.bonds.forEach(([a, b, order], k) => {
      const sticks = Math.min(Math.max(order, 1), 3);
      const radius = sticks === 1 ? STICK_RADIUS : sticks === 2 ? STICK_RADIUS * 0.7 : STICK_RADIUS * 0.55;
      const gap = sticks === 1 ? 0 : radius * 2.4;
      const spread = sticks === 1 ? ([0, 0, 0] as Vec3) : spreadDirection(a, b, pos, neighbours);
      const mid = scale(add(pos[a]!, pos[b]!), 0.5);
      for (let s = 0; s < sticks; s++) {
        const offset = scale(spread, (s - (sticks - 1) / 2) * gap);
        // Each half takes its atom's colour, the usual way of showing which atom a bond belongs to.
        for (const [half, from, to, atom] of [
          ['a', pos[a]!, mid, a],
          ['b', mid, pos[b]!, b],
        ] as const) {
          const id = `bond${k}${half}${s}`;
          bondIds.push(id);
          objects.push({
            id,
            parent: groupId,
            type: 'mesh',
            shape: 'cylinder',
            radius: Math.round(radius * 1000) / 1000,
            height: 1,
            from: r3(add(from, offset)),
            to: r3(add(to, offset)),
            color: atomColor(structure.atoms[atom]![0]),
            metalness: 0.05,
            roughness: 0.45,
          });
        }
      }
    });
  }
  return { objects, heavyAtomIds, hydrogenIds, bondIds, extent };
}
