import test from 'ava';
import * as THREE from 'three';
import { CompiledTimeline } from '../../src/scene/timeline.ts';
import * as OCL from 'openchemlib';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { ELEMENTS, elementByNumber } from '../../src/templates/science/chemistry/elements.ts';
import { countSymbols, hillFormula, molarMass, parseFormula } from '../../src/templates/science/chemistry/formula.ts';
import { moleculeComposition } from '../../src/templates/science/chemistry/molecule-facts.ts';
import { generateStructure, StructureStore, type Structure } from '../../src/templates/science/chemistry/molecule-geometry.ts';
import { MoleculeError, resolveMolecule } from '../../src/templates/science/chemistry/molecule-lookup.ts';
import { MOLECULES } from '../../src/templates/science/chemistry/molecule-table.ts';

OCL.Resources.registerFromNodejs();

/** The Hill formula of openchemlib's own composition of a SMILES string (its formula string is not in Hill order). */
function oclHill(smiles: string): string {
  return hillFormula(parseFormula(OCL.Molecule.fromSmiles(smiles).getMolecularFormula().formula).counts);
}

test('the table has at least 150 molecules, each name and synonym used once', (t) => {
  t.true(MOLECULES.length >= 150, `${MOLECULES.length} molecules`);
  const seen = new Map<string, string>();
  for (const m of MOLECULES) {
    for (const n of [m.name, ...m.synonyms]) {
      const key = n.toLowerCase();
      t.false(seen.has(key), `"${n}" names both ${seen.get(key)} and ${m.name}`);
      seen.set(key, m.name);
    }
  }
});

test('every row’s formula is the Hill formula openchemlib computes from its SMILES', (t) => {
  for (const m of MOLECULES) t.is(oclHill(m.smiles), m.formula, `${m.name}: ${m.smiles}`);
});

test('molar masses match known values and openchemlib for every row', (t) => {
  const known: Record<string, number> = { water: 18.015, caffeine: 194.19, glucose: 180.16, ethanol: 46.069, aspirin: 180.16, 'carbon dioxide': 44.01, 'sodium chloride': 58.44, methane: 16.043, benzene: 78.114 };
  for (const [name, mass] of Object.entries(known)) {
    const entry = MOLECULES.find((m) => m.name === name)!;
    t.true(Math.abs(molarMass(parseFormula(entry.formula).counts) - mass) < 0.01, name);
  }
  for (const m of MOLECULES) {
    const ocl = OCL.Molecule.fromSmiles(m.smiles).getMolecularFormula().relativeWeight;
    t.true(Math.abs(moleculeComposition(m.smiles).molarMass - ocl) / ocl < 5e-4, `${m.name}: ${moleculeComposition(m.smiles).molarMass} vs ${ocl}`);
  }
});

test('the element table has all 118 elements, with standard atomic weights agreeing with openchemlib', (t) => {
  t.is(ELEMENTS.length, 118);
  ELEMENTS.forEach((e, i) => t.is(e.z, i + 1));
  t.deepEqual(
    ['H', 'He', 'Na', 'Fe', 'Au', 'U', 'Og'].map((s) => ELEMENTS.find((e) => e.symbol === s)!.z),
    [1, 2, 11, 26, 79, 92, 118],
  );
  for (const e of ELEMENTS.filter((x) => !x.synthetic)) {
    const f = OCL.Molecule.fromSmiles(`[${e.symbol}]`).getMolecularFormula();
    // openchemlib saturates some atoms with hydrogen ([Al] → AlH3): take that back out.
    const hydrogens = e.symbol === 'H' ? 0 : (parseFormula(f.formula).counts.get('H') ?? 0);
    const weight = f.relativeWeight - hydrogens * 1.00794;
    t.true(Math.abs(weight - e.mass) / e.mass < 1e-3, `${e.symbol}: ${e.mass} vs ${weight}`);
  }
});

