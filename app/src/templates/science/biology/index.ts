import type { AnyTemplate } from '../../types.ts';
import { biologyDna } from './dna.ts';

export const BIOLOGY_TEMPLATES: AnyTemplate[] = [biologyDna];
