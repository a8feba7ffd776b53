// What a molecule is made of: element counts (hydrogens included), atoms, bonds, Hill formula and molar
// mass. From the 3D structure when one is at hand, else straight from the SMILES (no 3D needed).
import { elementByNumber } from './elements.ts';
import { countSymbols, hillFormula, molarMass, parseFormula, type ElementCounts } from './formula.ts';
import { moleculeStructures, openChemLib, parseSmiles } from './molecule-geometry.ts';

export interface MoleculeComposition {
  counts: ElementCounts;
  formula: string;
  atomCount: number;
  bondCount: number;
  /** g/mol */
  molarMass: number;
}

function fromCounts(counts: ElementCounts, bondCount: number): MoleculeComposition {
  return {
    counts,
    formula: hillFormula(counts),
    atomCount: [...counts.values()].reduce((a, b) => a + b, 0),
    bondCount,
    molarMass: molarMass(counts),
  };
}

export function moleculeComposition(smiles: string): MoleculeComposition {
  const structure = moleculeStructures.peek(smiles);
  if (structure) {
    const counts = countSymbols(structure.atoms.map(([z]) => elementByNumber(z)!.symbol));
    return fromCounts(counts, structure.bonds.length);
  }
  openChemLib();
  const mol = parseSmiles(smiles);
  const counts = parseFormula(mol.getMolecularFormula().formula).counts;
  let explicitH = 0;
  for (let i = 0; i < mol.getAllAtoms(); i++) if (mol.getAtomicNo(i) === 1) explicitH++;
  // Every implicit hydrogen adds one bond to the heavy-atom skeleton.
  const implicitH = (counts.get('H') ?? 0) - explicitH;
  return fromCounts(counts, mol.getAllBonds() + implicitH);
}
