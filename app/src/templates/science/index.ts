import type { AnyTemplate } from '../types.ts';
import { PHYSICS_TEMPLATES } from './physics/index.ts';
import { ASTRONOMY_TEMPLATES } from './astronomy/index.ts';
import { CHEMISTRY_TEMPLATES } from './chemistry/index.ts';
import { BIOLOGY_TEMPLATES } from './biology/index.ts';

export const SCIENCE_TEMPLATES: AnyTemplate[] = [...PHYSICS_TEMPLATES, ...ASTRONOMY_TEMPLATES, ...CHEMISTRY_TEMPLATES, ...BIOLOGY_TEMPLATES];