/** Rebuilds a molecule from shipped atoms and bonds; its stereo comes from the 3D coordinates alone. */
function fromStructure(s: Structure): OCL.Molecule {
  const mol = new OCL.Molecule(s.atoms.length, s.bonds.length);
  for (const [z, x, y, zz, charge] of s.atoms) {
    const a = mol.addAtom(z);
    mol.setAtomX(a, x);
    mol.setAtomY(a, y);
    mol.setAtomZ(a, zz);
    mol.setAtomCharge(a, charge);
  }
  for (const [a, b, order] of s.bonds) mol.setBondOrder(mol.addBond(a, b), order);
  return OCL.Molecule.fromMolfile(mol.toMolfile());
}

/** True when the SMILES leaves some stereo centre or double bond unspecified. */
function hasOpenStereo(smiles: string): boolean {
  const mol = OCL.Molecule.fromSmiles(smiles);
  mol.ensureHelperArrays(OCL.Molecule.cHelperCIP);
  for (let a = 0; a < mol.getAllAtoms(); a++) if (mol.isAtomStereoCenter(a) && mol.getAtomParity(a) === OCL.Molecule.cAtomParityUnknown) return true;
  for (let b = 0; b < mol.getAllBonds(); b++) if (mol.getBondParity(b) === OCL.Molecule.cBondParityUnknown) return true;
  return false;
}

/** Canonical id without any stereo: the atoms and bonds alone. */
function stereoFree(mol: OCL.Molecule): string {
  return OCL.Molecule.fromSmiles(mol.toIsomericSmiles(), { noStereo: true }).getIDCode();
}

