// chemistry.molecule: a molecule's real 3D shape (openchemlib conformer + MMFF94), built up atom by
// atom, then turning, with its formula, molar mass and a colour key.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../../types.ts';
import { TimelineBuilder } from '../../timeline-builder.ts';
import { elementBySymbol } from './elements.ts';
import { formulaLatex, hillOrder } from './formula.ts';
import { moleculeComposition } from './molecule-facts.ts';
import { moleculeStructures } from './molecule-geometry.ts';
import { findMolecule, moleculeWordsPattern, MoleculeError, resolveMolecule } from './molecule-lookup.ts';
import { atomColor, buildMoleculeModel, type ModelExtent } from './molecule-model.ts';
import { DEFAULT_MOLECULE } from './molecule-table.ts';
import { formatNumber } from '../../format/index.ts';

const params = z.object({
  molecule: z
    .string()
    .max(300)
    .default(DEFAULT_MOLECULE)
    .superRefine((value, ctx) => {
      try {
        resolveMolecule(value);
      } catch (e) {
        if (!(e instanceof MoleculeError)) throw e;
        ctx.addIssue({ code: 'custom', message: e.message });
      }
    }),
  representation: z.enum(['ball_and_stick', 'space_filling']).default('ball_and_stick'),
});
type MoleculeParams = z.infer<typeof params>;

/** Vertical field of view of the camera, degrees. */
const FOV = 35;
/** Room for the turning model between the side panels and below the formula, screen units from its centre. */
const ROOM_HALF_WIDTH = 4.2;
const ROOM_HALF_HEIGHT = 3.0;
/** Where the molecule's centre sits on screen (below the title and formula). */
const SCREEN_CENTRE_Y = -0.45;
/** Tiny molecules are not blown up past this (screen units per ångström) to keep perspective mild. */
const MAX_ZOOM = 1.4;
const TILT_DEG = 12;
/**
 * The turn's axis leans this far toward the viewer. A flat molecule faces the viewer at the start (its plane is
 * the principal axes' x–y); turning about an upright axis would show it edge-on twice a turn, a line of atoms.
 * About this tilted axis its face stays at least 18° from edge-on all the way round (see spinTilt below).
 */
