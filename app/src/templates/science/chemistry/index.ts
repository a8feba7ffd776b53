import type { AnyTemplate } from '../../types.ts';
import { chemistryAtom } from './atom.ts';
import { chemistryMolecule } from './molecule.ts';
import { chemistryReaction } from './reaction.ts';

export const CHEMISTRY_TEMPLATES: AnyTemplate[] = [chemistryMolecule, chemistryAtom, chemistryReaction];