test('every shipped 3D structure is its SMILES: same atoms, bonds and stereochemistry, no clashes', (t) => {
  const store = new StructureStore();
  for (const m of MOLECULES) {
    const s = store.peek(m.smiles);
    if (!s) {
      t.fail(`${m.name} has no shipped structure: run generate-structures.ts`);
      continue;
    }
    t.is(s.idcode, OCL.Molecule.fromSmiles(m.smiles).getIDCode(), m.name);
    t.is(hillFormula(countSymbols(s.atoms.map(([z]) => elementByNumber(z)!.symbol))), m.formula, m.name);
    // Chirality and cis/trans are read back from the coordinates: a mirror image would differ. Where the
    // SMILES leaves a centre open (ribose's anomeric carbon), the geometry must pick one: compare the rest.
    const rebuilt = fromStructure(s);
    if (hasOpenStereo(m.smiles)) t.is(stereoFree(rebuilt), stereoFree(OCL.Molecule.fromSmiles(m.smiles)), `${m.name}: 3D connectivity`);
    else t.is(rebuilt.getIDCode(), s.idcode, `${m.name}: 3D geometry does not reproduce the SMILES`);
    const d = (i: number, j: number) => Math.hypot(s.atoms[i]![1] - s.atoms[j]![1], s.atoms[i]![2] - s.atoms[j]![2], s.atoms[i]![3] - s.atoms[j]![3]);
    for (const [a, b] of s.bonds) t.true(d(a, b) > 0.6 && d(a, b) < 2.8, `${m.name}: bond ${a}-${b} is ${d(a, b)} Å`);
    const bonded = new Set(s.bonds.map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`));
    for (let i = 0; i < s.atoms.length; i++) {
      for (let j = i + 1; j < s.atoms.length; j++) {
        if (!bonded.has(`${i}-${j}`) && m.name !== 'sodium chloride') t.true(d(i, j) > 0.9, `${m.name}: atoms ${i} and ${j} clash (${d(i, j).toFixed(2)} Å)`);
      }
    }
  }
});

test('a chiral molecule’s mirror image is told apart (the stereo check above has teeth)', (t) => {
  const s = new StructureStore().peek(MOLECULES.find((m) => m.name === 'alanine')!.smiles)!;
  const mirrored: Structure = { ...s, atoms: s.atoms.map(([z, x, y, zz, c]) => [z, x, y, -zz, c]) };
  t.not(fromStructure(mirrored).getIDCode(), s.idcode);
});

test('generation is deterministic and matches what ships', (t) => {
  const water = MOLECULES.find((m) => m.name === 'water')!;
  const shipped = new StructureStore().peek(water.smiles)!;
  t.deepEqual(generateStructure(water.smiles), shipped);
  t.deepEqual(generateStructure('CC(C)(C)c1ccc(O)cc1'), generateStructure('CC(C)(C)c1ccc(O)cc1'));
});

// Generation and cache-hit times are figures for the bench (`molecules` in npm run bench), not asserts here:
// that the second call is served from the cache shows as the very same object coming back.
test('a SMILES outside the table is generated once, then served from the cache', (t) => {
  const store = new StructureStore();
  const smiles = 'CC(C)(C)c1ccc(O)cc1';
  t.is(store.peek(smiles), undefined);
  const first = store.get(smiles);
  t.is(store.peek(smiles), first);
  const again = store.get(smiles);
  t.is(again, first);
  t.is(hillFormula(countSymbols(first.atoms.map(([z]) => elementByNumber(z)!.symbol))), 'C10H14O');
});

// How long they take is a figure for the bench (`molecules.compose_built_in_ms` in npm run bench), not an assert here.
test('built-in molecules compose from the shipped structures, with no generation at request time', (t) => {
  const shipped = new StructureStore();
  for (const [text, name] of [
    ['caffeine molecule', 'caffeine'],
    ['cholesterol molecule', 'cholesterol'],
    ['space-filling model of sucrose', 'sucrose'],
  ] as const) {
    t.not(shipped.peek(MOLECULES.find((m) => m.name === name)!.smiles), undefined, `${name} ships with its structure`);
    const { scene, analysis } = sceneFromDescription(text, { width: 1280, height: 720, fps: 30 });
    t.is(analysis.template, 'chemistry.molecule', text);
    t.true(scene.objects.length > 0, text);
  }
});

test('names, synonyms, formulas in any order and SMILES all resolve', (t) => {
  const cases: [string, string][] = [
    ['caffeine', 'caffeine'],
    ['Caffeine', 'caffeine'],
    ['acetylsalicylic acid', 'aspirin'],
    ['Acetaminophen', 'paracetamol'],
    ['C8H10N4O2', 'caffeine'],
    ['H2O', 'water'],
    ['NaCl', 'sodium chloride'],
    ['ClNa', 'sodium chloride'],
    ['H2SO4', 'sulfuric acid'],
    ['C2H5OH', 'ethanol'],
    ['CH3COOH', 'acetic acid'],
    ['OCC', 'ethanol'],
    ['C(C)O', 'ethanol'],
    ['c1ccccc1', 'benzene'],
    ['C1=CC=CC=C1', 'benzene'],
  ];
  for (const [query, name] of cases) t.is(resolveMolecule(query).entry?.name, name, query);
  const custom = resolveMolecule('CC(C)(C)c1ccc(O)cc1');
  t.is(custom.entry, undefined);
  t.is(custom.label, 'CC(C)(C)c1ccc(O)cc1');
  t.deepEqual(resolveMolecule('C6H12O6').isomers, ['fructose', 'galactose']);
  for (const bad of ['unobtainium', 'C99H2', 'Xx2', '']) t.throws(() => resolveMolecule(bad), { instanceOf: MoleculeError }, bad);
  // Too big to build in 3D on request (the time grows fast with size): refused, not attempted.
  t.throws(() => resolveMolecule('C'.repeat(80)), { instanceOf: MoleculeError, message: /80 heavy atoms/ });
});

test('phrasings people use find the molecule they name', (t) => {
  const cases: [string, string, string?][] = [
    ['caffeine molecule', 'caffeine'],
    ['Rotate a 3D model of a water molecule', 'water'],
    ['Show me a spinning aspirin molecule please', 'aspirin'],
    ['How does a molecule of glucose look in 3D?', 'glucose'],
    ['Can you animate the structure of cholesterol?', 'cholesterol'],
    ['What does ethane look like in 3D', 'ethane'],
    ['Show me CO2', 'carbon dioxide'],
    ['H2O molecule', 'water'],
    ['molecule of C8H10N4O2', 'caffeine'],
    ['ball-and-stick model of ATP', 'atp', 'ball_and_stick'],
    ['Space-filling model of benzene', 'benzene', 'space_filling'],
    ['spacefilling METHANE', 'methane', 'space_filling'],
    ['Show the molecule with SMILES CCO', 'ethanol'],
    ['Draw the molecule CC(=O)O', 'acetic acid'],
    ['Show a hydrogen peroxide molecule', 'hydrogen peroxide'],
    ['Show the NaCl structure', 'sodium chloride'],
    ['show me the molecule of H2SO4', 'sulfuric acid'],
    ['trinitrotoluene molecule', 'tnt'],
    ['Visualize 2,4,6-trinitrotoluene in 3D', 'tnt'],
  ];
  for (const [text, molecule, representation] of cases) {
    const a = analyze(text);
    t.is(a.template, 'chemistry.molecule', text);
    t.is(a.params.molecule, molecule, text);
    if (representation) t.is(a.params.representation, representation, text);
  }
  const custom = analyze('Show the molecule CC(C)(C)c1ccc(O)cc1');
  t.is(custom.params.molecule, 'CC(C)(C)c1ccc(O)cc1');
  t.is(custom.facts.formula, 'C10H14O');
});

test('typos, several names and unknown molecules are warned about, never guessed silently', (t) => {
  const typo = analyze('Show a caffiene molecule');
  t.is(typo.params.molecule, 'caffeine');
  t.true(typo.warnings.some((w) => w.includes('caffiene')));
  const two = analyze('Show the molecule of ethanol and water');
  t.is(two.params.molecule, 'ethanol');
  t.true(two.warnings.some((w) => w.includes('several molecules')));
  const unknown = analyze('Show the unobtainium molecule rotating');
  t.is(unknown.params.molecule, 'caffeine');
  t.true(unknown.warnings.some((w) => w.includes('unknown molecule "unobtainium"')));
  const noMatch = analyze('molecule with formula C99H2');
  t.true(noMatch.warnings.some((w) => w.includes('C99H2')));
  const generic = analyze('Show complex molecular structure rotation');
  t.is(generic.params.molecule, 'caffeine');
  t.deepEqual(generic.warnings, []);
  t.throws(() => analyze('x', { template: 'chemistry.molecule', params: { molecule: 'unobtainium' } }), { message: /unknown molecule/ });
});

test('facts are computed from the structure: Hill formula, atoms, bonds, molar mass', (t) => {
  const caffeine = analyze('caffeine molecule').facts;
  t.like(caffeine, { formula: 'C8H10N4O2', atom_count: 24, bond_count: 25 });
  t.true(Math.abs((caffeine.molar_mass as number) - 194.19) < 0.01);
  t.like(analyze('water molecule').facts, { formula: 'H2O', atom_count: 3, bond_count: 2 });
  // Bonds of a tree-shaped molecule: atoms − 1; each ring adds one.
  t.is(analyze('propane molecule').facts.bond_count, 10);
  t.is(analyze('cyclohexane molecule').facts.bond_count, 18);
});

test('the scene: one sphere per atom, bonds from/to, a turning group, a framing camera, labels in view', (t) => {
  const { scene } = sceneFromDescription('caffeine molecule', { width: 1280, height: 720, fps: 30 });
  const meshes = scene.objects.filter((o) => o.type === 'mesh');
  const spheres = meshes.filter((m) => m.shape === 'sphere');
  t.is(spheres.length, 24);
  const sticks = meshes.filter((m) => m.shape === 'cylinder');
  t.true(sticks.every((m) => m.from && m.to && m.parent === 'molecule'));
  // 25 bonds, 4 of them double (two C=O, one C=C, one C=N): two halves per stick.
  t.is(sticks.length, 2 * (25 + 4));
  t.is(scene.camera.type, 'perspective');
  const turns = scene.timeline.filter((e) => e.type === 'tween' && e.target === 'molecule' && e.property === 'rotationY');
  t.is(Math.min(...turns.map((e) => (e.type === 'tween' ? e.start : 0))), 0);
  t.is(Math.max(...turns.map((e) => (e.type === 'tween' ? e.start + e.duration : 0))), scene.duration);
  t.true(turns.some((e) => e.type === 'tween' && e.to === 360));
  const math = scene.objects.find((o) => o.type === 'math');
  t.is(math?.type === 'math' ? math.latex : '', '\\mathrm{C}_{8}\\mathrm{H}_{10}\\mathrm{N}_{4}\\mathrm{O}_{2}');
  const texts = scene.objects.filter((o) => o.type === 'text');
  t.true(texts.some((o) => o.type === 'text' && o.text === 'Caffeine'));
  t.true(texts.some((o) => o.type === 'text' && o.text === '194.2 g/mol'));
  for (const o of texts) t.true(Math.abs(o.x) < 7.6 && Math.abs(o.y) < 4.3, `${o.id} at ${o.x}, ${o.y}`);
  t.true(scene.narration.steps.length >= 4);
  const space = sceneFromDescription('space filling caffeine', { width: 1280, height: 720, fps: 30 }).scene;
  t.is(space.objects.filter((o) => o.type === 'mesh' && o.shape === 'cylinder').length, 0);
});

test('content checklist: a flat molecule turns about a tilted axis and never shows edge-on', (t) => {
  for (const name of ['benzene', 'caffeine']) {
    const { scene } = sceneFromDescription(`Show a ${name} molecule rotating in 3D`, { width: 1280, height: 720, fps: 30 });
    const tl = new CompiledTimeline(scene);
    const deg = Math.PI / 180;
    const node = (id: string, at: number) => {
      const o = new THREE.Object3D();
      o.rotation.set((tl.valueAt(id, 'rotationX', at) as number) * deg, (tl.valueAt(id, 'rotationY', at) as number) * deg, (tl.valueAt(id, 'rotation', at) as number) * deg);
      return o;
    };
    const atoms = scene.objects.filter((o) => o.parent === 'molecule' && o.type === 'mesh' && o.shape === 'sphere').flatMap((o) => (o.type === 'mesh' ? [new THREE.Vector3(o.x, o.y, o.z)] : []));
    let thinnest = Infinity;
    for (let i = 0; i <= 72; i++) {
      const at = (scene.duration * i) / 72;
      // The player's hierarchy: the axis group, the turning group inside it, the atoms inside that.
      const axis = node('molecule-axis', at);
      const turn = node('molecule', at);
      axis.add(turn);
      axis.updateMatrixWorld(true);
      const seen = atoms.map((p) => p.clone().applyMatrix4(turn.matrixWorld));
      // The spread of the atoms as seen (x, y): its smaller principal spread against its larger one.
      const mx = seen.reduce((s, p) => s + p.x, 0) / seen.length;
      const my = seen.reduce((s, p) => s + p.y, 0) / seen.length;
      const [sxx, syy, sxy] = seen.reduce(([a, b, c], p) => [a + (p.x - mx) ** 2, b + (p.y - my) ** 2, c + (p.x - mx) * (p.y - my)], [0, 0, 0]);
      const mean = (sxx + syy) / 2;
      const spread = Math.sqrt(((sxx - syy) / 2) ** 2 + sxy ** 2);
      thinnest = Math.min(thinnest, Math.sqrt((mean - spread) / (mean + spread)));
    }
    // Edge-on, a flat ring would be a line (ratio ≈ 0); face on, benzene is round (ratio 1).
    t.true(thinnest > 0.3, `${name}: thinnest view ${thinnest.toFixed(2)} of its width`);
    const spins = scene.timeline.filter((e) => e.type === 'tween' && e.target === 'molecule').map((e) => (e.type === 'tween' ? e.property : ''));
    t.true(spins.length > 0 && spins.every((p) => p === 'rotationY'));
    t.true(
      scene.objects.some((o) => o.id === 'molecule-axis' && o.type === 'group' && o.rotationX > 45),
      'the turn axis leans toward the viewer',
    );
  }
});