export const SPIN_TILT_DEG = 60;
/** How far the model turns while it is being built: enough to read as 3D, never edge-on. */
const BUILD_TURN_DEG = 40;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Molar masses to four figures (the house formatter's most): "194.2", "18.02". */
function formatMass(m: number): string {
  return formatNumber(m, { sigFigs: 4 });
}

function extractRepresentation(normalized: string): MoleculeParams['representation'] | undefined {
  if (/\bspace ?fill|\bspacefill|\bvan der waals|\bcpk model|\bcalotte/.test(normalized)) return 'space_filling';
  if (/\bball (and|&|n) stick|\bball stick|\bstick model/.test(normalized)) return 'ball_and_stick';
  return undefined;
}

/**
 * A camera distance at which the model fits its room at every angle of its turn about the vertical
 * axis. A point at horizontal radius ρ projects widest when it sits at ρ/d of the way towards the
 * camera, at ρ/√(d² − ρ²); the vertical extent is checked at the nearest depth, d − ρ.
 */
function frameCamera(extent: ModelExtent & { sphere?: number }, aspect: number): NonNullable<Composition['camera']> {
  const tanV = Math.tan((FOV / 2) * (Math.PI / 180));
  const tanH = tanV * aspect;
  const kH = (ROOM_HALF_WIDTH / (4.5 * aspect)) * tanH;
  const kV = (ROOM_HALF_HEIGHT / 4.5) * tanV;
  // Turning about a tilted axis, any atom may come to any side: frame the sphere that holds them all.
  const sphere = extent.sphere ?? Math.hypot(extent.radius, extent.halfHeight);
  const distance = Math.max(sphere * Math.sqrt(1 + 1 / (kH * kH)), sphere + sphere / kV, 4.5 / (MAX_ZOOM * tanV));
  const shift = (-SCREEN_CENTRE_Y / 4.5) * distance * tanV;
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return { type: 'perspective', fov: FOV, x: 0, y: r(shift), z: r(distance), targetX: 0, targetY: r(shift), targetZ: 0 };
}

/** The radius of the smallest sphere about the model's centre that holds every atom (its surface included). */
function boundingSphere(objects: Composition['objects'], groupId: string): number {
  let r = 0;
  for (const o of objects) if (o.parent === groupId && o.type === 'mesh' && o.shape === 'sphere') r = Math.max(r, Math.hypot(o.x ?? 0, o.y ?? 0, o.z ?? 0) + (o.radius ?? 0));
  return r;
}

/** Rotates the model's atoms and bonds (children of `groupId`) by −deg about x, the turn's lean taken back. */
function leanBack(objects: Composition['objects'], groupId: string, deg: number): Composition['objects'] {
  const a = (-deg * Math.PI) / 180;
  const [c, sn] = [Math.cos(a), Math.sin(a)];
  const r = (v: number) => Math.round(v * 1000) / 1000;
  const rot = ([x, y, z]: [number, number, number]): [number, number, number] => [r(x), r(y * c - z * sn), r(y * sn + z * c)];
  return objects.map((o) => {
    if (o.parent !== groupId || o.type !== 'mesh') return o;
    const [x, y, z] = rot([o.x ?? 0, o.y ?? 0, o.z ?? 0]);
    return { ...o, x, y, z, ...(o.from ? { from: rot(o.from) } : {}), ...(o.to ? { to: rot(o.to) } : {}) };
  });
}

export const chemistryMolecule = defineTemplate<MoleculeParams>({
  id: 'chemistry.molecule',
  title: 'Molecule in 3D',
  category: 'chemistry',
  style: 'scientific',
  example: 'Show a caffeine molecule rotating in 3D',
  params,
  // Molecule names are matched by findMolecule (with its own typo tolerance), not the global corrector:
  // "ethane" must not become "methane".
  vocabulary: ['molecule', 'molecules', 'molecular', 'stick', 'sticks', 'filling', 'spacefilling', 'space'],
  triggers: [
    { pattern: /\bmolecul(e|es|ar)\b/, score: 0.8 },
    { pattern: /\b(ball (and|&) stick|space ?filling|spacefill)\b/, score: 0.9 },
    { pattern: /\bsmiles\b/, score: 0.85 },
    { pattern: /\b(3d|three dimensional) (structure|model|shape) of\b/, score: 0.6 },
    // A molecule's name or formula alone ("what does caffeine look like", "show me CO2").
    { pattern: moleculeWordsPattern(), score: 0.55 },
  ],
  extract(text, warnings) {
    const out: Partial<MoleculeParams> = {};
    const found = findMolecule(text.original, warnings);
    if (found.molecule) out.molecule = found.molecule;
    for (const w of found.used) text.used.add(w);
    const representation = extractRepresentation(text.normalized);
    if (representation) out.representation = representation;
    for (const w of ['molecule', 'molecular']) if (text.normalized.includes(w)) text.used.add(w);
    return out;
  },
  facts({ molecule }) {
    const resolved = resolveMolecule(molecule);
    const c = moleculeComposition(resolved.smiles);
    return { name: resolved.label, formula: c.formula, atom_count: c.atomCount, bond_count: c.bondCount, molar_mass: c.molarMass };
  },
  compose({ molecule, representation }, _facts, ctx) {
    const resolved = resolveMolecule(molecule);
    const structure = moleculeStructures.get(resolved.smiles);
    const c = moleculeComposition(resolved.smiles);
    const groupId = 'molecule';
    const model = buildMoleculeModel(structure, representation, groupId);
    const title = resolved.entry ? capitalise(resolved.entry.name) : 'Molecule from SMILES';
    const elements = hillOrder(c.counts);
    const tl = new TimelineBuilder();

    const objects: Composition['objects'] = [
      { id: 'title', type: 'text', text: title, x: 0, y: 3.85, size: 0.6, weight: 700, color: '$foreground', maxWidth: 14 },
      { id: 'formula', type: 'math', latex: formulaLatex(c.formula), x: 0, y: 3.05, size: 0.5, color: '$primary' },
      // The axis group leans the turn toward the viewer; the model inside is leaned back so that, unturned,
      // it shows as before: face on, seen from TILT_DEG above.
      { id: `${groupId}-axis`, type: 'group', rotationX: SPIN_TILT_DEG },
      { id: groupId, type: 'group', parent: `${groupId}-axis` },
      ...leanBack(model.objects, groupId, SPIN_TILT_DEG - TILT_DEG),
      { id: 'mass-label', type: 'text', text: 'Molar mass', x: -7.4, y: 0.9, size: 0.3, align: 'left', color: '$muted' },
      { id: 'mass', type: 'text', text: `${formatMass(c.molarMass)} g/mol`, x: -7.4, y: 0.4, size: 0.42, align: 'left', weight: 600, color: '$foreground' },
      { id: 'atoms-label', type: 'text', text: 'Atoms', x: -7.4, y: -0.4, size: 0.3, align: 'left', color: '$muted' },
      { id: 'atoms', type: 'text', text: String(c.atomCount), x: -7.4, y: -0.9, size: 0.42, align: 'left', weight: 600, color: '$foreground' },
      { id: 'bonds-label', type: 'text', text: 'Bonds', x: -7.4, y: -1.7, size: 0.3, align: 'left', color: '$muted' },
      { id: 'bonds', type: 'text', text: String(c.bondCount), x: -7.4, y: -2.2, size: 0.42, align: 'left', weight: 600, color: '$foreground' },
      {
        id: 'method',
        type: 'text',
        text: `${representation === 'space_filling' ? 'Space-filling (van der Waals radii)' : 'Ball-and-stick'} · 3D geometry: ${structure.minimised ? 'MMFF94 force field' : 'openchemlib conformer'}`,
        x: 0,
        y: -4.05,
        size: 0.28,
        color: '$muted',
      },
    ];
    if (!resolved.entry) {
      const shown = resolved.smiles.length > 48 ? `${resolved.smiles.slice(0, 47)}…` : resolved.smiles;
      objects.push({ id: 'smiles', type: 'text', text: shown, x: 0, y: 2.45, size: 0.3, font: 'mono', color: '$muted', maxWidth: 14 });
    }
    // Colour key: one row per element, in Hill order.
    const legend = elements.slice(0, 8);
    const legendTop = ((legend.length - 1) * 0.55) / 2 + SCREEN_CENTRE_Y;
    legend.forEach(([symbol, count], i) => {
      const element = elementBySymbol(symbol)!;
      const y = legendTop - i * 0.55;
      objects.push({ id: `key-dot${i}`, type: 'circle', x: 5.0, y, radius: 0.16, fill: atomColor(element.z), stroke: '$muted', strokeWidth: 0.02 });
      objects.push({ id: `key-text${i}`, type: 'text', text: `${element.name} ×${count}`, x: 5.35, y, size: 0.3, align: 'left', color: '$foreground' });
    });

    const name = resolved.entry ? capitalise(resolved.entry.name) : `The molecule ${resolved.smiles}`;
    const kind = resolved.entry ? ` is ${resolved.entry.kind}` : '';
    tl.narrate(`${name} (${c.formula})${kind}.`, 2.4, ['formula']);
    tl.appear('title', 0.6).appear('formula', 0.6, 'fade', 0.3);
    if (!resolved.entry) tl.appear('smiles', 0.6, 'fade', 0.3);
    tl.wait(0.8);

    // Heavy atoms first: they are the skeleton a chemist reads the structure from.
    const heavyNames = elements.filter(([s]) => s !== 'H').map(([s]) => elementBySymbol(s)!.name.toLowerCase());
    const colourWords = heavyNames.slice(0, 4).join(', ');
    tl.narrate(model.heavyAtomIds.length ? `The ${colourWords} atoms form the skeleton; the key on the right gives each element's colour.` : 'The atoms appear.', 2, model.heavyAtomIds.slice(0, 100));
    legend.forEach((_, i) => {
      tl.appear(`key-dot${i}`, 0.4, 'grow', tl.t + i * 0.1);
      tl.appear(`key-text${i}`, 0.4, 'fade', tl.t + i * 0.1);
    });
    const heavyStep = Math.min(0.12, 1.6 / Math.max(1, model.heavyAtomIds.length));
    model.heavyAtomIds.forEach((id, i) => tl.appear(id, 0.45, 'grow', tl.t + i * heavyStep));
    tl.wait(heavyStep * model.heavyAtomIds.length + 0.5);

    if (representation === 'ball_and_stick' && model.bondIds.length) {
      const multiple = structure.bonds.filter(([, , o]) => o > 1).length;
      tl.narrate(`${c.bondCount} bonds hold them together${multiple ? `; the ${multiple} double or triple bond${multiple === 1 ? ' is' : 's are'} drawn as parallel sticks` : ''}.`, 2, model.bondIds.slice(0, 100));
      const bondStep = Math.min(0.03, 0.9 / model.bondIds.length);
      model.bondIds.forEach((id, i) => tl.appear(id, 0.4, 'fade', tl.t + i * bondStep));
      tl.wait(bondStep * model.bondIds.length + 0.5);
    }
    if (model.hydrogenIds.length) {
      tl.narrate(`${model.hydrogenIds.length} hydrogen atoms complete the molecule: ${c.atomCount} atoms in all.`, 2, model.hydrogenIds.slice(0, 100));
      const hStep = Math.min(0.08, 1 / model.hydrogenIds.length);
      model.hydrogenIds.forEach((id, i) => tl.appear(id, 0.4, 'grow', tl.t + i * hStep));
      tl.wait(hStep * model.hydrogenIds.length + 0.5);
    }

    const built = tl.t;
    const sum = elements.map(([s, n]) => `${n} × ${formatMass(elementBySymbol(s)!.mass)}`).join(' + ');
    tl.narrate(`Molar mass: ${sum} = ${formatMass(c.molarMass)} g/mol.`, 2.5, ['mass']);
    for (const id of ['mass-label', 'mass', 'atoms-label', 'atoms', 'bonds-label', 'bonds', 'method']) tl.appear(id, 0.5, 'fade', tl.t);
    tl.add({ type: 'highlight', target: 'mass', at: tl.t + 0.5, duration: 1.2, color: '$accent' });
    tl.wait(2.5);
    tl.narrate(
      representation === 'space_filling'
        ? 'Each atom is drawn at its van der Waals radius: the space the molecule really fills.'
        : `Turning the model shows its real 3D shape${structure.minimised ? ', relaxed with the MMFF94 force field' : ''}.`,
      3,
      ['molecule'],
    );
    tl.wait(3);
    // The last caption is held until read (pacing.ts) before the length the motion spans is fixed.
    const duration = tl.hold().t;
    // The model turns through the whole animation: a little while it is built (a planar molecule seen
    // edge-on would hide the atoms as they appear), then a full turn back to the front view.
    tl.add({ type: 'tween', target: groupId, property: 'rotationY', from: 0, to: BUILD_TURN_DEG, start: 0, duration: built, easing: 'easeInOutSine' });
    tl.add({ type: 'tween', target: groupId, property: 'rotationY', from: BUILD_TURN_DEG, to: 360, start: built, duration: duration - built, easing: 'easeInOutSine' });
    tl.finish(duration);
    return { objects, timeline: tl.entries, narration: tl.steps, duration, camera: frameCamera({ ...model.extent, sphere: boundingSphere(model.objects, groupId) }, ctx.aspect), title };
  },
});
