// 3D structures of molecules: SMILES → openchemlib molecule → explicit hydrogens → one conformer
// (ConformerGenerator, fixed seed) → MMFF94s+ minimisation. Deterministic and offline.
// The built-in molecules ship precomputed (molecule-structures.json, written by generate-structures.ts
// with this same code) because ring systems take openchemlib one to three seconds; anything else is
// generated on first use and cached in-process.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as OCLTypes from 'openchemlib';

type OCL = typeof OCLTypes;

/** Conformer seed: fixed so the same SMILES always gives the same coordinates. */
export const CONFORMER_SEED = 42;
export const FORCE_FIELD = 'MMFF94s+';

/** [atomic number, x, y, z (Å), formal charge] */
export type StructureAtom = [number, number, number, number, number];
/** [atom index, atom index, bond order 1..3] */
export type StructureBond = [number, number, number];

export interface Structure {
  smiles: string;
  /** openchemlib's canonical id of the structure (same molecule ⇔ same idcode). */
  idcode: string;
  /** False when MMFF94 had no parameters for some atom (B, hypervalent S, O3…): the conformer is unminimised. */
  minimised: boolean;
  /** Centred on the centroid, hydrogens explicit. */
  atoms: StructureAtom[];
  bonds: StructureBond[];
}

export class StructureError extends Error {
  override name = 'StructureError';
}

let ocl: OCL | undefined;

/** openchemlib, loaded on first use (it adds ~70 ms to start-up otherwise) with its resources registered. */
export function openChemLib(): OCL {
  if (!ocl) {
    const require = createRequire(import.meta.url);
    const lib = require('openchemlib') as OCL;
    lib.Resources.registerFromNodejs();
    ocl = lib;
  }
  return ocl;
}

/** Parses SMILES; throws StructureError with a readable reason. */
export function parseSmiles(smiles: string): OCLTypes.Molecule {
  const lib = openChemLib();
  let mol: OCLTypes.Molecule;
  try {
    mol = lib.Molecule.fromSmiles(smiles);
  } catch (e) {
    throw new StructureError(`"${smiles}" is not valid SMILES (${String((e as Error).message ?? e).replace(/^.*?: /, '')})`);
  }
  if (mol.getAllAtoms() === 0) throw new StructureError(`"${smiles}" has no atoms`);
  return mol;
}

const round = (v: number) => Math.round(v * 1000) / 1000 || 0;

/** Runs the conformer generator and force field. Slow for new ring systems (up to a few seconds). */
export function generateStructure(smiles: string): Structure {
  const lib = openChemLib();
  const mol = parseSmiles(smiles);
  const idcode = mol.getIDCode();
  const conformer = new lib.ConformerGenerator(CONFORMER_SEED).getOneConformerAsMolecule(mol);
  if (!conformer) throw new StructureError(`openchemlib found no 3D conformer for "${smiles}"`);
  const n = conformer.getAllAtoms();
  const before = Array.from({ length: n }, (_, i) => [conformer.getAtomX(i), conformer.getAtomY(i), conformer.getAtomZ(i)] as const);
  let minimised: boolean;
  try {
    minimised = new lib.ForceFieldMMFF94(conformer, FORCE_FIELD, {}).minimise() === 0;
  } catch {
    // MMFF94 has no atom types for some elements and bonding patterns; the conformer's geometry
    // (built from crystallographic bond lengths and angles) is still a faithful picture.
    minimised = false;
  }
  // A failed minimisation of a linear group can leave NaN behind: keep the conformer as it was.
  if (before.some((_, i) => ![conformer.getAtomX(i), conformer.getAtomY(i), conformer.getAtomZ(i)].every(Number.isFinite))) {
    minimised = false;
    before.forEach(([x, y, z], i) => {
      conformer.setAtomX(i, x);
      conformer.setAtomY(i, y);
      conformer.setAtomZ(i, z);
    });
  }
  let cx = 0;
  let cy = 0;
  let cz = 0;
  for (let i = 0; i < n; i++) {
    cx += conformer.getAtomX(i) / n;
    cy += conformer.getAtomY(i) / n;
    cz += conformer.getAtomZ(i) / n;
  }
  const atoms: StructureAtom[] = [];
  for (let i = 0; i < n; i++) {
    atoms.push([conformer.getAtomicNo(i), round(conformer.getAtomX(i) - cx), round(conformer.getAtomY(i) - cy), round(conformer.getAtomZ(i) - cz), conformer.getAtomCharge(i)]);
  }
  const bonds: StructureBond[] = [];
  for (let b = 0; b < conformer.getAllBonds(); b++) {
    bonds.push([conformer.getBondAtom(0, b), conformer.getBondAtom(1, b), conformer.getBondOrder(b)]);
  }
  return { smiles, idcode, minimised, atoms, bonds };
}

export interface BundledStructures {
  generator: { library: string; version: string; seed: number; forceField: string };
  /** By molecule name (molecule-table.ts). */
  molecules: Record<string, Structure>;
}

export const BUNDLE_URL = new URL('./molecule-structures.json', import.meta.url);

/**
 * Structures by SMILES: the shipped ones, then those generated in this process. Bounded, so a
 * stream of distinct SMILES strings cannot grow memory without limit.
 */
export class StructureStore {
  private bundle: Map<string, Structure> | undefined;
  private byIdcode: Map<string, string> | undefined;
  private readonly generated = new Map<string, Structure>();
  readonly maxGenerated: number;

  constructor(maxGenerated = 200) {
    this.maxGenerated = maxGenerated;
  }

  private loadBundle(): Map<string, Structure> {
    if (!this.bundle) {
      const data = JSON.parse(readFileSync(BUNDLE_URL, 'utf8')) as BundledStructures;
      this.bundle = new Map(Object.values(data.molecules).map((s) => [s.smiles, s]));
      this.byIdcode = new Map(Object.entries(data.molecules).map(([name, s]) => [s.idcode, name]));
    }
    return this.bundle;
  }

  /** The structure if it is shipped or already generated; never runs the (slow) generator. */
  peek(smiles: string): Structure | undefined {
    return this.loadBundle().get(smiles) ?? this.generated.get(smiles);
  }

  /** The 3D structure for a SMILES string (generated on first use when not shipped). */
  get(smiles: string): Structure {
    const shipped = this.loadBundle().get(smiles);
    if (shipped) return shipped;
    const cached = this.generated.get(smiles);
    if (cached) return cached;
    const structure = generateStructure(smiles);
    if (this.generated.size >= this.maxGenerated) this.generated.delete(this.generated.keys().next().value!);
    this.generated.set(smiles, structure);
    return structure;
  }

  /** The built-in molecule a SMILES string denotes, however it is written ("OCC" → ethanol). */
  nameOf(smiles: string): string | undefined {
    this.loadBundle();
    return this.byIdcode!.get(parseSmiles(smiles).getIDCode());
  }
}

/** The process's store (one per process: generated structures are worth keeping between requests). */
export const moleculeStructures = new StructureStore();
